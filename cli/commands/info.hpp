#pragma once
// kg info: what a graph holds: counts by type, date range, sources, memory.
#include <CLI/CLI.hpp>

#include "cli/common.hpp"

namespace kg::cli {

struct InfoOptions {
  GraphInput input;
  OutputFormat format = OutputFormat::Text;
  bool stats = false;
  FilterOptions filters;  // the counts are of the graph they keep
};

void setup_info(CLI::App& app, int& exit_code);
int run_info(const InfoOptions& options);

}  // namespace kg::cli
