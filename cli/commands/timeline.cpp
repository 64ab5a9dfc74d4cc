#include "cli/commands/timeline.hpp"

#include <memory>

#include "graph/exception.hpp"

namespace kg::cli {

void setup_timeline(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<TimelineCommandOptions>();
  auto& request = options->request;
  auto* command = app.add_subcommand(
      "timeline", "Relations in date order, grouped by year and month, each with its quotes; undated ones last");
  add_graph_input(*command, options->input);
  command->add_option("entities", request.entities, "Only the relations of these entities (ids, names or aliases)");
  add_choice<TimelineFormat>(*command, "--format", options->format,
                             {{"text", TimelineFormat::Text},
                              {"json", TimelineFormat::Json},
                              {"csv", TimelineFormat::Csv},
                              {"mermaid", TimelineFormat::Mermaid}},
                             "Answer as text, json, csv (one row per quote) or a Mermaid timeline");
  add_csv_safe_flag(*command, options->csv_safe);
  add_filter_options(*command, request.view);
  add_time_limit(*command, options->time_limit);
  command->callback([options, &exit_code] { exit_code = run_timeline(*options); });
}

int run_timeline(const TimelineCommandOptions& options) {
  if (options.csv_safe && options.format != TimelineFormat::Csv) {
    throw InvalidArgument("--csv-safe applies to --format csv only");
  }
  options.request.validate();
  const auto context = open_context(options.input, options.time_limit);
  const auto answer = query::run(options.request, *context);
  const Graph& graph = context->graph();
  switch (options.format) {
    case TimelineFormat::Text: print_answer(OutputFormat::Text, answer, graph); break;
    case TimelineFormat::Json: print_answer(OutputFormat::Json, answer, graph); break;
    case TimelineFormat::Csv: print_text(query::to_csv(answer, graph, CsvOptions{options.csv_safe})); break;
    case TimelineFormat::Mermaid: print_text(query::to_mermaid(answer, graph)); break;
  }
  if (!answer.cut) return kExitOk;
  options.time_limit.report_cut("the relations read so far, in date order");
  return kExitNo;
}

}  // namespace kg::cli
