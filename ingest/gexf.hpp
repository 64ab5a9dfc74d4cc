#pragma once
// The GEXF reader (GEXF 1.1draft, 1.2draft and 1.3, as NetworkX's
// write_gexf, Gephi and kg's own writer write them): nodes become entities
// named by their label, edges relations typed by their "type" attribute or
// label, dated by their start/end (or first spell), and attvalues
// attributes typed by their <attribute> declarations. The graph is
// undirected unless defaultedgetype or the edges' type say directed.
// docs/INTERCHANGE.md has the details.

#include <string>

#include "ingest/format.hpp"

namespace kg {

Format gexf_format();
ReadResult read_gexf_file(const std::string& path, const ReadOptions& options = {});
// Reads a document held in memory; `name` stands for the file in diagnostics.
ReadResult read_gexf_text(const std::string& text, const std::string& name, const ReadOptions& options = {});

}  // namespace kg
