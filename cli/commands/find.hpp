#pragma once
// kg find: entities, relations and quotes that mention some text.
#include <CLI/CLI.hpp>

#include "algorithms/search.hpp"
#include "cli/common.hpp"

namespace kg::cli {

struct FindOptions {
  GraphInput input;
  OutputFormat format = OutputFormat::Text;
  std::string text;
  SearchScope scope = SearchScope::All;
  std::string entity_type;
  bool regex = false;
  FilterOptions filters;
  TimeLimit time_limit;
};

void setup_find(CLI::App& app, int& exit_code);
int run_find(const FindOptions& options);

}  // namespace kg::cli
