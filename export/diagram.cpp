#include "export/diagram.hpp"

#include <algorithm>
#include <deque>
#include <map>
#include <tuple>

#include "algorithms/diff.hpp"
#include "graph/exception.hpp"

namespace kg {
namespace {

constexpr std::uint32_t kUnreached = UINT32_MAX;

// Steps from the sources to every entity within max_depth (kUnreached beyond).
std::vector<std::uint32_t> distances(const View& view, const std::vector<EntityId>& sources, std::size_t max_depth,
                                     Direction direction) {
  std::vector<std::uint32_t> distance(view.graph().entity_count(), kUnreached);
  std::deque<EntityId> queue;
  for (const EntityId s : sources) {
    if (distance[s] == kUnreached) {
      distance[s] = 0;
      queue.push_back(s);
    }
  }
  while (!queue.empty()) {
    const EntityId e = queue.front();
    queue.pop_front();
    if (distance[e] >= max_depth) continue;
    view.for_each_step(e, direction, [&](RelationId, EntityId next, bool) {
      if (distance[next] != kUnreached) return;
      distance[next] = distance[e] + 1;
      queue.push_back(next);
    });
  }
  return distance;
}

// The entities marked in `drawn` and the kept relations among them.
Diagram induced(const View& view, const std::vector<bool>& drawn, Emphasis entity_emphasis,
                Emphasis relation_emphasis) {
  const Graph& graph = view.graph();
  Diagram diagram;
  diagram.graph = &graph;
  for (EntityId e = 0; e < graph.entity_count(); ++e) {
    if (!drawn[e]) continue;
    diagram.entities.push_back(e);
    diagram.entity_emphasis.push_back(entity_emphasis);
  }
  for (RelationId r = 0; r < graph.relation_count(); ++r) {
    if (view.keeps_relation(r) && drawn[graph.source(r)] && drawn[graph.target(r)]) {
      diagram.relations.push_back(r);
      diagram.relation_emphasis.push_back(relation_emphasis);
    }
  }
  return diagram;
}

void set_emphasis(const std::vector<EntityId>& ids, std::vector<Emphasis>& emphasis, EntityId id, Emphasis value) {
  const auto it = std::lower_bound(ids.begin(), ids.end(), id);
  if (it != ids.end() && *it == id) emphasis[it - ids.begin()] = value;
}

}  // namespace

Emphasis Diagram::emphasis_of_entity(EntityId e) const {
  const auto it = std::lower_bound(entities.begin(), entities.end(), e);
  return it != entities.end() && *it == e ? entity_emphasis[it - entities.begin()] : Emphasis::Normal;
}

Diagram whole_diagram(const View& view, bool drop_isolated) {
  const Graph& graph = view.graph();
  std::vector<bool> drawn(graph.entity_count(), false);
  if (drop_isolated) {
    for (RelationId r = 0; r < graph.relation_count(); ++r) {
      if (view.keeps_relation(r)) drawn[graph.source(r)] = drawn[graph.target(r)] = true;
    }
  } else {
    for (EntityId e = 0; e < graph.entity_count(); ++e) drawn[e] = view.keeps_entity(e);
  }
  return induced(view, drawn, Emphasis::Normal, Emphasis::Normal);
}

Diagram ego_diagram(const View& view, EntityId focus, std::size_t depth, Direction direction) {
  if (!view.keeps_entity(focus)) {
    throw InvalidArgument("focus: '" + std::string(view.graph().entity_key(focus)) + "' is left out by the filters");
  }
  const auto distance = distances(view, {focus}, depth, direction);
  std::vector<bool> drawn(distance.size());
  for (std::size_t e = 0; e < distance.size(); ++e) drawn[e] = distance[e] != kUnreached;
  Diagram diagram = induced(view, drawn, Emphasis::Normal, Emphasis::Normal);
  set_emphasis(diagram.entities, diagram.entity_emphasis, focus, Emphasis::Focus);
  diagram.caption = "within " + std::to_string(depth) + (depth == 1 ? " step of " : " steps of ") +
                    std::string(view.graph().entity_name(focus));
  return diagram;
}

Diagram path_diagram(const View& view, const std::vector<Path>& paths, std::size_t context_depth,
                     Direction direction) {
  const Graph& graph = view.graph();
  if (paths.empty()) throw InvalidArgument("paths: at least one path is needed");
  std::vector<EntityId> entities;
  std::vector<RelationId> relations;
  for (const Path& path : paths) {
    const auto on_path = path.entities();
    entities.insert(entities.end(), on_path.begin(), on_path.end());
    const auto steps = path.relations();
    relations.insert(relations.end(), steps.begin(), steps.end());
  }
  std::sort(relations.begin(), relations.end());
  const auto distance = distances(view, entities, context_depth, direction);
  std::vector<bool> drawn(distance.size());
  for (std::size_t e = 0; e < distance.size(); ++e) drawn[e] = distance[e] != kUnreached;
  Diagram diagram = induced(view, drawn, Emphasis::Faded, Emphasis::Faded);
  for (const EntityId e : entities) set_emphasis(diagram.entities, diagram.entity_emphasis, e, Emphasis::Highlighted);
  // Without context only the paths' own relations are drawn: a parallel
  // relation between two steps' entities is context too.
  std::vector<RelationId> kept;
  std::vector<Emphasis> kept_emphasis;
  for (std::size_t i = 0; i < diagram.relations.size(); ++i) {
    const RelationId r = diagram.relations[i];
    const bool on_path = std::binary_search(relations.begin(), relations.end(), r);
    if (!on_path && context_depth == 0) continue;
    kept.push_back(r);
    kept_emphasis.push_back(on_path ? Emphasis::Highlighted : Emphasis::Faded);
  }
  diagram.relations = std::move(kept);
  diagram.relation_emphasis = std::move(kept_emphasis);
  const Path& first = paths.front();
  const std::size_t hops = first.length();
  diagram.caption = std::string(graph.entity_name(first.start)) + " to " + std::string(graph.entity_name(first.end()));
  if (paths.size() == 1) {
    diagram.caption += " in " + std::to_string(hops) + (hops == 1 ? " step" : " steps");
  } else {
    diagram.caption += ": " + std::to_string(paths.size()) + " shortest paths";
  }
  return diagram;
}

Diagram diff_diagram(const View& view, Date from, Date to) {
  const DateDiff diff = diff_dates(view, from, to);
  const Graph& graph = view.graph();
  std::vector<bool> drawn(graph.entity_count(), false);
  Diagram diagram;
  diagram.graph = &graph;
  std::size_t added = 0, ended = 0;
  for (const RelationChange& change : diff.relations) {
    // A relation that both started and ended in between is drawn as ended.
    Emphasis emphasis = Emphasis::Normal;
    if (change.ended) {
      emphasis = Emphasis::Ended;
      ++ended;
    } else if (change.started) {
      emphasis = Emphasis::Added;
      ++added;
    }
    const RelationId r = change.relation;
    diagram.relations.push_back(r);
    diagram.relation_emphasis.push_back(emphasis);
    drawn[graph.source(r)] = drawn[graph.target(r)] = true;
  }
  for (EntityId e = 0; e < graph.entity_count(); ++e) {
    if (!drawn[e]) continue;
    diagram.entities.push_back(e);
    diagram.entity_emphasis.push_back(Emphasis::Normal);
  }
  diagram.caption = "from " + from.to_string() + " to " + to.to_string() + ": " + std::to_string(added) +
                    " added, " + std::to_string(ended) + " ended";
  return diagram;
}

void collapse_hubs(Diagram& diagram, std::size_t max_relations) {
  if (max_relations == 0) throw InvalidArgument("max_relations: must be at least 1");
  const Graph& graph = *diagram.graph;
  // Relations by (entity, type, outgoing), from the busiest end first.
  struct Group {
    EntityId hub;
    TypeId type;
    bool outgoing;
    std::vector<std::size_t> positions;  // into diagram.relations
  };
  std::vector<Group> groups;
  {
    std::map<std::tuple<EntityId, TypeId, bool>, std::size_t> index;
    for (std::size_t i = 0; i < diagram.relations.size(); ++i) {
      const RelationId r = diagram.relations[i];
      if (graph.source(r) == graph.target(r)) continue;
      for (const bool outgoing : {true, false}) {
        const EntityId hub = outgoing ? graph.source(r) : graph.target(r);
        const auto key = std::make_tuple(hub, graph.relation_type(r), outgoing);
        auto [it, fresh] = index.try_emplace(key, groups.size());
        if (fresh) groups.push_back({hub, graph.relation_type(r), outgoing, {}});
        groups[it->second].positions.push_back(i);
      }
    }
  }
  std::stable_sort(groups.begin(), groups.end(),
                   [](const Group& a, const Group& b) { return a.positions.size() > b.positions.size(); });
  std::vector<bool> collapsed(diagram.relations.size(), false);
  for (const Group& group : groups) {
    std::vector<std::size_t> positions;
    for (const std::size_t i : group.positions) {
      if (!collapsed[i]) positions.push_back(i);
    }
    if (positions.size() <= max_relations) continue;
    HubSummary summary{group.hub, group.type, group.outgoing, {}, {}};
    for (const std::size_t i : positions) {
      collapsed[i] = true;
      const RelationId r = diagram.relations[i];
      summary.relations.push_back(r);
      summary.others.push_back(group.outgoing ? graph.target(r) : graph.source(r));
    }
    std::sort(summary.others.begin(), summary.others.end());
    summary.others.erase(std::unique(summary.others.begin(), summary.others.end()), summary.others.end());
    diagram.summaries.push_back(std::move(summary));
  }
  if (diagram.summaries.empty()) return;

  std::vector<bool> touched_before(graph.entity_count(), false);
  for (const RelationId r : diagram.relations) touched_before[graph.source(r)] = touched_before[graph.target(r)] = true;
  std::vector<RelationId> relations;
  std::vector<Emphasis> relation_emphasis;
  std::vector<bool> touched(graph.entity_count(), false);
  for (std::size_t i = 0; i < diagram.relations.size(); ++i) {
    if (collapsed[i]) continue;
    const RelationId r = diagram.relations[i];
    relations.push_back(r);
    relation_emphasis.push_back(diagram.relation_emphasis[i]);
    touched[graph.source(r)] = touched[graph.target(r)] = true;
  }
  for (const HubSummary& summary : diagram.summaries) touched[summary.hub] = true;
  std::vector<EntityId> entities;
  std::vector<Emphasis> entity_emphasis;
  for (std::size_t i = 0; i < diagram.entities.size(); ++i) {
    const EntityId e = diagram.entities[i];
    const bool lost_all = touched_before[e] && !touched[e];
    if (lost_all && diagram.entity_emphasis[i] == Emphasis::Normal) continue;
    entities.push_back(e);
    entity_emphasis.push_back(diagram.entity_emphasis[i]);
  }
  diagram.relations = std::move(relations);
  diagram.relation_emphasis = std::move(relation_emphasis);
  diagram.entities = std::move(entities);
  diagram.entity_emphasis = std::move(entity_emphasis);
}

}  // namespace kg
