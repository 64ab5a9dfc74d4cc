// The path queries' options, checked before any search.
#include "algorithms/paths.hpp"

#include <cstdint>
#include <limits>

#include "graph/exception.hpp"

namespace kg {

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

}  // namespace kg
