#pragma once
// GEXF 1.3 (https://gexf.net) for Gephi: every relation an edge with its own
// id, typed attribute columns, and, when relations are dated, a dynamic graph
// whose edges live from the first day of their date to the last day of their
// until, so Gephi's timeline shows the network as of any day.
#include <iosfwd>

#include "graph/view.hpp"

namespace kg {

void write_gexf(const View& view, std::ostream& out);

}  // namespace kg
