#include "export/interchange.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <sstream>
#include <unordered_map>

namespace kg::interchange {
namespace {

constexpr std::array<std::string_view, 11> kReserved = {"id",     "name",   "type",  "aliases", "source", "target",
                                                         "key",    "date",   "until", "evidence", "parent"};
constexpr std::string_view kAttributePrefix = "attribute:";

ValueType merged(ValueType a, ValueType b) {
  if (a == b) return a;
  const auto numeric = [](ValueType t) { return t == ValueType::Integer || t == ValueType::Real; };
  return numeric(a) && numeric(b) ? ValueType::Real : ValueType::String;
}

class ColumnCollector {
 public:
  void add(const Graph& graph, Span<Attribute> attributes) {
    for (const Attribute& attribute : attributes) {
      const ValueType type = value_type(attribute.value);
      const auto [it, added] = index_.try_emplace(attribute.key, columns_.size());
      if (added) {
        columns_.push_back({attribute.key, exported_attribute_name(graph.str(attribute.key)), type});
      } else {
        columns_[it->second].type = merged(columns_[it->second].type, type);
      }
    }
  }
  std::vector<AttributeColumn> take() { return std::move(columns_); }

 private:
  std::unordered_map<StringId, std::size_t> index_;
  std::vector<AttributeColumn> columns_;
};

void write_polarity(JsonOut& out, Polarity polarity) {
  out.string(polarity == Polarity::Positive ? "positive" : polarity == Polarity::Negative ? "negative" : "neutral");
}

}  // namespace

std::string exported_attribute_name(std::string_view key) {
  const bool reserved = std::find(kReserved.begin(), kReserved.end(), key) != kReserved.end() ||
                        key.substr(0, kAttributePrefix.size()) == kAttributePrefix;
  return reserved ? std::string(kAttributePrefix) + std::string(key) : std::string(key);
}

std::vector<AttributeColumn> entity_columns(const View& view) {
  ColumnCollector collector;
  const Graph& graph = view.graph();
  for (EntityId e = 0; e < graph.entity_count(); ++e) {
    if (view.keeps_entity(e)) collector.add(graph, graph.entity_attributes(e));
  }
  return collector.take();
}

std::vector<AttributeColumn> relation_columns(const View& view) {
  ColumnCollector collector;
  const Graph& graph = view.graph();
  for (RelationId r = 0; r < graph.relation_count(); ++r) {
    if (view.keeps_relation(r)) collector.add(graph, graph.relation_attributes(r));
  }
  return collector.take();
}

std::vector<AttributeColumn> graph_columns(const Graph& graph) {
  ColumnCollector collector;
  collector.add(graph, graph.graph_attributes());
  auto columns = collector.take();
  // Graph attributes keep their names: kg's graph fields are few and known.
  for (auto& column : columns) column.name = std::string(graph.str(column.key));
  return columns;
}

ValueType value_type(const Value& value) {
  switch (value.kind()) {
    case Value::Kind::Boolean: return ValueType::Boolean;
    case Value::Kind::Integer: return ValueType::Integer;
    case Value::Kind::Real: return ValueType::Real;
    default: return ValueType::String;
  }
}

std::string value_text(const Graph& graph, const Value& value) {
  switch (value.kind()) {
    case Value::Kind::Boolean: return value.as_boolean() ? "true" : "false";
    case Value::Kind::Integer: return std::to_string(value.as_integer());
    case Value::Kind::Real: {
      // XML Schema's spellings (GraphML's and GEXF's double).
      if (std::isnan(value.as_real())) return "NaN";
      if (std::isinf(value.as_real())) return value.as_real() > 0 ? "INF" : "-INF";
      char text[32];
      const auto end = std::to_chars(text, text + sizeof text, value.as_real()).ptr;
      std::string result(text, end);
      // A real that happens to be whole still reads back as a real.
      if (result.find_first_of(".eEn") == std::string::npos) result += ".0";
      return result;
    }
    default: return std::string(graph.str(value.as_string()));
  }
}

namespace {
template <typename F>
std::string json_text(F&& write) {
  std::ostringstream text;
  {
    JsonOut out(text);
    write(out);
  }
  return text.str();
}
}  // namespace

std::string evidence_json(const Graph& graph, RelationId r) {
  if (graph.evidence(r).empty()) return {};
  return json_text([&](JsonOut& out) { out.evidence(graph, r); });
}

std::string aliases_json(const Graph& graph, EntityId e) {
  if (graph.entity_aliases(e).empty()) return {};
  return json_text([&](JsonOut& out) { out.aliases(graph, e); });
}

std::string sources_json(const Graph& graph) {
  if (graph.sources().empty()) return {};
  return json_text([&](JsonOut& out) { out.sources(graph); });
}

std::string relation_types_json(const Graph& graph) {
  return json_text([&](JsonOut& out) {
    if (out.has_relation_types(graph)) out.relation_types(graph);
  });
}

std::vector<EntityId> kept_entities(const View& view) {
  std::vector<EntityId> entities;
  for (EntityId e = 0; e < view.graph().entity_count(); ++e) {
    if (view.keeps_entity(e)) entities.push_back(e);
  }
  return entities;
}

std::vector<RelationId> kept_relations(const View& view) {
  std::vector<RelationId> relations;
  for (RelationId r = 0; r < view.graph().relation_count(); ++r) {
    if (view.keeps_relation(r)) relations.push_back(r);
  }
  return relations;
}

namespace {

// What stands for byte c in XML text and attributes; nullptr when c stands for itself.
const char* xml_replacement(unsigned char c) {
  switch (c) {
    case '&': return "&amp;";
    case '<': return "&lt;";
    case '>': return "&gt;";
    case '"': return "&quot;";
    case '\'': return "&apos;";
    case '\t': return "&#9;";
    case '\n': return "&#10;";
    case '\r': return "&#13;";
    default: return c < 0x20 || c == 0x7F ? "\xEF\xBF\xBD" : nullptr;
  }
}

// Calls write(run) for each run of the escaped text, plain runs copied whole.
template <typename Write>
void for_each_escaped_run(std::string_view text, Write&& write) {
  std::size_t plain = 0;  // start of the run not yet written
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char* replacement = xml_replacement(static_cast<unsigned char>(text[i]));
    if (!replacement) continue;
    write(text.substr(plain, i - plain));
    write(std::string_view(replacement));
    plain = i + 1;
  }
  write(text.substr(plain));
}

}  // namespace

