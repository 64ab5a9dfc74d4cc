#include "algorithms/paths.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <iterator>
#include <limits>
#include <queue>
#include <set>
#include <tuple>

#include "graph/exception.hpp"
#include "graph/lookup.hpp"
#include "graph/stop.hpp"

namespace kg {
namespace {

constexpr std::int32_t kBeginning = std::numeric_limits<std::int32_t>::min();
constexpr std::int32_t kEnd = std::numeric_limits<std::int32_t>::max();

// The days a relation covers, for time-respecting walks.
struct Interval {
  std::int32_t first;
  std::int32_t last;
};

Interval covered_days(const Graph& graph, RelationId r) {
  const Date date = graph.date(r);
  const Date until = graph.until(r);
  Interval interval{kBeginning, kEnd};
  if (!date.empty()) interval.first = date.first_day();
  if (!until.empty()) {
    interval.last = until.last_day();
  } else if (!date.empty()) {
    interval.last = date.last_day();
  }
  return interval;
}

void check_entity(const View& view, EntityId e, const char* parameter) {
  if (e >= view.graph().entity_count()) {
    throw InvalidArgument(std::string(parameter) + ": entity " + std::to_string(e) + " is out of range");
  }
}

PathStep make_step(const Graph& graph, RelationId r, EntityId from, EntityId to) {
  return PathStep{r, from, to, graph.source(r) == from && graph.target(r) == to};
}

// Paths compare by weight, then the entities along them, then their relations:
// the deterministic order of every multi-path answer.
bool path_less(const Path& a, const Path& b) {
  if (a.weight != b.weight) return a.weight < b.weight;
  const auto ea = a.entities(), eb = b.entities();
  if (ea != eb) return ea < eb;
  return a.relations() < b.relations();
}

struct PathLess {
  bool operator()(const Path& a, const Path& b) const { return path_less(a, b); }
};

}  // namespace

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

// ---------------------------------------------------------------------------
// Options

void PathConstraints::validate() const {
  if (max_hops && *max_hops == 0) throw InvalidArgument("max_hops: must be at least 1");
}

void AllShortestPathsOptions::validate() const {
  PathConstraints::validate();
  if (limit == 0) throw InvalidArgument("limit: must be at least 1");
}

void KShortestPathsOptions::validate() const {
  PathConstraints::validate();
  if (k == 0) throw InvalidArgument("k: must be at least 1");
  if (weights && time_respecting) throw InvalidArgument("k: weights cannot be combined with time_respecting");
  if (weights && max_hops) throw InvalidArgument("k: weights cannot be combined with max_hops");
}

void SimplePathsOptions::validate() const {
  PathConstraints::validate();
  if (!max_hops) throw InvalidArgument("max_hops: required for all simple paths");
  if (limit == 0) throw InvalidArgument("limit: must be at least 1");
}

void WeightedPathOptions::validate(const Graph& graph) const {
  PathConstraints::validate();
  if (max_hops) throw InvalidArgument("max_hops: cannot be combined with weights (Dijkstra ignores hop counts)");
  if (time_respecting) throw InvalidArgument("time_respecting: cannot be combined with weights");
  weights.validate(graph);
}

void EgoNetworkOptions::validate() const {
  if (depth > std::numeric_limits<std::uint32_t>::max() - 1) throw InvalidArgument(Field{"depth"}, "too large");
}

namespace {

double parse_weight(std::string_view text, std::string_view context) {
  const std::string copy(text);
  char* end = nullptr;
  const double value = copy.empty() ? NAN : std::strtod(copy.c_str(), &end);
  if (copy.empty() || end != copy.c_str() + copy.size() || !std::isfinite(value)) {
    throw InvalidArgument(Field{"weights"}, "'" + std::string(context) + "': '" + copy + "' is not a number");
  }
  if (value < 0) throw InvalidArgument(Field{"weights"}, "'" + std::string(context) + "': weights must not be negative");
  return value;
}

}  // namespace

Weights Weights::parse(std::string_view spec) {
  Weights weights;
  if (spec.empty()) throw InvalidArgument(Field{"weights"}, "empty; give an attribute or TYPE=WEIGHT,...");
  if (spec.find('=') == std::string_view::npos) {
    if (spec.find(',') != std::string_view::npos) {
      throw InvalidArgument(Field{"weights"}, "'" + std::string(spec) + "': one attribute, or TYPE=WEIGHT pairs");
    }
    weights.attribute = std::string(spec);
    return weights;
  }
  std::size_t begin = 0;
  while (begin <= spec.size()) {
    const std::size_t comma = std::min(spec.find(',', begin), spec.size());
    const std::string_view entry = spec.substr(begin, comma - begin);
    const std::size_t equals = entry.find('=');
    if (equals == std::string_view::npos || equals == 0) {
      throw InvalidArgument(Field{"weights"}, "'" + std::string(entry) + "' is not TYPE=WEIGHT");
    }
    const std::string type(entry.substr(0, equals));
    for (const auto& [given, weight] : weights.by_type) {
      if (given == type) {
        throw InvalidArgument(Field{"weights"},
                              "'" + type + "' given twice ('" + std::string(spec) + "'): one weight per relation type");
      }
    }
    weights.by_type.emplace_back(type, parse_weight(entry.substr(equals + 1), entry));
    begin = comma + 1;
  }
  return weights;
}

void Weights::validate(const Graph& graph) const {
  if (attribute.empty() == by_type.empty()) {
    throw InvalidArgument(Field{"weights"}, "give either an attribute or a table of relation types");
  }
  if (!std::isfinite(default_weight) || default_weight < 0) {
    throw InvalidArgument(Field{"weights"}, "the default weight must be a non-negative number");
  }
  std::vector<std::string_view> type_names;
  for (TypeId t = 0; t < graph.relation_type_count(); ++t) type_names.push_back(graph.relation_type_name(t));
  for (const auto& [type, weight] : by_type) {
    if (!std::isfinite(weight) || weight < 0) {
      throw InvalidArgument(Field{"weights"}, "" + type + ": weights must be non-negative numbers");
    }
    if (graph.find_relation_type(type)) continue;
    std::string message = "no relation type '" + type + "' in this graph";
    const auto close = closest_matches(type, type_names, 3);
    for (std::size_t i = 0; i < close.size(); ++i) message += (i ? ", '" : "; did you mean '") + close[i] + "'";
    if (!close.empty()) message += "?";
    throw InvalidArgument(Field{"weights"}, message);
  }
  if (!attribute.empty()) {
    for (RelationId r = 0; r < graph.relation_count(); ++r) {
      for (const auto& a : graph.relation_attributes(r)) {
        if (graph.str(a.key) == attribute) return;
      }
    }
    throw InvalidArgument(Field{"weights"}, "no relation has the attribute '" + attribute + "'");
  }
}

std::vector<double> Weights::relation_weights(const View& view) const {
  const Graph& graph = view.graph();
  validate(graph);
  std::vector<double> weights(graph.relation_count(), 0.0);
  std::vector<double> type_weight(graph.relation_type_count(), default_weight);
  for (const auto& [type, weight] : by_type) type_weight[*graph.find_relation_type(type)] = weight;
  for (RelationId r = 0; r < graph.relation_count(); ++r) {
    if (!view.keeps_relation(r)) continue;
    double weight = attribute.empty() ? type_weight[graph.relation_type(r)] : default_weight;
    if (!attribute.empty()) {
      for (const auto& a : graph.relation_attributes(r)) {
        if (graph.str(a.key) != attribute) continue;
        const std::string where = "relation " + std::to_string(r) + " (" + std::string(graph.entity_key(graph.source(r))) +
                                  " " + std::string(graph.relation_type_name(graph.relation_type(r))) + " " +
                                  std::string(graph.entity_key(graph.target(r))) + ")";
        if (!a.value.is_number() || !std::isfinite(a.value.as_number())) {
          throw InvalidArgument(Field{"weights"}, "" + where + ": '" + attribute + "' is not a number");
        }
        if (a.value.as_number() < 0) {
          throw InvalidArgument(Field{"weights"}, "" + where + ": '" + attribute + "' is negative");
        }
        weight = a.value.as_number();
      }
    }
    weights[r] = weight;
  }
  return weights;
}

// ---------------------------------------------------------------------------
// The search engine behind every query.

namespace detail {

// One search from `from` to `to`, with what Yen's algorithm adds: first
// steps it may not take (the entities it may not enter, the root path, are
// marked in the engine with block()).
struct Query {
  EntityId from;
  EntityId to;
  std::optional<std::size_t> max_hops;
  const std::vector<EntityId>* banned_next = nullptr;          // entity mode
  const std::vector<RelationId>* banned_relations = nullptr;   // relation mode
  std::int32_t clock = kBeginning;  // time-respecting: the walk's time at `from`
};

struct PathEngine {
  PathEngine(const View& v, Direction d)
      : view(v), graph(v.graph()), direction(d), n(v.graph().entity_count()) {
    forward = build_adjacency(view, direction);
    if (direction != Direction::Any) {
      backward = build_adjacency(view, direction == Direction::Out ? Direction::In : Direction::Out);
    }
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

  const View& view;
  const Graph& graph;
  Direction direction;
  std::size_t n;
  Adjacency forward;   // steps walked away from an entity
  Adjacency backward;  // steps that arrive at an entity (for Any, forward serves)
  const Adjacency& arriving() const { return direction == Direction::Any ? forward : backward; }

  // Set by the queries that need them.
  const std::vector<double>* weights = nullptr;
  std::vector<Interval> intervals;  // non-empty: time-respecting

  // Scratch reused across queries: an entry is valid when its mark equals
  // the current generation.
  std::uint32_t generation = 0;
  std::vector<std::uint32_t> seen_from, seen_to, blocked_mark;
  std::vector<std::uint32_t> depth_from, depth_to;
  std::vector<EntityId> parent_from, next_to;
  std::vector<RelationId> relation_from, relation_to;
  std::vector<EntityId> frontier, next_frontier, frontier_back;
  std::vector<std::pair<EntityId, std::uint32_t>> ball;

  void use_time() {
    intervals.resize(graph.relation_count());
    for (RelationId r = 0; r < graph.relation_count(); ++r) intervals[r] = covered_days(graph, r);
  }
  bool timed() const { return !intervals.empty(); }

  std::uint32_t next_generation() {
    if (++generation == 0) {  // wrapped: clear every mark once in 2^32 queries
      for (auto* marks : {&seen_from, &seen_to}) std::fill(marks->begin(), marks->end(), 0);
      generation = 1;
    }
    return generation;
  }

  bool usable(EntityId e) const { return view.keeps_entity(e); }
  // Entities no search may enter until clear_blocked(): Yen's root path,
  // which grows by one entity per spur, so marking it costs one step per
  // spur instead of the root's length (quadratic on a long path).
  std::uint32_t block_generation = 1;
  bool blocked(EntityId e) const { return blocked_mark[e] == block_generation; }
  void block(EntityId e) { blocked_mark[e] = block_generation; }
  void clear_blocked() {
    if (++block_generation == 0) {
      std::fill(blocked_mark.begin(), blocked_mark.end(), 0);
      block_generation = 1;
    }
  }

  static bool banned(const Query& q, EntityId next, RelationId r) {
    if (q.banned_next && std::find(q.banned_next->begin(), q.banned_next->end(), next) != q.banned_next->end()) {
      return true;
    }
    return q.banned_relations &&
           std::find(q.banned_relations->begin(), q.banned_relations->end(), r) != q.banned_relations->end();
  }

  void begin(const Query&) { next_generation(); }

  // Bidirectional BFS. Returns the meeting entity, with parent_from /
  // next_to describing the two halves, or nullopt.
  std::optional<EntityId> meet(const Query& q) {
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

  std::optional<Path> bfs(const Query& q) {
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

  std::optional<std::size_t> distance(const Query& q) {
    const auto middle = meet(q);
    if (!middle) return std::nullopt;
    std::size_t hops = 0;
    for (EntityId e = *middle; e != q.from; e = parent_from[e]) ++hops;
    for (EntityId e = *middle; e != q.to; e = next_to[e]) ++hops;
    return hops;
  }

  // Fewest hops among time-respecting walks: BFS level by level over states
  // (entity, time). A state is dropped when the entity was already reached
  // in no more hops at a time no later; what is left finds the fewest hops,
  // and a walk of fewest hops never repeats an entity (cutting a loop keeps
  // the times in order), so it is a simple path.
  struct TimedState {
    EntityId entity;
    std::uint32_t parent;  // index into states
    RelationId relation;
    std::int32_t clock;
  };
  std::vector<TimedState> states;

  std::optional<Path> timed_bfs(const Query& q) {
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
  std::vector<std::int32_t> timed_best;

  Path timed_path(EntityId from, std::size_t last) {
    Path path{from, {}, 0};
    for (std::size_t s = last; s != 0; s = states[s].parent) {
      path.steps.push_back(make_step(graph, states[s].relation, states[states[s].parent].entity, states[s].entity));
    }
    std::reverse(path.steps.begin(), path.steps.end());
    return path;
  }

  // Dijkstra, ties between equal distances broken by entity id.
  std::vector<double> distance_from;
  std::optional<Path> dijkstra(const Query& q) {
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

  std::optional<Path> search(const Query& q) {
    if (weights) return dijkstra(q);
    if (timed()) return timed_bfs(q);
    return bfs(q);
  }

  // The relation a step u -> v stands for in entity mode: the lightest
  // (weighted), the one keeping the walk earliest (time-respecting), else
  // the first in input order. Returns the relation and the walk's new time.
  std::pair<RelationId, std::int32_t> representative(EntityId u, EntityId v, std::int32_t clock) const {
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

  // Puts representatives in a path's steps (entity mode) and sets its weight.
  void finish(Path& path, bool distinct_relations) const {
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

  // Backward BFS from `to` up to max_depth, filling seen_to/depth_to: the
  // fewest hops from each entity to `to`, a bound that prunes enumeration.
  void distances_to(EntityId to, std::size_t max_depth) {
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

  // Every simple path of exactly `hops` steps, in order of the entities
  // (then relations) along it; needs distances_to(to, >= hops) first.
  // Returns false when visit asked to stop.
  struct Choice {
    EntityId next;
    std::int32_t clock;
    RelationId relation;
  };
  struct Frame {
    std::vector<Choice> choices;
    std::size_t index = 0;
  };
  std::vector<Frame> frames;
  std::vector<std::uint8_t> on_path;
  StopPoller* stop = nullptr;  // asked at each step of the enumeration

  bool enumerate(EntityId from, EntityId to, std::size_t hops, bool distinct_relations,
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

  // BFS by rings. A ring whose relations outnumber what is left to find is
  // grown bottom-up instead (each entity not yet reached looks for a
  // neighbour in the last ring and stops at the first): on a graph where
  // three steps reach most entities that reads far fewer relations.
  //
  // Bottom-up reads every entity, so it is chosen only for a ring with at
  // least as many steps as there are entities: the rings are disjoint, so
  // the whole search stays linear (top-down alone on a long chain).
  // `stop`, when given, ends the search early with the ball so far.
  const std::vector<std::pair<EntityId, std::uint32_t>>& within(EntityId center, std::size_t depth,
                                                                StopPoller* stop = nullptr) {
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
  static constexpr double kBottomUpFactor = 4.0;
};

}  // namespace detail

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

// ---------------------------------------------------------------------------
// The queries.

namespace {

using Engine = detail::PathEngine;
using detail::Query;

void check_endpoints(const View& view, EntityId from, EntityId to) {
  check_entity(view, from, "from");
  check_entity(view, to, "to");
}

std::optional<Path> first_path(Engine& engine, EntityId from, EntityId to, const PathConstraints& constraints) {
  auto path = engine.search(Query{from, to, constraints.max_hops});
  if (path) engine.finish(*path, constraints.distinct_relations);
  return path;
}

}  // namespace

PathsResult shortest_path(const View& view, EntityId from, EntityId to, const ShortestPathOptions& options) {
  options.validate();
  check_endpoints(view, from, to);
  Engine engine(view, options.direction);
  if (options.time_respecting) engine.use_time();
  PathsResult result;
  if (auto path = first_path(engine, from, to, options)) result.paths.push_back(std::move(*path));
  return result;
}

namespace {

// Enumerates simple paths by hop count, from the shortest up to `longest`
// (the shortest alone when nullopt), shortest first. Returns false when
// visit asked to stop.
bool enumerate_by_length(Engine& engine, EntityId from, EntityId to, const PathConstraints& constraints,
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

PathsResult collect(Engine& engine, EntityId from, EntityId to, const PathConstraints& constraints,
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
  Engine engine(view, options.direction);
  if (options.time_respecting) engine.use_time();
  return collect(engine, from, to, options, std::nullopt, options.limit);
}

namespace {

// The streaming queries: enumerate_by_length asking should_stop as it goes.
// Returns whether it stopped early.
bool stream_paths(const View& view, EntityId from, EntityId to, const PathConstraints& options,
                  std::optional<std::size_t> longest, const std::function<bool(const Path&)>& visit) {
  check_endpoints(view, from, to);
  Engine engine(view, options.direction);
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
  Engine engine(view, options.direction);
  if (options.time_respecting) engine.use_time();
  return collect(engine, from, to, options, options.max_hops, options.limit);
}

PathsResult weighted_shortest_path(const View& view, EntityId from, EntityId to, const WeightedPathOptions& options) {
  options.validate(view.graph());
  check_endpoints(view, from, to);
  Engine engine(view, options.direction);
  const std::vector<double> weights = options.weights.relation_weights(view);
  engine.weights = &weights;
  PathsResult result;
  if (auto path = first_path(engine, from, to, options)) result.paths.push_back(std::move(*path));
  return result;
}

PathsResult k_shortest_paths(const View& view, EntityId from, EntityId to, const KShortestPathsOptions& options) {
  options.validate();
  check_endpoints(view, from, to);
  Engine engine(view, options.direction);
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

EgoNetwork ego_network(const View& view, EntityId center, const EgoNetworkOptions& options) {
  options.validate();
  check_entity(view, center, "center");
  Engine engine(view, options.direction);
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
