#pragma once
// kg timeline: parses its flags into a query::TimelineRequest and prints the
// answer (query/timeline.hpp) as text, JSON, CSV or Mermaid.
#include <CLI/CLI.hpp>

#include "cli/common.hpp"
#include "query/timeline.hpp"

namespace kg::cli {

enum class TimelineFormat { Text, Json, Csv, Mermaid };

struct TimelineCommandOptions {
  GraphInput input;
  TimelineFormat format = TimelineFormat::Text;
  query::TimelineRequest request;
  bool csv_safe = false;  // CsvOptions::formula_safe, with --format csv
  TimeLimit time_limit;
};

void setup_timeline(CLI::App& app, int& exit_code);
int run_timeline(const TimelineCommandOptions& options);

}  // namespace kg::cli
