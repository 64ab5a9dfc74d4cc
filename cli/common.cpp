#include "cli/common.hpp"

#include <fmt/core.h>

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <system_error>
#include <tuple>

#include "cli/fields.hpp"
#include "cli/progress.hpp"
#include "cli/text.hpp"
#include "mpi/world.hpp"
#include "graph/exception.hpp"

namespace kg::cli {

void add_graph_input(CLI::App& command, GraphInput& input) {
  command.add_option("graph", input.path, "Graph file: kg JSON (.json), or any format of --from")->required();
  command.add_option("--from", input.from, "Input format, when the extension does not tell");
  command.add_flag("--quiet", input.quiet, "No progress bar on stderr (drawn only when stderr is a terminal)");
  add_csv_columns(command, input.csv);
}

void add_csv_columns(CLI::App& command, CsvColumns& csv) {
  const char* group = "CSV input columns";
  const std::tuple<const char*, std::string*, const char*> columns[] = {
      {"--id-column", &csv.id, "entity ids"},
      {"--name-column", &csv.name, "entity names"},
      {"--entity-type-column", &csv.entity_type, "entity types"},
      {"--source-column", &csv.source, "relation sources"},
      {"--target-column", &csv.target, "relation targets"},
      {"--relation-type-column", &csv.relation_type, "relation types"},
      {"--date-column", &csv.date, "relation dates"},
      {"--until-column", &csv.until, "relation end dates"},
  };
  for (const auto& [flag, field, holds] : columns) {
    command.add_option(flag, *field, std::string("Header of the CSV column holding ") + holds)
        ->group(group)
        ->type_name("NAME");
  }
  command.get_option("--relation-type-column")
      ->description("Header of the CSV column (GraphML: the edge key's attr.name) holding relation types");
  command.add_option("--delimiter", csv.delimiter, "Field separator of CSV input (default ',')")->group(group);
}

ReadOptions GraphInput::read_options() const {
  ReadOptions options;
  options.csv = csv;
  return options;
}

void add_output_format(CLI::App& command, OutputFormat& format) {
  add_choice<OutputFormat>(command, "--format", format, {{"text", OutputFormat::Text}, {"json", OutputFormat::Json}},
                           "Answer as text (for people) or json (for programs)");
}

void add_force_option(CLI::App& command, OutputFileOptions& output) {
  command.add_flag("--force", output.replace_read_only, "Replace the output file even when it is read-only");
}

void add_csv_safe_flag(CLI::App& command, bool& csv_safe) {
  command.add_flag("--csv-safe", csv_safe,
                   "CSV for spreadsheets: a cell starting with = + - @, tab or CR gets a leading ' (OWASP); "
                   "not for neo4j-admin, which would import the ' (docs/INTERCHANGE.md)");
}

CLI::Validator whole_range(std::uint64_t min, std::uint64_t max) {
  const std::string range = fmt::format("a whole number from {} to {}", min, max);
  return CLI::Validator(
      [min, max, range](std::string& text) -> std::string {
        const bool digits = !text.empty() && text.find_first_not_of("0123456789") == std::string::npos;
        errno = 0;
        const unsigned long long value = digits ? std::strtoull(text.c_str(), nullptr, 10) : 0;
        if (!digits || errno == ERANGE || value < min || value > max) return "'" + text + "' is not " + range;
        return "";
      },
      "INT in [" + std::to_string(min) + " - " + std::to_string(max) + "]");
}

CLI::Validator real_range(double min, double max, Excluded excluded) {
  const std::string range = fmt::format("a number from {} to {}{}", min, max,
                                        excluded == Excluded::Min   ? fmt::format(", {} excluded", min)
                                        : excluded == Excluded::Max ? fmt::format(", {} excluded", max)
                                                                    : "");
  return CLI::Validator(
      [min, max, excluded, range](std::string& text) -> std::string {
        char* end = nullptr;
        errno = 0;
        const double value = text.empty() ? NAN : std::strtod(text.c_str(), &end);
        const bool whole_text = !text.empty() && end == text.c_str() + text.size();
        if (!whole_text || errno == ERANGE || !std::isfinite(value) || value < min || value > max ||
            (excluded == Excluded::Min && value == min) || (excluded == Excluded::Max && value == max)) {
          return "'" + text + "' is not " + range;
        }
        return "";
      },
      fmt::format("NUMBER in {}{} - {}{}", excluded == Excluded::Min ? "(" : "[", min, max,
                  excluded == Excluded::Max ? ")" : "]"));
}

std::optional<std::chrono::steady_clock::time_point> TimeLimit::deadline() const {
  if (!seconds) return std::nullopt;
  return start + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                     std::chrono::duration<double>(*seconds));
}

ShouldStop TimeLimit::should_stop() const {
  const auto at = deadline();
  if (!at) return {};
  return [at = *at] { return std::chrono::steady_clock::now() >= at; };
}

void TimeLimit::report_cut(const std::string& what) const {
  print_error(fmt::format("stopped at the time limit of {} s: {}", seconds.value_or(0), what));
}

