#include "cli/output_format.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "cli/common.hpp"
#include "graph/exception.hpp"
#include "query/export.hpp"

namespace kg::cli {
namespace {

std::string lowercase_extension(const std::string& path) {
  std::string extension = std::filesystem::path(path).extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return extension;
}

void refuse_diagram(const std::string& path) {
  if (is_diagram_extension(lowercase_extension(path))) {
    throw InvalidArgument("'" + path + "' is a diagram: kg render draws one (kg render GRAPH -o " + path +
                          "); convert and export write data formats (one of " + writer_names() + ")");
  }
}

}  // namespace

std::string writer_names() {
  std::string names;
  for (const ExportWriter& writer : export_writers()) names += (names.empty() ? "" : ", ") + std::string(writer.name);
  return names;
}

// Diagrams are kg render's: convert and export write data.
bool is_diagram_extension(const std::string& extension) {
  for (const char* diagram : {".png", ".svg", ".pdf", ".html", ".htm"}) {
    if (extension == diagram) return true;
  }
  return false;
}

void add_drop_isolated_flag(CLI::App& command, bool& drop_isolated) {
  command
      .add_flag("--drop-isolated", drop_isolated,
                "Leave out entities without a kept relation, and relation types without one (after --relations, "
                "--as-of, ...)")
      ->group("Filters");
}

void write_export(const query::ExportRequest& request, const GraphInput& input, const std::string& output,
                  const OutputFileOptions& file_options) {
  request.validate();
  const ExportWriter& writer = query::export_writer(request.to);
  const auto context = open_context(input);
  const bool to_stdout = output.empty() || output == "-";
  if (!to_stdout && !writer.write_directory) {
    const std::string mismatch = extension_mismatch(output, writer);
    if (!mismatch.empty()) print_error(mismatch);
  }
  query::run(request, *context, to_stdout ? std::string("-") : output, file_options);
}

std::string extension_mismatch(const std::string& path, const ExportWriter& writer) {
  const std::string extension = lowercase_extension(path);
  if (extension.empty() || extension == writer.extension || (extension == ".gv" && writer.name == "dot")) return {};
  std::string other;
  // The first writer of an extension is its usual format (.gexf: gexf, not gexf-1.3).
  for (const ExportWriter& candidate : export_writers()) {
    if (candidate.extension == extension) {
      if (candidate.name == writer.name) return {};
      if (other.empty()) other = std::string(candidate.name);
    }
  }
  if (extension == ".gv") other = "dot";
  if (other.empty()) return {};
  return "warning: '" + path + "' has the extension of " + other + " but is written as " + std::string(writer.name) +
         " (--to " + std::string(writer.name) + ")";
}

std::string output_format_for(const std::string& path) {
  if (std::filesystem::is_directory(path)) return "csv";
  refuse_diagram(path);
  const std::string extension = lowercase_extension(path);
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

}  // namespace kg::cli
