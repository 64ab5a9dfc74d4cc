#include "cli/common.hpp"

#include <cstdio>
#include <iostream>

#include "cli/fields.hpp"
#include "cli/progress.hpp"
#include "graph/exception.hpp"

namespace kg::cli {

void add_graph_input(CLI::App& command, GraphInput& input) {
  command.add_option("graph", input.path, "Graph file: kg JSON (.json), or any format of --from")->required();
  command.add_option("--from", input.from, "Input format, when the extension does not tell");
  command.add_flag("--quiet", input.quiet, "No progress bar on stderr (drawn only when stderr is a terminal)");
}

void add_output_format(CLI::App& command, OutputFormat& format) {
  add_choice<OutputFormat>(command, "--format", format, {{"text", OutputFormat::Text}, {"json", OutputFormat::Json}},
                           "Answer as text (for people) or json (for programs)");
}

void add_filter_options(CLI::App& command, query::ViewSpec& filters, Direction direction) {
  filters.direction = direction;
  const char* group = "Filters";
  command.add_option("--relations", filters.relation_types, "Follow only these relation types (comma-separated)")
      ->delimiter(',')
      ->group(group);
  command.add_option("--exclude-relations", filters.exclude_relation_types, "Never follow these relation types")
      ->delimiter(',')
      ->group(group);
  command.add_option("--entity-types", filters.entity_types, "Keep only entities of these types")
      ->delimiter(',')
      ->group(group);
  command.add_option("--as-of", filters.as_of, "Keep relations active on DATE (YYYY, YYYY-MM or YYYY-MM-DD)")
      ->group(group);
  command.add_option("--between", filters.between, "Keep relations active in DATE..DATE (either end may be open)")
      ->group(group);
  command.add_option("--avoid", filters.avoid, "Leave out these entities (names, ids or aliases)")
      ->delimiter(',')
      ->group(group);
  command.add_option("--max-degree", filters.max_degree, "Leave out entities with more relations than N")
      ->group(group);
  add_choice<Direction>(command, "--direction", filters.direction,
                        {{"out", Direction::Out}, {"in", Direction::In}, {"any", Direction::Any}},
                        "Walk relations out (source to target), in, or any way")
      ->group(group);
}

void print_error(const std::string& message) { std::cerr << "kg: " << message << '\n'; }

void print_error(const Error& error) { print_error(error.worded(flag_for)); }

namespace {

[[noreturn]] void print_problems_and_fail(const std::vector<Diagnostic>& problems) {
  for (const auto& problem : problems) print_error(problem.to_string());
  throw CommandFailed(kExitInput);
}

}  // namespace

Graph load_graph(const GraphInput& input) {
  ProgressBar bar("loading " + input.path, ProgressUnit::Bytes, progress_wanted(input.quiet) ? &std::cerr : nullptr);
  ReadOptions options;
  options.progress = bar.callback();
  ReadResult result = read_graph(input.path, input.from, options);
  bar.finish();
  if (!result.problems.empty()) print_problems_and_fail(result.problems);
  return std::move(*result.graph);
}

std::unique_ptr<query::QueryContext> open_context(const GraphInput& input) {
  ProgressBar bar("loading " + input.path, ProgressUnit::Bytes, progress_wanted(input.quiet) ? &std::cerr : nullptr);
  query::Callbacks callbacks;
  callbacks.load_progress = bar.callback();
  try {
    auto context = std::make_unique<query::QueryContext>(query::GraphSource{input.path, input.from, {}}, callbacks);
    bar.finish();
    return context;
  } catch (const query::InputProblems& problems) {
    bar.finish();
    print_problems_and_fail(problems.problems());
  }
}

void print_text(const std::string& text) { std::fwrite(text.data(), 1, text.size(), stdout); }

void print_json_text(const std::string& json) {
  print_text(json);
  std::fputc('\n', stdout);
}

void print_json(const std::function<void(JsonWriter&)>& write) {
  print_json_text(query::json_text(write));
}

void print_timings(const query::Timings& timings) { print_error(query::timings_text(timings)); }

}  // namespace kg::cli
