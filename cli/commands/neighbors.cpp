#include "cli/commands/neighbors.hpp"

#include <fmt/core.h>

#include <memory>

#include "query/text.hpp"

namespace kg::cli {

void setup_neighbors(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<NeighborsOptions>();
  auto& request = options->request;
  auto* command = app.add_subcommand("neighbors", "The ego network: entities within --depth steps, and their relations");
  add_graph_input(*command, options->input);
  command->add_option("center", request.center, "The entity at the centre (id, name or alias)")->required();
  add_output_format(*command, options->format);
  command->add_option("--depth", request.depth, "How many steps out")
      ->default_val(1)
      ->check(whole_range(0, kMostCount));
  add_filter_options(*command, request.view, Direction::Any);
  add_time_limit(*command, options->time_limit);
  command->callback([options, &exit_code] { exit_code = run_neighbors(*options); });
}

int run_neighbors(const NeighborsOptions& options) {
  options.request.validate();
  const auto context = open_context(options.input, options.time_limit);
  const auto answer = query::run(options.request, *context);
  print_answer(options.format, answer, context->graph());
  if (options.format == OutputFormat::Text) print_undated_note(options.request.view, answer.undated_relations);
  if (!answer.ego.cut) return kExitOk;
  const auto& ego = answer.ego;
  options.time_limit.report_cut(fmt::format("{} entities reached, out to {}", ego.entities.size(),
                                            query::counted(ego.distance.empty() ? 0 : ego.distance.back(), "step",
                                                           "steps")));
  return kExitNo;
}

}  // namespace kg::cli
