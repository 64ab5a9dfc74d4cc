#pragma once
// kg convert: reads a graph in one format and writes it in another, chosen by extension.
#include <CLI/CLI.hpp>

#include <optional>
#include <string>

#include "base/output_file.hpp"
#include "cli/common.hpp"
#include "export/writers.hpp"

namespace kg::cli {

struct ConvertOptions {
  GraphInput input;
  std::string output;
  std::optional<std::string> to;  // a writer's name; else chosen by the output's extension
  FilterOptions filters;
  bool drop_isolated = false;  // leave out entities without a kept relation
  bool csv_safe = false;       // CsvOptions::formula_safe
  OutputFileOptions output_file;  // --force
};

void setup_convert(CLI::App& app, int& exit_code);
int run_convert(const ConvertOptions& options);

// The writer `kg convert` uses for an output path: by extension (.graphml,
// .gexf, .json, .jsonl, .csv, .cyjs, .mmd, .dot, .kgs), or csv for an
// existing directory. Throws InvalidArgument naming the choices otherwise.
// For `kg convert x.png`: a diagram extension is refused, naming kg render.
std::string output_format_for(const std::string& path);

// Writes the view in `writer`'s format to `output`: standard output for ""
// or "-" (streamed), a directory for the formats of several files (CSV),
// else a file written whole or not at all, with a warning when its
// extension is another format's.
// csv_safe asks CsvOptions::formula_safe and is refused for other formats.
// file_options: --force.
void write_output(const ExportWriter& writer, const View& view, const std::string& output, bool csv_safe,
                  const OutputFileOptions& file_options);

// A warning when `path`'s extension is another writer's (x.graphml written
// as gexf); empty when it agrees, or is no writer's.
std::string extension_mismatch(const std::string& path, const ExportWriter& writer);

}  // namespace kg::cli
