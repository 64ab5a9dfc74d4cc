#pragma once
// kg convert: reads a graph in one format and writes it in another, chosen by extension.
#include <CLI/CLI.hpp>

#include <optional>
#include <string>

#include "cli/common.hpp"

namespace kg::cli {

struct ConvertOptions {
  GraphInput input;
  std::string output;
  std::optional<std::string> to;  // a writer's name; else chosen by the output's extension
  FilterOptions filters;
  bool drop_isolated = false;  // leave out entities without a kept relation
  CsvColumns csv;
  OutputFileOptions output_file;  // --force
};

void setup_convert(CLI::App& app, int& exit_code);
int run_convert(const ConvertOptions& options);

// The writer `kg convert` uses for an output path: by extension (.graphml,
// .gexf, .json, .jsonl, .csv, .cyjs, .mmd, .dot, .kgs), or csv for an
// existing directory. Throws InvalidArgument naming the choices otherwise.
std::string output_format_for(const std::string& path);

}  // namespace kg::cli
