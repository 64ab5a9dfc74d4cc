#include "cli/commands/validate.hpp"

#include <iostream>
#include <limits>
#include <memory>

#include "cli/fields.hpp"
#include "cli/progress.hpp"

namespace kg::cli {

void setup_validate(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<ValidateOptions>();
  auto& request = options->request;
  auto* command = app.add_subcommand(
      "validate", "Check a graph file and report every problem with file:line:column; exit 1 if any");
  add_graph_input(*command, options->input);
  add_output_format(*command, options->format);
  command->add_option("--max-problems", request.max_problems,
                      "Show at most N problems (all are counted; default " + std::to_string(request.max_problems) + ")")
      ->check(CLI::Range(std::size_t{1}, std::numeric_limits<std::size_t>::max()));
  command->add_flag("--evidence", request.evidence,
                    "Also warn about relations whose quotes name neither endpoint (by id, name or alias)");
  command->add_flag("--strict", request.strict, "Exit 1 when there are warnings, as for problems");
  command->callback([options, &exit_code] { exit_code = run_validate(*options); });
}

int run_validate(const ValidateOptions& options) {
  query::ValidateRequest request = options.request;
  request.source = {options.input.path, options.input.from, options.input.csv};
  request.validate();
  ProgressBar bar("reading " + options.input.path, ProgressUnit::Bytes,
                  progress_wanted(options.input.quiet) ? &std::cerr : nullptr);
  query::Callbacks callbacks;
  callbacks.load_progress = bar.callback();
  query::ValidateAnswer answer = query::run(request, callbacks);
  bar.finish();
  // query/ words a problem by its field; the command line names the flag.
  for (Diagnostic& problem : answer.problems) {
    problem.message = problem.worded_message(flag_for);
    problem.field.clear();
  }
  if (options.format == OutputFormat::Json) {
    print_json([&](JsonWriter& json) { query::to_json(answer, json); });
  } else {
    print_problems(answer.problems, answer.problem_count - answer.problems.size());
    for (const auto& warning : answer.read_warnings) print_error("warning: " + warning.to_string(flag_for));
    for (const auto& warning : answer.warnings) print_error(warning.to_string(flag_for));
    print_text(query::to_text(answer));
  }
  return answer.passed ? kExitOk : kExitNo;
}

}  // namespace kg::cli