void add_time_limit(CLI::App& command, TimeLimit& limit) {
  command
      .add_option("--time-limit", limit.seconds,
                  "Stop after SECONDS (from the start) with the answer so far, marked as cut (exit 1)")
      ->check(real_range(0, kMostSeconds, Excluded::Min))
      ->type_name("SECONDS");
}

void add_filter_options(CLI::App& command, FilterOptions& filters) {
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
  add_choice<Undated>(command, "--undated", filters.undated,
                      {{"include", Undated::Include}, {"exclude", Undated::Exclude}, {"only", Undated::Only}},
                      "Relations without a date (every window keeps them): keep them, leave them out, or keep "
                      "only them")
      ->group(group);
  command.add_option("--avoid", filters.avoid, "Leave out these entities (names, ids or aliases)")
      ->delimiter(',')
      ->group(group);
  command.add_option("--max-degree", filters.max_degree, "Leave out entities with more relations than N")
      ->check(whole_range(0, kMostCount))
      ->group(group);
}

void add_filter_options(CLI::App& command, FilterOptions& filters, Direction direction) {
  add_filter_options(command, filters);
  filters.direction = direction;
  add_choice<Direction>(command, "--direction", filters.direction,
                        {{"out", Direction::Out}, {"in", Direction::In}, {"any", Direction::Any}},
                        "Walk relations out (source to target), in, or any way")
      ->group("Filters")
      ->each([&filters](const std::string&) { filters.direction_given = true; });
}

bool marks_undated(const FilterOptions& filters) { return filters.marks_undated(); }

void print_undated_note(const FilterOptions& filters, const View& view) {
  print_undated_note(filters, count_kept_undated(view));
}

void print_undated_note(const FilterOptions& filters, std::size_t kept) {
  if (!marks_undated(filters) || kept == 0) return;
  std::cout << "(" << kept << " undated relation" << (kept == 1 ? "" : "s")
            << " kept: without a date, every window keeps them; --undated exclude leaves them out)\n";
}

void print_error(const std::string& message) { std::cerr << "kg: " << printable(message) << '\n'; }

void print_error(const Error& error) { print_error(error.worded(flag_for)); }

void print_problems(const ReadResult& result) { print_problems(result.problems, result.problems_not_shown); }

void print_problems(const std::vector<Diagnostic>& problems, std::size_t not_shown) {
  for (const auto& problem : problems) print_error(problem.to_string(flag_for));
  if (not_shown) print_error(std::to_string(not_shown) + " more problem" + (not_shown == 1 ? "" : "s") + " not shown");
}

Graph load_graph(const GraphInput& input) {
  ProgressBar bar("loading " + input.path, ProgressUnit::Bytes, progress_wanted(input.quiet) ? &std::cerr : nullptr);
  ReadOptions options = input.read_options();
  options.progress = bar.callback();
  ReadResult result = read_graph(input.path, input.from, options);
  bar.finish();
  for (const auto& warning : result.warnings) print_error("warning: " + warning.to_string());
  if (result.problem_count() != 0) {
    print_problems(result);
    throw CommandFailed(kExitInput);
  }
  return std::move(*result.graph);
}

std::unique_ptr<query::QueryContext> open_context(const GraphInput& input, const TimeLimit& limit) {
  ProgressBar bar("loading " + input.path, ProgressUnit::Bytes, progress_wanted(input.quiet) ? &std::cerr : nullptr);
  query::Callbacks callbacks;
  callbacks.load_progress = bar.callback();
  callbacks.should_stop = limit.should_stop();
  callbacks.split = mpi::source_split();
  std::unique_ptr<query::QueryContext> context;
  std::exception_ptr failure;
  try {
    context = std::make_unique<query::QueryContext>(query::GraphSource{input.path, input.from, input.csv}, callbacks);
  } catch (...) {
    failure = std::current_exception();
  }
  bar.finish();
  try {
    // Under mpirun every rank must hold the same graph before any work.
    mpi::agree_on_input(input.path, failure);
  } catch (const query::InputProblems& problems) {
    fail_on_problems(problems);
  }
  for (const auto& warning : context->warnings()) print_error("warning: " + warning.to_string());
  return context;
}

void fail_on_problems(const query::InputProblems& problems) {
  ReadResult result;
  result.warnings = problems.warnings();
  result.problems = problems.problems();
  result.problems_not_shown = problems.not_shown();
  for (const auto& warning : result.warnings) print_error("warning: " + warning.to_string());
  print_problems(result);
  throw CommandFailed(kExitInput);
}

// A short write is reported at once, with its errno, as fmt::print does: a
// later write to the failed stream would report a stale errno instead.
void print_text(const std::string& text) {
  if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size()) {
    throw std::system_error(errno, std::generic_category());
  }
}

void print_json_text(const std::string& json) {
  print_text(json);
  std::fputc('\n', stdout);
}

void print_json(const std::function<void(JsonWriter&)>& write) {
  print_json_text(query::json_text(write));
}

void print_timings(const query::Timings& timings) {
  print_error(query::timings_text(timings));
  if (const std::string busy = mpi::busy_report(); !busy.empty()) print_error("timings: " + busy);
}

}  // namespace kg::cli
