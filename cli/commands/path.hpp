#pragma once
// kg path: parses its flags into a query::PathRequest and prints the paths as
// they are found (query/path.hpp); with --batch, a query::PathBatchRequest
// answered pair by pair (query/path_batch.hpp).
#include <CLI/CLI.hpp>

#include "cli/common.hpp"
#include "query/path.hpp"

namespace kg::cli {

struct PathOptions {
  GraphInput input;
  OutputFormat format = OutputFormat::Text;
  query::PathRequest request;
  std::string batch;  // a file of SOURCE<TAB>TARGET lines ("-": stdin) instead of from and to
  TimeLimit time_limit;
};

void setup_path(CLI::App& app, int& exit_code);
int run_path(const PathOptions& options);
// --batch: every pair of the file, in order.
int run_path_batch(const PathOptions& options);

}  // namespace kg::cli
