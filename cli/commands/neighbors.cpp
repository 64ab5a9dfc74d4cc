#include "cli/commands/neighbors.hpp"

#include <fmt/core.h>

#include <memory>

#include "algorithms/paths.hpp"
#include "cli/commands/evidence_output.hpp"
#include "cli/text.hpp"
#include "graph/lookup.hpp"
#include "query/text.hpp"

namespace kg::cli {
namespace {

std::string steps(std::size_t n) { return n == 1 ? "1 step" : std::to_string(n) + " steps"; }

// Entities ring by ring, each with the relations that join it to the ring
// before (how it was reached); relations within a ring come last.
void print_text(const Graph& graph, const EgoNetwork& ego, std::size_t depth, bool mark_undated) {
  std::vector<std::uint32_t> distance(graph.entity_count(), UINT32_MAX);
  for (std::size_t i = 0; i < ego.entities.size(); ++i) distance[ego.entities[i]] = ego.distance[i];
  // The relations joining each entity to the ring before, found in one pass
  // (looking them up per entity made a long chain quadratic).
  std::vector<std::vector<RelationId>> joining(graph.entity_count());
  for (const RelationId r : ego.relations) {
    const EntityId s = graph.source(r), t = graph.target(r);
    if (distance[t] + 1 == distance[s]) joining[s].push_back(r);
    if (distance[s] + 1 == distance[t]) joining[t].push_back(r);
  }
  fmt::print("{} ({}): {} entities within {}, {} relations among them\n", printable(graph.entity_name(ego.center)),
             printable(graph.entity_key(ego.center)), ego.entities.size() - (ego.entities.empty() ? 0 : 1), steps(depth),
             ego.relations.size());
  std::vector<bool> shown(graph.relation_count(), false);
  std::uint32_t ring = 0;
  for (std::size_t i = 0; i < ego.entities.size(); ++i) {
    const EntityId e = ego.entities[i];
    if (ego.distance[i] == 0) continue;
    if (ego.distance[i] != ring) {
      ring = ego.distance[i];
      fmt::print("\n{} away:\n", steps(ring));
    }
    fmt::print("  {} ({}, {})\n", printable(graph.entity_name(e)), printable(graph.entity_key(e)),
               printable(graph.entity_type_name(graph.entity_type(e))));
    for (const RelationId r : joining[e]) {
      fmt::print("      {}\n", query::relation_text(graph, r, graph.source(r), mark_undated));
      print_evidence(graph, r, "          ");
      shown[r] = true;
    }
  }
  bool header = false;
  for (const RelationId r : ego.relations) {
    if (shown[r]) continue;
    if (!header) fmt::print("\nother relations among them:\n");
    header = true;
    fmt::print("      {}\n", query::relation_text(graph, r, graph.source(r), mark_undated));
    print_evidence(graph, r, "          ");
  }
}

void print_json_answer(const Graph& graph, const EgoNetwork& ego, std::size_t depth, std::size_t undated) {
  print_json([&](JsonWriter& json) {
    json.StartObject();
    json.Key("center");
    write_string(json, graph.entity_key(ego.center));
    json.Key("depth");
    json.Uint64(depth);
    json.Key("entities");
    json.StartArray();
    for (std::size_t i = 0; i < ego.entities.size(); ++i) {
      const EntityId e = ego.entities[i];
      json.StartObject();
      json.Key("id");
      write_string(json, graph.entity_key(e));
      json.Key("name");
      write_string(json, graph.entity_name(e));
      json.Key("type");
      write_string(json, graph.entity_type_name(graph.entity_type(e)));
      json.Key("distance");
      json.Uint(ego.distance[i]);
      json.EndObject();
    }
    json.EndArray();
    json.Key("relations");
    json.StartArray();
    for (const RelationId r : ego.relations) {
      json.StartObject();
      write_relation_members(json, graph, r);
      write_evidence(json, graph, r);
      json.EndObject();
    }
    json.EndArray();
    json.Key("undated_relations");
    json.Uint64(undated);
    write_cut(json, ego.cut);
    json.EndObject();
  });
}

}  // namespace

void setup_neighbors(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<NeighborsOptions>();
  auto* command = app.add_subcommand("neighbors", "The ego network: entities within --depth steps, and their relations");
  add_graph_input(*command, options->input);
  command->add_option("center", options->center, "The entity at the centre (id, name or alias)")->required();
  add_output_format(*command, options->format);
  command->add_option("--depth", options->depth, "How many steps out")
      ->default_val(1)
      ->check(whole_range(0, kMostCount));
  add_filter_options(*command, options->filters, Direction::Any);
  add_time_limit(*command, options->time_limit);
  command->callback([options, &exit_code] { exit_code = run_neighbors(*options); });
}

int run_neighbors(const NeighborsOptions& options) {
  const Graph graph = load_graph(options.input);
  const EntityId center = EntityLookup(graph).resolve(options.center);
  const View view(graph, options.filters.to_filter());
  EgoNetworkOptions ego_options;
  ego_options.direction = options.filters.direction;
  ego_options.depth = options.depth;
  ego_options.should_stop = options.time_limit.should_stop();
  const EgoNetwork ego = ego_network(view, center, ego_options);
  if (options.format == OutputFormat::Json) {
    print_json_answer(graph, ego, options.depth, count_kept_undated(view));
  } else {
    print_text(graph, ego, options.depth, marks_undated(options.filters));
    print_undated_note(options.filters, view);
  }
  if (!ego.cut) return kExitOk;
  options.time_limit.report_cut(fmt::format("{} entities reached, out to {}", ego.entities.size(),
                                            steps(ego.distance.empty() ? 0 : ego.distance.back())));
  return kExitNo;
}

}  // namespace kg::cli
