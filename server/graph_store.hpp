#pragma once
// The graph a server answers from: loaded once, with its name lookup built
// once, shared by every request in flight, and replaced whole on a reload
// (SIGHUP) only when the new file reads without problems.
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "graph/graph.hpp"
#include "graph/lookup.hpp"
#include "query/context.hpp"

namespace kg::server {

struct ServedGraph {
  ServedGraph(Graph loaded, std::uint64_t generation_number)
      : graph(std::move(loaded)), lookup(graph), generation(generation_number) {}
  ServedGraph(const ServedGraph&) = delete;
  ServedGraph& operator=(const ServedGraph&) = delete;

  const Graph graph;
  const EntityLookup lookup;      // refers to `graph`
  const std::uint64_t generation;  // 1 for the first load, one more per reload
};

class GraphStore {
 public:
  // Reads the graph; throws query::InputProblems when it has problems and
  // InputError when it cannot be read. `warnings` receives what the reader
  // noticed but kept.
  GraphStore(query::GraphSource source, std::vector<std::string>& warnings);

  // The graph to answer one request from; it stays valid while held even if
  // a reload replaces it.
  std::shared_ptr<const ServedGraph> current() const;

  // Reads the source again. On success the new graph serves every later
  // request and the answer is empty; otherwise the old one keeps serving
  // and the answer says why.
  std::string reload(std::vector<std::string>& warnings);

 private:
  std::shared_ptr<const ServedGraph> load(std::uint64_t generation, std::vector<std::string>& warnings) const;

  query::GraphSource source_;
  mutable std::mutex mutex_;
  std::shared_ptr<const ServedGraph> current_;
};

}  // namespace kg::server
