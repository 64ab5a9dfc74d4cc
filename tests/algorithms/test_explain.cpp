// Explanations of centrality scores, by hand on tiny graphs and against the
// scores they explain.
#include <doctest/doctest.h>

#include <cmath>

#include "algorithms/centrality.hpp"
#include "algorithms/explain.hpp"
#include "tests/support/support.hpp"

TEST_CASE("explain betweenness: the pairs an entity carries, and a path through it") {
  //   a -- b -- c        b is on the only shortest path of (a,c), (a,d), (c,d)
  //        |
  //        d
  const kg::Graph star = kg::test::graph_from_json(R"({"kg": 1, "entities": [{"id": "a"}, {"id": "b"}, {"id": "c"}, {"id": "d"}],
    "relations": [{"source": "a", "target": "b", "type": "x"}, {"source": "b", "target": "c", "type": "x"},
                  {"source": "d", "target": "b", "type": "x"}, {"source": "a", "target": "b", "type": "y"}]})");
  const auto x = kg::explain_betweenness(kg::View(star), {1}, kg::Direction::Any).front();
  REQUIRE(x.pairs.size() == 3);
  CHECK(x.pairs[0].source == 0);
  CHECK(x.pairs[0].target == 2);
  CHECK(x.pairs[0].through == 1);  // the parallel a-b relations are one edge
  CHECK(x.pairs[0].shortest == 1);
  CHECK(x.pairs[1].target == 3);
  CHECK(x.pairs[2].source == 2);
  CHECK(x.example == std::vector<kg::RelationId>{0, 1});

  //   a -- b
  //   |    |      (a,c) has two shortest paths, one through b
  //   d -- c
  const kg::Graph square = kg::test::graph_from_json(R"({"kg": 1, "entities": [{"id": "a"}, {"id": "b"}, {"id": "c"}, {"id": "d"}],
    "relations": [{"source": "a", "target": "b", "type": "x"}, {"source": "b", "target": "c", "type": "x"},
                  {"source": "c", "target": "d", "type": "x"}, {"source": "d", "target": "a", "type": "x"}]})");
  const auto half = kg::explain_betweenness(kg::View(square), {1}, kg::Direction::Any).front();
  REQUIRE(half.pairs.size() == 1);
  CHECK(half.pairs[0].through == 1);
  CHECK(half.pairs[0].shortest == 2);
  CHECK(half.pairs[0].fraction() == 0.5);
  // Directed (a -> b -> c -> d -> a) every path is the only one: b carries
  // a -> c, a -> d (a -> b -> c -> d) and d -> c (d -> a -> b -> c).
  const auto directed = kg::explain_betweenness(kg::View(square), {1}, kg::Direction::Out).front();
  REQUIRE(directed.pairs.size() == 3);
  CHECK(directed.pairs[0].source == 0);
  CHECK(directed.pairs[0].target == 2);
  CHECK(directed.pairs[1].source == 0);
  CHECK(directed.pairs[1].target == 3);
  CHECK(directed.pairs[2].source == 3);
  CHECK(directed.pairs[2].target == 2);
  for (const auto& pair : directed.pairs) CHECK(pair.fraction() == 1.0);
}

TEST_CASE("explain betweenness: the carried fractions add up to the raw score, on the sample") {
  const kg::Graph g = kg::test::graph_from_json(kg::test::read_file(kg::test::source_dir() + "/samples/openai.json"));
  for (const auto direction : {kg::Direction::Any, kg::Direction::Out}) {
    kg::BetweennessOptions options;
    options.direction = direction;
    options.normalized = false;
    const auto scores = kg::betweenness_centrality(kg::View(g), options).entities.values;
    std::vector<kg::EntityId> all(g.entity_count());
    for (kg::EntityId e = 0; e < g.entity_count(); ++e) all[e] = e;
    const auto explanations = kg::explain_betweenness(kg::View(g), all, direction);
    for (kg::EntityId e = 0; e < g.entity_count(); ++e) {
      CAPTURE(g.entity_key(e));
      CHECK(explanations[e].entity == e);
      double carried = 0;
      for (const auto& pair : explanations[e].pairs) carried += pair.fraction();
      CHECK(carried == doctest::Approx(scores[e]).epsilon(1e-9));
    }
  }
}

TEST_CASE("explain degree and pagerank: the relations that add to the score") {
  //   a -> b <- c,  b -> b (self-loop)
  const kg::Graph g = kg::test::graph_from_json(R"({"kg": 1, "entities": [{"id": "a"}, {"id": "b"}, {"id": "c"}],
    "relations": [{"source": "a", "target": "b", "type": "x"}, {"source": "c", "target": "b", "type": "x"},
                  {"source": "b", "target": "b", "type": "loop"}]})");
  const auto degree = kg::explain_degree(kg::View(g), 1, kg::Direction::Any);
  REQUIRE(degree.size() == 3);
  CHECK(degree[0].relation == 2);  // the self-loop counts twice in total degree
  CHECK(degree[0].amount == 2);
  CHECK(degree[1].amount == 1);
  CHECK(kg::explain_degree(kg::View(g), 1, kg::Direction::Out).size() == 1);

  // Undirected and connected, nobody dangles: b's rank is its teleport share
  // (1 - d) / n plus what its relations bring.
  kg::PageRankOptions options;
  const auto ranks = kg::pagerank(kg::View(g), options).values;
  const auto flows = kg::explain_pagerank(kg::View(g), 1, kg::Direction::Any, options.damping, ranks);
  REQUIRE(flows.size() == 3);
  double total = 0;
  for (const auto& flow : flows) total += flow.amount;
  CHECK(total + (1 - options.damping) / 3 == doctest::Approx(ranks[1]).epsilon(1e-5));
  // a has one arc (to b): all of d * rank[a] flows to b.
  for (const auto& flow : flows) {
    if (flow.relation == 0) CHECK(flow.amount == doctest::Approx(options.damping * ranks[0]));
  }
}
