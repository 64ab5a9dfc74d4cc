#pragma once
// What a diagram shows, before any DOT is written: the entities and relations
// drawn, each with its emphasis, chosen by a view (the whole graph, an ego
// network, a path in its context, the changes between two dates), and hubs
// collapsed into summary nodes.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "algorithms/paths.hpp"
#include "export/style.hpp"
#include "graph/view.hpp"

namespace kg {

// The relations of one type between a hub and many others, drawn as one
// edge to one summary node.
struct HubSummary {
  EntityId hub;
  TypeId type;
  bool outgoing;  // the hub is the source of the relations
  std::vector<RelationId> relations;
  std::vector<EntityId> others;  // the other ends, ascending, no repeats
};

struct Diagram {
  const Graph* graph = nullptr;
  std::vector<EntityId> entities;  // ascending
  std::vector<Emphasis> entity_emphasis;
  std::vector<RelationId> relations;  // ascending
  std::vector<Emphasis> relation_emphasis;
  std::vector<HubSummary> summaries;
  std::string caption;  // what the view shows, written under the title
  // Label relations without a date "undated" (and explain it in the legend):
  // under a time window they are drawn although no date puts them in it.
  bool mark_undated = false;

  Emphasis emphasis_of_entity(EntityId e) const;  // Normal when not drawn
};

// Every entity and relation the view keeps. With drop_isolated, entities
// without a kept relation are left out (a date filter leaves many).
Diagram whole_diagram(const View& view, bool drop_isolated);

// The focus and every entity within `depth` steps of it, with all kept
// relations among them.
Diagram ego_diagram(const View& view, EntityId focus, std::size_t depth, Direction direction);

// The paths highlighted (drawn in their own styles, marked by emphasis
// "highlighted"); entities within `context_depth` steps of them and the
// relations among them drawn faded. With no context, only the paths'
// relations are drawn. Throws InvalidArgument when `paths` is empty.
Diagram path_diagram(const View& view, const std::vector<Path>& paths, std::size_t context_depth,
                     Direction direction);

// The relations of diff_dates (algorithms/diff.hpp): those that ended
// before `to` are Ended, those that began after `from` Added, the rest
// Normal. The view must not filter by date (its window would hide the
// changes).
Diagram diff_diagram(const View& view, Date from, Date to);

// Replaces the relations of one type between an entity and more than
// `max_relations` others by a HubSummary; entities left with no relation
// drawn are dropped. Throws InvalidArgument when max_relations is 0.
void collapse_hubs(Diagram& diagram, std::size_t max_relations);

}  // namespace kg
