// libFuzzer target for the GEXF reader (tests/fuzz/check_result.hpp).
#include <cstddef>
#include <cstdint>
#include <string>

#include "ingest/gexf.hpp"
#include "tests/fuzz/check_result.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  check_read_result(kg::read_gexf_text(std::string(reinterpret_cast<const char*>(data), size), "fuzz.gexf"));
  return 0;
}
