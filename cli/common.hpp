#pragma once
// What every subcommand shares: reading the graph argument, --format, exit
// codes, and writing errors the way docs/CLI.md promises.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "base/output_file.hpp"
#include "graph/graph.hpp"
#include "graph/stop.hpp"
#include "graph/view.hpp"
#include "ingest/format.hpp"
#include "query/context.hpp"
#include "query/json.hpp"
#include "query/view_spec.hpp"

namespace kg::cli {

// docs/CLI.md, "Exit codes".
enum ExitCode : int {
  kExitOk = 0,
  kExitNo = 1,        // the answer is "no", or validate found problems
  kExitUsage = 2,     // bad arguments, unknown entity names
  kExitInput = 3,     // input unreadable or malformed
  kExitInternal = 4,  // a bug in kg
  kExitOutput = 5,    // output could not be written (full disk, unwritable path, failed stdout)
};

// Ends a command with an exit code after its message went to stderr.
class CommandFailed : public std::exception {
 public:
  explicit CommandFailed(int code) : code_(code) {}
  int code() const { return code_; }
  const char* what() const noexcept override { return "command failed"; }

 private:
  int code_;
};

enum class OutputFormat { Text, Json };

struct GraphInput {
  std::string path;
  std::optional<std::string> from;
  bool quiet = false;  // no progress bar while loading
  CsvColumns csv;      // which columns of CSV input hold kg's fields

  // The reader options these ask for (the CSV columns; no progress callback).
  ReadOptions read_options() const;
};

// Adds the graph argument, --from, --quiet and the CSV column flags
// (--id-column, ..., --delimiter): every reading command takes them all.
void add_graph_input(CLI::App& command, GraphInput& input);
// The CSV column flags alone, for commands that read several graphs.
void add_csv_columns(CLI::App& command, CsvColumns& csv);

// An option that takes one of a few words and stores the value paired with
// it; --help shows "word|word (default word)" for the target's current value.
template <typename T>
CLI::Option* add_choice(CLI::App& command, const std::string& name, T& target,
                        const std::vector<std::pair<std::string, T>>& choices, const std::string& description) {
  std::vector<std::string> words;
  std::string shown;
  for (const auto& choice : choices) {
    words.push_back(choice.first);
    shown += (shown.empty() ? "" : "|") + choice.first;
  }
  for (const auto& choice : choices) {
    if (choice.second == target) shown += " (default " + choice.first + ")";
  }
  return command
      .add_option_function<std::string>(
          name,
          [&target, choices](const std::string& word) {
            for (const auto& choice : choices) {
              if (choice.first == word) target = choice.second;
            }
          },
          description)
      ->check(CLI::IsMember(words))
      ->option_text(shown);
}
void add_output_format(CLI::App& command, OutputFormat& format);
// Adds --force: replace a read-only output file (docs/CLI.md, "Output files").
void add_force_option(CLI::App& command, OutputFileOptions& output);
// Adds --csv-safe: CSV cells that would start a spreadsheet formula are
// defused (CsvOptions::formula_safe), for convert, export and timeline.
void add_csv_safe_flag(CLI::App& command, bool& csv_safe);

using FilterOptions = query::ViewSpec;
// Range checks for numeric options (docs/CLI.md, "Numbers"). They read the
// text before CLI11 converts it, because CLI11 turns "-1" into a huge value
// of an unsigned target; the error names the option and the range.
// Whole numbers from min to max.
CLI::Validator whole_range(std::uint64_t min, std::uint64_t max);
// Finite reals from min to max; `excluded` leaves out an end.
enum class Excluded : std::uint8_t { None, Min, Max };
CLI::Validator real_range(double min, double max, Excluded excluded = Excluded::None);
// The largest count an option accepts: far beyond any graph kg reads.
constexpr std::uint64_t kMostCount = 1000000000;
// The longest --time-limit: a year.
constexpr double kMostSeconds = 366.0 * 24 * 3600;

// --time-limit SECONDS on every query (docs/CLI.md, "Time limits"): the
// work stops at the deadline, counted from when the command starts, and
// gives the answer so far, marked as cut (exit 1).
struct TimeLimit {
  std::optional<double> seconds;
  std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now();

  std::optional<std::chrono::steady_clock::time_point> deadline() const;
  // For the libraries (graph/stop.hpp); empty without a limit.
  ShouldStop should_stop() const;
  // "kg: stopped at the time limit of 2 s: WHAT" on stderr.
  void report_cut(const std::string& what) const;
};
void add_time_limit(CLI::App& command, TimeLimit& limit);

// Adds --relations, --exclude-relations, --entity-types, --as-of, --between,
// --undated, --avoid and --max-degree: for commands that walk nothing
// (info, export, convert, components, communities), which therefore do not
// offer --direction.
void add_filter_options(CLI::App& command, FilterOptions& filters);
// The same and --direction (default `direction`), for commands that walk
// relations.
void add_filter_options(CLI::App& command, FilterOptions& filters, Direction direction);

// Whether the filters make undated relations worth marking in answers: a
// time window keeps them although no date puts them in it (or --undated
// chose them).
bool marks_undated(const FilterOptions& filters);
// For text answers, when marks_undated: prints "(N undated relations kept
// ...)" on stdout if the view keeps any.
void print_undated_note(const FilterOptions& filters, const View& view);
// The same, given how many undated relations the view keeps.
void print_undated_note(const FilterOptions& filters, std::size_t kept);

// Prints "kg: <message>" on stderr, its control characters escaped
// (printable): messages quote names and values from the data.
void print_error(const std::string& message);
// A library error, its fields worded as flags (cli/fields.hpp).
void print_error(const Error& error);

// Prints a read's problems on stderr, then how many more were counted but
// not kept.
void print_problems(const ReadResult& result);
// The same for problems kept apart from a read, `not_shown` more counted.
void print_problems(const std::vector<Diagnostic>& problems, std::size_t not_shown);

// Reads the graph, drawing a progress bar; prints every problem on stderr
// and throws CommandFailed(kExitInput) when there are any.
Graph load_graph(const GraphInput& input);
// The time limit, if any, becomes the context's should_stop.
std::unique_ptr<query::QueryContext> open_context(const GraphInput& input, const TimeLimit& limit = {});
// Prints the warnings and problems of a graph that could not be loaded and
// throws CommandFailed(kExitInput).
[[noreturn]] void fail_on_problems(const query::InputProblems& problems);

// Prints text as it is, and a JSON document with a newline, on stdout.
void print_text(const std::string& text);
void print_json_text(const std::string& json);

// An answer as the user asked for it: its JSON or its text presenter.
template <typename Answer>
void print_answer(OutputFormat format, const Answer& answer, const Graph& graph) {
  if (format == OutputFormat::Json) {
    print_json_text(query::json_text([&](query::JsonSink& json) { to_json(answer, graph, json); }));
  } else {
    print_text(to_text(answer, graph));
  }
}

using JsonWriter = query::JsonSink;
using query::write_relation_members;
using query::write_string;
// Writes one JSON document, and a newline, on stdout.
void print_json(const std::function<void(JsonWriter&)>& write);

// "kg: timings: load 0.62 s, compute 0.041 s" on stderr.
void print_timings(const query::Timings& timings);
using query::write_cut;

}  // namespace kg::cli
