#pragma once
// kg convert: reads a graph in one format and writes it in another, chosen by extension.
#include <CLI/CLI.hpp>

#include <optional>
#include <string>

#include "base/output_file.hpp"
#include "cli/common.hpp"
#include "query/export.hpp"

namespace kg::cli {

struct ConvertOptions {
  GraphInput input;
  std::string output;
  std::optional<std::string> to;  // a writer's name; else chosen by the output's extension
  query::ExportRequest request;   // its `to` filled from the above
  OutputFileOptions output_file;  // --force
};

void setup_convert(CLI::App& app, int& exit_code);
int run_convert(const ConvertOptions& options);

}  // namespace kg::cli
