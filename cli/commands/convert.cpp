#include "cli/commands/convert.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <memory>

#include "export/atomic_file.hpp"
#include "export/writers.hpp"
#include "graph/exception.hpp"

namespace kg::cli {
namespace {

std::string writer_names() {
  std::string names;
  for (const ExportWriter& writer : export_writers()) names += (names.empty() ? "" : ", ") + std::string(writer.name);
  return names;
}

}  // namespace

std::string output_format_for(const std::string& path) {
  if (std::filesystem::is_directory(path)) return "csv";
  std::string extension = std::filesystem::path(path).extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  // Formats sharing an extension (.json: kg JSON and node-link) take the
  // first writer registered for it; --to picks another.
  static const std::pair<const char*, const char*> by_extension[] = {
      {".json", "json"}, {".gv", "dot"}};
  for (const auto& [known, name] : by_extension) {
    if (extension == known) return name;
  }
  for (const ExportWriter& writer : export_writers()) {
    if (!extension.empty() && writer.extension == extension) return std::string(writer.name);
  }
  throw InvalidArgument("cannot tell the output format from '" + path + "'; name it with --to (one of " +
                        writer_names() + ")");
}

void setup_convert(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<ConvertOptions>();
  auto* command = app.add_subcommand(
      "convert", "Convert a graph between formats (by extension: .graphml .gexf .json .jsonl .csv .cyjs .mmd .dot .kgs)");
  add_graph_input(*command, options->input);
  command->add_option("output", options->output, "Output file, written whole or not at all (a directory for csv)")
      ->required();
  command->add_option("--to", options->to, "Output format, when the extension does not tell (one of " +
                                               writer_names() + ")");
  add_filter_options(*command, options->filters, Direction::Any);
  const char* group = "CSV input columns";
  CsvColumns& csv = options->csv;
  const std::pair<const char*, std::string*> columns[] = {
      {"--id-column", &csv.id},
      {"--name-column", &csv.name},
      {"--entity-type-column", &csv.entity_type},
      {"--source-column", &csv.source},
      {"--target-column", &csv.target},
      {"--relation-type-column", &csv.relation_type},
      {"--date-column", &csv.date},
      {"--until-column", &csv.until},
  };
  for (const auto& [flag, field] : columns) {
    command->add_option(flag, *field, "Header of the column holding this field")->group(group);
  }
  command->add_option("--delimiter", csv.delimiter, "Field separator of CSV input (default ',')")->group(group);
  command->callback([options, &exit_code] { exit_code = run_convert(*options); });
}

int run_convert(const ConvertOptions& options) {
  const std::string to = options.to ? *options.to : output_format_for(options.output);
  const ExportWriter* writer = find_export_writer(to);
  if (!writer) throw InvalidArgument("--to: unknown format '" + to + "' (one of " + writer_names() + ")");
  ReadOptions read_options;
  read_options.csv = options.csv;
  ReadResult result = read_graph(options.input.path, options.input.from, read_options);
  if (!result.problems.empty()) {
    for (const auto& problem : result.problems) print_error(problem.to_string());
    throw CommandFailed(kExitInput);
  }
  const Graph& graph = *result.graph;
  const View view(graph, options.filters.to_filter());
  if (writer->write_directory) {
    writer->write_directory(view, options.output);
  } else {
    write_atomically(options.output, [&](std::ostream& out) { writer->write(view, out); });
  }
  return kExitOk;
}

}  // namespace kg::cli
