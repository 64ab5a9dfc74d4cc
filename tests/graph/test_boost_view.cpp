// graph/boost_view.hpp: a View walked in one direction models the BGL
// concepts, and its edges are exactly the steps View::for_each_step walks.
#include <doctest/doctest.h>

#include <algorithm>
#include <boost/graph/graph_concepts.hpp>
#include <set>
#include <tuple>
#include <vector>

#include "graph/boost_view.hpp"
#include "graph/builder.hpp"

using namespace kg;

namespace {

//   a --funded[2015]--> b --funded[2019]--> c
//   a --funded[2016]--> b                 (parallel)
//   b ==allied[2017]== d                  (symmetric type)
//   c --funded[2018]--> c                 (self-loop)
//   e (alone, a "lab")
Graph sample() {
  Builder builder;
  builder.declare_relation_type("allied", true, Polarity::Positive, "");
  for (const char* id : {"a", "b", "c", "d"}) builder.add_entity(id, "", "person");
  builder.add_entity("e", "", "lab");
  builder.add_relation("a", "b", "funded", *Date::parse("2015"), Date());  // r0
  builder.add_relation("b", "c", "funded", *Date::parse("2019"), Date());  // r1
  builder.add_relation("a", "b", "funded", *Date::parse("2016"), Date());  // r2
  builder.add_relation("b", "d", "allied", *Date::parse("2017"), Date());  // r3
  builder.add_relation("c", "c", "funded", *Date::parse("2018"), Date());  // r4
  BuildResult result = std::move(builder).finish();
  REQUIRE(result.problems.empty());
  return std::move(*result.graph);
}

// (relation, source, target) of each edge of a range, sorted.
template <typename G, typename Range>
std::vector<std::tuple<RelationId, EntityId, EntityId>> arcs(const G& g, Range range) {
  std::vector<std::tuple<RelationId, EntityId, EntityId>> out;
  for (auto it = range.first; it != range.second; ++it) out.emplace_back(it->relation, source(*it, g), target(*it, g));
  std::sort(out.begin(), out.end());
  return out;
}

using Arcs = std::vector<std::tuple<RelationId, EntityId, EntityId>>;
constexpr EntityId a = 0, b = 1, c = 2, d = 3, e = 4;

template <typename G>
void check_concepts() {
  using Vertex = typename boost::graph_traits<G>::vertex_descriptor;
  using Edge = typename boost::graph_traits<G>::edge_descriptor;
  BOOST_CONCEPT_ASSERT((boost::VertexListGraphConcept<G>));
  BOOST_CONCEPT_ASSERT((boost::EdgeListGraphConcept<G>));
  BOOST_CONCEPT_ASSERT((boost::IncidenceGraphConcept<G>));
  BOOST_CONCEPT_ASSERT((boost::BidirectionalGraphConcept<G>));
  BOOST_CONCEPT_ASSERT((boost::AdjacencyGraphConcept<G>));
  BOOST_CONCEPT_ASSERT((boost::ReadablePropertyGraphConcept<G, Vertex, boost::vertex_index_t>));
  BOOST_CONCEPT_ASSERT((boost::ReadablePropertyGraphConcept<G, Edge, boost::edge_index_t>));
}

}  // namespace

TEST_CASE("ViewGraph models the BGL concepts in each direction") {
  check_concepts<OutViewGraph>();
  check_concepts<InViewGraph>();
  check_concepts<UndirectedViewGraph>();
  CHECK(std::is_same_v<boost::graph_traits<UndirectedViewGraph>::directed_category, boost::undirected_tag>);
  CHECK(std::is_same_v<boost::graph_traits<OutViewGraph>::directed_category, boost::directed_tag>);
}

