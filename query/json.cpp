#include "query/json.hpp"

namespace kg::query {

void write_string(JsonSink& json, std::string_view text) {
  json.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
}

void write_date(JsonSink& json, Date date) {
  if (date.empty()) {
    json.Null();
  } else {
    write_string(json, date.to_string());
  }
}

void write_cut(JsonSink& json, bool cut) {
  if (!cut) return;
  json.Key("cut");
  json.Bool(true);
}

void write_entity_members(JsonSink& json, const Graph& graph, EntityId e) {
  json.Key("id");
  write_string(json, graph.entity_key(e));
  json.Key("name");
  write_string(json, graph.entity_name(e));
  json.Key("type");
  write_string(json, graph.entity_type_name(graph.entity_type(e)));
}

void write_relation_members(JsonSink& json, const Graph& graph, RelationId r) {
  json.Key("source");
  write_string(json, graph.entity_key(graph.source(r)));
  json.Key("type");
  write_string(json, graph.relation_type_name(graph.relation_type(r)));
  json.Key("target");
  write_string(json, graph.entity_key(graph.target(r)));
  json.Key("date");
  write_date(json, graph.date(r));
  if (!graph.until(r).empty()) {
    json.Key("until");
    write_string(json, graph.until(r).to_string());
  }
}

void write_evidence_member(JsonSink& json, const Graph& graph, RelationId r) {
  json.Key("evidence");
  json.StartArray();
  for (const auto& e : graph.evidence(r)) {
    json.StartObject();
    json.Key("source");
    write_string(json, graph.str(graph.sources()[e.source].id));
    json.Key("quote");
    write_string(json, graph.str(e.quote));
    json.EndObject();
  }
  json.EndArray();
}

}  // namespace kg::query
