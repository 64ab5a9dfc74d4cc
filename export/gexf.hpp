#pragma once
// GEXF (https://gexf.net) for Gephi, NetworkX and graphology: 1.2draft by
// default, the version all of them read (NetworkX 2.8 reads no 1.3), or 1.3
// on request. Every relation an edge with its own
// id, typed attribute columns, and, when relations are dated, a dynamic graph
// whose edges live from the first day of their date to the last day of their
// until, so Gephi's timeline shows the network as of any day.
#include <iosfwd>

#include "graph/view.hpp"

namespace kg {

enum class GexfVersion { V1_2draft, V1_3 };

void write_gexf(const View& view, std::ostream& out, GexfVersion version = GexfVersion::V1_2draft);
// The two versions as writers of the registry (export/writers.cpp).
void write_gexf_1_2draft(const View& view, std::ostream& out);
void write_gexf_1_3(const View& view, std::ostream& out);

}  // namespace kg
