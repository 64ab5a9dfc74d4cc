#include "cli/commands/communities.hpp"

#include <fmt/core.h>

#include <memory>

#include "algorithms/communities.hpp"
#include "cli/commands/components.hpp"

namespace kg::cli {

void setup_communities(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<CommunitiesOptions>();
  auto* command = app.add_subcommand("communities", "Densely linked groups of entities (Louvain), with modularity");
  add_graph_input(*command, options->input);
  add_output_format(*command, options->format);
  add_filter_options(*command, options->filters);
  command->add_option("--seed", options->seed, "Seed of the order entities are visited in")
      ->check(whole_range(0, UINT64_MAX))
      ->default_str("0");
  command->add_option("--resolution", options->resolution, "Above 1 favours smaller communities")
      ->check(real_range(0, LouvainOptions::kMostResolution, Excluded::Min))
      ->default_str("1");
  command->add_flag("--timings", options->timings, "Report load and compute seconds on stderr");
  command->add_option("--top", options->top, "List only the N largest (0: all)")
      ->check(whole_range(0, kMostCount))
      ->default_str("0");
  add_time_limit(*command, options->time_limit);
  command->callback([options, &exit_code] { exit_code = run_communities(*options); });
}

int run_communities(const CommunitiesOptions& options) {
  LouvainOptions louvain;
  louvain.seed = options.seed;
  louvain.resolution = options.resolution;
  louvain.should_stop = options.time_limit.should_stop();
  louvain.validate();
  const auto start = Clock::now();
  const Graph graph = load_graph(options.input);
  const auto loaded = Clock::now();
  const View view(graph, options.filters.to_filter());
  const CommunitiesResult result = louvain_communities(view, louvain);
  if (options.timings) print_timings(start, loaded, Clock::now());
  const GroupListing listing{&graph, &result.members, options.top};
  if (options.format == OutputFormat::Json) {
    print_json([&](JsonWriter& json) {
      json.StartObject();
      json.Key("modularity");
      json.Double(result.modularity);
      json.Key("count");
      json.Uint64(result.members.size());
      write_groups_json(json, "communities", listing);
      json.Key("undated_relations");
      json.Uint64(count_kept_undated(view));
      write_cut(json, result.cut);
      json.EndObject();
    });
  } else {
    fmt::print("modularity {:.6f}\n", result.modularity);
    print_groups_text(listing, "communities");
    print_undated_note(options.filters, view);
  }
  if (!result.cut) return kExitOk;
  options.time_limit.report_cut("the communities of the levels done so far");
  return kExitNo;
}

}  // namespace kg::cli
