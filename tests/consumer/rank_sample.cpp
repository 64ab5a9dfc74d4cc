// Loads a kg graph, ranks its entities by betweenness and prints the top
// one; exits 1 unless it is the expected entity. Written against the
// installed headers only, as docs/LIBRARY.md shows.
#include <kg/algorithms/centrality.hpp>
#include <kg/ingest/format.hpp>

#include <iostream>
#include <string>

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: rank_sample GRAPH EXPECTED_TOP_ENTITY\n";
    return 2;
  }
  const kg::ReadResult read = kg::read_graph(argv[1]);
  if (!read.graph) {
    for (const auto& problem : read.problems) std::cerr << problem.message << "\n";
    return 3;
  }
  const kg::View view(*read.graph);
  const auto scores = kg::betweenness_centrality(view).entities;
  const auto top = kg::ranked_entities(view, scores, 1);
  const std::string key(read.graph->entity_key(top.at(0)));
  std::cout << key << "\n";
  return key == argv[2] ? 0 : 1;
}
