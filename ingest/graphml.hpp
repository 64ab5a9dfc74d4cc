#pragma once
// The GraphML reader (http://graphml.graphdrawing.org): nodes become
// entities and edges relations, with kg's fields taken from the keys kg's
// GraphML writer uses (node name, type, aliases; edge type, date, until,
// evidence; graph name, sources, relation_types) and every other key an
// attribute typed by its attr.type. An edge to an undeclared node is an
// error (Boost's reader would create the node). Edges of undirected graphs
// get a symmetric relation type; edges without a type are "related".
// docs/INTERCHANGE.md has the details.
#include <string>

#include "ingest/format.hpp"

namespace kg {

Format graphml_format();

ReadResult read_graphml_file(const std::string& path, const ReadOptions& options = {});
// Reads a document held in memory; `name` stands for the file in diagnostics.
ReadResult read_graphml_text(const std::string& text, const std::string& name, const ReadOptions& options = {});

}  // namespace kg
