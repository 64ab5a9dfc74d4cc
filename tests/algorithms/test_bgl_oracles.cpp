// Boost.Graph's own algorithms, run on kg Views through graph/boost_view.hpp,
// as oracles for kg's kernels: brandes_betweenness_centrality for
// betweenness, breadth_first_search and dijkstra_shortest_paths for paths,
// strong_components and connected_components for components. On the sample
// and on seeded random multigraphs (parallel relations, self-loops, a
// symmetric type, dates and untils), through filters and time windows, in
// every direction.
#include <doctest/doctest.h>

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/connected_components.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <boost/graph/strong_components.hpp>
#include <boost/property_map/function_property_map.hpp>
#include <cmath>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "algorithms/centrality.hpp"
#include "algorithms/components.hpp"
#include "algorithms/paths.hpp"
#include "graph/boost_view.hpp"
#include "graph/builder.hpp"
#include "ingest/format.hpp"
#include "tests/support/support.hpp"

using namespace kg;

namespace {

// A seeded random multigraph: `simple` leaves out self-loops and a second
// relation between the same two entities (either way round), so that
// Brandes on the view itself counts the paths kg's simple-graph
// betweenness counts.
Graph random_graph(std::uint32_t seed, std::uint32_t entities, std::uint32_t relations, bool simple) {
  std::mt19937 random(seed);
  auto below = [&random](std::uint32_t bound) { return static_cast<std::uint32_t>(random() % bound); };
  Builder builder;
  builder.declare_relation_type("allied", true, Polarity::Positive, "");
  for (std::uint32_t e = 0; e < entities; ++e) {
    builder.add_entity("e" + std::to_string(e), "", below(4) == 0 ? "lab" : "person");
  }
  const char* types[] = {"funded", "advised", "allied"};
  std::vector<std::vector<bool>> joined(entities, std::vector<bool>(entities, false));
  for (std::uint32_t i = 0; i < relations; ++i) {
    const std::uint32_t s = below(entities), t = below(entities);
    if (simple && (s == t || joined[s][t])) continue;
    joined[s][t] = joined[t][s] = true;
    const int year = 2010 + static_cast<int>(below(11));
    const Date date = below(5) == 0 ? Date() : *Date::parse(std::to_string(year));
    const Date until = !date.empty() && below(3) == 0 ? *Date::parse(std::to_string(year + below(4))) : Date();
    builder.add_relation("e" + std::to_string(s), "e" + std::to_string(t), types[below(3)], date, until);
    builder.add_relation_attribute("weight", static_cast<std::int64_t>(1 + below(9)));
  }
  BuildResult result = std::move(builder).finish();
  REQUIRE(result.problems.empty());
  return std::move(*result.graph);
}

Graph sample_graph() {
  ReadResult read = read_graph(test::source_dir() + "/samples/openai.json");
  REQUIRE(read.problems.empty());
  return std::move(*read.graph);
}

// The filters every comparison runs through.
std::vector<Filter> filters(bool random) {
  std::vector<Filter> all(5);
  all[1].window = DateWindow::parse("2013..2016");
  all[2].exclude_relation_types = {"advised"};
  all[2].max_degree = 12;
  if (random) {
    all[3].relation_types = {"funded", "allied"};
    all[4].entity_types = {"person"};
    all[4].avoid = {"e3"};
    all[4].window = DateWindow::parse("2015..");
  } else {
    all[3].relation_types = {"funded", "competed"};
    all[4].entity_types = {"person"};
    all[4].avoid = {"openai"};
    all[4].window = DateWindow::parse("..2019");
  }
  return all;
}

std::vector<EntityId> kept_entities(const View& view) {
  std::vector<EntityId> kept;
  for (EntityId e = 0; e < view.graph().entity_count(); ++e) {
    if (view.keeps_entity(e)) kept.push_back(e);
  }
  return kept;
}

// Components as sorted member lists, sorted: two partitions are equal when these are.
std::vector<std::vector<EntityId>> partition(const View& view, const std::vector<std::uint32_t>& component) {
  std::vector<std::vector<EntityId>> groups(view.graph().entity_count());
  for (EntityId e : kept_entities(view)) groups[component[e]].push_back(e);
  groups.erase(std::remove_if(groups.begin(), groups.end(), [](const auto& g) { return g.empty(); }), groups.end());
  std::sort(groups.begin(), groups.end());
  return groups;
}
std::vector<std::vector<EntityId>> partition(const ComponentsResult& result) {
  auto groups = result.members;
  std::sort(groups.begin(), groups.end());
  return groups;
}

void check_components(const View& view) {
  const std::size_t n = view.graph().entity_count();
  std::vector<std::uint32_t> component(n);
  const OutViewGraph directed(view);
  boost::strong_components(directed, component.data());
  CHECK(partition(view, component) == partition(strongly_connected_components(view)));
  const UndirectedViewGraph undirected(view);
  boost::connected_components(undirected, component.data());
  CHECK(partition(view, component) == partition(weakly_connected_components(view)));
}

// BFS hop counts from `from` in the view graph; UINT32_MAX where unreached.
template <typename G>
std::vector<std::uint32_t> bfs_hops(const G& g, EntityId from) {
  std::vector<std::uint32_t> hops(num_vertices(g), UINT32_MAX);
  hops[from] = 0;
  auto recorder = boost::record_distances(hops.data(), boost::on_tree_edge());
  boost::breadth_first_search(g, from, boost::visitor(boost::make_bfs_visitor(recorder)));
  return hops;
}

template <Direction D>
void check_paths_from(const View& view, EntityId from, bool weighted) {
  const ViewGraph<D> g(view);
  const auto hops = bfs_hops(g, from);
  PathFinder finder(view, D);
  ShortestPathOptions options;
  options.direction = D;
  std::size_t reached = 0;
  for (EntityId to : kept_entities(view)) {
    CAPTURE(to);
    const auto distance = finder.distance(from, to);
    CHECK(distance.value_or(UINT32_MAX) == hops[to]);
    const auto path = shortest_path(view, from, to, options);
    CHECK(path.paths.empty() == (hops[to] == UINT32_MAX));
    if (!path.paths.empty()) CHECK(path.paths[0].length() == hops[to]);
    reached += hops[to] != UINT32_MAX;
  }
  CHECK(reached >= 1);
  if (!weighted) return;

  Weights weights;
  weights.attribute = "weight";
  const std::vector<double> relation_weight = weights.relation_weights(view);
  const std::size_t n = num_vertices(g);
  std::vector<double> distance(n);
  std::vector<EntityId> predecessor(n);
  auto weight_map = boost::make_function_property_map<typename ViewGraph<D>::Edge>(
      [&relation_weight](typename ViewGraph<D>::Edge e) { return relation_weight[e.relation]; });
  boost::dijkstra_shortest_paths(g, from, boost::weight_map(weight_map).distance_map(distance.data()).predecessor_map(predecessor.data()));
  WeightedPathOptions weighted_options;
  weighted_options.direction = D;
  weighted_options.weights = weights;
  for (EntityId to : kept_entities(view)) {
    CAPTURE(to);
    const auto path = weighted_shortest_path(view, from, to, weighted_options);
    const bool unreachable = distance[to] == std::numeric_limits<double>::max();
    REQUIRE(path.paths.empty() == unreachable);
    if (!unreachable) CHECK(path.paths[0].weight == doctest::Approx(distance[to]));
  }
}

void check_paths(const View& view, bool weighted) {
  const auto kept = kept_entities(view);
  for (std::size_t i = 0; i < kept.size(); i += std::max<std::size_t>(1, kept.size() / 5)) {
    CAPTURE(kept[i]);
    check_paths_from<Direction::Out>(view, kept[i], weighted);
    check_paths_from<Direction::In>(view, kept[i], weighted);
    check_paths_from<Direction::Any>(view, kept[i], weighted);
  }
}

// Raw Brandes scores of kg's betweenness in direction D, and BGL's on the
// view itself (simple views) or on the view's simple graph: BGL counts
// parallel edges as distinct shortest paths, while kg (as NetworkX) collapses
// them, so for a multigraph the oracle runs on a setS adjacency_list that
// BGL's copy of the view's edges de-duplicates, self-loops left out.
template <Direction D>
void check_betweenness(const View& view, bool view_is_simple) {
  using Directedness = std::conditional_t<D == Direction::Any, boost::undirectedS, boost::directedS>;
  using Simple = boost::adjacency_list<boost::setS, boost::vecS, Directedness>;
  const ViewGraph<D> g(view);
  const std::size_t n = num_vertices(g);
  std::vector<double> theirs(n, 0.0);
  if (view_is_simple) {
    boost::brandes_betweenness_centrality(
        g, boost::centrality_map(boost::make_iterator_property_map(theirs.begin(), get(boost::vertex_index, g))));
  } else {
    Simple simple(n);
    for (auto [it, end] = edges(g); it != end; ++it) {
      if (source(*it, g) != target(*it, g)) boost::add_edge(source(*it, g), target(*it, g), simple);
    }
    boost::brandes_betweenness_centrality(
        simple,
        boost::centrality_map(boost::make_iterator_property_map(theirs.begin(), get(boost::vertex_index, simple))));
  }
  BetweennessOptions options;
  options.direction = D;
  options.normalized = false;
  const auto ours = betweenness_centrality(view, options).entities.values;
  double total = 0;
  for (EntityId e : kept_entities(view)) {
    CAPTURE(e);
    CHECK(ours[e] == doctest::Approx(theirs[e]).epsilon(1e-9));
    total += theirs[e];
  }
  CHECK(total > 0);  // the comparison compares something
}

void check_all(const View& view, bool simple, bool weighted) {
  check_components(view);
  check_paths(view, weighted);
  check_betweenness<Direction::Out>(view, simple);
  check_betweenness<Direction::In>(view, simple);
  check_betweenness<Direction::Any>(view, simple);
}

}  // namespace

TEST_CASE("BGL oracles: the sample, whole and filtered") {
  const Graph graph = sample_graph();
  for (const Filter& filter : filters(false)) {
    const View view(graph, filter);
    CAPTURE(kept_entities(view).size());
    check_all(view, false, false);
  }
}

TEST_CASE("BGL oracles: seeded random multigraphs, whole and filtered") {
  for (const std::uint32_t seed : {1u, 2u, 3u}) {
    CAPTURE(seed);
    const Graph graph = random_graph(seed, 60, 220, false);
    for (const Filter& filter : filters(true)) {
      const View view(graph, filter);
      check_all(view, false, true);
    }
  }
}

TEST_CASE("BGL oracles: Brandes on simple random views themselves") {
  for (const std::uint32_t seed : {4u, 5u}) {
    CAPTURE(seed);
    const Graph graph = random_graph(seed, 50, 150, true);
    for (const Filter& filter : filters(true)) {
      const View view(graph, filter);
      check_betweenness<Direction::Out>(view, true);
      check_betweenness<Direction::In>(view, true);
      check_betweenness<Direction::Any>(view, true);
    }
  }
}
