#include "export/node_link.hpp"

#include <vector>

#include "export/interchange.hpp"

namespace kg {

void write_node_link(const View& view, std::ostream& out_stream) {
  const Graph& graph = view.graph();
  interchange::JsonOut out(out_stream);
  auto& json = out.json();
  json.StartObject();
  out.key("directed");
  json.Bool(graph.directed());
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
    out.entity_id(graph, e);
    json.EndObject();
    out.maybe_flush();
  }
  json.EndArray();

  out.key("links");
  json.StartArray();
  const std::vector<std::uint32_t> keys = interchange::multigraph_keys(view);
  for (RelationId r = 0; r < graph.relation_count(); ++r) {
    if (!view.keeps_relation(r)) continue;
    json.StartObject();
    out.flat_relation_properties(graph, r);
    out.key("source");
    out.entity_id(graph, graph.source(r));
    out.key("target");
    out.entity_id(graph, graph.target(r));
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
