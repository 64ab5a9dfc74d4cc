#pragma once
// The formats of `kg export --to`: one writer per file in export/, and one
// line each in the registry (export/writers.cpp).
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "graph/view.hpp"

namespace kg {

struct ExportWriter {
  std::string_view name;         // the --to value
  std::string_view extension;    // of the files it writes, with the dot
  std::string_view description;  // one line for --help
  void (*write)(const View& view, std::ostream& out);
  // Formats of several files (CSV's entities and relations) write them into
  // a directory; nullptr for one-file formats.
  void (*write_directory)(const View& view, const std::string& directory) = nullptr;
};

const std::vector<ExportWriter>& export_writers();
// nullptr when no writer has that name.
const ExportWriter* find_export_writer(std::string_view name);

}  // namespace kg
