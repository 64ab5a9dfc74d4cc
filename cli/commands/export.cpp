#include "cli/commands/export.hpp"

#include <memory>

#include "cli/output_format.hpp"
#include "query/export.hpp"

namespace kg::cli {

void setup_export(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<ExportOptions>();
  auto& request = options->request;
  auto* command = app.add_subcommand("export", "Write the graph in another tool's format");
  add_graph_input(*command, options->input);
  std::vector<std::string> names;
  std::string formats;
  for (const ExportWriter& writer : export_writers()) {
    names.emplace_back(writer.name);
    formats += "\n  " + std::string(writer.name) + ": " + std::string(writer.description);
  }
  command->add_option("--to", request.to, "Output format:" + formats)->required()->check(CLI::IsMember(names));
  command->add_option("-o,--output", options->output, "Output file (written whole or not at all); stdout if absent; a directory for csv");
  add_force_option(*command, options->output_file);
  add_filter_options(*command, request.view);
  add_csv_safe_flag(*command, request.csv_safe);
  add_drop_isolated_flag(*command, request.drop_isolated);
  command->callback([options, &exit_code] { exit_code = run_export(*options); });
}

int run_export(const ExportOptions& options) {
  write_export(options.request, options.input, options.output, options.output_file);
  return kExitOk;
}

}  // namespace kg::cli