TEST_CASE("ViewGraph<Out>: relations source to target, a symmetric one both ways") {
  const Graph graph = sample();
  const View view(graph);
  const OutViewGraph g(view);
  CHECK(num_vertices(g) == 5);
  CHECK(num_edges(g) == 6);  // 5 relations, the allied one twice
  CHECK(arcs(g, edges(g)) == Arcs{{0, a, b}, {1, b, c}, {2, a, b}, {3, b, d}, {3, d, b}, {4, c, c}});
  CHECK(arcs(g, out_edges(b, g)) == Arcs{{1, b, c}, {3, b, d}});
  CHECK(arcs(g, in_edges(b, g)) == Arcs{{0, a, b}, {2, a, b}, {3, d, b}});
  CHECK(arcs(g, out_edges(d, g)) == Arcs{{3, d, b}});
  CHECK(arcs(g, out_edges(c, g)) == Arcs{{4, c, c}});
  CHECK(arcs(g, in_edges(c, g)) == Arcs{{1, b, c}, {4, c, c}});
  CHECK(out_degree(a, g) == 2);
  CHECK(in_degree(b, g) == 3);
  CHECK(degree(b, g) == 5);
  const auto adjacent = adjacent_vertices(a, g);
  CHECK(std::vector<EntityId>(adjacent.first, adjacent.second) == std::vector<EntityId>{b, b});
  // Edge indices: distinct for every edge, below the bound.
  std::set<std::size_t> indices;
  for (auto [it, end] = edges(g); it != end; ++it) indices.insert(get(get(boost::edge_index, g), *it));
  CHECK(indices.size() == 6);
  CHECK(*indices.rbegin() < g.edge_index_bound());
}

TEST_CASE("ViewGraph<In>: the reverse graph") {
  const Graph graph = sample();
  const View view(graph);
  const InViewGraph g(view);
  CHECK(num_edges(g) == 6);
  CHECK(arcs(g, edges(g)) == Arcs{{0, b, a}, {1, c, b}, {2, b, a}, {3, b, d}, {3, d, b}, {4, c, c}});
  CHECK(arcs(g, out_edges(b, g)) == Arcs{{0, b, a}, {2, b, a}, {3, b, d}});
  CHECK(arcs(g, in_edges(b, g)) == Arcs{{1, c, b}, {3, d, b}});
}

TEST_CASE("ViewGraph<Any>: one undirected edge per relation, seen from both ends") {
  const Graph graph = sample();
  const View view(graph);
  const UndirectedViewGraph g(view);
  CHECK(num_edges(g) == 5);
  CHECK(arcs(g, edges(g)) == Arcs{{0, a, b}, {1, b, c}, {2, a, b}, {3, b, d}, {4, c, c}});
  CHECK(arcs(g, out_edges(b, g)) == Arcs{{0, b, a}, {1, b, c}, {2, b, a}, {3, b, d}});
  CHECK(arcs(g, in_edges(b, g)) == Arcs{{0, a, b}, {1, c, b}, {2, a, b}, {3, d, b}});
  // The self-loop is listed from both of its ends, as in boost::adjacency_list.
  CHECK(arcs(g, out_edges(c, g)) == Arcs{{1, c, b}, {4, c, c}, {4, c, c}});
  // One edge seen from its two ends is one edge, with one index.
  const auto from_a = *out_edges(a, g).first;  // r0, a to b
  auto from_b = out_edges(b, g).first;
  while (from_b->relation != 0) ++from_b;
  CHECK(source(from_a, g) == a);
  CHECK(source(*from_b, g) == b);
  CHECK(from_a == *from_b);
  CHECK(get(get(boost::edge_index, g), from_a) == get(get(boost::edge_index, g), *from_b));
}

TEST_CASE("ViewGraph sees only what the view keeps: types, windows, entities") {
  const Graph graph = sample();
  Filter filter;
  filter.window = DateWindow::parse("2016..2018");
  filter.entity_types = {"person"};
  const View view(graph, filter);
  const OutViewGraph g(view);
  // Kept: r0 (from 2015 on, no end), r2 (2016), r3 (2017, both ways),
  // r4 (2018); r1 starts after the window; e is a lab.
  const auto [first, last] = vertices(g);
  CHECK(std::vector<EntityId>(first, last) == std::vector<EntityId>{a, b, c, d});
  CHECK(num_vertices(g) == 5);  // as boost::filtered_graph: the index bound
  CHECK(num_edges(g) == 5);
  CHECK(arcs(g, edges(g)) == Arcs{{0, a, b}, {2, a, b}, {3, b, d}, {3, d, b}, {4, c, c}});
  CHECK(arcs(g, out_edges(b, g)) == Arcs{{3, b, d}});
  CHECK(out_degree(e, g) == 0);
}
