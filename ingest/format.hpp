#pragma once
// The registry of input formats: a new reader is one file that defines its
// Format and one line in registry.cpp.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/graph.hpp"
#include "ingest/diagnostic.hpp"

namespace kg {

// Which columns of a CSV input hold kg's fields (ingest/csv.hpp; the GraphML
// reader takes relation_type as the edge key holding relation types); an empty
// name means the usual header: Neo4j's (`:ID`, `:LABEL`, `:START_ID`,
// `:END_ID`, `:TYPE`) or plain (`id`, `name`, `type`, `source`, `target`,
// `date`, `until`).
struct CsvColumns {
  std::string id, name, entity_type;
  std::string source, target, relation_type, date, until;
  char delimiter = ',';
};

struct ReadOptions {
  // Past this many problems a reader stops storing them but keeps counting
  // (ReadResult::problems_not_shown): a wrong file should not print a
  // million lines, and its total should still be true.
  std::size_t max_problems = 1000;
  // Called now and then with the bytes read so far and the file's size, for
  // progress bars (the command line draws them; readers never print).
  std::function<void(std::uint64_t done, std::uint64_t total)> progress;
  // Column mapping of CSV input.
  CsvColumns csv;
  // The whole input when it was read before the reader ran (standard input,
  // a pipe: what can be read only once); readers use it instead of opening
  // the path, which then only names the input in messages.
  std::shared_ptr<const std::string> contents;
};

struct ReadResult {
  std::optional<Graph> graph;  // empty whenever problems is not
  std::vector<Diagnostic> problems;
  // What was read in a way the user may not expect (an attribute type kg
  // does not interpret, kept as text): said once, never a reason to refuse.
  std::vector<Diagnostic> warnings;
  std::size_t problems_not_shown = 0;  // seen past ReadOptions::max_problems

  std::size_t problem_count() const { return problems.size() + problems_not_shown; }
};

struct Format {
  std::string name;                     // as --from names it: "kg-json"
  std::string description;
  std::vector<std::string> extensions;  // with the dot: ".json"
  // Whether the first bytes of a file look like this format; formats that
  // share an extension (kinds of JSON) are told apart by it.
  bool (*sniff)(std::string_view head);
  // Reads a whole file. Problems with its content go into the result; a
  // file that cannot be opened throws InputError.
  ReadResult (*read)(const std::string& path, const ReadOptions& options);
};

const std::vector<Format>& input_formats();

// The format named `name`, or the one the path's extension and first bytes
// point to. Throws InputError naming the choices when there is none.
const Format& choose_input_format(const std::string& path, const std::optional<std::string>& name);

// Reads a graph in any registered format.
ReadResult read_graph(const std::string& path, const std::optional<std::string>& format = std::nullopt,
                      const ReadOptions& options = {});

}  // namespace kg
