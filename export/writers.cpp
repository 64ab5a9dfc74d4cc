#include "export/writers.hpp"

#include "export/dot.hpp"

namespace kg {

const std::vector<ExportWriter>& export_writers() {
  static const std::vector<ExportWriter> writers = {
      {"dot", ".dot", "Graphviz DOT, styled as kg render draws it", write_dot_export},
  };
  return writers;
}

const ExportWriter* find_export_writer(std::string_view name) {
  for (const ExportWriter& writer : export_writers()) {
    if (writer.name == name) return &writer;
  }
  return nullptr;
}

}  // namespace kg
