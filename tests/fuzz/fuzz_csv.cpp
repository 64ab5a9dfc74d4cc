// libFuzzer target for the CSV reader (tests/fuzz/check_result.hpp).
#include <cstddef>
#include <cstdint>
#include <string>

#include "ingest/csv.hpp"
#include "tests/fuzz/check_result.hpp"

namespace {

// The input is split at its first NUL into an entities table and a
// relations table, so that both and their interplay are fuzzed.
kg::ReadResult read_tables(const std::string& text) {
  const auto nul = text.find('\0');
  if (nul == std::string::npos) return kg::read_csv_texts(text, "");
  return kg::read_csv_texts(text.substr(0, nul), text.substr(nul + 1));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  check_read_result(read_tables(std::string(reinterpret_cast<const char*>(data), size)));
  return 0;
}
