#pragma once
// The formats of `kg export --to`: one writer per file in export/, and one
// line each in the registry (export/writers.cpp).
#include <iosfwd>
#include <string_view>
#include <vector>

#include "graph/view.hpp"

namespace kg {

struct ExportWriter {
  std::string_view name;         // the --to value
  std::string_view extension;    // of the files it writes, with the dot
  std::string_view description;  // one line for --help
  void (*write)(const View& view, std::ostream& out);
};

const std::vector<ExportWriter>& export_writers();
// nullptr when no writer has that name.
const ExportWriter* find_export_writer(std::string_view name);

}  // namespace kg
