#include "query/text.hpp"

#include <fmt/core.h>

namespace kg::query {

std::string date_text(const Graph& graph, RelationId r) {
  const Date date = graph.date(r), until = graph.until(r);
  if (until.empty()) return date.to_string();
  return date.to_string() + ".." + until.to_string();
}

std::string relation_text(const Graph& graph, RelationId r, EntityId from) {
  const bool forward = graph.source(r) == from;
  const EntityId other = forward ? graph.target(r) : graph.source(r);
  const bool symmetric = graph.both_ways(graph.relation_type(r));
  std::string label(graph.relation_type_name(graph.relation_type(r)));
  const std::string dates = date_text(graph, r);
  if (!dates.empty()) label += " " + dates;
  const char* left = symmetric || forward ? "-[" : "<-[";
  const char* right = symmetric || !forward ? "]-" : "]->";
  return fmt::format("{} {}{}{} {}", graph.entity_name(from), left, label, right, graph.entity_name(other));
}

std::string counted(std::size_t n, const char* singular, const char* plural) {
  return std::to_string(n) + " " + (n == 1 ? singular : plural);
}

}  // namespace kg::query
