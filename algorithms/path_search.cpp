// What every path search shares: the engine set-up, the search it is set up
// for, the representative relation of a step, and Path's accessors.
#include "algorithms/path_engine.hpp"

namespace kg {
namespace detail {

PathEngine::PathEngine(const View& v, Direction d)
    : view(v),
      graph(v.graph()),
      direction(d),
      n(v.graph().entity_count()),
      forward_steps(shared_adjacency(v, d)),
      backward_steps(d == Direction::Any ? forward_steps
                                         : shared_adjacency(v, d == Direction::Out ? Direction::In : Direction::Out)),
      forward(*forward_steps),
      backward(*backward_steps) {
  seen_from.assign(n, 0);
  seen_to.assign(n, 0);
  depth_from.assign(n, 0);
  depth_to.assign(n, 0);
  parent_from.assign(n, 0);
  relation_from.assign(n, 0);
  next_to.assign(n, 0);
  relation_to.assign(n, 0);
  blocked_mark.assign(n, 0);
}

void PathEngine::use_time() {
  intervals.resize(graph.relation_count());
  for (RelationId r = 0; r < graph.relation_count(); ++r) intervals[r] = covered_days(graph, r);
}

std::optional<Path> PathEngine::search(const Query& q) {
  if (weights) return dijkstra(q);
  if (timed()) return timed_bfs(q);
  return bfs(q);
}

std::pair<RelationId, std::int32_t> PathEngine::representative(EntityId u, EntityId v, std::int32_t clock) const {
  RelationId chosen = std::numeric_limits<RelationId>::max();
  std::int32_t chosen_clock = kEnd;
  double chosen_weight = std::numeric_limits<double>::infinity();
  for (auto k = forward.offsets[u]; k < forward.offsets[u + 1]; ++k) {
    if (forward.neighbors[k] != v) continue;
    const RelationId r = forward.relations[k];
    std::int32_t arrival = clock;
    if (timed()) {
      if (intervals[r].last < clock) continue;
      arrival = std::max(clock, intervals[r].first);
    }
    const double weight = weights ? (*weights)[r] : 0.0;
    if (std::tie(weight, arrival, r) < std::tie(chosen_weight, chosen_clock, chosen)) {
      chosen = r;
      chosen_clock = arrival;
      chosen_weight = weight;
    }
  }
  return {chosen, chosen_clock};
}

void PathEngine::finish(Path& path, bool distinct_relations) const {
  std::int32_t clock = kBeginning;
  path.weight = 0;
  for (auto& step : path.steps) {
    if (!distinct_relations) {
      const auto [r, arrival] = representative(step.from, step.to, clock);
      step = make_step(graph, r, step.from, step.to);
      clock = arrival;
    }
    path.weight += weights ? (*weights)[step.relation] : 1.0;
  }
}

void check_endpoints(const View& view, EntityId from, EntityId to) {
  check_entity(view, from, "from");
  check_entity(view, to, "to");
}

std::optional<Path> first_path(PathEngine& engine, EntityId from, EntityId to, const PathConstraints& constraints) {
  auto path = engine.search(Query{from, to, constraints.max_hops});
  if (path) engine.finish(*path, constraints.distinct_relations);
  return path;
}

}  // namespace detail

using detail::check_endpoints;
using detail::first_path;
using detail::Interval;
using detail::PathEngine;

std::vector<EntityId> Path::entities() const {
  std::vector<EntityId> result{start};
  for (const auto& step : steps) result.push_back(step.to);
  return result;
}

std::vector<RelationId> Path::relations() const {
  std::vector<RelationId> result;
  for (const auto& step : steps) result.push_back(step.relation);
  return result;
}

namespace {

PathsResult shortest_on(PathEngine& engine, EntityId from, EntityId to, const ShortestPathOptions& options) {
  PathsResult result;
  if (auto path = first_path(engine, from, to, options)) result.paths.push_back(std::move(*path));
  return result;
}

}  // namespace

PathsResult shortest_path(const View& view, EntityId from, EntityId to, const ShortestPathOptions& options) {
  options.validate();
  check_endpoints(view, from, to);
  PathEngine engine(view, options.direction);
  if (options.time_respecting) engine.use_time();
  return shortest_on(engine, from, to, options);
}

PathsResult PathFinder::shortest_path(EntityId from, EntityId to, const ShortestPathOptions& options) {
  options.validate();
  check_endpoints(engine_->view, from, to);
  if (options.direction != engine_->direction) {
    throw InvalidArgument(Field{"direction"}, std::string("differs from the direction the finder was built for (") +
                                                  (engine_->direction == Direction::Out  ? "out"
                                                   : engine_->direction == Direction::In ? "in"
                                                                                         : "any") +
                                                  ")");
  }
  // The intervals are built once, by the first time-respecting query.
  if (options.time_respecting && !engine_->timed()) engine_->use_time();
  if (!options.time_respecting && engine_->timed()) {
    // This query ignores dates: the intervals step aside for it.
    std::vector<Interval> intervals;
    intervals.swap(engine_->intervals);
    PathsResult result = shortest_on(*engine_, from, to, options);
    intervals.swap(engine_->intervals);
    return result;
  }
  return shortest_on(*engine_, from, to, options);
}

}  // namespace kg
