#pragma once
// What every reader's fuzz target asserts of any input: exactly one of a
// graph or located problems, each problem with a message, and a graph whose
// relations join entities that exist. Anything else aborts, which libFuzzer
// reports as a finding (as it does crashes, hangs and sanitizer reports).
#include <cstdlib>

#include "ingest/format.hpp"

inline void check_read_result(const kg::ReadResult& result) {
  if (result.graph.has_value() != (result.problem_count() == 0)) std::abort();
  for (const auto& problem : result.problems) {
    if (problem.message.empty()) std::abort();
  }
  if (!result.graph) return;
  const kg::Graph& graph = *result.graph;
  for (kg::RelationId r = 0; r < graph.relation_count(); ++r) {
    if (graph.source(r) >= graph.entity_count() || graph.target(r) >= graph.entity_count()) std::abort();
  }
}
