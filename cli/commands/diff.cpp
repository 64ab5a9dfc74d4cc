#include "cli/commands/diff.hpp"

#include <filesystem>
#include <memory>

#include "graph/exception.hpp"
#include "query/diff.hpp"

namespace kg::cli {
namespace {

int diff_between_dates(const DiffOptions& options) {
  query::DiffRequest request;
  request.view = options.filters;
  request.from_date = options.arguments[1];
  request.to_date = options.arguments[2];
  request.validate();
  const auto context = open_context(GraphInput{options.arguments[0], options.from, options.quiet, options.csv});
  print_answer(options.format, query::run(request, *context), context->graph());
  return kExitOk;
}

int diff_between_files(const DiffOptions& options) {
  if (!options.filters.to_filter().empty()) {
    throw InvalidArgument("filters apply to kg diff GRAPH DATE1 DATE2, not to two files");
  }
  const Graph before = load_graph(GraphInput{options.arguments[0], options.from, options.quiet, options.csv});
  const Graph after = load_graph(GraphInput{options.arguments[1], options.from, options.quiet, options.csv});
  const auto answer = query::compare_versions(before, options.arguments[0], after, options.arguments[1]);
  if (options.format == OutputFormat::Json) {
    print_json([&](JsonWriter& json) { query::to_json(answer, before, after, json); });
  } else {
    print_text(query::to_text(answer, before, after));
  }
  return answer.empty() ? kExitOk : kExitNo;
}

}  // namespace

void setup_diff(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<DiffOptions>();
  auto* command = app.add_subcommand(
      "diff", "What changed: relations started, ended or stayed between two dates (GRAPH DATE1 DATE2), or entities "
              "and relations added, removed or changed between two files (OLD NEW)");
  command->add_option("arguments", options->arguments, "GRAPH DATE1 DATE2, or OLD NEW")->expected(2, 3)->required();
  command->add_option("--from", options->from, "Input format, when the extension does not tell");
  command->add_flag("--quiet", options->quiet, "No progress bar on stderr (drawn only when stderr is a terminal)");
  add_csv_columns(*command, options->csv);
  add_output_format(*command, options->format);
  add_filter_options(*command, options->filters);
  command->callback([options, &exit_code] { exit_code = run_diff(*options); });
}

int run_diff(const DiffOptions& options) {
  // "kg diff GRAPH 2016" is a date short, not a file named 2016.
  if (options.arguments.size() == 2 && Date::parse(options.arguments[1]) &&
      !std::filesystem::exists(options.arguments[1])) {
    throw InvalidArgument("kg diff GRAPH DATE1 DATE2 needs two dates; '" + options.arguments[1] +
                          "' is a date, not a file to compare with");
  }
  return options.arguments.size() == 3 ? diff_between_dates(options) : diff_between_files(options);
}

}  // namespace kg::cli
