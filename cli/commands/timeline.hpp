#pragma once
// kg timeline: relations in date order, grouped by year and month.
#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "cli/common.hpp"

namespace kg::cli {

enum class TimelineFormat { Text, Json, Csv, Mermaid };

struct TimelineCommandOptions {
  GraphInput input;
  TimelineFormat format = TimelineFormat::Text;
  std::vector<std::string> entities;
  FilterOptions filters;
  TimeLimit time_limit;
};

void setup_timeline(CLI::App& app, int& exit_code);
int run_timeline(const TimelineCommandOptions& options);

}  // namespace kg::cli
