// Bidirectional BFS: the shortest path between two entities, expanding the
// smaller frontier and stopping at the first meeting; and PathFinder, which
// keeps one engine for many queries on a view.
#include "algorithms/path_engine.hpp"

#include <memory>

namespace kg {
namespace detail {

std::optional<EntityId> PathEngine::meet(const Query& q) {
  begin(q);
  if (!usable(q.from) || !usable(q.to) || blocked(q.from) || blocked(q.to)) return std::nullopt;
  seen_from[q.from] = generation;
  seen_to[q.to] = generation;
  if (q.from == q.to) return q.from;
  frontier.assign(1, q.from);
  frontier_back.assign(1, q.to);
  std::size_t depth_forward = 0, depth_backward = 0;
  while (!frontier.empty() && !frontier_back.empty()) {
    // Every path of depth_forward + depth_backward hops or fewer would have met already.
    if (q.max_hops && depth_forward + depth_backward >= *q.max_hops) return std::nullopt;
    next_frontier.clear();
    if (frontier.size() <= frontier_back.size()) {
      for (EntityId u : frontier) {
        for (auto k = forward.offsets[u]; k < forward.offsets[u + 1]; ++k) {
          const EntityId v = forward.neighbors[k];
          const RelationId r = forward.relations[k];
          if (seen_from[v] == generation || blocked(v) || (u == q.from && banned(q, v, r))) continue;
          seen_from[v] = generation;
          parent_from[v] = u;
          relation_from[v] = r;
          if (seen_to[v] == generation) return v;
          next_frontier.push_back(v);
        }
      }
      frontier.swap(next_frontier);
      ++depth_forward;
    } else {
      const Adjacency& in = arriving();
      for (EntityId v : frontier_back) {
        for (auto k = in.offsets[v]; k < in.offsets[v + 1]; ++k) {
          const EntityId u = in.neighbors[k];
          const RelationId r = in.relations[k];
          if (seen_to[u] == generation || blocked(u) || (u == q.from && banned(q, v, r))) continue;
          seen_to[u] = generation;
          next_to[u] = v;
          relation_to[u] = r;
          if (seen_from[u] == generation) return u;
          next_frontier.push_back(u);
        }
      }
      frontier_back.swap(next_frontier);
      ++depth_backward;
    }
  }
  return std::nullopt;
}

std::optional<Path> PathEngine::bfs(const Query& q) {
  const auto middle = meet(q);
  if (!middle) return std::nullopt;
  Path path{q.from, {}, 0};
  for (EntityId e = *middle; e != q.from; e = parent_from[e]) {
    path.steps.push_back(make_step(graph, relation_from[e], parent_from[e], e));
  }
  std::reverse(path.steps.begin(), path.steps.end());
  for (EntityId e = *middle; e != q.to; e = next_to[e]) {
    path.steps.push_back(make_step(graph, relation_to[e], e, next_to[e]));
  }
  return path;
}

std::optional<std::size_t> PathEngine::distance(const Query& q) {
  const auto middle = meet(q);
  if (!middle) return std::nullopt;
  std::size_t hops = 0;
  for (EntityId e = *middle; e != q.from; e = parent_from[e]) ++hops;
  for (EntityId e = *middle; e != q.to; e = next_to[e]) ++hops;
  return hops;
}

}  // namespace detail

using detail::check_entity;

PathFinder::PathFinder(const View& view, Direction direction) : engine_(std::make_unique<detail::PathEngine>(view, direction)) {}
PathFinder::~PathFinder() = default;

std::optional<Path> PathFinder::shortest_path(EntityId from, EntityId to, std::optional<std::size_t> max_hops) {
  check_entity(engine_->view, from, "from");
  check_entity(engine_->view, to, "to");
  auto path = engine_->bfs(detail::Query{from, to, max_hops});
  if (path) path->weight = static_cast<double>(path->length());
  return path;
}

std::optional<std::size_t> PathFinder::distance(EntityId from, EntityId to, std::optional<std::size_t> max_hops) {
  check_entity(engine_->view, from, "from");
  check_entity(engine_->view, to, "to");
  return engine_->distance(detail::Query{from, to, max_hops});
}

const std::vector<std::pair<EntityId, std::uint32_t>>& PathFinder::within(EntityId center, std::size_t depth) {
  check_entity(engine_->view, center, "center");
  return engine_->within(center, depth);
}

}  // namespace kg
