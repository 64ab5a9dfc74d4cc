#include "cli/commands/diff.hpp"

#include <fmt/core.h>

#include <filesystem>
#include <memory>

#include "algorithms/diff.hpp"
#include "cli/text.hpp"
#include "graph/exception.hpp"
#include "query/text.hpp"

namespace kg::cli {
namespace {

std::string entity_text(const Graph& graph, EntityId e) {
  return fmt::format("{} ({}, {})", printable(graph.entity_name(e)), printable(graph.entity_key(e)),
                     printable(graph.entity_type_name(graph.entity_type(e))));
}

std::string joined(const std::vector<std::string>& items) {
  std::string text;
  for (const auto& item : items) text += (text.empty() ? "" : ", ") + item;
  return text;
}

template <typename Items, typename Print>
void print_section(const char* title, const Items& items, Print print) {
  fmt::print("\n{} ({}):\n", title, items.size());
  for (const auto& item : items) print(item);
}

void write_relation_list(JsonWriter& json, const Graph& graph, const std::vector<RelationId>& relations) {
  json.StartArray();
  for (const RelationId r : relations) {
    json.StartObject();
    write_relation_members(json, graph, r);
    json.EndObject();
  }
  json.EndArray();
}

void write_entity_list(JsonWriter& json, const Graph& graph, const std::vector<EntityId>& entities) {
  json.StartArray();
  for (const EntityId e : entities) write_string(json, graph.entity_key(e));
  json.EndArray();
}

void write_fields(JsonWriter& json, const std::vector<std::string>& fields) {
  json.Key("fields");
  json.StartArray();
  for (const auto& field : fields) write_string(json, field);
  json.EndArray();
}

Date parse_date(const std::string& text, const char* which) {
  const auto date = Date::parse(text);
  if (!date) {
    throw InvalidArgument(std::string(which) + ": invalid date '" + text + "' (expected YYYY, YYYY-MM or YYYY-MM-DD)");
  }
  return *date;
}

int diff_between_dates(const DiffOptions& options) {
  GraphInput input{options.arguments[0], options.from, options.quiet, options.csv};
  const Date from = parse_date(options.arguments[1], "DATE1"), to = parse_date(options.arguments[2], "DATE2");
  if (to.last_day() < from.first_day()) throw InvalidArgument("DATE1 must not be after DATE2");
  const Filter filter = options.filters.to_filter();
  if (filter.window) throw InvalidArgument("kg diff compares two dates itself; --as-of and --between do not apply");
  const Graph graph = load_graph(input);
  const View view(graph, filter);
  const DateDiff diff = diff_dates(view, from, to);
  std::vector<RelationId> started, ended, stayed;
  for (const RelationChange& change : diff.relations) {
    if (change.started) started.push_back(change.relation);
    if (change.ended) ended.push_back(change.relation);
    if (change.stayed()) stayed.push_back(change.relation);
  }
  if (options.format == OutputFormat::Json) {
    print_json([&](JsonWriter& json) {
      json.StartObject();
      json.Key("from");
      write_string(json, from.to_string());
      json.Key("to");
      write_string(json, to.to_string());
      json.Key("started");
      write_relation_list(json, graph, started);
      json.Key("ended");
      write_relation_list(json, graph, ended);
      json.Key("stayed");
      write_relation_list(json, graph, stayed);
      json.Key("appeared");
      write_entity_list(json, graph, diff.appeared);
      json.Key("left");
      write_entity_list(json, graph, diff.left);
      json.EndObject();
    });
    return kExitOk;
  }
  fmt::print("from {} to {}: {} relations started, {} ended, {} stayed active; {} entities appeared, {} left\n",
             from.to_string(), to.to_string(), started.size(), ended.size(), stayed.size(), diff.appeared.size(),
             diff.left.size());
  const auto relation = [&](RelationId r) { fmt::print("  {}\n", query::relation_text(graph, r, graph.source(r))); };
  const auto entity = [&](EntityId e) { fmt::print("  {}\n", entity_text(graph, e)); };
  print_section("started", started, relation);
  print_section("ended", ended, relation);
  print_section("stayed active", stayed, relation);
  print_section("appeared", diff.appeared, entity);
  print_section("left", diff.left, entity);
  return kExitOk;
}

int diff_between_files(const DiffOptions& options) {
  if (!options.filters.to_filter().empty()) {
    throw InvalidArgument("filters apply to kg diff GRAPH DATE1 DATE2, not to two files");
  }
  const Graph before = load_graph(GraphInput{options.arguments[0], options.from, options.quiet, options.csv});
  const Graph after = load_graph(GraphInput{options.arguments[1], options.from, options.quiet, options.csv});
  const GraphDiff diff = diff_graphs(before, after);
  if (options.format == OutputFormat::Json) {
    print_json([&](JsonWriter& json) {
      json.StartObject();
      json.Key("old");
      write_string(json, options.arguments[0]);
      json.Key("new");
      write_string(json, options.arguments[1]);
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
    });
  } else {
    fmt::print("{} -> {}: entities {} added, {} removed, {} changed; relations {} added, {} removed, {} changed\n",
               options.arguments[0], options.arguments[1], diff.added_entities.size(), diff.removed_entities.size(),
               diff.changed_entities.size(), diff.added_relations.size(), diff.removed_relations.size(),
               diff.changed_relations.size());
    print_section("entities added", diff.added_entities, [&](EntityId e) { fmt::print("  {}\n", entity_text(after, e)); });
    print_section("entities removed", diff.removed_entities,
                  [&](EntityId e) { fmt::print("  {}\n", entity_text(before, e)); });
    print_section("entities changed", diff.changed_entities, [&](const ChangedEntity& c) {
      fmt::print("  {}: {}\n", entity_text(after, c.after), joined(c.fields));
    });
    print_section("relations added", diff.added_relations,
                  [&](RelationId r) { fmt::print("  {}\n", query::relation_text(after, r, after.source(r))); });
    print_section("relations removed", diff.removed_relations,
                  [&](RelationId r) { fmt::print("  {}\n", query::relation_text(before, r, before.source(r))); });
    print_section("relations changed", diff.changed_relations, [&](const ChangedRelation& c) {
      fmt::print("  {}: {}\n", query::relation_text(after, c.after, after.source(c.after)), joined(c.fields));
    });
  }
  return diff.empty() ? kExitOk : kExitNo;
}

}  // namespace

void setup_diff(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<DiffOptions>();
  auto* command = app.add_subcommand(
      "diff", "What changed: relations started, ended or stayed between two dates (GRAPH DATE1 DATE2), or entities "
              "and relations added, removed or changed between two files (OLD NEW)");
  command->add_option("arguments", options->arguments, "GRAPH DATE1 DATE2, or OLD NEW")->expected(2, 3)->required();
  command->add_option("--from", options->from, "Input format, when the extension does not tell");
  command->add_flag("--quiet", options->quiet, "No progress bar on stderr (drawn only when stderr is a terminal)");
  add_csv_columns(*command, options->csv);
  add_output_format(*command, options->format);
  add_filter_options(*command, options->filters);
  command->callback([options, &exit_code] { exit_code = run_diff(*options); });
}

int run_diff(const DiffOptions& options) {
  // "kg diff GRAPH 2016" is a date short, not a file named 2016.
  if (options.arguments.size() == 2 && Date::parse(options.arguments[1]) &&
      !std::filesystem::exists(options.arguments[1])) {
    throw InvalidArgument("kg diff GRAPH DATE1 DATE2 needs two dates; '" + options.arguments[1] +
                          "' is a date, not a file to compare with");
  }
  return options.arguments.size() == 3 ? diff_between_dates(options) : diff_between_files(options);
}

}  // namespace kg::cli
