#pragma once
// Writing a view in an export format, as kg convert and kg export do: the
// format chosen by the output's extension, a warning when the two disagree,
// diagrams sent to kg render.
#include <string>

#include "base/output_file.hpp"
#include "export/writers.hpp"
#include "cli/common.hpp"
#include "query/export.hpp"

namespace kg::cli {

// The export formats' names, comma separated, for messages.
std::string writer_names();

// Whether an extension (".png") names a diagram, which kg render draws.
bool is_diagram_extension(const std::string& extension);

// The writer `kg convert` uses for an output path: by extension (.graphml,
// .gexf, .json, .jsonl, .csv, .cyjs, .mmd, .dot, .kgs), or csv for an
// existing directory. Throws InvalidArgument naming the choices otherwise.
// For `kg convert x.png`: a diagram extension is refused, naming kg render.
std::string output_format_for(const std::string& path);

// --drop-isolated, for kg convert and kg export (ExportRequest::drop_isolated).
void add_drop_isolated_flag(CLI::App& command, bool& drop_isolated);

// Validates the request, loads the input and writes the export to `output`
// (query/export.hpp: standard output for "" or "-", a directory for CSV,
// else a file written whole or not at all), with a warning when the file's
// extension is another format's. file_options: --force.
void write_export(const query::ExportRequest& request, const GraphInput& input, const std::string& output,
                  const OutputFileOptions& file_options);

// A warning when `path`'s extension is another writer's (x.graphml written
// as gexf); empty when it agrees, or is no writer's.
std::string extension_mismatch(const std::string& path, const ExportWriter& writer);

}  // namespace kg::cli
