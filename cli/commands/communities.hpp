#pragma once
// kg communities: parses its flags into a query::CommunitiesRequest and
// prints the answer (query/communities.hpp).
#include <CLI/CLI.hpp>

#include "cli/common.hpp"
#include "query/communities.hpp"

namespace kg::cli {

struct CommunitiesOptions {
  GraphInput input;
  OutputFormat format = OutputFormat::Text;
  query::CommunitiesRequest request;
  bool timings = false;  // load and compute seconds on stderr
  TimeLimit time_limit;
};

void setup_communities(CLI::App& app, int& exit_code);
int run_communities(const CommunitiesOptions& options);

}  // namespace kg::cli
