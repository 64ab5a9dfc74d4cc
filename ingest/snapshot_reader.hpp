#pragma once
// kg snapshots (.kgs, graph/snapshot.hpp) as an input format.
#include "ingest/format.hpp"

namespace kg {

Format snapshot_format();

}  // namespace kg
