#pragma once
// kg neighbors: parses its flags into a query::NeighborsRequest and prints
// the ego network (query/neighbors.hpp).
#include <CLI/CLI.hpp>

#include "cli/common.hpp"
#include "query/neighbors.hpp"

namespace kg::cli {

struct NeighborsOptions {
  GraphInput input;
  OutputFormat format = OutputFormat::Text;
  query::NeighborsRequest request;
  TimeLimit time_limit;
};

void setup_neighbors(CLI::App& app, int& exit_code);
int run_neighbors(const NeighborsOptions& options);

}  // namespace kg::cli
