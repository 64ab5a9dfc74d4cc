// Dijkstra: one path of least total weight, ties broken by entity id.
#include "algorithms/path_engine.hpp"

#include <queue>

namespace kg {
namespace detail {

std::optional<Path> PathEngine::dijkstra(const Query& q) {
  begin(q);
  if (!usable(q.from) || !usable(q.to) || blocked(q.from) || blocked(q.to)) return std::nullopt;
  if (distance_from.size() != n) distance_from.assign(n, 0);
  using Entry = std::pair<double, EntityId>;
  std::priority_queue<Entry, std::vector<Entry>, std::greater<Entry>> heap;
  seen_from[q.from] = generation;
  distance_from[q.from] = 0;
  heap.push({0, q.from});
  while (!heap.empty()) {
    const auto [d, u] = heap.top();
    heap.pop();
    if (d > distance_from[u]) continue;
    if (u == q.to) break;
    for (auto k = forward.offsets[u]; k < forward.offsets[u + 1]; ++k) {
      const EntityId v = forward.neighbors[k];
      const RelationId r = forward.relations[k];
      if (v == q.from || blocked(v) || (u == q.from && banned(q, v, r))) continue;
      const double candidate = d + (*weights)[r];
      if (seen_from[v] == generation && candidate >= distance_from[v]) continue;
      seen_from[v] = generation;
      distance_from[v] = candidate;
      parent_from[v] = u;
      relation_from[v] = r;
      heap.push({candidate, v});
    }
  }
  if (seen_from[q.to] != generation) return std::nullopt;
  Path path{q.from, {}, 0};
  for (EntityId e = q.to; e != q.from; e = parent_from[e]) {
    path.steps.push_back(make_step(graph, relation_from[e], parent_from[e], e));
  }
  std::reverse(path.steps.begin(), path.steps.end());
  return path;
}

}  // namespace detail

using detail::check_endpoints;
using detail::first_path;
using detail::PathEngine;

PathsResult weighted_shortest_path(const View& view, EntityId from, EntityId to, const WeightedPathOptions& options) {
  options.validate(view.graph());
  check_endpoints(view, from, to);
  PathEngine engine(view, options.direction);
  const std::vector<double> weights = options.weights.relation_weights(view);
  engine.weights = &weights;
  PathsResult result;
  if (auto path = first_path(engine, from, to, options)) result.paths.push_back(std::move(*path));
  return result;
}

}  // namespace kg
