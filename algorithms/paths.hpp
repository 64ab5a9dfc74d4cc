#pragma once
// How A connects to B: shortest paths (bidirectional BFS), all shortest
// paths, the k shortest simple paths (Yen), all simple paths up to a hop
// limit, weighted shortest paths (Dijkstra) and time-respecting paths, over
// a filtered view. docs/PATHS.md explains each choice with examples.
//
// kg's own searches, not Boost.Graph's: on bench/inputs.py's S graph
// (bench/bgl_bench, one thread, CPU time) answering 200 random pairs by
// boost::breadth_first_search on the view took 170x as long as PathFinder's
// bidirectional BFS (BGL searches from one end until everything is
// labelled), and 50 pairs by boost::dijkstra_shortest_paths 1.5x as long as
// weighted_shortest_path, which also breaks ties by entity id so that
// answers are reproducible. BFS and Dijkstra from BGL are the oracles for
// these in the tests.
//
// Multigraph rule: by default a path is a sequence of entities, so two
// paths that differ only in which of several parallel relations they use
// are one path; each step then carries a representative relation (the
// first in input order among those that fit, or the lightest / the one
// that keeps the chain earliest for weighted / time-respecting queries).
// With distinct_relations every relation sequence is its own path.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "graph/stop.hpp"
#include "graph/view.hpp"

namespace kg {

struct PathStep {
  RelationId relation;
  EntityId from;  // the walk goes from -> to
  EntityId to;
  bool forward;   // true when from is the relation's source
};

struct Path {
  EntityId start = 0;
  std::vector<PathStep> steps;  // empty when start is the end (A == B)
  double weight = 0;            // the sum of step weights; the hop count when unweighted

  std::size_t length() const { return steps.size(); }
  EntityId end() const { return steps.empty() ? start : steps.back().to; }
  std::vector<EntityId> entities() const;
  std::vector<RelationId> relations() const;
};

struct PathsResult {
  std::vector<Path> paths;
  bool truncated = false;  // a limit stopped the search while more paths existed
  bool cut = false;        // should_stop stopped the search; more paths may exist
};

// What every path query shares.
struct PathConstraints {
  Direction direction = Direction::Any;
  std::optional<std::size_t> max_hops;  // no limit when empty
  // Each step's time is not before the previous step's (docs/PATHS.md,
  // "Time-respecting paths"): a relation covers the days from the first day
  // of its date to the last day of its until (or of its date when open);
  // undated ends are unbounded, so an undated step fits anywhere.
  bool time_respecting = false;
  bool distinct_relations = false;  // parallel relations make distinct paths
  // Asked now and then; when it says stop, the query returns what it has
  // found so far (PathsResult::cut).
  ShouldStop should_stop;

  // Throws InvalidArgument naming the bad field.
  void validate() const;
};

// Relation weights for Dijkstra: a numeric relation attribute, or a table by
// relation type. Relations the attribute or table does not cover weigh
// default_weight.
struct Weights {
  std::string attribute;
  std::vector<std::pair<std::string, double>> by_type;
  double default_weight = 1;

