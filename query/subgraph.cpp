#include "query/subgraph.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <deque>
#include <tuple>
#include <unordered_map>

#include "algorithms/paths.hpp"
#include "export/map_model.hpp"
#include "graph/exception.hpp"
#include "query/printable.hpp"
#include "query/render_html.hpp"
#include "query/text.hpp"

namespace kg::query {
namespace {

// An entity of the neighbourhood and its distance from the focus or the paths.
struct Member {
  EntityId entity;
  std::uint32_t distance;
};

std::size_t relation_count(const Graph& graph, EntityId e) { return graph.out_degree(e) + graph.in_degree(e); }

// Where a page starts without a focus: the entity with the most relations
// the view keeps (the lowest id among equals).
EntityId busiest_entity(const View& view) {
  const Graph& graph = view.graph();
  std::optional<EntityId> best;
  std::size_t most = 0;
  for (EntityId e = 0; e < graph.entity_count(); ++e) {
    if (!view.keeps_entity(e)) continue;
    std::size_t count = 0;
    if (view.filters_anything()) {
      view.for_each_step(e, Direction::Any, [&count](RelationId, EntityId, bool) { ++count; });
    } else {
      count = relation_count(graph, e);
    }
    if (!best || count > most) {
      best = e;
      most = count;
    }
  }
  if (!best) throw InvalidArgument(Field{"focus"}, "the view keeps no entity to start from");
  return *best;
}

void require_kept(const View& view, EntityId e, const char* field) {
  if (!view.keeps_entity(e)) {
    throw InvalidArgument(Field{field}, "'" + std::string(view.graph().entity_key(e)) + "' is left out by the filters");
  }
}

// The entities within `depth` steps of `sources`, breadth first. Costs what
// it visits (a map, not an array over the graph), so that a small piece of
// a large graph stays cheap.
std::vector<Member> members_around(const View& view, const std::vector<EntityId>& sources, std::size_t depth,
                                   Direction direction, StopPoller& stop) {
  std::unordered_map<EntityId, std::uint32_t> distance;
  std::deque<EntityId> queue;
  for (const EntityId s : sources) {
    if (distance.emplace(s, 0).second) queue.push_back(s);
  }
  while (!queue.empty() && !stop.tick()) {
    const EntityId e = queue.front();
    queue.pop_front();
    const std::uint32_t next_distance = distance[e] + 1;
    if (next_distance > depth) continue;
    view.for_each_step(e, direction, [&](RelationId, EntityId next, bool) {
      if (distance.emplace(next, next_distance).second) queue.push_back(next);
    });
  }
  std::vector<Member> members;
  members.reserve(distance.size());
  for (const auto& [entity, steps] : distance) members.push_back({entity, steps});
  return members;
}

// The relations the view keeps between two of `entities` (ascending ids).
std::vector<RelationId> relations_among(const View& view, const std::vector<EntityId>& entities) {
  const Graph& graph = view.graph();
  std::vector<RelationId> relations;
  for (const EntityId e : entities) {
    for (const RelationId r : graph.out_relations(e)) {
      if (view.keeps_relation(r) && std::binary_search(entities.begin(), entities.end(), graph.target(r))) {
        relations.push_back(r);
      }
    }
  }
  std::sort(relations.begin(), relations.end());
  return relations;
}

// Which members the piece keeps: every one at distance 0, then up to
// `limit` in all, nearest first and busiest first among equals. By entity id.
std::vector<Member> kept_members(std::vector<Member> members, std::size_t limit, const Graph& graph) {
  std::sort(members.begin(), members.end(), [&graph](const Member& a, const Member& b) {
    return std::make_tuple(a.distance, relation_count(graph, b.entity), a.entity) <
           std::make_tuple(b.distance, relation_count(graph, a.entity), b.entity);
  });
  const auto sources = static_cast<std::size_t>(
      std::count_if(members.begin(), members.end(), [](const Member& m) { return m.distance == 0; }));
  members.resize(std::min(members.size(), std::max(limit, sources)));
  std::sort(members.begin(), members.end(), [](const Member& a, const Member& b) { return a.entity < b.entity; });
  return members;
}

std::vector<EntityId> entities_of(const std::vector<Member>& members) {
  std::vector<EntityId> entities;
  entities.reserve(members.size());
  for (const Member& member : members) entities.push_back(member.entity);
  return entities;
}

// Relations a piece holds at most per entity of its limit: hubs joined by
// hundreds of parallel relations would otherwise fill a piece of 100
// entities with tens of thousands (on bench/inputs.py's M graph).
constexpr std::size_t kRelationsPerEntity = 10;

// Fills the answer's diagram with `kept` and the relations among them (only
// `highlighted`, the paths' relations, ascending, when `paths_only`). Over
// the relation cap, the paths' relations stay first, then those nearest the
// focus or the paths (by the nearer end, then the farther), lowest ids
// among equals.
void fill_diagram(SubgraphAnswer& answer, const View& view, const std::vector<Member>& kept,
                  const std::vector<RelationId>& highlighted, bool paths_only) {
  const Graph& graph = view.graph();
  Diagram& diagram = answer.diagram;
  diagram.entities = entities_of(kept);
  diagram.entity_emphasis.assign(kept.size(), Emphasis::Normal);
  std::vector<RelationId> relations = paths_only ? highlighted : relations_among(view, diagram.entities);
  const auto on_path = [&highlighted](RelationId r) {
    return std::binary_search(highlighted.begin(), highlighted.end(), r);
  };
  const std::size_t cap = std::min(kMostMapRelations, kRelationsPerEntity * std::max<std::size_t>(answer.limit, 1));
  if (relations.size() > cap) {
    const auto distance = [&](EntityId e) {
      const auto at = std::lower_bound(diagram.entities.begin(), diagram.entities.end(), e);
      return kept[static_cast<std::size_t>(at - diagram.entities.begin())].distance;
    };
    const auto rank = [&](RelationId r) {
      const std::uint32_t a = distance(graph.source(r)), b = distance(graph.target(r));
      return std::make_tuple(!on_path(r), std::min(a, b), std::max(a, b), r);
    };
    std::partial_sort(relations.begin(), relations.begin() + static_cast<std::ptrdiff_t>(cap), relations.end(),
                      [&rank](RelationId x, RelationId y) { return rank(x) < rank(y); });
    relations.resize(cap);
    std::sort(relations.begin(), relations.end());
    answer.truncated = true;
  }
  diagram.relations = std::move(relations);
  for (const RelationId r : diagram.relations) {
    diagram.relation_emphasis.push_back(on_path(r) ? Emphasis::Highlighted : Emphasis::Normal);
  }
  answer.truncated = answer.truncated || kept.size() < answer.total_entities;
}

void neighbourhood(SubgraphAnswer& answer, const SubgraphRequest& request, const View& view, EntityId focus,
                   QueryContext& context) {
  const Graph& graph = view.graph();
  require_kept(view, focus, "focus");
  answer.focus = focus;
  answer.depth = request.depth.value_or(1);
  // The same question as kg neighbors: the same entities, whatever the limit.
  EgoNetworkOptions options;
  options.direction = request.view.direction;
  options.depth = answer.depth;
  options.should_stop = context.should_stop();
  const EgoNetwork ego = ego_network(view, focus, options);
  answer.cut = ego.cut;
  answer.total_entities = ego.entities.size();
  answer.total_relations = ego.relations.size();
  std::vector<Member> members;
  members.reserve(ego.entities.size());
  for (std::size_t i = 0; i < ego.entities.size(); ++i) members.push_back({ego.entities[i], ego.distance[i]});
  fill_diagram(answer, view, kept_members(std::move(members), request.limit, graph), {}, false);
  const auto at = std::lower_bound(answer.diagram.entities.begin(), answer.diagram.entities.end(), focus);
  answer.diagram.entity_emphasis[static_cast<std::size_t>(at - answer.diagram.entities.begin())] = Emphasis::Focus;
  answer.diagram.caption = "within " + counted(answer.depth, "step", "steps") + " of " + std::string(graph.entity_name(focus));
}

void paths_between(SubgraphAnswer& answer, const SubgraphRequest& request, const View& view, QueryContext& context) {
  const Graph& graph = view.graph();
  const EntityId from = context.resolve(request.path[0]), to = context.resolve(request.path[1]);
  require_kept(view, from, "path");
  require_kept(view, to, "path");
  answer.path = {from, to};
  answer.depth = request.depth.value_or(0);
  // One path is the one kg path prints; more are Yen's, as kg path --k.
  PathsResult found;
  if (request.k == 1) {
    ShortestPathOptions one;
    one.direction = request.view.direction;
    one.should_stop = context.should_stop();
    found = shortest_path(view, from, to, one);
  } else {
    KShortestPathsOptions several;
    several.direction = request.view.direction;
    several.should_stop = context.should_stop();
    several.k = request.k;
    found = k_shortest_paths(view, from, to, several);
  }
  answer.cut = found.cut;
  if (found.paths.empty()) {
    answer.found = false;
    answer.diagram.caption = "no path joins " + std::string(graph.entity_name(from)) + " and " +
                             std::string(graph.entity_name(to)) + " in this view";
    return;
  }
  std::vector<EntityId> on_paths;
  std::vector<RelationId> steps;
  for (const Path& path : found.paths) {
    for (const EntityId e : path.entities()) on_paths.push_back(e);
    for (const RelationId r : path.relations()) steps.push_back(r);
  }
  std::sort(steps.begin(), steps.end());
  steps.erase(std::unique(steps.begin(), steps.end()), steps.end());
  StopPoller stop(context.should_stop());
  std::vector<Member> members = members_around(view, on_paths, answer.depth, request.view.direction, stop);
  answer.cut = answer.cut || stop.stopped();
  std::sort(on_paths.begin(), on_paths.end());
  on_paths.erase(std::unique(on_paths.begin(), on_paths.end()), on_paths.end());
  std::vector<EntityId> all = entities_of(members);
  std::sort(all.begin(), all.end());
  answer.total_entities = all.size();
  answer.total_relations = answer.depth == 0 ? steps.size() : relations_among(view, all).size();
  fill_diagram(answer, view, kept_members(std::move(members), request.limit, graph), steps, answer.depth == 0);
  // The context is drawn plainly: only the paths stand out.
  const auto& kept = answer.diagram.entities;
  for (std::size_t i = 0; i < kept.size(); ++i) {
    if (std::binary_search(on_paths.begin(), on_paths.end(), kept[i])) answer.diagram.entity_emphasis[i] = Emphasis::Highlighted;
  }
  const Path& first = found.paths.front();
  answer.diagram.caption = std::string(graph.entity_name(from)) + " to " + std::string(graph.entity_name(to)) +
                           (found.paths.size() == 1 ? " in " + counted(first.length(), "step", "steps")
                                                    : ": " + std::to_string(found.paths.size()) + " shortest paths");
}

}  // namespace

void SubgraphRequest::validate() const {
  view.validate();
  if (!focus.empty() && !path.empty()) {
    throw InvalidArgument(Field{"focus"}, Message{Field{"focus"}, " and ", Field{"path"}, " exclude one another"});
  }
  if (!path.empty() && path.size() != 2) throw InvalidArgument(Field{"path"}, "names two entities, A and B");
  if (k == 0) throw InvalidArgument(Field{"k"}, "must be at least 1");
  if (k > 1 && path.empty()) throw InvalidArgument(Field{"k"}, Message{Field{"k"}, " applies to ", Field{"path"}});
  if (limit == 0) throw InvalidArgument(Field{"limit"}, "must be at least 1");
  EgoNetworkOptions ego;
  ego.depth = depth.value_or(0);
  ego.validate();
}

SubgraphAnswer run(const SubgraphRequest& request, QueryContext& context) {
  request.validate();
  const View view = context.view(request.view);
  SubgraphAnswer answer;
  answer.diagram.graph = &context.graph();
  answer.limit = request.limit;
  if (!request.path.empty()) {
    paths_between(answer, request, view, context);
  } else {
    const EntityId focus = request.focus.empty() ? busiest_entity(view) : context.resolve(request.focus);
    neighbourhood(answer, request, view, focus, context);
  }
  context.computed();
  return answer;
}

std::string to_text(const SubgraphAnswer& answer, const Graph& graph) {
  const Diagram& diagram = answer.diagram;
  std::string text = printable(diagram.caption);
  if (answer.found) {
    text += fmt::format(": {}, {}", counted(diagram.entities.size(), "entity", "entities"),
                        counted(diagram.relations.size(), "relation", "relations"));
  }
  if (answer.truncated) {
    text += fmt::format(" (of {} and {}: the nearest, busiest first)", answer.total_entities, answer.total_relations);
  }
  text += "\n";
  for (const EntityId e : diagram.entities) {
    text += fmt::format("  {} ({}, {})\n", printable(graph.entity_name(e)), printable(graph.entity_key(e)),
                        printable(graph.entity_type_name(graph.entity_type(e))));
  }
  return text;
}

void to_json(const SubgraphAnswer& answer, const Graph& graph, JsonSink& json) {
  json.StartObject();
  static const HtmlOptions kDefaultStyle;  // kg serve has no style of its own
  write_map_model_members(answer.diagram, {}, kDefaultStyle, MapModel::Piece, json);
  if (answer.focus) {
    json.Key("focus");
    write_string(json, graph.entity_key(*answer.focus));
  } else {
    json.Key("path");
    json.StartArray();
    for (const EntityId e : answer.path) write_string(json, graph.entity_key(e));
    json.EndArray();
    json.Key("found");
    json.Bool(answer.found);
  }
  json.Key("depth");
  json.Uint64(answer.depth);
  json.Key("limit");
  json.Uint64(answer.limit);
  json.Key("truncated");
  json.Bool(answer.truncated);
  json.Key("total_entities");
  json.Uint64(answer.total_entities);
  json.Key("total_relations");
  json.Uint64(answer.total_relations);
  write_cut(json, answer.cut);
  json.EndObject();
}

}  // namespace kg::query
