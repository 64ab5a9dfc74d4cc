#pragma once
// Node-link JSON as NetworkX 2.8's node_link_data writes a MultiDiGraph
// (and as D3's force layouts read it): {"directed": true, "multigraph": true,
// "graph": {...}, "nodes": [{..., "id"}], "links": [{..., "source", "target",
// "key"}]}, where key numbers the relations between the same two entities.
#include <iosfwd>

#include "graph/view.hpp"

namespace kg {

void write_node_link(const View& view, std::ostream& out);

}  // namespace kg
