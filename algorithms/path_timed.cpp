// Time-respecting BFS: the fewest hops among walks whose steps are in date order.
#include "algorithms/path_engine.hpp"

namespace kg {
namespace detail {

std::optional<Path> PathEngine::timed_bfs(const Query& q) {
  begin(q);
  if (!usable(q.from) || !usable(q.to) || blocked(q.from) || blocked(q.to)) return std::nullopt;
  if (q.from == q.to) return Path{q.from, {}, 0};
  std::vector<std::int32_t>& best = timed_best;
  if (best.size() != n) best.assign(n, 0);
  states.clear();
  states.push_back({q.from, 0, 0, q.clock});
  seen_from[q.from] = generation;
  best[q.from] = q.clock;
  std::size_t level_begin = 0, hops = 0;
  while (level_begin < states.size()) {
    if (q.max_hops && hops >= *q.max_hops) return std::nullopt;
    const std::size_t level_end = states.size();
    for (std::size_t s = level_begin; s < level_end; ++s) {
      const EntityId u = states[s].entity;
      const std::int32_t clock = states[s].clock;
      for (auto k = forward.offsets[u]; k < forward.offsets[u + 1]; ++k) {
        const EntityId v = forward.neighbors[k];
        const RelationId r = forward.relations[k];
        if (blocked(v) || intervals[r].last < clock || (u == q.from && banned(q, v, r))) continue;
        const std::int32_t arrival = std::max(clock, intervals[r].first);
        if (seen_from[v] == generation && best[v] <= arrival) continue;
        seen_from[v] = generation;
        best[v] = arrival;
        states.push_back({v, static_cast<std::uint32_t>(s), r, arrival});
        if (v == q.to) return timed_path(q.from, states.size() - 1);
      }
    }
    level_begin = level_end;
    ++hops;
  }
  return std::nullopt;
}

Path PathEngine::timed_path(EntityId from, std::size_t last) {
  Path path{from, {}, 0};
  for (std::size_t s = last; s != 0; s = states[s].parent) {
    path.steps.push_back(make_step(graph, states[s].relation, states[states[s].parent].entity, states[s].entity));
  }
  std::reverse(path.steps.begin(), path.steps.end());
  return path;
}

}  // namespace detail

}  // namespace kg
