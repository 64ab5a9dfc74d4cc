#include "cli/commands/components.hpp"

#include <memory>

namespace kg::cli {

void setup_components(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<ComponentsOptions>();
  auto& request = options->request;
  auto* command = app.add_subcommand("components", "Groups of connected entities, largest first");
  add_graph_input(*command, options->input);
  add_output_format(*command, options->format);
  add_filter_options(*command, request.view);
  command->add_flag("--strong", request.strong,
                    "Strongly connected: each member reaches every other following the arrows");
  command->add_flag("--timings", options->timings, "Report load and compute seconds on stderr");
  command->add_option("--top", request.top, "List only the N largest (0: all)")
      ->check(whole_range(0, kMostCount))
      ->default_str("0");
  add_time_limit(*command, options->time_limit);
  command->callback([options, &exit_code] { exit_code = run_components(*options); });
}

int run_components(const ComponentsOptions& options) {
  options.request.validate();
  const auto context = open_context(options.input, options.time_limit);
  const auto answer = query::run(options.request, *context);
  if (options.timings) print_timings(context->timings());
  print_answer(options.format, answer, context->graph());
  if (options.format == OutputFormat::Text) print_undated_note(options.request.view, answer.undated_relations);
  if (!answer.cut) return kExitOk;
  options.time_limit.report_cut("the components found so far; entities not reached yet are not listed");
  return kExitNo;
}

}  // namespace kg::cli
