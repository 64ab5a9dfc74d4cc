#pragma once
// The explain mode of ranking: why the top entities, or one, score what they
// do under a measure (algorithms/explain.hpp): for betweenness the pairs
// whose shortest paths an entity carries, for degree and pagerank the
// relations that add most.
#include <string>
#include <vector>

#include "algorithms/explain.hpp"
#include "query/rank.hpp"

namespace kg::query {

struct RankExplainRequest {
  RankRequest rank;  // the measure and its options; rank.top entities are explained
  std::string entity;  // explain this one (id, name or alias) instead of the top
  // rank.validate(), then refuses what cannot be explained (field "explain").
  void validate() const;
};

struct Explanation {
  EntityId entity = 0;
  double score = 0;
  BetweennessExplanation betweenness;        // Measure::Betweenness
  std::vector<Contribution> contributions;  // Measure::Degree and Measure::PageRank
};

struct RankExplainAnswer {
  Measure measure = Measure::Degree;
  std::vector<Explanation> explanations;
  bool cut = false;  // the scores were cut (as RankAnswer); explained as they are
};

RankExplainAnswer run(const RankExplainRequest& request, QueryContext& context,
                      const SourceParallelKernels& kernels = {});
std::string to_text(const RankExplainAnswer& answer, const Graph& graph);
void to_json(const RankExplainAnswer& answer, const Graph& graph, JsonSink& json);

}  // namespace kg::query
