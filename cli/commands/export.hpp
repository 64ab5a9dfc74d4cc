#pragma once
// kg export: parses its flags into a query::ExportRequest (query/export.hpp)
// and writes the view in that format.
#include <CLI/CLI.hpp>

#include <string>

#include "base/output_file.hpp"
#include "cli/common.hpp"
#include "query/export.hpp"

namespace kg::cli {

struct ExportOptions {
  GraphInput input;
  query::ExportRequest request;
  std::string output;  // stdout when empty or "-"
  OutputFileOptions output_file;  // --force
};

void setup_export(CLI::App& app, int& exit_code);
int run_export(const ExportOptions& options);

}  // namespace kg::cli
