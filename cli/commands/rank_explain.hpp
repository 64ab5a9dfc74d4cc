#pragma once
// kg rank --explain: why entities score what they score
// (algorithms/explain.hpp), in text and JSON.
#include <vector>

#include "algorithms/centrality.hpp"
#include "cli/commands/rank.hpp"

namespace kg::cli {

// Refuses --explain with a measure, or options, it cannot explain.
void check_explainable(const RankOptions& options);

// Explains each of `entities` under the measure of `options`.
void print_explanations(const View& view, const CentralityScores& scores, const std::vector<EntityId>& entities,
                        const RankOptions& options);

}  // namespace kg::cli
