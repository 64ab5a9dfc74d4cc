#pragma once
// What a graph must satisfy whatever file it came from: the checks the
// builder makes while a reader feeds it (unique non-empty ids, aliases that
// name one entity, until not before date, unique source ids, valid UTF-8),
// made again on a graph that did not come through a builder: a snapshot,
// whose checksum guards against damage but not against a file made by hand.
#include <string>
#include <vector>

#include "graph/graph.hpp"
#include "ingest/diagnostic.hpp"

namespace kg {

// Every problem (up to `limit`), each with the item at fault as its path
// ("entities[3].id") and the builder's wording; empty when the graph is sound.
std::vector<Diagnostic> check_graph_content(const Graph& graph, const std::string& file, std::size_t limit);

}  // namespace kg
