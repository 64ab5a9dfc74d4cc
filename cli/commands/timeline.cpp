#include "cli/commands/timeline.hpp"

#include <fmt/core.h>

#include <iostream>
#include <memory>

#include "algorithms/timeline.hpp"
#include "cli/commands/evidence_output.hpp"
#include "export/timeline.hpp"
#include "graph/lookup.hpp"
#include "query/text.hpp"

namespace kg::cli {
namespace {

// A year heading, then a month heading under it when dates name months.
void print_text(const Graph& graph, const Timeline& timeline) {
  std::string year, period;
  for (const RelationId r : timeline.dated) {
    const Date date = graph.date(r);
    const std::string this_year = std::to_string(date.year()), this_period = timeline_period(date);
    if (this_year != year) {
      fmt::print("{}{}\n", year.empty() ? "" : "\n", this_year);
      year = period = this_year;
    }
    if (this_period != period) {
      fmt::print("  {}\n", this_period);
      period = this_period;
    }
    const std::string_view indent = period == year ? "  " : "    ";
    fmt::print("{}{}\n", indent, query::relation_text(graph, r, graph.source(r)));
    print_evidence(graph, r, std::string(indent) + "    ");
  }
  if (timeline.undated.empty()) return;
  fmt::print("{}undated\n", timeline.dated.empty() ? "" : "\n");
  for (const RelationId r : timeline.undated) {
    fmt::print("  {}\n", query::relation_text(graph, r, graph.source(r)));
    print_evidence(graph, r, "      ");
  }
}

void write_relations(JsonWriter& json, const Graph& graph, const std::vector<RelationId>& relations, std::size_t& i,
                     const std::string& period) {
  json.StartArray();
  for (; i < relations.size() && timeline_period(graph.date(relations[i])) == period; ++i) {
    json.StartObject();
    write_relation_members(json, graph, relations[i]);
    write_evidence(json, graph, relations[i]);
    json.EndObject();
  }
  json.EndArray();
}

void print_json_answer(const Graph& graph, const Timeline& timeline, const std::vector<EntityId>& entities) {
  print_json([&](JsonWriter& json) {
    json.StartObject();
    json.Key("entities");
    json.StartArray();
    for (const EntityId e : entities) write_string(json, graph.entity_key(e));
    json.EndArray();
    json.Key("periods");
    json.StartArray();
    for (std::size_t i = 0; i < timeline.dated.size();) {
      const std::string period = timeline_period(graph.date(timeline.dated[i]));
      json.StartObject();
      json.Key("period");
      write_string(json, period);
      json.Key("relations");
      write_relations(json, graph, timeline.dated, i, period);
      json.EndObject();
    }
    json.EndArray();
    json.Key("undated");
    std::size_t i = 0;
    write_relations(json, graph, timeline.undated, i, "undated");
    write_cut(json, timeline.cut);
    json.EndObject();
  });
}

}  // namespace

void setup_timeline(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<TimelineCommandOptions>();
  auto* command = app.add_subcommand(
      "timeline", "Relations in date order, grouped by year and month, each with its quotes; undated ones last");
  add_graph_input(*command, options->input);
  command->add_option("entities", options->entities, "Only the relations of these entities (ids, names or aliases)");
  add_choice<TimelineFormat>(*command, "--format", options->format,
                             {{"text", TimelineFormat::Text},
                              {"json", TimelineFormat::Json},
                              {"csv", TimelineFormat::Csv},
                              {"mermaid", TimelineFormat::Mermaid}},
                             "Answer as text, json, csv (one row per quote) or a Mermaid timeline");
  add_filter_options(*command, options->filters);
  add_time_limit(*command, options->time_limit);
  command->callback([options, &exit_code] { exit_code = run_timeline(*options); });
}

int run_timeline(const TimelineCommandOptions& options) {
  const Graph graph = load_graph(options.input);
  TimelineOptions timeline_options;
  const EntityLookup lookup(graph);
  for (const auto& name : options.entities) timeline_options.entities.push_back(lookup.resolve(name));
  const View view(graph, options.filters.to_filter());
  timeline_options.should_stop = options.time_limit.should_stop();
  const Timeline result = timeline(view, timeline_options);
  switch (options.format) {
    case TimelineFormat::Text: print_text(graph, result); break;
    case TimelineFormat::Json: print_json_answer(graph, result, timeline_options.entities); break;
    case TimelineFormat::Csv: write_timeline_csv(graph, result, std::cout); break;
    case TimelineFormat::Mermaid: write_timeline_mermaid(graph, result, std::cout); break;
  }
  std::cout.flush();
  if (!result.cut) return kExitOk;
  options.time_limit.report_cut("the relations read so far, in date order");
  return kExitNo;
}

}  // namespace kg::cli
