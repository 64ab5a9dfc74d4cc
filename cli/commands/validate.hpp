#pragma once
// kg validate: every problem of an input file, each with its location.
#include <CLI/CLI.hpp>

#include "cli/common.hpp"

namespace kg::cli {

struct ValidateOptions {
  GraphInput input;
  OutputFormat format = OutputFormat::Text;
};

void setup_validate(CLI::App& app, int& exit_code);
int run_validate(const ValidateOptions& options);

}  // namespace kg::cli
