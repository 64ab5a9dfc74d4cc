#include "cli/commands/convert.hpp"

#include <memory>

#include "cli/output_format.hpp"
#include "graph/exception.hpp"

namespace kg::cli {
void setup_convert(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<ConvertOptions>();
  auto* command = app.add_subcommand(
      "convert", "Convert a graph between formats (by extension: .graphml .gexf .json .jsonl .csv .cyjs .mmd .dot .kgs)");
  add_graph_input(*command, options->input);
  command->add_option("output", options->output, "Output file, written whole or not at all (a directory for csv)")
      ->required();
  add_force_option(*command, options->output_file);
  command->add_option("--to", options->to, "Output format, when the extension does not tell (one of " +
                                               writer_names() + ")");
  add_filter_options(*command, options->request.view);
  add_csv_safe_flag(*command, options->request.csv_safe);
  add_drop_isolated_flag(*command, options->request.drop_isolated);
  command->callback([options, &exit_code] { exit_code = run_convert(*options); });
}

int run_convert(const ConvertOptions& options) {
  query::ExportRequest request = options.request;
  request.to = options.to ? *options.to : output_format_for(options.output);
  if (!find_export_writer(request.to)) {
    if (is_diagram_extension("." + request.to)) {
      throw InvalidArgument("--to " + request.to + " is a diagram: kg render draws one (kg render GRAPH -o FILE --to " +
                            request.to + ")");
    }
    throw InvalidArgument("--to: unknown format '" + request.to + "' (one of " + writer_names() + ")");
  }
  write_export(request, options.input, options.output, options.output_file);
  return kExitOk;
}

}  // namespace kg::cli
