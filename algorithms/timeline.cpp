#include "algorithms/timeline.hpp"

#include <algorithm>

namespace kg {

Timeline timeline(const View& view, const TimelineOptions& options) {
  const Graph& graph = view.graph();
  std::vector<bool> wanted(options.entities.empty() ? 0 : graph.entity_count(), false);
  for (const EntityId e : options.entities) wanted[e] = true;
  Timeline result;
  StopPoller stop(options.should_stop);
  for (RelationId r = 0; r < graph.relation_count() && !stop.tick(); ++r) {
    if (!view.keeps_relation(r)) continue;
    if (!wanted.empty() && !wanted[graph.source(r)] && !wanted[graph.target(r)]) continue;
    (graph.date(r).empty() ? result.undated : result.dated).push_back(r);
  }
  std::stable_sort(result.dated.begin(), result.dated.end(),
                   [&](RelationId a, RelationId b) { return graph.date(a) < graph.date(b); });
  result.cut = stop.stopped();
  return result;
}

}  // namespace kg
