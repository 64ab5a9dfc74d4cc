#pragma once
// kg neighbors: the ego network of an entity within a number of steps.
#include <CLI/CLI.hpp>

#include "cli/common.hpp"

namespace kg::cli {

struct NeighborsOptions {
  GraphInput input;
  OutputFormat format = OutputFormat::Text;
  std::string center;
  std::size_t depth = 1;
  FilterOptions filters;
  TimeLimit time_limit;
};

void setup_neighbors(CLI::App& app, int& exit_code);
int run_neighbors(const NeighborsOptions& options);

}  // namespace kg::cli
