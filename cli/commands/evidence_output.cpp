#include "cli/commands/evidence_output.hpp"

#include <fmt/core.h>
#include <unistd.h>

#include <cstdio>

#include "cli/text.hpp"
#include "query/text.hpp"

namespace kg::cli {

void print_evidence(const Graph& graph, RelationId r, std::string_view indent) {
  print_text(query::evidence_text(graph, r, indent));
}

void print_unnamed_endpoints_note(const Graph& graph, const EntityMentions& mentions, RelationId r,
                                  std::string_view indent) {
  if (endpoint_coverage(graph, mentions, r) != EndpointCoverage::Neither) return;
  fmt::print("{}(no quote names {} or {})\n", indent, printable(graph.entity_name(graph.source(r))),
             printable(graph.entity_name(graph.target(r))));
}

bool stdout_is_terminal() { return isatty(fileno(stdout)) == 1; }

}  // namespace kg::cli
