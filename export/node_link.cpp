#include "export/node_link.hpp"

#include <vector>

#include "export/interchange.hpp"

namespace kg {
namespace {

// NetworkX's edge keys: the kept relations between one source and one
// target numbered 0, 1, ... in input order. Each entity's out-relations
// are in input order, so one pass per source with a counter per target
// does it without hashing.
std::vector<std::uint32_t> multigraph_keys(const View& view) {
  const Graph& graph = view.graph();
  std::vector<std::uint32_t> keys(graph.relation_count(), 0);
  std::vector<std::uint32_t> seen(graph.entity_count(), 0);
  std::vector<EntityId> touched;
  for (EntityId e = 0; e < graph.entity_count(); ++e) {
    const auto relations = graph.out_relations(e);
    const auto targets = graph.out_neighbors(e);
    for (std::size_t i = 0; i < relations.size(); ++i) {
      if (!view.keeps_relation(relations[i])) continue;
      if (seen[targets[i]] == 0) touched.push_back(targets[i]);
      keys[relations[i]] = seen[targets[i]]++;
    }
    for (const EntityId t : touched) seen[t] = 0;
    touched.clear();
  }
  return keys;
}

}  // namespace

void write_node_link(const View& view, std::ostream& out_stream) {
  const Graph& graph = view.graph();
  interchange::JsonOut out(out_stream);
  auto& json = out.json();
  json.StartObject();
  out.key("directed");
  json.Bool(true);
  out.key("multigraph");
  json.Bool(true);
  out.key("graph");
  json.StartObject();
  out.graph_members(graph);
  json.EndObject();

  // NetworkX puts a node's attributes first and its id last, and an edge's
  // attributes before source, target and key.
  out.key("nodes");
  json.StartArray();
  for (EntityId e = 0; e < graph.entity_count(); ++e) {
    if (!view.keeps_entity(e)) continue;
    json.StartObject();
    out.key("name");
    out.string(graph.entity_name(e));
    out.key("type");
    out.string(graph.entity_type_name(graph.entity_type(e)));
    out.flat_entity_properties(graph, e);
    out.key("id");
    out.string(graph.entity_key(e));
    json.EndObject();
    out.maybe_flush();
  }
  json.EndArray();

  out.key("links");
  json.StartArray();
  const std::vector<std::uint32_t> keys = multigraph_keys(view);
  for (RelationId r = 0; r < graph.relation_count(); ++r) {
    if (!view.keeps_relation(r)) continue;
    json.StartObject();
    out.flat_relation_properties(graph, r);
    out.key("source");
    out.string(graph.entity_key(graph.source(r)));
    out.key("target");
    out.string(graph.entity_key(graph.target(r)));
    out.key("key");
    json.Uint(keys[r]);
    json.EndObject();
    out.maybe_flush();
  }
  json.EndArray();
  json.EndObject();
  out.next_document();
}

}  // namespace kg
