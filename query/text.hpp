#pragma once
// Text pieces several answers share: a relation read from one of its ends,
// a relation's dates, its evidence, counted nouns.
#include <string>
#include <string_view>

#include "graph/graph.hpp"

namespace kg::query {

// "Elon Musk -[funded 2015..2018]-> OpenAI" for relation r read from
// `from`'s side: "OpenAI <-[funded 2015..2018]- Elon Musk" when `from` is
// its target; symmetric types get no arrowhead; with mark_undated, a
// relation without a date says "undated". Names are printable().
std::string relation_text(const Graph& graph, RelationId r, EntityId from, bool mark_undated = false);
// The date label of a relation: "2016", "2015..2018", "..2018" or "".
std::string date_text(const Graph& graph, RelationId r);
// One line per quote of relation r, `indent"quote" (source)`, or
// `indent(no evidence recorded)`; printable().
std::string evidence_text(const Graph& graph, RelationId r, std::string_view indent);
// "1 hop", "3 hops".
std::string counted(std::size_t n, const char* singular, const char* plural);

}  // namespace kg::query
