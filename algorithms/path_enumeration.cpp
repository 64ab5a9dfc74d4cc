// Enumeration of simple paths by hop count, shortest first: every shortest
// path, and every simple path up to a hop limit, streamed or collected.
#include "algorithms/path_engine.hpp"

namespace kg {
namespace detail {

void PathEngine::distances_to(EntityId to, std::size_t max_depth) {
  next_generation();
  seen_to[to] = generation;
  depth_to[to] = 0;
  frontier_back.assign(1, to);
  const Adjacency& in = arriving();
  for (std::uint32_t depth = 1; depth <= max_depth && !frontier_back.empty(); ++depth) {
    next_frontier.clear();
    for (EntityId v : frontier_back) {
      for (auto k = in.offsets[v]; k < in.offsets[v + 1]; ++k) {
        const EntityId u = in.neighbors[k];
        if (seen_to[u] == generation) continue;
        seen_to[u] = generation;
        depth_to[u] = depth;
        next_frontier.push_back(u);
      }
    }
    frontier_back.swap(next_frontier);
  }
}

bool PathEngine::enumerate(EntityId from, EntityId to, std::size_t hops, bool distinct_relations,
               const std::function<bool(const Path&)>& visit) {
  if (on_path.size() != n) on_path.assign(n, 0);
  Path path{from, {}, 0};
  std::vector<std::int32_t> clocks{kBeginning};
  auto fill = [&](std::size_t depth, EntityId u) {
    if (frames.size() <= depth) frames.resize(depth + 1);
    Frame& frame = frames[depth];
    frame.choices.clear();
    frame.index = 0;
    const std::size_t remaining = hops - depth;
    for (auto k = forward.offsets[u]; k < forward.offsets[u + 1]; ++k) {
      const EntityId v = forward.neighbors[k];
      const RelationId r = forward.relations[k];
      if (on_path[v] || seen_to[v] != generation) continue;
      if (v == to ? remaining != 1 : depth_to[v] > remaining - 1 || remaining == 1) continue;
      std::int32_t arrival = clocks.back();
      if (timed()) {
        if (intervals[r].last < arrival) continue;
        arrival = std::max(arrival, intervals[r].first);
      }
      frame.choices.push_back({v, arrival, r});
    }
    std::sort(frame.choices.begin(), frame.choices.end(), [](const Choice& a, const Choice& b) {
      return std::tie(a.next, a.clock, a.relation) < std::tie(b.next, b.clock, b.relation);
    });
    if (!distinct_relations) {
      frame.choices.erase(std::unique(frame.choices.begin(), frame.choices.end(),
                                      [](const Choice& a, const Choice& b) { return a.next == b.next; }),
                          frame.choices.end());
    }
  };
  if (from == to) return hops == 0 ? visit(path) : true;
  if (hops == 0) return true;
  on_path[from] = 1;
  fill(0, from);
  std::size_t depth = 0;
  bool go_on = true;
  while (true) {
    if (stop && stop->tick()) {
      go_on = false;
      break;
    }
    Frame& frame = frames[depth];
    if (frame.index == frame.choices.size()) {
      if (depth == 0) break;
      --depth;
      on_path[path.steps.back().to] = 0;
      path.steps.pop_back();
      clocks.pop_back();
      continue;
    }
    const Choice choice = frame.choices[frame.index++];
    const EntityId u = path.end();
    if (choice.next == to) {
      path.steps.push_back(make_step(graph, choice.relation, u, to));
      Path found = path;
      finish(found, true);
      path.steps.pop_back();
      if (!visit(found)) {
        go_on = false;
        break;
      }
      continue;
    }
    path.steps.push_back(make_step(graph, choice.relation, u, choice.next));
    clocks.push_back(choice.clock);
    on_path[choice.next] = 1;
    ++depth;
    fill(depth, choice.next);
  }
  for (const auto& step : path.steps) on_path[step.to] = 0;
  on_path[from] = 0;
  return go_on;
}

}  // namespace detail

using detail::check_endpoints;
using detail::PathEngine;
using detail::Query;

namespace {

// Enumerates simple paths by hop count, from the shortest up to `longest`
// (the shortest alone when nullopt), shortest first. Returns false when
// visit asked to stop.
bool enumerate_by_length(PathEngine& engine, EntityId from, EntityId to, const PathConstraints& constraints,
                         std::optional<std::size_t> longest, const std::function<bool(const Path&)>& visit) {
  const auto first = engine.search(Query{from, to, constraints.max_hops});
  if (!first) return true;
  const std::size_t shortest = first->length();
  if (from == to) return visit(*first);
  // A simple path visits each entity at most once.
  const std::size_t last = std::min(longest.value_or(shortest), engine.n - 1);
  engine.distances_to(to, last);
  for (std::size_t hops = shortest; hops <= last; ++hops) {
    if (!engine.enumerate(from, to, hops, constraints.distinct_relations, visit)) return false;
  }
  return true;
}

PathsResult collect(PathEngine& engine, EntityId from, EntityId to, const PathConstraints& constraints,
                    std::optional<std::size_t> longest, std::size_t limit) {
  PathsResult result;
  StopPoller stop(constraints.should_stop);
  engine.stop = &stop;
  enumerate_by_length(engine, from, to, constraints, longest, [&](const Path& path) {
    if (result.paths.size() == limit) {
      result.truncated = true;
      return false;
    }
    result.paths.push_back(path);
    return true;
  });
  result.cut = stop.stopped();
  return result;
}

}  // namespace

PathsResult all_shortest_paths(const View& view, EntityId from, EntityId to, const AllShortestPathsOptions& options) {
  options.validate();
  check_endpoints(view, from, to);
  PathEngine engine(view, options.direction);
  if (options.time_respecting) engine.use_time();
  return collect(engine, from, to, options, std::nullopt, options.limit);
}

namespace {

// The streaming queries: enumerate_by_length asking should_stop as it goes.
// Returns whether it stopped early.
bool stream_paths(const View& view, EntityId from, EntityId to, const PathConstraints& options,
                  std::optional<std::size_t> longest, const std::function<bool(const Path&)>& visit) {
  check_endpoints(view, from, to);
  PathEngine engine(view, options.direction);
  if (options.time_respecting) engine.use_time();
  StopPoller stop(options.should_stop);
  engine.stop = &stop;
  return !enumerate_by_length(engine, from, to, options, longest, visit);
}

}  // namespace

bool for_each_simple_path(const View& view, EntityId from, EntityId to, const SimplePathsOptions& options,
                          const std::function<bool(const Path&)>& visit) {
  options.validate();
  return stream_paths(view, from, to, options, *options.max_hops, visit);
}

bool for_each_shortest_path(const View& view, EntityId from, EntityId to, const PathConstraints& options,
                            const std::function<bool(const Path&)>& visit) {
  options.validate();
  return stream_paths(view, from, to, options, std::nullopt, visit);
}

PathsResult all_simple_paths(const View& view, EntityId from, EntityId to, const SimplePathsOptions& options) {
  options.validate();
  check_endpoints(view, from, to);
  PathEngine engine(view, options.direction);
  if (options.time_respecting) engine.use_time();
  return collect(engine, from, to, options, options.max_hops, options.limit);
}

}  // namespace kg
