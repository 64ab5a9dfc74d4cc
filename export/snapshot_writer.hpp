#pragma once
// `kg export --to kgs`: the view as a kg snapshot (graph/snapshot.hpp).
#include <iosfwd>

#include "graph/view.hpp"

namespace kg {

void write_snapshot_export(const View& view, std::ostream& out);

}  // namespace kg
