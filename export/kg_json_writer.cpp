#include "export/kg_json_writer.hpp"

#include <ostream>

namespace kg {
namespace {

void write_kind(interchange::JsonOut& out, const char* kind) {
  out.key("kind");
  out.string(kind);
}

void write_attributes(interchange::JsonOut& out, const Graph& graph, Span<Attribute> attributes) {
  if (attributes.empty()) return;
  out.key("attributes");
  out.json().StartObject();
  for (const Attribute& attribute : attributes) {
    out.key(graph.str(attribute.key));
    out.value(graph, attribute.value);
  }
  out.json().EndObject();
}

}  // namespace

void write_kg_source(interchange::JsonOut& out, const Graph& graph, std::size_t index, bool kind) {
  const SourceInfo& source = graph.sources()[index];
  out.json().StartObject();
  if (kind) write_kind(out, "source");
  out.key("id");
  out.string(graph.str(source.id));
  const std::pair<const char*, StringId> texts[] = {{"title", source.title}, {"url", source.url}};
  for (const auto& [name, text] : texts) {
    if (graph.str(text).empty()) continue;
    out.key(name);
    out.string(graph.str(text));
  }
  if (!source.date.empty()) {
    out.key("date");
    out.string(source.date.to_string());
  }
  out.json().EndObject();
}

void write_kg_entity(interchange::JsonOut& out, const Graph& graph, EntityId e, bool kind) {
  out.json().StartObject();
  if (kind) write_kind(out, "entity");
  out.key("id");
  out.string(graph.entity_key(e));
  out.key("name");
  out.string(graph.entity_name(e));
  out.key("type");
  out.string(graph.entity_type_name(graph.entity_type(e)));
  if (!graph.entity_aliases(e).empty()) {
    out.key("aliases");
    out.aliases(graph, e);
  }
  write_attributes(out, graph, graph.entity_attributes(e));
  out.json().EndObject();
}

void write_kg_relation(interchange::JsonOut& out, const Graph& graph, RelationId r, bool kind) {
  out.json().StartObject();
  if (kind) write_kind(out, "relation");
  out.key("source");
  out.string(graph.entity_key(graph.source(r)));
  out.key("target");
  out.string(graph.entity_key(graph.target(r)));
  out.key("type");
  out.string(graph.relation_type_name(graph.relation_type(r)));
  out.dates(graph, r);
  write_attributes(out, graph, graph.relation_attributes(r));
  if (!graph.evidence(r).empty()) {
    out.key("evidence");
    out.evidence(graph, r);
  }
  out.json().EndObject();
}

void write_kg_json(const View& view, std::ostream& out_stream) {
  const Graph& graph = view.graph();
  interchange::JsonOut out(out_stream);
  out.raw("{\n  \"kg\": 1");
  if (!graph.name().empty()) {
    out.raw(",\n  \"name\": ");
    out.string(graph.name());
  }
  if (!graph.directed()) out.raw(",\n  \"directed\": false");  // true is the format's default
  for (const Attribute& attribute : graph.graph_attributes()) {
    out.raw(",\n  ");
    out.string(graph.str(attribute.key));
    out.raw(": ");
    out.value(graph, attribute.value);
  }
  // Each item is its own JSON document between hand-written brackets, so
  // that the file has one item a line.
  const auto list = [&out](const char* name, std::size_t count, auto&& keeps, auto&& write) {
    out.raw(std::string(",\n  \"") + name + "\": [");
    bool first = true;
    for (std::size_t i = 0; i < count; ++i) {
      if (!keeps(i)) continue;
      out.raw(first ? "\n    " : ",\n    ");
      first = false;
      write(i);
    }
    out.raw(first ? "]" : "\n  ]");
  };
  if (!graph.sources().empty()) {
    list("sources", graph.sources().size(), [](std::size_t) { return true; },
         [&](std::size_t i) { write_kg_source(out, graph, i, false); });
  }
  list("entities", graph.entity_count(), [&](std::size_t e) { return view.keeps_entity(static_cast<EntityId>(e)); },
       [&](std::size_t e) { write_kg_entity(out, graph, static_cast<EntityId>(e), false); });
  list("relations", graph.relation_count(),
       [&](std::size_t r) { return view.keeps_relation(static_cast<RelationId>(r)); },
       [&](std::size_t r) { write_kg_relation(out, graph, static_cast<RelationId>(r), false); });
  if (out.has_relation_types(graph)) {
    out.raw(",\n  \"relation_types\": ");
    out.relation_types(graph);
  }
  out.raw("\n}\n");
}

}  // namespace kg
