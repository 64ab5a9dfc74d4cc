#include "cli/commands/communities.hpp"

#include <cstdint>
#include <memory>

#include "algorithms/communities.hpp"

namespace kg::cli {

void setup_communities(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<CommunitiesOptions>();
  auto& request = options->request;
  auto* command = app.add_subcommand("communities", "Densely linked groups of entities (Louvain), with modularity");
  add_graph_input(*command, options->input);
  add_output_format(*command, options->format);
  add_filter_options(*command, request.view);
  command->add_option("--seed", request.seed, "Seed of the order entities are visited in")
      ->check(whole_range(0, UINT64_MAX))
      ->default_str("0");
  command->add_option("--resolution", request.resolution, "Above 1 favours smaller communities")
      ->check(real_range(0, LouvainOptions::kMostResolution, Excluded::Min))
      ->default_str("1");
  command->add_flag("--timings", options->timings, "Report load and compute seconds on stderr");
  command->add_option("--top", request.top, "List only the N largest (0: all)")
      ->check(whole_range(0, kMostCount))
      ->default_str("0");
  add_time_limit(*command, options->time_limit);
  command->callback([options, &exit_code] { exit_code = run_communities(*options); });
}

int run_communities(const CommunitiesOptions& options) {
  options.request.validate();
  const auto context = open_context(options.input, options.time_limit);
  const auto answer = query::run(options.request, *context);
  if (options.timings) print_timings(context->timings());
  print_answer(options.format, answer, context->graph());
  if (options.format == OutputFormat::Text) print_undated_note(options.request.view, answer.undated_relations);
  if (!answer.cut) return kExitOk;
  options.time_limit.report_cut("the communities of the levels done so far");
  return kExitNo;
}

}  // namespace kg::cli
