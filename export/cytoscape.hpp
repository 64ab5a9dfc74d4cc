#pragma once
// Cytoscape.js elements JSON (also what Cytoscape desktop imports as .cyjs):
// {"data": {...}, "directed": true, "multigraph": true, "elements":
// {"nodes": [{"data": {"id", ...}}], "edges": [{"data": {"id", "source",
// "target", ...}}]}}, one edge per relation with its own id.
#include <iosfwd>

#include "graph/view.hpp"

namespace kg {

void write_cytoscape(const View& view, std::ostream& out);

}  // namespace kg