  // "amount_usd" (an attribute) or "funded=1,competed=5" (a table). Throws
  // InvalidArgument on malformed text or a negative or non-finite number.
  static Weights parse(std::string_view spec);
  // Throws InvalidArgument: neither or both of attribute and table, an
  // unknown type in the table, a negative or non-finite weight.
  void validate(const Graph& graph) const;
  // The weight of every relation the view keeps (0 for the others). Throws
  // InvalidArgument naming the relation whose attribute is not a
  // non-negative number.
  std::vector<double> relation_weights(const View& view) const;
};

struct ShortestPathOptions : PathConstraints {};
// At most one path: one of the shortest (fewest hops; with time_respecting,
// the fewest hops among time-respecting paths).
PathsResult shortest_path(const View& view, EntityId from, EntityId to, const ShortestPathOptions& options = {});

struct AllShortestPathsOptions : PathConstraints {
  std::size_t limit = 100;
  void validate() const;
};
// Every shortest path, ordered by the entity ids along it, at most limit.
PathsResult all_shortest_paths(const View& view, EntityId from, EntityId to, const AllShortestPathsOptions& options = {});

struct KShortestPathsOptions : PathConstraints {
  std::size_t k = 1;
  std::optional<Weights> weights;  // rank by weight instead of hops
  void validate() const;
};
// Yen's algorithm: the k shortest simple paths, distinct, shortest first,
// equally short ones ordered by the entity ids along them. When the k-th
// place falls among equally short paths, which of them make the cut is
// decided by the search order: deterministic, but not by id.
PathsResult k_shortest_paths(const View& view, EntityId from, EntityId to, const KShortestPathsOptions& options = {});

struct SimplePathsOptions : PathConstraints {
  std::size_t limit = 100;
  // Requires max_hops: without it the search may run away on a dense graph.
  void validate() const;
};
// Calls visit for each simple path of at most max_hops steps, shortest
// first, ties in the order of the entity ids along the path; stops when
// visit returns false or should_stop says so. Returns whether it stopped early.
bool for_each_simple_path(const View& view, EntityId from, EntityId to, const SimplePathsOptions& options,
                          const std::function<bool(const Path&)>& visit);
// Calls visit for each shortest path, in the order of all_shortest_paths,
// as it is found; stops when visit returns false or should_stop says so.
// Returns whether it stopped early.
bool for_each_shortest_path(const View& view, EntityId from, EntityId to, const PathConstraints& options,
                            const std::function<bool(const Path&)>& visit);
// The first limit of them.
PathsResult all_simple_paths(const View& view, EntityId from, EntityId to, const SimplePathsOptions& options);

struct WeightedPathOptions : PathConstraints {
  Weights weights;
  // Rejects max_hops and time_respecting, which Dijkstra cannot honour.
  void validate(const Graph& graph) const;
};
// Dijkstra: one path of least total weight.
PathsResult weighted_shortest_path(const View& view, EntityId from, EntityId to, const WeightedPathOptions& options);

struct EgoNetworkOptions {
  Direction direction = Direction::Any;
  std::size_t depth = 1;
  // Asked now and then; when it says stop, the ball so far is returned
  // (EgoNetwork::cut): whole rings, and part of the last.
  ShouldStop should_stop;
  void validate() const;
};

struct EgoNetwork {
  EntityId center = 0;
  // The entities within depth steps, ordered by distance, then id;
  // distance[i] belongs to entities[i].
  std::vector<EntityId> entities;
  std::vector<std::uint32_t> distance;
  // Every relation the view keeps between two of them, by id.
  std::vector<RelationId> relations;
  bool cut = false;  // should_stop ended the search before depth
};
EgoNetwork ego_network(const View& view, EntityId center, const EgoNetworkOptions& options = {});

namespace detail {
struct PathEngine;
}

// For many queries on one view: the adjacency is built once and the search
// state is reused between queries (a generation counter marks what one
// query touched), so a query costs what it visits, not O(entities).
class PathFinder {
 public:
  PathFinder(const View& view, Direction direction);
  ~PathFinder();
  PathFinder(const PathFinder&) = delete;
  PathFinder& operator=(const PathFinder&) = delete;

  // Bidirectional BFS; nullopt when there is no path within max_hops.
  std::optional<Path> shortest_path(EntityId from, EntityId to, std::optional<std::size_t> max_hops = std::nullopt);
  // What the free shortest_path() answers, on this finder's adjacency: the
  // same path, with its representative relations and weight, without
  // building the adjacency again (a batch of pairs asked the same way).
  // options.direction must be the finder's.
  PathsResult shortest_path(EntityId from, EntityId to, const ShortestPathOptions& options);
  // The hop count of a shortest path, without building it.
  std::optional<std::size_t> distance(EntityId from, EntityId to, std::optional<std::size_t> max_hops = std::nullopt);
  // The entities within depth steps of center and their distances, in BFS
  // order; valid until the next call.
  const std::vector<std::pair<EntityId, std::uint32_t>>& within(EntityId center, std::size_t depth);

 private:
  std::unique_ptr<detail::PathEngine> engine_;
};

}  // namespace kg
