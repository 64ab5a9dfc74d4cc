#include "export/jsonl.hpp"

#include "export/kg_json_writer.hpp"

namespace kg {

void write_jsonl(const View& view, std::ostream& out_stream) {
  const Graph& graph = view.graph();
  interchange::JsonOut out(out_stream);
  auto& json = out.json();
  if (!graph.name().empty() || !graph.graph_attributes().empty() || !graph.directed()) {
    json.StartObject();
    out.key("kind");
    out.string("graph");
    if (!graph.name().empty()) {
      out.key("name");
      out.string(graph.name());
    }
    if (!graph.directed()) {
      out.key("directed");
      json.Bool(false);
    }
    if (!graph.graph_attributes().empty()) {
      out.key("attributes");
      json.StartObject();
      for (const Attribute& attribute : graph.graph_attributes()) {
        out.key(graph.str(attribute.key));
        out.value(graph, attribute.value);
      }
      json.EndObject();
    }
    json.EndObject();
    out.next_document();
  }
  for (std::size_t i = 0; i < graph.sources().size(); ++i) {
    write_kg_source(out, graph, i, true);
    out.next_document();
  }
  for (TypeId t = 0; t < graph.relation_type_count(); ++t) {
    const RelationTypeInfo& info = graph.relation_type_info(t);
    if (!info.symmetric && info.polarity == Polarity::Neutral && graph.str(info.description).empty()) continue;
    json.StartObject();
    out.key("kind");
    out.string("relation_type");
    out.key("name");
    out.string(graph.relation_type_name(t));
    if (info.symmetric) {
      out.key("symmetric");
      json.Bool(true);
    }
    if (info.polarity != Polarity::Neutral) {
      out.key("polarity");
      out.string(info.polarity == Polarity::Positive ? "positive" : "negative");
    }
    if (!graph.str(info.description).empty()) {
      out.key("description");
      out.string(graph.str(info.description));
    }
    json.EndObject();
    out.next_document();
  }
  for (EntityId e = 0; e < graph.entity_count(); ++e) {
    if (!view.keeps_entity(e)) continue;
    write_kg_entity(out, graph, e, true);
    out.next_document();
  }
  for (RelationId r = 0; r < graph.relation_count(); ++r) {
    if (!view.keeps_relation(r)) continue;
    write_kg_relation(out, graph, r, true);
    out.next_document();
  }
}

}  // namespace kg
