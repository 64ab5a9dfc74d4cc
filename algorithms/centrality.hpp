#pragma once
// Centrality: who matters in a (filtered) graph. Every measure reproduces
// NetworkX 2.8's definition and normalisation on the graph NetworkX would
// build from the view (docs/RANKING.md, "Which graph each measure sees"):
//   - path measures (betweenness, closeness, harmonic) see the simple graph:
//     parallel relations collapse into one edge and self-loops are ignored,
//     as in nx.DiGraph / nx.Graph;
//   - counting measures (degree, PageRank, eigenvector) see the multigraph:
//     every relation counts (or adds its weight), as NetworkX's adjacency
//     matrix of an nx.MultiDiGraph / nx.MultiGraph does.
// Direction Out follows relations source to target (a directed graph), In
// the reverse graph, Any the undirected graph; relations of a symmetric type
// go both ways in every direction.
//
// Betweenness is kg's own Brandes, not boost::brandes_betweenness_centrality:
// on bench/inputs.py's S graph (people only, directed, exact, one thread,
// CPU time; bench/bgl_bench) BGL's on the view took 5.3x as long, and it
// counts parallel relations as distinct shortest paths where NetworkX (and
// kg) collapse them. BGL's Brandes is the oracle for this one in the tests.
//
// Scores are indexed by EntityId (relation betweenness by RelationId); an
// entity or relation the view leaves out scores NaN and counts nowhere, so
// n below is the number of kept entities.
#include <cstdint>
#include <string>
#include <vector>

#include "algorithms/source_split.hpp"
#include "graph/stop.hpp"
#include "graph/view.hpp"

namespace kg {

struct CentralityScores {
  std::vector<double> values;
  // The options' should_stop ended the work: the answer so far (see each
  // measure for what that is).
  bool cut = false;
};

// Kept entities by descending score, ties (to 12 significant digits, so that
// rounding noise between threads never reorders them) by ascending id;
// `limit` 0 means all.
std::vector<EntityId> ranked_entities(const View& view, const CentralityScores& scores, std::size_t limit = 0);
// Kept relations by descending score (NaN: left out), ties in input order.
std::vector<RelationId> ranked_relations(const View& view, const std::vector<double>& scores, std::size_t limit = 0);

// Degree: in (Direction::In), out (Out) or total (Any) count of relations at
// an entity; a self-loop counts twice in the total, once each in and out.
// Normalised by n - 1 as nx.degree_centrality (1 when n is 1).
struct DegreeOptions {
  Direction direction = Direction::Any;
  bool normalized = true;
  // A numeric relation attribute: a relation adds its value instead of 1.
  // Relations without it weigh 1; non-numeric, negative or infinite values
  // are errors.
  std::string weight_attribute;

  void validate() const {}
};
CentralityScores degree_centrality(const View& view, const DegreeOptions& options = {});

// Brandes betweenness. Normalised: divided by (n-1)(n-2) for entities and by
// n(n-1) for relations, doubled when undirected, as NetworkX normalises; raw:
// pair counts (each unordered pair once when undirected). Relation scores
// split an edge's betweenness evenly among the parallel relations making it,
// as nx.edge_betweenness_centrality does on a multigraph.
struct BetweennessOptions {
  Direction direction = Direction::Any;
  bool normalized = true;
  bool relations = false;  // also score relations
  // Sampled: Brandes from `samples` sources drawn with `seed`, scaled by
  // n / samples (always, unlike NetworkX 2.8 which omits the factor for raw
  // directed and for relation scores). 0 means exact; samples >= n is exact.
  std::size_t samples = 0;
  std::uint64_t seed = 0;
  // Asked before each source. When it says stop, the scores are those of a
  // sample of the sources done (visited in a random order, seed 0, when
  // should_stop is set), scaled as above; BetweennessResult::sources says how many.
  ShouldStop should_stop;
  // This process's share of the sources (algorithms/source_split.hpp); the
  // sampled sources do not depend on it, and the scores it gives are the
  // same bits for any number of parts (sums in fixed point, each source's
  // dependencies rounded down to a multiple of 2^-63).
  SourceSplit split;

  void validate() const { split.validate(); }
};
struct BetweennessResult {
  CentralityScores entities;
  std::vector<double> relations;  // by RelationId when options.relations, NaN where left out
  std::size_t sources = 0;        // Brandes sources actually used
};
BetweennessResult betweenness_centrality(const View& view, const BetweennessOptions& options = {});

// Closeness as nx.closeness_centrality: (r-1)/sum of distances, times
// (r-1)/(n-1) when wf_improved (r: entities that reach it, itself included).
// Directed: distances *to* the entity (NetworkX's convention).
struct ClosenessOptions {
  Direction direction = Direction::Any;
  bool wf_improved = true;
  // Asked before each batch of 64 entities; when it says stop, entities not
  // reached score NaN (as if left out).
  ShouldStop should_stop;
  // This process's share of the entities whose distances it sums
  // (algorithms/source_split.hpp); the scores do not depend on it.
  SourceSplit split;

  void validate() const { split.validate(); }
};
CentralityScores closeness_centrality(const View& view, const ClosenessOptions& options = {});

// Harmonic as nx.harmonic_centrality: sum of 1/d over the entities that
// reach it (directed: distances to the entity). Not normalised.
struct HarmonicOptions {
  Direction direction = Direction::Any;
  ShouldStop should_stop;  // as ClosenessOptions
  SourceSplit split;       // as ClosenessOptions

  void validate() const { split.validate(); }
};
CentralityScores harmonic_centrality(const View& view, const HarmonicOptions& options = {});

// PageRank as nx.pagerank: power iteration from uniform, stops when the L1
// change is below n * tolerance, dangling entities give their rank to the
// personalisation vector (uniform by default). Scores sum to 1.
struct PageRankOptions {
  Direction direction = Direction::Any;
  double damping = 0.85;
  double tolerance = 1e-6;
  std::size_t max_iterations = 100;
  std::vector<EntityId> personalize;  // teleport to these (equally) when not empty
  std::string weight_attribute;       // as DegreeOptions
  // Asked after each iteration; when it says stop, the ranks so far.
  ShouldStop should_stop;

  // Throws InvalidArgument naming the bad field.
  void validate() const;
};
// Throws NotConverged after max_iterations; InvalidArgument when a
// personalised entity is left out by the view.
CentralityScores pagerank(const View& view, const PageRankOptions& options = {});

// Eigenvector as nx.eigenvector_centrality: power iteration of (A + I)^T
// from uniform, Euclidean norm 1, stops when the L1 change is below
// n * tolerance. Directed: an entity's score comes from those pointing to it.
struct EigenvectorOptions {
  Direction direction = Direction::Any;
  double tolerance = 1e-6;
  std::size_t max_iterations = 100;
  std::string weight_attribute;  // as DegreeOptions
  ShouldStop should_stop;        // as PageRankOptions

  void validate() const;
};
// Throws NotConverged after max_iterations (say, on a directed graph
// without cycles, whose eigenvector is zero).
CentralityScores eigenvector_centrality(const View& view, const EigenvectorOptions& options = {});

}  // namespace kg
