#pragma once
// Communities: groups of entities linked more densely among themselves than
// chance predicts, found by Louvain modularity optimisation. The graph is
// undirected; parallel relations add weight (each relation weighs 1) and a
// self-loop counts twice in its entity's degree, as NetworkX's modularity on
// an nx.MultiGraph.
#include <cstdint>
#include <vector>

#include "graph/stop.hpp"
#include "graph/view.hpp"

namespace kg {

struct LouvainOptions {
  std::uint64_t seed = 0;    // the order entities are visited in
  double resolution = 1.0;   // above 1 favours smaller communities
  double threshold = 1e-7;   // stop when a level gains less modularity

  // Far above any useful resolution, low enough that modularity stays finite.
  static constexpr double kMostResolution = 1e6;
  // Asked as entities are moved (one level of a large graph can take
  // minutes); when it says stop, the partition reached so far
  // (CommunitiesResult::cut).
  ShouldStop should_stop;

  // Throws InvalidArgument naming the bad field.
  void validate() const;
};

struct CommunitiesResult {
  // community[e] for every entity; kNoCommunity for those a filter leaves out.
  std::vector<std::uint32_t> community;
  // Members of each community (ascending ids), largest community first, ties
  // by smallest member. Entities without relations are communities of one.
  std::vector<std::vector<EntityId>> members;
  double modularity = 0.0;
  bool cut = false;

  static constexpr std::uint32_t kNoCommunity = UINT32_MAX;
};

CommunitiesResult louvain_communities(const View& view, const LouvainOptions& options = {});

// Newman's modularity of a partition of the kept entities (community ids by
// EntityId, any numbering), as nx.community.modularity on the multigraph.
// 0 when the view keeps no relation.
double modularity(const View& view, const std::vector<std::uint32_t>& community, double resolution = 1.0);

}  // namespace kg
