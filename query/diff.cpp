#include "query/diff.hpp"

#include <fmt/core.h>

#include "query/printable.hpp"
#include "query/text.hpp"

namespace kg::query {
namespace {

Date parse_date(const std::string& text, const char* field) {
  const auto date = Date::parse(text);
  if (!date) throw InvalidArgument(Field{field}, Date::explain_invalid(text));
  return *date;
}

std::string entity_text(const Graph& graph, EntityId e) {
  return fmt::format("{} ({}, {})", printable(graph.entity_name(e)), printable(graph.entity_key(e)),
                     printable(graph.entity_type_name(graph.entity_type(e))));
}

std::string relation_line(const Graph& graph, RelationId r) { return relation_text(graph, r, graph.source(r)); }

std::string joined(const std::vector<std::string>& items) {
  std::string text;
  for (const auto& item : items) text += (text.empty() ? "" : ", ") + item;
  return text;
}

// "\nTITLE (N):\n" and a line per item.
template <typename Items, typename Line>
std::string section(const char* title, const Items& items, Line line) {
  std::string text = fmt::format("\n{} ({}):\n", title, items.size());
  for (const auto& item : items) text += "  " + line(item) + "\n";
  return text;
}

void write_relation_list(JsonSink& json, const Graph& graph, const std::vector<RelationId>& relations) {
  json.StartArray();
  for (const RelationId r : relations) {
    json.StartObject();
    write_relation_members(json, graph, r);
    json.EndObject();
  }
  json.EndArray();
}

void write_entity_list(JsonSink& json, const Graph& graph, const std::vector<EntityId>& entities) {
  json.StartArray();
  for (const EntityId e : entities) write_string(json, graph.entity_key(e));
  json.EndArray();
}

void write_fields(JsonSink& json, const std::vector<std::string>& fields) {
  json.Key("fields");
  json.StartArray();
  for (const auto& field : fields) write_string(json, field);
  json.EndArray();
}

}  // namespace

void DiffRequest::validate() const {
  const Date from = parse_date(from_date, "from_date"), to = parse_date(to_date, "to_date");
  if (to.last_day() < from.first_day()) {
    throw InvalidArgument(Field{"from_date"}, Message{Field{"from_date"}, " must not be after ", Field{"to_date"}});
  }
  view.validate();
  if (!view.as_of.empty() || !view.between.empty()) {
    const char* field = view.as_of.empty() ? "between" : "as_of";
    throw InvalidArgument(Field{field}, Message{"the diff compares its two dates itself; ", Field{"as_of"}, " and ",
                                                Field{"between"}, " do not apply"});
  }
}

DiffAnswer run(const DiffRequest& request, QueryContext& context) {
  request.validate();
  const View view = context.view(request.view);
  const DateDiff diff = diff_dates(view, *Date::parse(request.from_date), *Date::parse(request.to_date));
  context.computed();
  DiffAnswer answer{diff.from, diff.to, {}, {}, {}, diff.appeared, diff.left};
  for (const RelationChange& change : diff.relations) {
    if (change.started) answer.started.push_back(change.relation);
    if (change.ended) answer.ended.push_back(change.relation);
    if (change.stayed()) answer.stayed.push_back(change.relation);
  }
  return answer;
}

std::string to_text(const DiffAnswer& answer, const Graph& graph) {
  const auto relation = [&](RelationId r) { return relation_line(graph, r); };
  const auto entity = [&](EntityId e) { return entity_text(graph, e); };
  return fmt::format("from {} to {}: {} relations started, {} ended, {} stayed active; {} entities appeared, {} left\n",
                     answer.from.to_string(), answer.to.to_string(), answer.started.size(), answer.ended.size(),
                     answer.stayed.size(), answer.appeared.size(), answer.left.size()) +
         section("started", answer.started, relation) + section("ended", answer.ended, relation) +
         section("stayed active", answer.stayed, relation) + section("appeared", answer.appeared, entity) +
         section("left", answer.left, entity);
}

void to_json(const DiffAnswer& answer, const Graph& graph, JsonSink& json) {
  json.StartObject();
  json.Key("from");
  write_string(json, answer.from.to_string());
  json.Key("to");
  write_string(json, answer.to.to_string());
  json.Key("started");
  write_relation_list(json, graph, answer.started);
  json.Key("ended");
  write_relation_list(json, graph, answer.ended);
  json.Key("stayed");
  write_relation_list(json, graph, answer.stayed);
  json.Key("appeared");
  write_entity_list(json, graph, answer.appeared);
  json.Key("left");
  write_entity_list(json, graph, answer.left);
  json.EndObject();
}

VersionsAnswer compare_versions(const Graph& before, std::string before_name, const Graph& after,
                                std::string after_name) {
  return {std::move(before_name), std::move(after_name), diff_graphs(before, after)};
}

std::string to_text(const VersionsAnswer& answer, const Graph& before, const Graph& after) {
  const GraphDiff& diff = answer.diff;
  return fmt::format("{} -> {}: entities {} added, {} removed, {} changed; relations {} added, {} removed, {} changed\n",
                     printable(answer.before_name), printable(answer.after_name), diff.added_entities.size(),
                     diff.removed_entities.size(), diff.changed_entities.size(), diff.added_relations.size(),
                     diff.removed_relations.size(), diff.changed_relations.size()) +
         section("entities added", diff.added_entities, [&](EntityId e) { return entity_text(after, e); }) +
         section("entities removed", diff.removed_entities, [&](EntityId e) { return entity_text(before, e); }) +
         section("entities changed", diff.changed_entities,
                 [&](const ChangedEntity& c) { return entity_text(after, c.after) + ": " + joined(c.fields); }) +
         section("relations added", diff.added_relations, [&](RelationId r) { return relation_line(after, r); }) +
         section("relations removed", diff.removed_relations, [&](RelationId r) { return relation_line(before, r); }) +
         section("relations changed", diff.changed_relations,
                 [&](const ChangedRelation& c) { return relation_line(after, c.after) + ": " + joined(c.fields); });
}

void to_json(const VersionsAnswer& answer, const Graph& before, const Graph& after, JsonSink& json) {
  const GraphDiff& diff = answer.diff;
  json.StartObject();
  json.Key("old");
  write_string(json, answer.before_name);
  json.Key("new");
  write_string(json, answer.after_name);
  json.Key("entities");
  json.StartObject();
  json.Key("added");
  write_entity_list(json, after, diff.added_entities);
  json.Key("removed");
  write_entity_list(json, before, diff.removed_entities);
  json.Key("changed");
  json.StartArray();
  for (const ChangedEntity& change : diff.changed_entities) {
    json.StartObject();
    json.Key("id");
    write_string(json, after.entity_key(change.after));
    write_fields(json, change.fields);
    json.EndObject();
  }
  json.EndArray();
  json.EndObject();
  json.Key("relations");
  json.StartObject();
  json.Key("added");
  write_relation_list(json, after, diff.added_relations);
  json.Key("removed");
  write_relation_list(json, before, diff.removed_relations);
  json.Key("changed");
  json.StartArray();
  for (const ChangedRelation& change : diff.changed_relations) {
    json.StartObject();
    write_relation_members(json, after, change.after);
    write_fields(json, change.fields);
    json.EndObject();
  }
  json.EndArray();
  json.EndObject();
  json.EndObject();
}

}  // namespace kg::query
