#pragma once
// kg validate: every problem of an input file, each with its location; with
// --evidence, warnings about quotes that name neither end of their relation.
#include <CLI/CLI.hpp>

#include "cli/common.hpp"

namespace kg::cli {

struct ValidateOptions {
  GraphInput input;
  OutputFormat format = OutputFormat::Text;
  std::size_t max_problems = ReadOptions{}.max_problems;  // shown; every one is counted
  bool evidence = false;  // also warn about relations whose quotes name neither endpoint
  bool strict = false;    // warnings count as problems (exit 1)
};

void setup_validate(CLI::App& app, int& exit_code);
int run_validate(const ValidateOptions& options);

}  // namespace kg::cli
