// Boost.Graph's algorithms on a kg View (graph/boost_view.hpp) beside kg's
// own kernels, on one graph: which to use where. The ratios it prints are
// the ones the kernels' header comments quote (bench/README.md).
//
// Usage: bgl_bench GRAPH.json [--queries N]
// Prints a Markdown table: CPU seconds for BGL and for kg (best of a few
// runs for the fast kernels) and BGL's time over kg's. Everything runs on
// one thread (kg's betweenness is parallel, BGL's is not), and CPU time
// rather than wall time keeps the ratios steady on a busy machine. On
// bench/inputs.py's S graph the whole run takes about 10 s.
#include <omp.h>

#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/connected_components.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <boost/graph/strong_components.hpp>
#include <boost/property_map/function_property_map.hpp>
#include <ctime>
#include <cstdio>
#include <functional>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include "algorithms/centrality.hpp"
#include "algorithms/components.hpp"
#include "algorithms/paths.hpp"
#include "graph/boost_graph.hpp"
#include "graph/boost_view.hpp"
#include "ingest/format.hpp"

namespace {

double cpu_seconds() {
  timespec now{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

// The least CPU time of `runs` runs of f, in seconds.
double best_of(int runs, const std::function<void()>& f) {
  double best = 1e300;
  for (int i = 0; i < runs; ++i) {
    const double start = cpu_seconds();
    f();
    best = std::min(best, cpu_seconds() - start);
  }
  return best;
}

void row(const char* kernel, const char* work, double bgl, double kg) {
  std::printf("| %s | %s | %.4f | %.4f | %.2f |\n", kernel, work, bgl, kg, bgl / kg);
}

// A sink the optimiser cannot see through.
volatile std::size_t g_sink = 0;

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: bgl_bench GRAPH.json [--queries N]\n";
    return 2;
  }
  std::size_t queries = 200;
  for (int i = 2; i + 1 < argc; i += 2) {
    const std::string arg = argv[i];
    if (arg == "--queries") {
      queries = std::stoul(argv[i + 1]);
    } else {
      std::cerr << "unknown option " << arg << "\n";
      return 2;
    }
  }
  auto read = kg::read_graph(argv[1]);
  if (!read.graph) {
    std::cerr << "cannot read " << argv[1] << "\n";
    return 3;
  }
  omp_set_num_threads(1);
  const kg::Graph& graph = *read.graph;
  const kg::View view(graph);
  const kg::OutViewGraph out(view);
  const kg::UndirectedViewGraph any(view);
  const std::size_t n = graph.entity_count();

  std::mt19937 random(7);
  std::vector<std::pair<kg::EntityId, kg::EntityId>> pairs(queries);
  for (auto& pair : pairs) pair = {static_cast<kg::EntityId>(random() % n), static_cast<kg::EntityId>(random() % n)};

  std::printf("%zu entities, %zu relations\n\n", n, graph.relation_count());
  std::printf("| kernel | work | BGL on the view (CPU s) | kg (CPU s) | BGL / kg |\n| --- | --- | ---: | ---: | ---: |\n");

  std::vector<std::uint32_t> component(n);
  row("strong components", "whole graph",
      best_of(5, [&] { g_sink = g_sink + boost::strong_components(out, component.data()); }),
      best_of(5, [&] { g_sink = g_sink + kg::strongly_connected_components(view).members.size(); }));
  // The same on kg::Graph (graph/boost_graph.hpp): BGL without the view's
  // filter tests, to tell the adaptor's cost from the algorithm's.
  row("strong components", "whole graph, BGL on kg::Graph",
      best_of(5, [&] { g_sink = g_sink + boost::strong_components(graph, component.data()); }),
      best_of(5, [&] { g_sink = g_sink + kg::strongly_connected_components(view).members.size(); }));
  row("weak components", "whole graph",
      best_of(5, [&] { g_sink = g_sink + boost::connected_components(any, component.data()); }),
      best_of(5, [&] { g_sink = g_sink + kg::weakly_connected_components(view).members.size(); }));

  // Shortest paths between random pairs: BGL's BFS searches from the source
  // until it has labelled everything, kg's bidirectional BFS meets in the middle.
  std::vector<std::uint32_t> hops(n);
  const std::string work = std::to_string(queries) + " random pairs, undirected";
  row("shortest path (hops)", work.c_str(), best_of(1, [&] {
        for (const auto& [from, to] : pairs) {
          std::fill(hops.begin(), hops.end(), UINT32_MAX);
          hops[from] = 0;
          boost::breadth_first_search(
              any, from,
              boost::visitor(boost::make_bfs_visitor(boost::record_distances(hops.data(), boost::on_tree_edge()))));
          g_sink = g_sink + hops[to];
        }
      }),
      best_of(1, [&] {
        kg::PathFinder finder(view, kg::Direction::Any);
        for (const auto& [from, to] : pairs) g_sink = g_sink + finder.distance(from, to).value_or(0);
      }));

  kg::Weights weights;
  for (kg::TypeId t = 0; t < graph.relation_type_count(); ++t) {
    weights.by_type.emplace_back(std::string(graph.relation_type_name(t)), 1 + t % 5);
  }
  const std::vector<double> relation_weight = weights.relation_weights(view);
  const auto weight_map = boost::make_function_property_map<kg::UndirectedViewGraph::Edge>(
      [&relation_weight](kg::UndirectedViewGraph::Edge e) { return relation_weight[e.relation]; });
  std::vector<double> distance(n);
  const std::size_t weighted_queries = std::max<std::size_t>(1, queries / 4);
  const std::string weighted_work = std::to_string(weighted_queries) + " random pairs, undirected, weights by type";
  row("weighted shortest path", weighted_work.c_str(), best_of(1, [&] {
        for (std::size_t q = 0; q < weighted_queries; ++q) {
          boost::dijkstra_shortest_paths(any, pairs[q].first,
                                         boost::weight_map(weight_map).distance_map(distance.data()));
          g_sink = g_sink + static_cast<std::size_t>(distance[pairs[q].second]);
        }
      }),
      best_of(1, [&] {
        kg::WeightedPathOptions options;
        options.weights = weights;
        for (std::size_t q = 0; q < weighted_queries; ++q) {
          g_sink = g_sink + kg::weighted_shortest_path(view, pairs[q].first, pairs[q].second, options).paths.size();
        }
      }));

  // Exact betweenness on a filtered view (people only: a third of the
  // relations). BGL counts parallel relations as distinct shortest paths,
  // kg collapses them (as NetworkX): the work is alike, the scores differ
  // where relations are parallel.
  kg::Filter people;
  people.entity_types = {"person"};
  const kg::View people_view(graph, people);
  const kg::OutViewGraph people_out(people_view);
  std::vector<double> centrality(n);
  row("betweenness (Brandes)", "exact, directed, people only", best_of(1, [&] {
        boost::brandes_betweenness_centrality(
            people_out,
            boost::centrality_map(boost::make_iterator_property_map(centrality.begin(), get(boost::vertex_index, people_out))));
        g_sink = g_sink + static_cast<std::size_t>(centrality[0]);
      }),
      best_of(1, [&] {
        kg::BetweennessOptions options;
        options.direction = kg::Direction::Out;
        g_sink = g_sink + kg::betweenness_centrality(people_view, options).sources;
      }));
  return 0;
}
