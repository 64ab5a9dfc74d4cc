// libFuzzer target for the jsonl reader (tests/fuzz/check_result.hpp).
#include <cstddef>
#include <cstdint>
#include <string>

#include "ingest/jsonl.hpp"
#include "tests/fuzz/check_result.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  check_read_result(kg::read_jsonl_text(std::string(reinterpret_cast<const char*>(data), size), "fuzz.jsonl"));
  return 0;
}
