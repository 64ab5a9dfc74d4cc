// libFuzzer target for the graphml reader: any bytes must give either a graph
// or located problems, never a crash, a hang or a sanitizer report.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "ingest/graphml.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const kg::ReadResult result = kg::read_graphml_text(text, "fuzz.graphml");
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
