// Yen's algorithm: the k shortest simple paths, over the engine's search
// with blocked roots and banned first steps.
#include "algorithms/path_engine.hpp"

#include <iterator>
#include <set>

namespace kg {

using detail::check_endpoints;
using detail::first_path;
using detail::kBeginning;
using detail::path_less;
using detail::PathEngine;
using detail::PathLess;
using detail::Query;

PathsResult k_shortest_paths(const View& view, EntityId from, EntityId to, const KShortestPathsOptions& options) {
  options.validate();
  check_endpoints(view, from, to);
  PathEngine engine(view, options.direction);
  std::vector<double> weights;
  if (options.weights) {
    weights = options.weights->relation_weights(view);
    engine.weights = &weights;
  }
  if (options.time_respecting) engine.use_time();

  PathsResult result;
  auto first = first_path(engine, from, to, options);
  if (!first) return result;
  const bool by_relation = options.distinct_relations;
  // A path's identity: its entities, or its relations when they count.
  auto identity = [by_relation](const Path& path) {
    auto key = by_relation ? path.relations() : path.entities();
    if (by_relation) key.insert(key.begin(), path.start);
    return key;
  };
  std::set<std::vector<std::uint32_t>> known{identity(*first)};
  std::set<Path, PathLess> candidates;
  result.paths.push_back(std::move(*first));

  std::vector<EntityId> banned_next;
  std::vector<RelationId> banned_relations;
  std::vector<std::size_t> shared_root;  // steps each accepted path shares with `last` from the start
  StopPoller stop(options.should_stop, 1);
  while (result.paths.size() < options.k) {
    const Path last = result.paths.back();
    const auto last_entities = last.entities();
    shared_root.clear();
    for (const Path& accepted : result.paths) {
      std::size_t j = 0;
      while (j < accepted.length() && j < last.length() &&
             (by_relation ? accepted.steps[j].relation == last.steps[j].relation
                          : accepted.steps[j].to == last.steps[j].to)) {
        ++j;
      }
      shared_root.push_back(j);
    }
    engine.clear_blocked();
    std::int32_t root_clock = kBeginning;
    for (std::size_t i = 0; i < last.length(); ++i) {
      if (options.max_hops && i >= *options.max_hops) break;
      if (stop.tick()) break;
      if (i > 0) {
        engine.block(last_entities[i - 1]);
        if (engine.timed()) root_clock = std::max(root_clock, engine.intervals[last.steps[i - 1].relation].first);
      }
      const EntityId spur = last_entities[i];
      banned_next.clear();
      banned_relations.clear();
      for (std::size_t p = 0; p < result.paths.size(); ++p) {
        const Path& accepted = result.paths[p];
        if (accepted.length() <= i || shared_root[p] < i) continue;
        if (by_relation) {
          banned_relations.push_back(accepted.steps[i].relation);
        } else {
          banned_next.push_back(accepted.steps[i].to);
        }
      }
      Query query{spur, to, options.max_hops ? std::optional<std::size_t>(*options.max_hops - i) : std::nullopt};
      query.banned_next = &banned_next;
      query.banned_relations = &banned_relations;
      query.clock = root_clock;
      auto spur_path = engine.search(query);
      if (!spur_path) continue;
      Path candidate{from, {last.steps.begin(), last.steps.begin() + static_cast<std::ptrdiff_t>(i)}, 0};
      candidate.steps.insert(candidate.steps.end(), spur_path->steps.begin(), spur_path->steps.end());
      engine.finish(candidate, by_relation);
      if (known.insert(identity(candidate)).second) candidates.insert(std::move(candidate));
      // Only the best k - accepted candidates can still be accepted: memory
      // stays within k paths however many spurs find one.
      if (candidates.size() > options.k - result.paths.size()) candidates.erase(std::prev(candidates.end()));
    }
    if (stop.stopped()) {
      result.cut = true;
      break;
    }
    if (candidates.empty()) break;
    result.paths.push_back(*candidates.begin());
    candidates.erase(candidates.begin());
  }
  // Yen finds paths of equal length in its own order; list them by entities.
  std::stable_sort(result.paths.begin(), result.paths.end(), path_less);
  return result;
}

}  // namespace kg
