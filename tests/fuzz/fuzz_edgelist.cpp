// libFuzzer target for the edge list reader (tests/fuzz/check_result.hpp).
#include <cstddef>
#include <cstdint>
#include <string>

#include "ingest/edgelist.hpp"
#include "tests/fuzz/check_result.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  check_read_result(kg::read_edgelist_text(std::string(reinterpret_cast<const char*>(data), size), "fuzz.edgelist"));
  return 0;
}
