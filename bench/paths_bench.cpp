// Times kg's path queries in-process, the way the peers' scripts time theirs
// (bench/paths.py builds and runs this; see docs/PERFORMANCE.md, "Paths").
//
// Usage: paths_bench GRAPH.json paths QUERIES [--undirected]
//        paths_bench GRAPH.json khop SOURCES [--depth 3]
// QUERIES holds "source<TAB>target" id pairs, SOURCES one id a line. Prints
// one line of JSON: seconds per phase (load, prep, compute) and the answers'
// totals, which must equal the peers' (connected pairs, hops, reached).
#include <chrono>
#include <ctime>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "algorithms/paths.hpp"
#include "ingest/format.hpp"

namespace {

double since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::vector<std::vector<kg::EntityId>> read_ids(const kg::Graph& graph, const std::string& path) {
  std::ifstream in(path);
  std::vector<std::vector<kg::EntityId>> rows;
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::vector<kg::EntityId> row;
    std::string key;
    while (std::getline(fields, key, '\t')) {
      const auto e = graph.find_entity(key);
      if (!e) throw std::runtime_error("no entity " + key);
      row.push_back(*e);
    }
    rows.push_back(row);
  }
  return rows;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::cerr << "usage: paths_bench GRAPH.json paths|khop FILE [--undirected] [--depth N]\n";
    return 2;
  }
  const std::string workload = argv[2];
  bool undirected = false;
  std::size_t depth = 3;
  for (int i = 4; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--undirected") undirected = true;
    if (arg == "--depth" && i + 1 < argc) depth = std::stoul(argv[++i]);
  }

  auto start = std::chrono::steady_clock::now();
  auto read = kg::read_graph(argv[1], std::nullopt);
  if (!read.graph) {
    std::cerr << "cannot read " << argv[1] << "\n";
    return 3;
  }
  const kg::Graph& graph = *read.graph;
  const double load = since(start);
  const auto queries = read_ids(graph, argv[3]);

  start = std::chrono::steady_clock::now();
  const kg::View view(graph);
  const kg::Direction direction = workload == "khop" || undirected ? kg::Direction::Any : kg::Direction::Out;
  kg::PathFinder finder(view, direction);
  const double prep = since(start);

  std::size_t answered = 0, total = 0;
  start = std::chrono::steady_clock::now();
  const std::clock_t cpu_start = std::clock();
  if (workload == "paths") {
    for (const auto& pair : queries) {
      const auto path = finder.shortest_path(pair.at(0), pair.at(1));
      if (!path) continue;
      ++answered;
      total += path->length();
    }
  } else {
    for (const auto& row : queries) {
      total += finder.within(row.at(0), depth).size();
      ++answered;
    }
  }
  const double compute = since(start);
  const double compute_cpu = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
  std::printf(
      "{\"lib\":\"kg\",\"workload\":\"%s\",\"undirected\":%s,\"seconds\":{\"load\":%.6f,\"prep\":%.6f,"
      "\"compute\":%.6f},\"compute_cpu_s\":%.6f,\"queries\":%zu,\"%s\":%zu,\"%s\":%zu}\n",
      workload.c_str(), direction == kg::Direction::Any ? "true" : "false", load, prep, compute, compute_cpu, queries.size(),
      workload == "paths" ? "connected" : "sources", answered, workload == "paths" ? "hops" : "reached", total);
  return 0;
}
