#pragma once
// Subgraph: a piece of the graph for the live evidence map (kg serve's page
// at /, docs/VIEWER.md "Live mode"): the neighbourhood of an entity, or the
// shortest connections between two with the entities around them, capped
// at `limit` entities so that no fetch carries the whole of a large graph.
// The answer is the map's own model (export/map_model.hpp, a Piece), which
// the page merges into what it shows, plus what was asked and how much of
// the neighbourhood the cap left out. Nothing is laid out: the page places
// what it merges.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "export/diagram.hpp"
#include "query/context.hpp"
#include "query/json.hpp"
#include "query/view_spec.hpp"

namespace kg::query {

struct SubgraphRequest {
  ViewSpec view;  // view.direction: the way the neighbourhood and the paths walk
  // The neighbourhood of `focus`, or the shortest connections of `path`
  // (two names); with neither, the neighbourhood of the entity with the
  // most relations in the view.
  std::string focus;
  std::vector<std::string> path;
  std::optional<std::size_t> depth;  // steps around focus (default 1) or the paths (default 0)
  std::size_t k = 1;                 // shortest paths along `path` (Yen's beyond 1, as kg path --k)
  // At most this many entities: the nearest first, and among equally near
  // the ones with the most relations in the graph. The focus and the
  // paths' own entities are always kept, whatever the limit. Relations: at
  // most 10 per entity of the limit (and kMostMapRelations), the paths'
  // first, then the nearest the focus or the paths.
  std::size_t limit = 100;

  // Throws InvalidArgument naming the field: "focus" with "path", "path"
  // not two names, "k" without a path, "limit" 0, "depth" too large, or
  // the view's.
  void validate() const;
};

struct SubgraphAnswer {
  // Focus emphasised Focus; the paths' entities and relations Highlighted;
  // no positions.
  Diagram diagram;
  std::optional<EntityId> focus;  // the neighbourhood's centre (given, or the busiest)
  std::vector<EntityId> path;     // the two ends asked for; empty for a neighbourhood
  bool found = true;              // false: no path joins them in the view (the diagram is empty)
  std::size_t depth = 0;
  std::size_t limit = 0;
  // The whole neighbourhood's size before the limit; truncated when the
  // limit or the relation cap left some of it out.
  std::size_t total_entities = 0, total_relations = 0;
  bool truncated = false;
  bool cut = false;  // a stop ended the search: the piece is what was found by then
};

// Throws NameNotFound for an unknown name, InvalidArgument naming "focus"
// or "path" for an entity the view leaves out, or "focus" when the view
// keeps no entity to start from.
SubgraphAnswer run(const SubgraphRequest& request, QueryContext& context);

// "Within 1 step of Elon Musk: 9 entities, 20 relations", the share kept
// when truncated, then the entities one per line.
std::string to_text(const SubgraphAnswer& answer, const Graph& graph);
// The map model's members (MapModel::Piece: entities with "degree",
// relations with "key", the cited sources), then "focus" or "path" and
// "found", "depth", "limit", "truncated", "total_entities",
// "total_relations" (and "cut": true when cut).
void to_json(const SubgraphAnswer& answer, const Graph& graph, JsonSink& json);

}  // namespace kg::query
