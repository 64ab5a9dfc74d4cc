#include "export/writers.hpp"

#include "export/csv.hpp"
#include "export/cytoscape.hpp"
#include "export/dot.hpp"
#include "export/gexf.hpp"
#include "export/graphml.hpp"
#include "export/jsonl.hpp"
#include "export/kg_json_writer.hpp"
#include "export/mermaid.hpp"
#include "export/node_link.hpp"
#include "export/snapshot_writer.hpp"

namespace kg {

const std::vector<ExportWriter>& export_writers() {
  static const std::vector<ExportWriter> writers = {
      {"dot", ".dot", "Graphviz DOT, styled as kg render draws it", write_dot_export},
      {"graphml", ".graphml", "GraphML with typed keys (NetworkX, igraph, Gephi, yEd)", write_graphml},
      {"gexf", ".gexf", "GEXF 1.2draft with time spells (Gephi, NetworkX, graphology)", write_gexf_1_2draft},
      {"gexf-1.3", ".gexf", "GEXF 1.3 with time spells (Gephi 0.9+; NetworkX 2.8 cannot read it)", write_gexf_1_3},
      {"json", ".json", "kg JSON", write_kg_json},
      {"jsonl", ".jsonl", "JSON Lines, one entity or relation a line", write_jsonl},
      {"node-link", ".json", "node-link JSON as NetworkX writes it (D3)", write_node_link},
      {"cytoscape", ".cyjs", "Cytoscape.js elements JSON", write_cytoscape},
      {"csv", ".csv", "CSV for neo4j-admin import: -o DIR writes DIR/entities.csv and DIR/relations.csv", write_csv,
       write_csv_directory},
      {"mermaid", ".mmd", "Mermaid flowchart", write_mermaid},
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
