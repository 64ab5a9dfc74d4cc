#pragma once
// The JSON every presenter writes into, and the pieces several answers share
// (a relation's members, its evidence), written one way for all of them.
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <string>
#include <string_view>

#include "graph/graph.hpp"

namespace kg::query {

using JsonSink = rapidjson::Writer<rapidjson::StringBuffer>;

void write_string(JsonSink& json, std::string_view text);
// A date as a string, null when empty.
void write_date(JsonSink& json, Date date);
// An entity's "id", "name" and "type", as members of the object being written.
void write_entity_members(JsonSink& json, const Graph& graph, EntityId e);
// A relation's "source", "type", "target" (ids), "date" (null when undated)
// and "until" (when it has one), as members of the object being written.
void write_relation_members(JsonSink& json, const Graph& graph, RelationId r);
// "evidence": [{"source": id, "quote": text}, ...] as a member.
void write_evidence_member(JsonSink& json, const Graph& graph, RelationId r);

// "cut": true when a stop (a time limit) cut the answer; nothing otherwise.
void write_cut(JsonSink& json, bool cut);

// One presenter's document as text (without a newline).
template <typename Write>
std::string json_text(Write&& write) {
  rapidjson::StringBuffer buffer;
  JsonSink json(buffer);
  write(json);
  return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace kg::query
