#pragma once
// kg path: the shortest connections between two entities, each step with its date and evidence.
#include <CLI/CLI.hpp>

#include "cli/common.hpp"

namespace kg::cli {

struct PathOptions {
  GraphInput input;
  OutputFormat format = OutputFormat::Text;
  std::string from;
  std::string to;
  FilterOptions filters;
  std::size_t k = 1;
  std::optional<std::size_t> max_hops;
  bool all_shortest = false;
  bool weighted = false;   // by the attribute "weight" unless weight_by says otherwise
  std::string weight_by;   // "amount_usd" or "funded=1,competed=5"
  bool time_respecting = false;
  bool distinct_relations = false;
  std::size_t limit = 100;
  bool limit_given = false;  // --limit was on the command line
  TimeLimit time_limit;
};

void setup_path(CLI::App& app, int& exit_code);
int run_path(const PathOptions& options);

}  // namespace kg::cli
