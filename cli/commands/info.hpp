#pragma once
// kg info: parses its flags into a query::InfoRequest and prints the answer
// (query/info.hpp): counts by type, date range, sources, memory.
#include <CLI/CLI.hpp>

#include "cli/common.hpp"
#include "query/info.hpp"

namespace kg::cli {

struct InfoOptions {
  GraphInput input;
  OutputFormat format = OutputFormat::Text;
  query::InfoRequest request;
};

void setup_info(CLI::App& app, int& exit_code);
int run_info(const InfoOptions& options);

}  // namespace kg::cli
