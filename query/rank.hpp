#pragma once
// Ranking: entities (or relations) ordered by a centrality measure
// (algorithms/centrality.hpp, docs/RANKING.md). Why they score what they do:
// query/rank_explain.hpp.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "algorithms/centrality.hpp"
#include "query/context.hpp"
#include "query/json.hpp"
#include "query/view_spec.hpp"

namespace kg::query {

enum class Measure { Degree, Betweenness, Closeness, Harmonic, PageRank, Eigenvector };

// The measures by the words every front end takes ("pagerank"), in this order.
const std::vector<std::pair<std::string, Measure>>& measure_words();
const char* measure_name(Measure measure);

struct RankRequest {
  ViewSpec view;  // view.direction counts when view.direction_given (rank_direction)
  Measure measure = Measure::Degree;
  std::size_t top = 10;  // show the N highest; 0: all
  bool of_relations = false;  // rank relations (betweenness only)
  // Each of these applies to some measures only; unset means the measure's
  // default, set for another measure is refused by validate().
  std::optional<bool> normalized;           // degree, betweenness; default true
  std::optional<std::size_t> samples;       // betweenness from K sampled sources
  std::optional<std::uint64_t> seed;        // of the samples' draw; default 0
  std::vector<std::string> personalize;     // pagerank teleports only to these names
  std::string weight_attribute;             // degree, pagerank, eigenvector
  std::optional<double> damping;            // pagerank; default 0.85
  std::optional<double> tolerance;          // pagerank, eigenvector; default 1e-6
  std::optional<std::size_t> max_iterations;  // pagerank, eigenvector; default 100
  bool wf_improved = true;                  // closeness only may turn it off

  // Throws InvalidArgument naming the field: one the measure would ignore,
  // a value out of range, a bad view.
  void validate() const;
};

// The direction the measure follows: the view's when given, else the
// graph's (out on a directed graph but for degree, any on an undirected
// one). Throws InvalidArgument ("direction") for out or in on an undirected graph.
Direction rank_direction(const RankRequest& request, const Graph& graph);

// Whether the measure may run for minutes on this graph (exact betweenness,
// closeness and harmonic on large graphs): for a front end to warn first.
bool rank_may_take_minutes(const RankRequest& request, const Graph& graph);

// The measures that walk from every entity, which the MPI runner spreads
// over ranks: rank calls these, and only these, for them. Defaults compute
// on this process.
struct SourceParallelKernels {
  std::function<BetweennessResult(const View&, const BetweennessOptions&)> betweenness = betweenness_centrality;
  std::function<CentralityScores(const View&, const ClosenessOptions&)> closeness = closeness_centrality;
  std::function<CentralityScores(const View&, const HarmonicOptions&)> harmonic = harmonic_centrality;
};

struct RankAnswer {
  Measure measure = Measure::Degree;
  bool of_relations = false;
  std::vector<double> scores;              // by EntityId; NaN where the view leaves one out
  std::vector<EntityId> ranked;            // the entities shown, highest first (not of_relations)
  std::vector<double> relation_scores;     // by RelationId, when of_relations
  std::vector<RelationId> ranked_relations;  // the relations shown, highest first
  std::size_t undated_relations = 0;       // undated relations the view keeps
  bool cut = false;  // stopped early: what the scores then are depends on the measure (cut_meaning)
};

// Throws NotConverged when pagerank or eigenvector give up, NameNotFound
// for an unknown personalize name.
RankAnswer run(const RankRequest& request, QueryContext& context, const SourceParallelKernels& kernels = {});
std::string to_text(const RankAnswer& answer, const Graph& graph);
void to_json(const RankAnswer& answer, const Graph& graph, JsonSink& json);

// What a ranking cut by a stop holds, in words.
const char* cut_meaning(Measure measure);

}  // namespace kg::query
