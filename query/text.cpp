#include "query/text.hpp"

#include <fmt/core.h>

#include "query/printable.hpp"

namespace kg::query {

std::string date_text(const Graph& graph, RelationId r) {
  return date_range_text(graph.date(r), graph.until(r));
}

std::string relation_text(const Graph& graph, RelationId r, EntityId from, bool mark_undated) {
  const bool forward = graph.source(r) == from;
  const EntityId other = forward ? graph.target(r) : graph.source(r);
  const bool symmetric = graph.both_ways(graph.relation_type(r));
  std::string label = printable(graph.relation_type_name(graph.relation_type(r)));
  const std::string dates = date_text(graph, r);
  if (!dates.empty()) label += " " + dates;
  if (graph.date(r).empty() && mark_undated) label += " undated";
  const char* left = symmetric || forward ? "-[" : "<-[";
  const char* right = symmetric || !forward ? "]-" : "]->";
  return fmt::format("{} {}{}{} {}", printable(graph.entity_name(from)), left, label, right,
                     printable(graph.entity_name(other)));
}

std::string evidence_text(const Graph& graph, RelationId r, std::string_view indent) {
  const auto evidence = graph.evidence(r);
  if (evidence.empty()) return fmt::format("{}(no evidence recorded)\n", indent);
  std::string text;
  for (const auto& e : evidence) {
    text += fmt::format("{}\"{}\" ({})\n", indent, printable(graph.str(e.quote)),
                        printable(graph.str(graph.sources()[e.source].id)));
  }
  return text;
}

std::string counted(std::size_t n, const char* singular, const char* plural) {
  return std::to_string(n) + " " + (n == 1 ? singular : plural);
}

}  // namespace kg::query
