// The ego network: rings of entities around one, by BFS that grows a ring
// bottom-up when that reads fewer relations.
#include "algorithms/path_engine.hpp"

namespace kg {
namespace detail {

const std::vector<std::pair<EntityId, std::uint32_t>>& PathEngine::within(EntityId center, std::size_t depth,
                                                              StopPoller* stop) {
  next_generation();
  ball.clear();
  if (!usable(center)) return ball;
  seen_from[center] = generation;
  depth_from[center] = 0;
  ball.emplace_back(center, 0);
  const double mean_degree = n ? static_cast<double>(forward.neighbors.size()) / static_cast<double>(n) : 0.0;
  std::size_t level_begin = 0;
  for (std::uint32_t d = 1; d <= depth; ++d) {
    const std::size_t level_end = ball.size();
    if (level_begin == level_end) break;
    std::uint64_t ring_steps = 0;
    for (std::size_t i = level_begin; i < level_end; ++i) ring_steps += forward.degree(ball[i].first);
    const double unreached_steps = static_cast<double>(n - ball.size()) * mean_degree;
    if (stop && stop->tick()) break;
    const double bottom_up_cost = std::max(unreached_steps, static_cast<double>(n));
    if (static_cast<double>(ring_steps) * kBottomUpFactor > bottom_up_cost) {
      const Adjacency& in = arriving();
      for (EntityId v = 0; v < n; ++v) {
        if (seen_from[v] == generation || !usable(v)) continue;
        for (auto k = in.offsets[v]; k < in.offsets[v + 1]; ++k) {
          const EntityId u = in.neighbors[k];
          if (seen_from[u] != generation || depth_from[u] != d - 1) continue;
          seen_from[v] = generation;
          depth_from[v] = d;
          ball.emplace_back(v, d);
          break;
        }
      }
    } else {
      for (std::size_t i = level_begin; i < level_end; ++i) {
        if (stop && stop->tick()) break;
        const EntityId u = ball[i].first;
        for (auto k = forward.offsets[u]; k < forward.offsets[u + 1]; ++k) {
          const EntityId v = forward.neighbors[k];
          if (seen_from[v] == generation) continue;
          seen_from[v] = generation;
          depth_from[v] = d;
          ball.emplace_back(v, d);
        }
      }
    }
    level_begin = level_end;
    if (stop && stop->stopped()) break;
  }
  return ball;
}

}  // namespace detail

using detail::check_entity;
using detail::PathEngine;

EgoNetwork ego_network(const View& view, EntityId center, const EgoNetworkOptions& options) {
  options.validate();
  check_entity(view, center, "center");
  PathEngine engine(view, options.direction);
  StopPoller stop(options.should_stop);
  auto ball = engine.within(center, options.depth, &stop);
  std::sort(ball.begin(), ball.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second < b.second : a.first < b.first;
  });
  EgoNetwork ego;
  ego.center = center;
  ego.cut = stop.stopped();
  const Graph& graph = view.graph();
  std::vector<bool> member(graph.entity_count(), false);
  for (const auto& [e, d] : ball) {
    ego.entities.push_back(e);
    ego.distance.push_back(d);
    member[e] = true;
  }
  for (const EntityId e : ego.entities) {
    for (const RelationId r : graph.out_relations(e)) {
      if (view.keeps_relation(r) && member[graph.target(r)]) ego.relations.push_back(r);
    }
  }
  std::sort(ego.relations.begin(), ego.relations.end());
  return ego;
}

}  // namespace kg
