#pragma once
// What every subcommand shares: reading the graph argument, --format, exit
// codes, and writing errors the way docs/CLI.md promises.
#include <CLI/CLI.hpp>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <functional>
#include <optional>
#include <string>

#include "base/output_file.hpp"
#include "graph/graph.hpp"
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
};

void add_graph_input(CLI::App& command, GraphInput& input);

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

// The filters every query takes (docs/CLI.md, "Filters").
struct FilterOptions {
  std::vector<std::string> relations;
  std::vector<std::string> exclude_relations;
  std::vector<std::string> entity_types;
  std::string as_of;
  std::string between;
  std::vector<std::string> avoid;
  std::optional<std::size_t> max_degree;
  Direction direction = Direction::Any;

  // Throws InvalidArgument for a malformed date or window.
  Filter to_filter() const;
};

// Adds --relations, --exclude-relations, --entity-types, --as-of, --between,
// --avoid, --max-degree and --direction (default `direction`).
void add_filter_options(CLI::App& command, FilterOptions& filters, Direction direction);

// Prints "kg: <message>" on stderr.
void print_error(const std::string& message);

// Reads the graph; prints every problem on stderr and throws
// CommandFailed(kExitInput) when there are any.
Graph load_graph(const GraphInput& input);

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;
// Writes one JSON document, and a newline, on stdout.
void print_json(const std::function<void(JsonWriter&)>& write);
void write_string(JsonWriter& json, std::string_view text);
// A relation's "source", "type", "target" (ids), "date" (null when undated)
// and "until" (when it has one), as members of the object being written.
void write_relation_members(JsonWriter& json, const Graph& graph, RelationId r);

}  // namespace kg::cli
