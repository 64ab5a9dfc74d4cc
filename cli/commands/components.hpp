#pragma once
// kg components: parses its flags into a query::ComponentsRequest and prints
// the answer (query/components.hpp).
#include <CLI/CLI.hpp>

#include "cli/common.hpp"
#include "query/components.hpp"

namespace kg::cli {

struct ComponentsOptions {
  GraphInput input;
  OutputFormat format = OutputFormat::Text;
  query::ComponentsRequest request;
  bool timings = false;  // load and compute seconds on stderr
  TimeLimit time_limit;
};

void setup_components(CLI::App& app, int& exit_code);
int run_components(const ComponentsOptions& options);

}  // namespace kg::cli
