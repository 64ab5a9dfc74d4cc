#include "query/neighbors.hpp"

#include <fmt/core.h>

#include "query/printable.hpp"
#include "query/text.hpp"

namespace kg::query {
namespace {

std::string steps(std::size_t n) { return counted(n, "step", "steps"); }

EgoNetworkOptions ego_options(const NeighborsRequest& request, const ShouldStop& should_stop) {
  EgoNetworkOptions options;
  options.direction = request.view.direction;
  options.depth = request.depth;
  options.should_stop = should_stop;
  return options;
}

}  // namespace

void NeighborsRequest::validate() const {
  view.validate();
  ego_options(*this, {}).validate();
}

NeighborsAnswer run(const NeighborsRequest& request, QueryContext& context) {
  request.validate();
  const EntityId center = context.resolve(request.center);
  const View view = context.view(request.view);
  NeighborsAnswer answer;
  answer.ego = ego_network(view, center, ego_options(request, context.should_stop()));
  context.computed();
  answer.depth = request.depth;
  answer.undated_relations = count_kept_undated(view);
  answer.mark_undated = request.view.marks_undated();
  return answer;
}

std::string to_text(const NeighborsAnswer& answer, const Graph& graph) {
  const EgoNetwork& ego = answer.ego;
  std::vector<std::uint32_t> distance(graph.entity_count(), UINT32_MAX);
  for (std::size_t i = 0; i < ego.entities.size(); ++i) distance[ego.entities[i]] = ego.distance[i];
  // The relations joining each entity to the ring before, found in one pass
  // (looking them up per entity made a long chain quadratic).
  std::vector<std::vector<RelationId>> joining(graph.entity_count());
  for (const RelationId r : ego.relations) {
    const EntityId s = graph.source(r), t = graph.target(r);
    if (distance[t] + 1 == distance[s]) joining[s].push_back(r);
    if (distance[s] + 1 == distance[t]) joining[t].push_back(r);
  }
  std::string text = fmt::format("{} ({}): {} entities within {}, {} relations among them\n",
                                 printable(graph.entity_name(ego.center)), printable(graph.entity_key(ego.center)),
                                 ego.entities.size() - (ego.entities.empty() ? 0 : 1), steps(answer.depth),
                                 ego.relations.size());
  const auto relation_lines = [&](RelationId r) {
    text += "      " + relation_text(graph, r, graph.source(r), answer.mark_undated) + "\n";
    text += evidence_text(graph, r, "          ");
  };
  std::vector<bool> shown(graph.relation_count(), false);
  std::uint32_t ring = 0;
  for (std::size_t i = 0; i < ego.entities.size(); ++i) {
    const EntityId e = ego.entities[i];
    if (ego.distance[i] == 0) continue;
    if (ego.distance[i] != ring) {
      ring = ego.distance[i];
      text += fmt::format("\n{} away:\n", steps(ring));
    }
    text += fmt::format("  {} ({}, {})\n", printable(graph.entity_name(e)), printable(graph.entity_key(e)),
                        printable(graph.entity_type_name(graph.entity_type(e))));
    for (const RelationId r : joining[e]) {
      relation_lines(r);
      shown[r] = true;
    }
  }
  bool header = false;
  for (const RelationId r : ego.relations) {
    if (shown[r]) continue;
    if (!header) text += "\nother relations among them:\n";
    header = true;
    relation_lines(r);
  }
  return text;
}

void to_json(const NeighborsAnswer& answer, const Graph& graph, JsonSink& json) {
  const EgoNetwork& ego = answer.ego;
  json.StartObject();
  json.Key("center");
  write_string(json, graph.entity_key(ego.center));
  json.Key("depth");
  json.Uint64(answer.depth);
  json.Key("entities");
  json.StartArray();
  for (std::size_t i = 0; i < ego.entities.size(); ++i) {
    const EntityId e = ego.entities[i];
    json.StartObject();
    json.Key("id");
    write_string(json, graph.entity_key(e));
    json.Key("name");
    write_string(json, graph.entity_name(e));
    json.Key("type");
    write_string(json, graph.entity_type_name(graph.entity_type(e)));
    json.Key("distance");
    json.Uint(ego.distance[i]);
    json.EndObject();
  }
  json.EndArray();
  json.Key("relations");
  json.StartArray();
  for (const RelationId r : ego.relations) {
    json.StartObject();
    write_relation_members(json, graph, r);
    write_evidence_member(json, graph, r);
    json.EndObject();
  }
  json.EndArray();
  json.Key("undated_relations");
  json.Uint64(answer.undated_relations);
  write_cut(json, ego.cut);
  json.EndObject();
}

}  // namespace kg::query
