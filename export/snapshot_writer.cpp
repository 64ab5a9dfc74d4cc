#include "export/snapshot_writer.hpp"

#include "graph/snapshot.hpp"

namespace kg {

void write_snapshot_export(const View& view, std::ostream& out) {
  if (!view.filters_anything()) {
    write_snapshot(view.graph(), out);
    return;
  }
  // The kept part must itself be a valid graph: build it to check.
  const Graph part(view_data(view));
  write_snapshot(part, out);
}

}  // namespace kg
