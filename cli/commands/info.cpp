#include "cli/commands/info.hpp"

#include <memory>

namespace kg::cli {

void setup_info(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<InfoOptions>();
  auto* command = app.add_subcommand("info", "Counts by entity and relation type, date range, sources");
  add_graph_input(*command, options->input);
  add_output_format(*command, options->format);
  command->add_flag("--stats", options->request.stats, "Also report the memory the graph takes");
  add_filter_options(*command, options->request.view);
  command->callback([options, &exit_code] { exit_code = run_info(*options); });
}

int run_info(const InfoOptions& options) {
  options.request.validate();
  const auto context = open_context(options.input);
  print_answer(options.format, query::run(options.request, *context), context->graph());
  return kExitOk;
}

}  // namespace kg::cli
