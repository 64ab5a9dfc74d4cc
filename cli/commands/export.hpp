#pragma once
// kg export: writes the graph (or a filtered view of it) in an interchange format or as a snapshot.
#include <CLI/CLI.hpp>

#include <string>

#include "base/output_file.hpp"
#include "cli/common.hpp"

namespace kg::cli {

struct ExportOptions {
  GraphInput input;
  FilterOptions filters;
  std::string to;
  std::string output;  // stdout when empty or "-"
  bool csv_safe = false;  // CsvOptions::formula_safe
  OutputFileOptions output_file;  // --force
};

void setup_export(CLI::App& app, int& exit_code);
int run_export(const ExportOptions& options);

}  // namespace kg::cli
