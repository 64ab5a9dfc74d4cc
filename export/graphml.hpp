#pragma once
// GraphML (http://graphml.graphdrawing.org) with typed keys, as NetworkX,
// igraph, Gephi and yEd read it. Node ids are entity ids; every relation is
// an edge with its own id ("e<relation index>"), so parallel relations stay
// distinct. docs/INTERCHANGE.md lists the keys.
#include <iosfwd>

#include "graph/view.hpp"

namespace kg {

void write_graphml(const View& view, std::ostream& out);

}  // namespace kg
