#pragma once
// kg components: weakly or strongly connected components, largest first.
#include <CLI/CLI.hpp>

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "cli/common.hpp"

namespace kg::cli {

struct ComponentsOptions {
  GraphInput input;
  OutputFormat format = OutputFormat::Text;
  FilterOptions filters;
  bool strong = false;
  bool timings = false;  // load and compute seconds on stderr
  std::size_t top = 0;  // 0: every component
  TimeLimit time_limit;
};

void setup_components(CLI::App& app, int& exit_code);
int run_components(const ComponentsOptions& options);

// Shared with `kg communities`: groups of entities printed as an aligned
// table (text) or as {"size":N,"entities":[ids]} objects in an array named
// `key` (JSON); members listed by id.
struct GroupListing {
  const Graph* graph;
  const std::vector<std::vector<EntityId>>* groups;
  std::size_t top;  // 0: all
};
void print_groups_text(const GroupListing& listing, std::string_view title);
void write_groups_json(JsonWriter& json, const char* key, const GroupListing& listing);

// Shared by the ranking commands' --timings: "kg: timings: load 0.62 s,
// compute 0.041 s" on stderr.
using Clock = std::chrono::steady_clock;
void print_timings(Clock::time_point start, Clock::time_point loaded, Clock::time_point computed);

}  // namespace kg::cli
