#pragma once
// kg diff: what changed between two dates of one graph, or between two
// versions of a graph file; parses its arguments into query/diff.hpp's
// request and prints the answer.
#include <CLI/CLI.hpp>

#include <optional>
#include <string>
#include <vector>

#include "cli/common.hpp"

namespace kg::cli {

struct DiffOptions {
  std::vector<std::string> arguments;  // GRAPH DATE1 DATE2, or OLD NEW
  std::optional<std::string> from;     // input format of the file(s)
  bool quiet = false;
  CsvColumns csv;  // of CSV input
  OutputFormat format = OutputFormat::Text;
  FilterOptions filters;
};

void setup_diff(CLI::App& app, int& exit_code);
int run_diff(const DiffOptions& options);

}  // namespace kg::cli
