#include "cli/commands/evidence_output.hpp"

#include <fmt/core.h>
#include <unistd.h>

#include <cstdio>

#include "cli/text.hpp"

namespace kg::cli {

void print_evidence(const Graph& graph, RelationId r, std::string_view indent) {
  const auto evidence = graph.evidence(r);
  if (evidence.empty()) fmt::print("{}(no evidence recorded)\n", indent);
  for (const auto& e : evidence) {
    fmt::print("{}\"{}\" ({})\n", indent, printable(graph.str(e.quote)), printable(graph.str(graph.sources()[e.source].id)));
  }
}

void print_unnamed_endpoints_note(const Graph& graph, const EntityMentions& mentions, RelationId r,
                                  std::string_view indent) {
  if (endpoint_coverage(graph, mentions, r) != EndpointCoverage::Neither) return;
  fmt::print("{}(no quote names {} or {})\n", indent, printable(graph.entity_name(graph.source(r))),
             printable(graph.entity_name(graph.target(r))));
}

bool stdout_is_terminal() { return isatty(fileno(stdout)) == 1; }

}  // namespace kg::cli
