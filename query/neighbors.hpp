#pragma once
// Neighbors: the ego network of an entity, the entities within a number of
// steps ring by ring, and the relations among them.
#include <cstddef>
#include <string>

#include "algorithms/paths.hpp"
#include "query/context.hpp"
#include "query/json.hpp"
#include "query/view_spec.hpp"

namespace kg::query {

struct NeighborsRequest {
  ViewSpec view;  // view.direction: the way the steps walk
  std::string center;  // id, name or alias
  std::size_t depth = 1;  // how many steps out
  // Throws InvalidArgument naming the field ("depth" too large, a filter).
  void validate() const;
};

struct NeighborsAnswer {
  EgoNetwork ego;  // ego.cut: a stop ended the search before depth
  std::size_t depth = 0;
  std::size_t undated_relations = 0;  // undated relations the view keeps
  bool mark_undated = false;          // the view's window keeps undated relations: say so per relation
};

NeighborsAnswer run(const NeighborsRequest& request, QueryContext& context);
// Entities ring by ring, each with the relations that join it to the ring
// before (how it was reached); relations within a ring come last.
std::string to_text(const NeighborsAnswer& answer, const Graph& graph);
void to_json(const NeighborsAnswer& answer, const Graph& graph, JsonSink& json);

}  // namespace kg::query
