#include "export/cytoscape.hpp"

#include "export/interchange.hpp"

namespace kg {

void write_cytoscape(const View& view, std::ostream& out_stream) {
  const Graph& graph = view.graph();
  interchange::JsonOut out(out_stream);
  auto& json = out.json();
  json.StartObject();
  out.key("data");
  json.StartObject();
  out.graph_members(graph);
  json.EndObject();
  out.key("directed");
  json.Bool(graph.directed());
  out.key("multigraph");
  json.Bool(true);
  out.key("elements");
  json.StartObject();
  out.key("nodes");
  json.StartArray();
  for (EntityId e = 0; e < graph.entity_count(); ++e) {
    if (!view.keeps_entity(e)) continue;
    json.StartObject();
    out.key("data");
    json.StartObject();
    out.key("id");
    out.string(graph.entity_key(e));
    // NetworkX's cytoscape_graph keys its nodes by "value" (and needs it).
    out.key("value");
    out.entity_id(graph, e);
    out.key("name");
    out.string(graph.entity_name(e));
    out.key("type");
    out.string(graph.entity_type_name(graph.entity_type(e)));
    out.flat_entity_properties(graph, e);
    json.EndObject();
    json.EndObject();
    out.maybe_flush();
  }
  json.EndArray();
  out.key("edges");
  json.StartArray();
  const std::vector<std::uint32_t> keys = interchange::multigraph_keys(view);
  for (RelationId r = 0; r < graph.relation_count(); ++r) {
    if (!view.keeps_relation(r)) continue;
    json.StartObject();
    out.key("data");
    json.StartObject();
    out.key("id");
    out.string("e" + std::to_string(r));
    out.key("source");
    out.entity_id(graph, graph.source(r));
    out.key("target");
    out.entity_id(graph, graph.target(r));
    out.key("key");  // parallel relations stay apart in nx.cytoscape_graph
    json.Uint(keys[r]);
    out.flat_relation_properties(graph, r);
    json.EndObject();
    json.EndObject();
    out.maybe_flush();
  }
  json.EndArray();
  json.EndObject();
  json.EndObject();
  out.next_document();
}

}  // namespace kg
