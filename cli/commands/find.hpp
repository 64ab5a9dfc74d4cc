#pragma once
// kg find: parses its flags into a query::FindRequest and prints the answer
// (query/find.hpp).
#include <CLI/CLI.hpp>

#include "cli/common.hpp"
#include "query/find.hpp"

namespace kg::cli {

struct FindOptions {
  GraphInput input;
  OutputFormat format = OutputFormat::Text;
  query::FindRequest request;
  TimeLimit time_limit;
};

void setup_find(CLI::App& app, int& exit_code);
int run_find(const FindOptions& options);

}  // namespace kg::cli
