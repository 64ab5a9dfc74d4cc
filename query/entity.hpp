#pragma once
// One entity as a front end shows it when someone opens it (a server's
// /entities/{id}, the Python module's graph[id]): its names, type and
// attributes, and its relations in the view with their evidence, a page at
// a time.
#include <string>
#include <vector>

#include "query/context.hpp"
#include "query/json.hpp"
#include "query/view_spec.hpp"

namespace kg::query {

struct EntityRequest {
  ViewSpec view;       // its direction picks out, in or all relations
  std::string entity;  // id, name or alias
  // A page of its relations: skip `offset`, keep at most `limit` (0: all).
  std::size_t offset = 0;
  std::size_t limit = 0;

  // Throws InvalidArgument naming the field: "entity" (empty), or the view's.
  void validate() const;
};

struct EntityAnswer {
  EntityId entity = 0;
  std::vector<RelationId> relations;  // the page, in input order
  std::size_t total_relations = 0;    // all of its relations in the view
  std::size_t offset = 0, limit = 0;  // as requested
};

// Throws NameNotFound when no entity has that name, InvalidArgument naming
// "entity" when the view leaves it out.
EntityAnswer run(const EntityRequest& request, QueryContext& context);

// "Zoë (a, person)", its aliases and attributes, then each relation read
// from its side with the quotes under it.
std::string to_text(const EntityAnswer& answer, const Graph& graph);
// {"id", "name", "type", "aliases": [...], "attributes": {...}, "relations":
// [{"source", "type", "target", "date", "until", "evidence"}], "offset",
// "limit", "total_relations"}.
void to_json(const EntityAnswer& answer, const Graph& graph, JsonSink& json);

}  // namespace kg::query
