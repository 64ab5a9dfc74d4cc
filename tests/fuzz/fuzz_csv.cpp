// libFuzzer target for the csv reader: any bytes must give either a graph
// or located problems, never a crash, a hang or a sanitizer report.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "ingest/csv.hpp"

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
  const std::string text(reinterpret_cast<const char*>(data), size);
  const kg::ReadResult result = read_tables(text);
  // Exactly one of: a graph, or problems.
  if (result.graph.has_value() == !result.problems.empty()) std::abort();
  for (const auto& problem : result.problems) {
    if (problem.message.empty()) std::abort();
  }
  if (result.graph) {
    const kg::Graph& graph = *result.graph;
    for (kg::RelationId r = 0; r < graph.relation_count(); ++r) {
      if (graph.source(r) >= graph.entity_count() || graph.target(r) >= graph.entity_count()) std::abort();
    }
  }
  return 0;
}