void write_xml_escaped(std::ostream& out, std::string_view text) {
  for_each_escaped_run(text, [&out](std::string_view run) { out.write(run.data(), static_cast<std::streamsize>(run.size())); });
}

// Into a string directly: a stream per call costs more than the escaping
// (its locale set-up), and SVG titles escape one name at a time.
std::string xml_escaped(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for_each_escaped_run(text, [&out](std::string_view run) { out.append(run); });
  return out;
}

void write_json_value(rapidjson::Writer<rapidjson::StringBuffer>& writer, const Graph& graph, const Value& value) {
  const auto string = [&](std::string_view text) {
    writer.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
  };
  switch (value.kind()) {
    case Value::Kind::Boolean: writer.Bool(value.as_boolean()); break;
    case Value::Kind::Integer: writer.Int64(value.as_integer()); break;
    case Value::Kind::Real:
      // JSON has no infinities or NaN (GraphML does): they travel as the
      // text XML Schema spells them with.
      if (std::isfinite(value.as_real())) writer.Double(value.as_real());
      else string(value_text(graph, value));
      break;
    case Value::Kind::String: string(graph.str(value.as_string())); break;
    case Value::Kind::Json: {
      const std::string_view text = graph.str(value.as_string());
      writer.RawValue(text.data(), text.size(), rapidjson::kObjectType);
      break;
    }
  }
}

void JsonOut::evidence(const Graph& graph, RelationId r) {
  writer_.StartArray();
  for (const Evidence& item : graph.evidence(r)) {
    writer_.StartObject();
    key("source");
    string(graph.str(graph.sources()[item.source].id));
    key("quote");
    string(graph.str(item.quote));
    writer_.EndObject();
  }
  writer_.EndArray();
}

void JsonOut::aliases(const Graph& graph, EntityId e) {
  writer_.StartArray();
  for (const StringId alias : graph.entity_aliases(e)) string(graph.str(alias));
  writer_.EndArray();
}

void JsonOut::sources(const Graph& graph) {
  writer_.StartArray();
  for (const SourceInfo& source : graph.sources()) {
    writer_.StartObject();
    key("id");
    string(graph.str(source.id));
    const std::pair<const char*, StringId> texts[] = {{"title", source.title}, {"url", source.url}};
    for (const auto& [name, text] : texts) {
      if (graph.str(text).empty()) continue;
      key(name);
      string(graph.str(text));
    }
    if (!source.date.empty()) {
      key("date");
      string(source.date.to_string());
    }
    writer_.EndObject();
  }
  writer_.EndArray();
}

