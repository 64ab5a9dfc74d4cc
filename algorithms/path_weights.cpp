// Relation weights for Dijkstra and weighted Yen: parsed from an attribute
// name or a TYPE=WEIGHT table, checked against the graph.
#include "algorithms/paths.hpp"

#include <cmath>
#include <cstdlib>
#include <string>

#include "graph/exception.hpp"
#include "graph/lookup.hpp"

namespace kg {


namespace {

double parse_weight(std::string_view text, std::string_view context) {
  const std::string copy(text);
  char* end = nullptr;
  const double value = copy.empty() ? NAN : std::strtod(copy.c_str(), &end);
  if (copy.empty() || end != copy.c_str() + copy.size() || !std::isfinite(value)) {
    throw InvalidArgument(Field{"weights"}, "'" + std::string(context) + "': '" + copy + "' is not a number");
  }
  if (value < 0) throw InvalidArgument(Field{"weights"}, "'" + std::string(context) + "': weights must not be negative");
  return value;
}

}  // namespace

Weights Weights::parse(std::string_view spec) {
  Weights weights;
  if (spec.empty()) throw InvalidArgument(Field{"weights"}, "empty; give an attribute or TYPE=WEIGHT,...");
  if (spec.find('=') == std::string_view::npos) {
    if (spec.find(',') != std::string_view::npos) {
      throw InvalidArgument(Field{"weights"}, "'" + std::string(spec) + "': one attribute, or TYPE=WEIGHT pairs");
    }
    weights.attribute = std::string(spec);
    return weights;
  }
  std::size_t begin = 0;
  while (begin <= spec.size()) {
    const std::size_t comma = std::min(spec.find(',', begin), spec.size());
    const std::string_view entry = spec.substr(begin, comma - begin);
    const std::size_t equals = entry.find('=');
    if (equals == std::string_view::npos || equals == 0) {
      throw InvalidArgument(Field{"weights"}, "'" + std::string(entry) + "' is not TYPE=WEIGHT");
    }
    const std::string type(entry.substr(0, equals));
    for (const auto& [given, weight] : weights.by_type) {
      if (given == type) {
        throw InvalidArgument(Field{"weights"},
                              "'" + type + "' given twice ('" + std::string(spec) + "'): one weight per relation type");
      }
    }
    weights.by_type.emplace_back(type, parse_weight(entry.substr(equals + 1), entry));
    begin = comma + 1;
  }
  return weights;
}

void Weights::validate(const Graph& graph) const {
  if (attribute.empty() == by_type.empty()) {
    throw InvalidArgument(Field{"weights"}, "give either an attribute or a table of relation types");
  }
  if (!std::isfinite(default_weight) || default_weight < 0) {
    throw InvalidArgument(Field{"weights"}, "the default weight must be a non-negative number");
  }
  std::vector<std::string_view> type_names;
  for (TypeId t = 0; t < graph.relation_type_count(); ++t) type_names.push_back(graph.relation_type_name(t));
  for (const auto& [type, weight] : by_type) {
    if (!std::isfinite(weight) || weight < 0) {
      throw InvalidArgument(Field{"weights"}, "" + type + ": weights must be non-negative numbers");
    }
    if (graph.find_relation_type(type)) continue;
    std::string message = "no relation type '" + type + "' in this graph";
    const auto close = closest_matches(type, type_names, 3);
    for (std::size_t i = 0; i < close.size(); ++i) message += (i ? ", '" : "; did you mean '") + close[i] + "'";
    if (!close.empty()) message += "?";
    throw InvalidArgument(Field{"weights"}, message);
  }
  if (!attribute.empty()) {
    for (RelationId r = 0; r < graph.relation_count(); ++r) {
      for (const auto& a : graph.relation_attributes(r)) {
        if (graph.str(a.key) == attribute) return;
      }
    }
    throw InvalidArgument(Field{"weights"}, "no relation has the attribute '" + attribute + "'");
  }
}

std::vector<double> Weights::relation_weights(const View& view) const {
  const Graph& graph = view.graph();
  validate(graph);
  std::vector<double> weights(graph.relation_count(), 0.0);
  std::vector<double> type_weight(graph.relation_type_count(), default_weight);
  for (const auto& [type, weight] : by_type) type_weight[*graph.find_relation_type(type)] = weight;
  for (RelationId r = 0; r < graph.relation_count(); ++r) {
    if (!view.keeps_relation(r)) continue;
    double weight = attribute.empty() ? type_weight[graph.relation_type(r)] : default_weight;
    if (!attribute.empty()) {
      for (const auto& a : graph.relation_attributes(r)) {
        if (graph.str(a.key) != attribute) continue;
        const std::string where = "relation " + std::to_string(r) + " (" + std::string(graph.entity_key(graph.source(r))) +
                                  " " + std::string(graph.relation_type_name(graph.relation_type(r))) + " " +
                                  std::string(graph.entity_key(graph.target(r))) + ")";
        if (!a.value.is_number() || !std::isfinite(a.value.as_number())) {
          throw InvalidArgument(Field{"weights"}, "" + where + ": '" + attribute + "' is not a number");
        }
        if (a.value.as_number() < 0) {
          throw InvalidArgument(Field{"weights"}, "" + where + ": '" + attribute + "' is negative");
        }
        weight = a.value.as_number();
      }
    }
    weights[r] = weight;
  }
  return weights;
}

}  // namespace kg
