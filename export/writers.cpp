#include "export/writers.hpp"

#include "export/dot.hpp"
#include "export/snapshot_writer.hpp"

namespace kg {

const std::vector<ExportWriter>& export_writers() {
  static const std::vector<ExportWriter> writers = {
      {"dot", ".dot", "Graphviz DOT, styled as kg render draws it", write_dot_export},
      {"kgs", ".kgs", "kg snapshot: every command reads it, fastest to load", write_snapshot_export},
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
