#pragma once
// What every subcommand shares: reading the graph argument, --format, exit
// codes, and writing errors the way docs/CLI.md promises.
#include <CLI/CLI.hpp>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "graph/graph.hpp"
#include "graph/stop.hpp"
#include "graph/view.hpp"
#include "ingest/format.hpp"

namespace kg::cli {

// docs/CLI.md, "Exit codes".
enum ExitCode : int {
  kExitOk = 0,
  kExitNo = 1,        // the answer is "no", or validate found problems
  kExitUsage = 2,     // bad arguments, unknown entity names
  kExitInput = 3,     // input unreadable or malformed
  kExitInternal = 4,  // a bug in kg
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

// The filters every query takes (docs/CLI.md, "Filters").
struct FilterOptions {
  std::vector<std::string> relations;
  std::vector<std::string> exclude_relations;
  std::vector<std::string> entity_types;
  std::string as_of;
  std::string between;
  std::vector<std::string> avoid;
  std::optional<std::size_t> max_degree;
  Undated undated = Undated::Include;
  Direction direction = Direction::Any;
  bool direction_given = false;  // --direction was on the command line

  // Throws InvalidArgument for a malformed date or window.
  Filter to_filter() const;
};

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

// A library message that starts with a Filter field ("relation_types: no
// type 'x'") worded with the flag that sets it ("--relations: ...").
std::string worded_as_flags(const std::string& message);

// Prints "kg: <message>" on stderr, its control characters escaped
// (printable): messages quote names and values from the data.
void print_error(const std::string& message);

// Prints a read's problems on stderr, then how many more were counted but
// not kept.
void print_problems(const ReadResult& result);

// Reads the graph; prints every problem on stderr and throws
// CommandFailed(kExitInput) when there are any.
Graph load_graph(const GraphInput& input);

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;
// Writes one JSON document, and a newline, on stdout.
void print_json(const std::function<void(JsonWriter&)>& write);
void write_string(JsonWriter& json, std::string_view text);
// "cut": true when the time limit cut the answer; nothing otherwise.
void write_cut(JsonWriter& json, bool cut);
// A relation's "source", "type", "target" (ids), "date" (null when undated)
// and "until" (when it has one), as members of the object being written.
void write_relation_members(JsonWriter& json, const Graph& graph, RelationId r);

}  // namespace kg::cli
