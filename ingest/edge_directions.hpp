#pragma once
// The direction of a graph from its edges' own, for the XML readers whose
// edges each say whether they are directed (GraphML, GEXF): the graph is
// undirected when every edge is; in a graph with directed edges, a relation
// type whose edges are all undirected is symmetric.
#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "graph/builder.hpp"

namespace kg {

class EdgeDirections {
 public:
  void count(std::string_view relation_type, bool directed);

  // Tells the builder what the counts say. `directed_by_default`: the
  // document's default, which decides an edgeless graph; `declared`: types
  // the document declared itself, left as they are.
  void apply(Builder& builder, bool directed_by_default, const std::vector<std::string>& declared = {}) const;

 private:
  // Per relation type: its directed and undirected edges.
  std::unordered_map<std::string, std::pair<std::size_t, std::size_t>> counts_;
  std::string key_;  // a reused buffer: no allocation per edge
};

}  // namespace kg
