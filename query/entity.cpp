#include "query/entity.hpp"

#include <fmt/core.h>

#include <algorithm>

#include "export/interchange.hpp"
#include "query/printable.hpp"
#include "query/text.hpp"

namespace kg::query {

void EntityRequest::validate() const {
  if (entity.empty()) throw InvalidArgument(Field{"entity"}, "must not be empty");
  view.validate();
}

EntityAnswer run(const EntityRequest& request, QueryContext& context) {
  request.validate();
  const View view = context.view(request.view);
  EntityAnswer answer;
  answer.entity = context.resolve(request.entity);
  if (!view.keeps_entity(answer.entity)) {
    throw InvalidArgument(Field{"entity"},
                          "'" + std::string(context.graph().entity_key(answer.entity)) + "' is left out by the filters");
  }
  std::vector<RelationId> relations;
  view.for_each_step(answer.entity, request.view.direction, [&](RelationId r, EntityId, bool) { relations.push_back(r); });
  // A relation from the entity to itself is a step both ways.
  std::sort(relations.begin(), relations.end());
  relations.erase(std::unique(relations.begin(), relations.end()), relations.end());
  context.computed();
  answer.total_relations = relations.size();
  answer.offset = request.offset;
  answer.limit = request.limit;
  const std::size_t begin = std::min(request.offset, relations.size());
  const std::size_t end = request.limit == 0 ? relations.size() : std::min(relations.size(), begin + request.limit);
  answer.relations.assign(relations.begin() + static_cast<std::ptrdiff_t>(begin),
                          relations.begin() + static_cast<std::ptrdiff_t>(end));
  return answer;
}

std::string to_text(const EntityAnswer& answer, const Graph& graph) {
  const EntityId e = answer.entity;
  std::string text = fmt::format("{} ({}, {})\n", printable(graph.entity_name(e)), printable(graph.entity_key(e)),
                                 printable(graph.entity_type_name(graph.entity_type(e))));
  for (const StringId alias : graph.entity_aliases(e)) text += "  alias: " + printable(graph.str(alias)) + "\n";
  for (const Attribute& attribute : graph.entity_attributes(e)) {
    text += "  " + printable(graph.str(attribute.key)) + ": " + printable(interchange::value_text(graph, attribute.value)) + "\n";
  }
  text += fmt::format("\nrelations ({}", answer.relations.size());
  if (answer.relations.size() != answer.total_relations) {
    text += fmt::format(" of {}, from {}", answer.total_relations, answer.offset);
  }
  text += "):\n";
  for (const RelationId r : answer.relations) {
    text += "  " + relation_text(graph, r, e) + "\n";
    text += evidence_text(graph, r, "      ");
  }
  return text;
}

void to_json(const EntityAnswer& answer, const Graph& graph, JsonSink& json) {
  const EntityId e = answer.entity;
  json.StartObject();
  write_entity_members(json, graph, e);
  json.Key("aliases");
  json.StartArray();
  for (const StringId alias : graph.entity_aliases(e)) write_string(json, graph.str(alias));
  json.EndArray();
  json.Key("attributes");
  json.StartObject();
  for (const Attribute& attribute : graph.entity_attributes(e)) {
    const std::string_view key = graph.str(attribute.key);
    json.Key(key.data(), static_cast<rapidjson::SizeType>(key.size()));
    interchange::write_json_value(json, graph, attribute.value);
  }
  json.EndObject();
  json.Key("relations");
  json.StartArray();
  for (const RelationId r : answer.relations) {
    json.StartObject();
    write_relation_members(json, graph, r);
    write_evidence_member(json, graph, r);
    json.EndObject();
  }
  json.EndArray();
  json.Key("offset");
  json.Uint64(answer.offset);
  json.Key("limit");
  json.Uint64(answer.limit);
  json.Key("total_relations");
  json.Uint64(answer.total_relations);
  json.EndObject();
}

}  // namespace kg::query