bool JsonOut::has_relation_types(const Graph& graph) const {
  for (TypeId t = 0; t < graph.relation_type_count(); ++t) {
    const RelationTypeInfo& info = graph.relation_type_info(t);
    if (info.symmetric || info.polarity != Polarity::Neutral || !graph.str(info.description).empty()) return true;
  }
  return false;
}

void JsonOut::relation_types(const Graph& graph) {
  writer_.StartObject();
  for (TypeId t = 0; t < graph.relation_type_count(); ++t) {
    const RelationTypeInfo& info = graph.relation_type_info(t);
    if (!info.symmetric && info.polarity == Polarity::Neutral && graph.str(info.description).empty()) continue;
    key(graph.relation_type_name(t));
    writer_.StartObject();
    if (info.symmetric) {
      key("symmetric");
      writer_.Bool(true);
    }
    if (info.polarity != Polarity::Neutral) {
      key("polarity");
      write_polarity(*this, info.polarity);
    }
    if (!graph.str(info.description).empty()) {
      key("description");
      string(graph.str(info.description));
    }
    writer_.EndObject();
  }
  writer_.EndObject();
}

void JsonOut::flush() {
  out_.write(buffer_.GetString(), static_cast<std::streamsize>(buffer_.GetSize()));
  buffer_.Clear();
}

void JsonOut::raw(std::string_view text) {
  for (const char c : text) buffer_.Put(c);
  writer_.Reset(buffer_);
  maybe_flush();
}

void JsonOut::graph_members(const Graph& graph) {
  if (!graph.name().empty()) {
    key("name");
    string(graph.name());
  }
  for (const Attribute& attribute : graph.graph_attributes()) {
    key(graph.str(attribute.key));
    value(graph, attribute.value);
  }
  if (!graph.sources().empty()) {
    key("sources");
    sources(graph);
  }
  if (has_relation_types(graph)) {
    key("relation_types");
    relation_types(graph);
  }
}

void JsonOut::dates(const Graph& graph, RelationId r) {
  if (!graph.date(r).empty()) {
    key("date");
    string(graph.date(r).to_string());
  }
  if (!graph.until(r).empty()) {
    key("until");
    string(graph.until(r).to_string());
  }
}

void JsonOut::flat_entity_properties(const Graph& graph, EntityId e) {
  if (!graph.entity_aliases(e).empty()) {
    key("aliases");
    aliases(graph, e);
  }
  for (const Attribute& attribute : graph.entity_attributes(e)) {
    key(interchange::exported_attribute_name(graph.str(attribute.key)));
    value(graph, attribute.value);
  }
}

void JsonOut::flat_relation_properties(const Graph& graph, RelationId r) {
  key("type");
  string(graph.relation_type_name(graph.relation_type(r)));
  dates(graph, r);
  if (!graph.evidence(r).empty()) {
    key("evidence");
    evidence(graph, r);
  }
  for (const Attribute& attribute : graph.relation_attributes(r)) {
    key(interchange::exported_attribute_name(graph.str(attribute.key)));
    value(graph, attribute.value);
  }
}

// NetworkX's edge keys: the kept relations between one source and one
// target numbered 0, 1, ... in input order. Each entity's out-relations
// are in input order, so one pass per source with a counter per target
// does it without hashing. Undirected, A-B and B-A are one pair: counted
// by hashing the pair.
std::vector<std::uint32_t> multigraph_keys(const View& view) {
  const Graph& graph = view.graph();
  std::vector<std::uint32_t> keys(graph.relation_count(), 0);
  if (!graph.directed()) {
    std::unordered_map<std::uint64_t, std::uint32_t> seen;
    for (RelationId r = 0; r < graph.relation_count(); ++r) {
      if (!view.keeps_relation(r)) continue;
      // std::minmax of two temporaries would return references to them.
      const EntityId source = graph.source(r), target = graph.target(r);
      const EntityId low = std::min(source, target), high = std::max(source, target);
      keys[r] = seen[std::uint64_t{low} << 32 | high]++;
    }
    return keys;
  }
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

}  // namespace kg::interchange
