#pragma once
// kg communities: groups of densely linked entities (Louvain), with their modularity.
#include <CLI/CLI.hpp>

#include <cstdint>

#include "cli/common.hpp"

namespace kg::cli {

struct CommunitiesOptions {
  GraphInput input;
  OutputFormat format = OutputFormat::Text;
  FilterOptions filters;
  std::uint64_t seed = 0;
  double resolution = 1.0;
  bool timings = false;  // load and compute seconds on stderr
  std::size_t top = 0;  // 0: every community
  TimeLimit time_limit;
};

void setup_communities(CLI::App& app, int& exit_code);
int run_communities(const CommunitiesOptions& options);

}  // namespace kg::cli
