#pragma once
// The search core behind every path query of algorithms/paths.hpp (internal
// to kg::algorithms): the view's adjacency built once per direction, search
// marks reused across queries by a generation counter, and the blocked and
// banned steps Yen's algorithm needs. Each algorithm is defined in its own
// unit over this core: path_bfs.cpp (bidirectional BFS), path_timed.cpp
// (time-respecting BFS), path_dijkstra.cpp, path_enumeration.cpp (all
// shortest / all simple paths), path_yen.cpp (k shortest), ego_network.cpp
// (rings around one entity); path_search.cpp holds what they share. The hot
// loops stay within one function each, so the split costs no speed.
#include <algorithm>
#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "algorithms/paths.hpp"
#include "graph/exception.hpp"
#include "graph/stop.hpp"
#include "graph/view.hpp"

namespace kg::detail {

constexpr std::int32_t kBeginning = std::numeric_limits<std::int32_t>::min();
constexpr std::int32_t kEnd = std::numeric_limits<std::int32_t>::max();

// The days a relation covers, for time-respecting walks.
struct Interval {
  std::int32_t first;
  std::int32_t last;
};

inline Interval covered_days(const Graph& graph, RelationId r) {
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

inline void check_entity(const View& view, EntityId e, const char* parameter) {
  if (e >= view.graph().entity_count()) {
    throw InvalidArgument(std::string(parameter) + ": entity " + std::to_string(e) + " is out of range");
  }
}

inline PathStep make_step(const Graph& graph, RelationId r, EntityId from, EntityId to) {
  return PathStep{r, from, to, graph.source(r) == from && graph.target(r) == to};
}

// Paths compare by weight, then the entities along them, then their relations:
// the deterministic order of every multi-path answer.
inline bool path_less(const Path& a, const Path& b) {
  if (a.weight != b.weight) return a.weight < b.weight;
  const auto ea = a.entities(), eb = b.entities();
  if (ea != eb) return ea < eb;
  return a.relations() < b.relations();
}

struct PathLess {
  bool operator()(const Path& a, const Path& b) const { return path_less(a, b); }
};


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
  PathEngine(const View& v, Direction d);

  const View& view;
  const Graph& graph;
  Direction direction;
  std::size_t n;
  // The view's steps, built for this engine or kept by the graph (shared_adjacency).
  std::shared_ptr<const Adjacency> forward_steps, backward_steps;
  const Adjacency& forward;   // steps walked away from an entity
  const Adjacency& backward;  // steps that arrive at an entity (for Any, forward itself)
  const Adjacency& arriving() const { return backward; }

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

  void use_time();
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

  // ---- bidirectional BFS (path_bfs.cpp)
  // Bidirectional BFS. Returns the meeting entity, with parent_from /
  // next_to describing the two halves, or nullopt.
  std::optional<EntityId> meet(const Query& q);
  std::optional<Path> bfs(const Query& q);
  std::optional<std::size_t> distance(const Query& q);

  // ---- time-respecting BFS (path_timed.cpp)
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
  std::optional<Path> timed_bfs(const Query& q);
  std::vector<std::int32_t> timed_best;
  Path timed_path(EntityId from, std::size_t last);

  // ---- Dijkstra (path_dijkstra.cpp)
  // Dijkstra, ties between equal distances broken by entity id.
  std::vector<double> distance_from;
  std::optional<Path> dijkstra(const Query& q);

  // ---- what every query shares (path_search.cpp)
  // The search the engine is set up for: Dijkstra with weights, the
  // time-respecting BFS with intervals, else the bidirectional BFS.
  std::optional<Path> search(const Query& q);

  // The relation a step u -> v stands for in entity mode: the lightest
  // (weighted), the one keeping the walk earliest (time-respecting), else
  // the first in input order. Returns the relation and the walk's new time.
  std::pair<RelationId, std::int32_t> representative(EntityId u, EntityId v, std::int32_t clock) const;

  // Puts representatives in a path's steps (entity mode) and sets its weight.
  void finish(Path& path, bool distinct_relations) const;

  // ---- enumeration of simple paths (path_enumeration.cpp)
  // Backward BFS from `to` up to max_depth, filling seen_to/depth_to: the
  // fewest hops from each entity to `to`, a bound that prunes enumeration.
  void distances_to(EntityId to, std::size_t max_depth);

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
                 const std::function<bool(const Path&)>& visit);

  // ---- rings around one entity (ego_network.cpp)
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
                                                                StopPoller* stop = nullptr);
  static constexpr double kBottomUpFactor = 4.0;
};

void check_endpoints(const View& view, EntityId from, EntityId to);
// The shortest path under `constraints` (with representatives chosen).
std::optional<Path> first_path(PathEngine& engine, EntityId from, EntityId to, const PathConstraints& constraints);

}  // namespace kg::detail
