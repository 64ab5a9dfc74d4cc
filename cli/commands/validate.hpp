#pragma once
// kg validate: parses its flags into a query::ValidateRequest and prints the
// answer (query/validate.hpp): every problem of an input file with its
// location on stderr, and with --evidence, warnings about quotes that name
// neither end of their relation.
#include <CLI/CLI.hpp>

#include "cli/common.hpp"
#include "query/validate.hpp"

namespace kg::cli {

struct ValidateOptions {
  GraphInput input;
  OutputFormat format = OutputFormat::Text;
  query::ValidateRequest request;  // its source is filled from input
};

void setup_validate(CLI::App& app, int& exit_code);
int run_validate(const ValidateOptions& options);

}  // namespace kg::cli
