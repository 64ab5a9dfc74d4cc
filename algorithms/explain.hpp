#pragma once
// Why an entity ranks where it does (kg rank --explain). Betweenness: the
// pairs of entities whose shortest paths go through it, with how many of
// their shortest paths do, and one such path. Degree and PageRank: the
// relations that add to its score, largest share first. Each sees the graph
// its measure sees (algorithms/centrality.hpp): betweenness the simple graph,
// degree and PageRank every relation.
#include <cstdint>
#include <vector>

#include "graph/view.hpp"

namespace kg {

// A pair (source, target) and the share of its shortest paths through the
// entity: `through` of `shortest` paths (counted on the simple graph).
struct CarriedPair {
  EntityId source, target;
  double through = 0;
  double shortest = 0;
  double fraction() const { return through / shortest; }
};

struct BetweennessExplanation {
  EntityId entity;
  // Every pair with a shortest path through the entity, largest fraction
  // first (ties by source, then target). Undirected, each pair once with
  // source < target. The fractions add up to the raw betweenness.
  std::vector<CarriedPair> pairs;
  // One shortest path of the first pair, through the entity, as relations
  // walked from its source (empty when there is no pair).
  std::vector<RelationId> example;
};

// One explanation per entity, in the order given. Costs one breadth-first
// search per entity of the view plus one per entity explained, about what
// computing betweenness costs.
std::vector<BetweennessExplanation> explain_betweenness(const View& view, const std::vector<EntityId>& entities,
                                                        Direction direction);

// A relation and what it adds to the entity's score.
struct Contribution {
  RelationId relation;
  double amount;
};

// Degree: each relation at the entity in `direction` adds 1 (a self-loop 2
// in total degree), largest first, ties in input order. Unnormalised.
std::vector<Contribution> explain_degree(const View& view, EntityId entity, Direction direction);

// PageRank: the relation from u that lets rank flow into the entity adds
// damping * rank[u] / (u's number of outgoing arcs); the rest of the score
// comes from teleporting and from entities without outgoing arcs. `ranks`
// are pagerank()'s scores with the same view, direction and damping.
std::vector<Contribution> explain_pagerank(const View& view, EntityId entity, Direction direction, double damping,
                                           const std::vector<double>& ranks);

}  // namespace kg
