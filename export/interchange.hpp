#pragma once
// What the interchange writers (GraphML, GEXF, node-link, Cytoscape, CSV,
// JSON Lines, kg JSON) share: the names kg's own fields take in other
// formats, one type per attribute column, values as text, and escaping.
// The readers in ingest/ undo the same conventions (docs/INTERCHANGE.md).
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "graph/view.hpp"

namespace kg::interchange {

// A user attribute whose name is one of kg's own fields (id, name, type,
// aliases, source, target, key, date, until, evidence, parent), or starts
// with "attribute:", is written as "attribute:<name>" so that it cannot be
// taken for the field.
std::string exported_attribute_name(std::string_view key);

enum class ValueType : std::uint8_t { Boolean, Integer, Real, String };

// One attribute name and the type all its values fit: integers and reals
// mixed are Real, any other mix is String.
struct AttributeColumn {
  StringId key;
  std::string name;  // exported_attribute_name(key)
  ValueType type;
};

// The attribute columns of the kept entities / relations, in the order
// their names first appear.
std::vector<AttributeColumn> entity_columns(const View& view);
std::vector<AttributeColumn> relation_columns(const View& view);
// The graph attributes' columns (Json values count as strings).
std::vector<AttributeColumn> graph_columns(const Graph& graph);

ValueType value_type(const Value& value);
// Integers in decimal, reals as the shortest text that reads back exactly,
// booleans as true/false, strings and JSON texts as they are.
std::string value_text(const Graph& graph, const Value& value);

// Compact JSON texts of a relation's evidence ([{"source", "quote"}]), an
// entity's aliases, the graph's sources and its relation type declarations
// (types that are symmetric, have a polarity or a description), the last
// "" when there are none.
std::string evidence_json(const Graph& graph, RelationId r);
std::string aliases_json(const Graph& graph, EntityId e);
std::string sources_json(const Graph& graph);
std::string relation_types_json(const Graph& graph);

// NetworkX's multigraph edge keys, by RelationId: the kept relations
// between one source and one target numbered 0, 1, ... in input order.
std::vector<std::uint32_t> multigraph_keys(const View& view);

// The entities and relations a view keeps, in graph order.
std::vector<EntityId> kept_entities(const View& view);
std::vector<RelationId> kept_relations(const View& view);

// Text for XML character data and attribute values alike: & < > " ' escaped,
// tab, newline and carriage return as character references (so attribute
// normalisation keeps them), other control characters, which XML 1.0 cannot
// carry at all, replaced by U+FFFD.
std::string xml_escaped(std::string_view text);
void write_xml_escaped(std::ostream& out, std::string_view text);

// A graph value typed as JSON: numbers, booleans, strings, raw JSON text
// (non-finite reals, which JSON cannot carry, as value_text spells them).
void write_json_value(rapidjson::Writer<rapidjson::StringBuffer>& writer, const Graph& graph, const Value& value);

// JSON output through a buffer that is handed to the stream as it fills.
class JsonOut {
 public:
  explicit JsonOut(std::ostream& out) : out_(out), writer_(buffer_) {}
  ~JsonOut() { flush(); }
  rapidjson::Writer<rapidjson::StringBuffer>& json() { return writer_; }
  void string(std::string_view text) { writer_.String(text.data(), static_cast<rapidjson::SizeType>(text.size())); }
  void key(std::string_view text) { writer_.Key(text.data(), static_cast<rapidjson::SizeType>(text.size())); }
  // An entity's id: a JSON number when the graph's ids are integers
  // (Graph::integer_ids), a string otherwise.
  void entity_id(const Graph& graph, EntityId e) {
    const std::string_view key = graph.entity_key(e);
    if (graph.integer_ids()) writer_.RawValue(key.data(), key.size(), rapidjson::kNumberType);
    else string(key);
  }
  void value(const Graph& graph, const Value& value) { write_json_value(writer_, graph, value); }
  // Evidence, aliases and sources as JSON arrays.
  void evidence(const Graph& graph, RelationId r);
  void aliases(const Graph& graph, EntityId e);
  void sources(const Graph& graph);
  void relation_types(const Graph& graph);  // an object; {} when none declared
  bool has_relation_types(const Graph& graph) const;
  // A relation's "date" and "until", each when it has one.
  void dates(const Graph& graph, RelationId r);
  // Members for formats that flatten properties into one object (node-link,
  // Cytoscape): an entity's aliases and attributes; a relation's type, dates,
  // evidence and attributes.
  void flat_entity_properties(const Graph& graph, EntityId e);
  void flat_relation_properties(const Graph& graph, RelationId r);
  // The graph's name, attributes, sources and relation types as members of
  // the object being written (node-link's "graph", Cytoscape's "data").
  void graph_members(const Graph& graph);
  // Between items: passes the buffer on once it holds enough.
  void maybe_flush() {
    if (buffer_.GetSize() >= (1u << 20)) flush();
  }
  void flush();
  // Ends one JSON document with a newline and readies the next (JSON Lines).
  void next_document() { raw("\n"); }
  // Bytes between JSON documents (kg JSON writes each item as its own
  // document inside hand-written brackets, one item a line).
  void raw(std::string_view text);

 private:
  std::ostream& out_;
  rapidjson::StringBuffer buffer_;
  rapidjson::Writer<rapidjson::StringBuffer> writer_;
};

}  // namespace kg::interchange
