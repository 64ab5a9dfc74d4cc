#pragma once
// kg path: parses its flags into a query::PathRequest and prints the paths as
// they are found (query/path.hpp).
#include <CLI/CLI.hpp>

#include "cli/common.hpp"
#include "query/path.hpp"

namespace kg::cli {

struct PathOptions {
  GraphInput input;
  OutputFormat format = OutputFormat::Text;
  query::PathRequest request;
  TimeLimit time_limit;
};

void setup_path(CLI::App& app, int& exit_code);
int run_path(const PathOptions& options);

}  // namespace kg::cli
