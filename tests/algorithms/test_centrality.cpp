// Centrality: hand-worked tiny graphs, then NetworkX 2.8 on its own graphs,
// the sample and seeded random directed multigraphs (docs/RANKING.md).
#include <doctest/doctest.h>
#include <rapidjson/document.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <numeric>

#include "algorithms/centrality.hpp"
#include "graph/exception.hpp"
#include "ingest/format.hpp"
#include "tests/support/support.hpp"

using namespace kg;

namespace {

// a -> b -> c, and c -> d twice (parallel relations).
Graph chain() {
  return test::graph_from_json(R"({"kg":1,"entities":[
    {"id":"a","name":"A","type":"person"},{"id":"b","name":"B","type":"person"},
    {"id":"c","name":"C","type":"person"},{"id":"d","name":"D","type":"company"}],
   "relations":[{"source":"a","target":"b","type":"knows","attributes":{"w":2}},
                {"source":"b","target":"c","type":"knows","attributes":{"w":3}},
                {"source":"c","target":"d","type":"owns"},
                {"source":"c","target":"d","type":"owns"}]})");
}

double score(const Graph& g, const CentralityScores& s, const char* id) { return s.values[*g.find_entity(id)]; }

}  // namespace

TEST_CASE("degree: in, out, total, weighted, normalised by n-1") {
  //   a --> b --> c ==> d      (c -> d twice)
  const Graph g = chain();
  const View view(g);
  DegreeOptions total;
  auto s = degree_centrality(view, total);
  CHECK(score(g, s, "a") == doctest::Approx(1.0 / 3));
  CHECK(score(g, s, "c") == doctest::Approx(3.0 / 3));  // b->c and both c->d
  DegreeOptions out;
  out.direction = Direction::Out;
  out.normalized = false;
  s = degree_centrality(view, out);
  CHECK(score(g, s, "c") == 2);
  CHECK(score(g, s, "d") == 0);
  DegreeOptions in = out;
  in.direction = Direction::In;
  s = degree_centrality(view, in);
  CHECK(score(g, s, "d") == 2);
  DegreeOptions weighted = total;
  weighted.normalized = false;
  weighted.weight_attribute = "w";
  s = degree_centrality(view, weighted);
  CHECK(score(g, s, "b") == 5);  // 2 + 3
  CHECK(score(g, s, "d") == 2);  // no w: 1 each
  weighted.weight_attribute = "nope";
  CHECK_THROWS_AS(degree_centrality(view, weighted), InvalidArgument);
}

TEST_CASE("betweenness on a chain: directed, undirected, raw, relations split among parallels") {
  //   a --> b --> c ==> d    n = 4
  // Directed pairs through b: (a,c), (a,d); through c: (a,d), (b,d).
  // Normalised directed: / (n-1)(n-2) = 6. Undirected: each pair once, x2/6.
  const Graph g = chain();
  const View view(g);
  BetweennessOptions directed;
  directed.direction = Direction::Out;
  directed.relations = true;
  auto r = betweenness_centrality(view, directed);
  CHECK(score(g, r.entities, "a") == 0);
  CHECK(score(g, r.entities, "b") == doctest::Approx(2.0 / 6));
  CHECK(score(g, r.entities, "c") == doctest::Approx(2.0 / 6));
  // Relation a->b carries (a,b),(a,c),(a,d): 3 / n(n-1) = 3/12. c->d carries
  // (a,d),(b,d),(c,d) = 3/12, split between its two relations.
  CHECK(r.relations[0] == doctest::Approx(3.0 / 12));
  CHECK(r.relations[1] == doctest::Approx(4.0 / 12));  // (a,c),(a,d),(b,c),(b,d)
  CHECK(r.relations[2] == doctest::Approx(1.5 / 12));
  CHECK(r.relations[3] == doctest::Approx(1.5 / 12));

  BetweennessOptions undirected;
  undirected.normalized = false;
  r = betweenness_centrality(view, undirected);
  CHECK(score(g, r.entities, "b") == doctest::Approx(2));  // {a,c}, {a,d}
  undirected.normalized = true;
  r = betweenness_centrality(view, undirected);
  CHECK(score(g, r.entities, "b") == doctest::Approx(2.0 * 2 / 6));

  // Against the arrows: the same pairs reversed.
  BetweennessOptions reversed = directed;
  reversed.direction = Direction::In;
  r = betweenness_centrality(view, reversed);
  CHECK(score(g, r.entities, "b") == doctest::Approx(2.0 / 6));
}

TEST_CASE("betweenness: a filter leaves entities out of n and out of the scores") {
  //   a --> b --> c  [d dropped by --entity-types person]   n = 3
  const Graph g = chain();
  Filter filter;
  filter.entity_types = {"person"};
  const View view(g, filter);
  BetweennessOptions options;
  options.direction = Direction::Out;
  options.relations = true;
  const auto r = betweenness_centrality(view, options);
  CHECK(score(g, r.entities, "b") == doctest::Approx(1.0 / 2));  // (a,c) over (n-1)(n-2) = 2
  CHECK(std::isnan(score(g, r.entities, "d")));
  CHECK(std::isnan(r.relations[2]));
  const auto ranked = ranked_entities(view, r.entities);
  CHECK(ranked.size() == 3);
  CHECK(g.entity_key(ranked[0]) == "b");
  CHECK(g.entity_key(ranked[1]) == "a");  // a and c tie at 0: by id
}

TEST_CASE("closeness and harmonic on a chain use distances to the entity when directed") {
  //   a --> b --> c ==> d
  // Directed, to d: from c 1, b 2, a 3: closeness 3/6 * 3/3; to b: a at 1:
  // 1/1 * (1/3) (Wasserman-Faust: reached 1 of n-1 = 3).
  const Graph g = chain();
  const View view(g);
  ClosenessOptions options;
  options.direction = Direction::Out;
  auto s = closeness_centrality(view, options);
  CHECK(score(g, s, "a") == 0);
  CHECK(score(g, s, "b") == doctest::Approx(1.0 / 3));
  CHECK(score(g, s, "d") == doctest::Approx(0.5));
  options.wf_improved = false;
  s = closeness_centrality(view, options);
  CHECK(score(g, s, "b") == doctest::Approx(1.0));
  HarmonicOptions harmonic;
  harmonic.direction = Direction::Out;
  s = harmonic_centrality(view, harmonic);
  CHECK(score(g, s, "d") == doctest::Approx(1 + 0.5 + 1.0 / 3));
  harmonic.direction = Direction::Any;
  s = harmonic_centrality(view, harmonic);
  CHECK(score(g, s, "b") == doctest::Approx(1 + 1 + 0.5));
}

TEST_CASE("PageRank: a dangling entity gives its rank to everyone") {
  //   a --> b      b dangles: a = 0.85 * b/2 + 0.075, a + b = 1 -> a = 0.5/1.425
  const Graph g = test::graph_from_json(R"({"kg":1,"entities":[{"id":"a","name":"A","type":"x"},
    {"id":"b","name":"B","type":"x"}],"relations":[{"source":"a","target":"b","type":"r"}]})");
  const View view(g);
  PageRankOptions options;
  options.direction = Direction::Out;
  auto s = pagerank(view, options);
  CHECK(score(g, s, "a") == doctest::Approx(0.5 / 1.425).epsilon(1e-5));
  CHECK(score(g, s, "b") == doctest::Approx(1 - 0.5 / 1.425).epsilon(1e-5));
  // Personalised on b: a is reached only through b's dangling rank.
  options.personalize = {*g.find_entity("b")};
  s = pagerank(view, options);
  CHECK(score(g, s, "a") == doctest::Approx(0.0));
  options.max_iterations = 1;
  options.personalize.clear();
  CHECK_THROWS_AS(pagerank(view, options), NotConverged);
  options.damping = 1.0;
  CHECK_THROWS_AS(pagerank(view, options), InvalidArgument);
}

TEST_CASE("eigenvector: a triangle is uniform, a directed chain does not converge") {
  //   a - b - c - a
  const Graph triangle = test::graph_from_json(R"({"kg":1,"entities":[{"id":"a","name":"A","type":"x"},
    {"id":"b","name":"B","type":"x"},{"id":"c","name":"C","type":"x"}],"relations":[
    {"source":"a","target":"b","type":"r"},{"source":"b","target":"c","type":"r"},{"source":"c","target":"a","type":"r"}]})");
  auto s = eigenvector_centrality(View(triangle));
  for (const char* id : {"a", "b", "c"}) CHECK(score(triangle, s, id) == doctest::Approx(1 / std::sqrt(3.0)));
  const Graph g = chain();
  EigenvectorOptions directed;
  directed.direction = Direction::Out;
  directed.max_iterations = 5;
  CHECK_THROWS_AS(eigenvector_centrality(View(g), directed), NotConverged);
}

// ---- NetworkX comparisons -------------------------------------------------

namespace kg::test {
// NetworkX's answers (tests/oracle/networkx_centrality.py), computed once for
// the centrality, components and communities tests.
const rapidjson::Document& centrality_oracle() {
  static std::unique_ptr<rapidjson::Document> answers;
  if (!answers) {
    answers = std::make_unique<rapidjson::Document>(
        run_oracle("networkx_centrality.py",
                   shell_quote(temp_dir()) + " " + shell_quote(source_dir() + "/samples/openai.json")));
  }
  return *answers;
}
}  // namespace kg::test

namespace {

Graph load(const rapidjson::Value& answer) {
  ReadResult result = read_graph(answer["file"].GetString());
  REQUIRE(result.problems.empty());
  return std::move(*result.graph);
}

bool close(double a, double b) { return std::fabs(a - b) <= 1e-9 * std::max(1.0, std::fabs(b)); }

// Every entity's score against NetworkX's {id: score}.
void check_scores(const Graph& g, const CentralityScores& scores, const rapidjson::Value& expected,
                  const std::string& what) {
  REQUIRE_MESSAGE(expected.IsObject(), what);
  std::size_t mismatches = 0;
  for (EntityId e = 0; e < g.entity_count(); ++e) {
    const std::string key(g.entity_key(e));
    const double want = expected[key.c_str()].GetDouble();
    if (!close(scores.values[e], want)) {
      if (++mismatches <= 3) FAIL_CHECK(what << " " << key << ": kg " << scores.values[e] << ", NetworkX " << want);
    }
  }
  CHECK_MESSAGE(mismatches == 0, what);
}

const char* direction_name(Direction d) { return d == Direction::Out ? "out" : d == Direction::In ? "in" : "any"; }

}  // namespace

TEST_CASE("every measure matches NetworkX to 1e-9 on real and random graphs, each direction") {
  for (auto it = test::centrality_oracle().MemberBegin(); it != test::centrality_oracle().MemberEnd(); ++it) {
    const std::string graph_name = it->name.GetString();
    const rapidjson::Value& answer = it->value;
    const Graph g = load(answer);
    const View view(g);
    const std::string weight = answer["weight"].IsNull() ? "" : answer["weight"].GetString();
    for (const Direction d : {Direction::Out, Direction::In, Direction::Any}) {
      const rapidjson::Value& nx = answer["measures"][direction_name(d)];
      const std::string where = graph_name + " " + direction_name(d) + " ";
      CAPTURE(where);

      DegreeOptions degree;
      degree.direction = d;
      check_scores(g, degree_centrality(view, degree), nx["degree"], where + "degree");
      if (!weight.empty()) {
        degree.normalized = false;
        degree.weight_attribute = weight;
        check_scores(g, degree_centrality(view, degree), nx["weighted_degree"], where + "weighted degree");
      }

      BetweennessOptions betweenness;
      betweenness.direction = d;
      betweenness.relations = true;
      for (const bool normalized : {true, false}) {
        betweenness.normalized = normalized;
        const auto result = betweenness_centrality(view, betweenness);
        check_scores(g, result.entities, nx[normalized ? "betweenness" : "betweenness_raw"], where + "betweenness");
        const auto& relations = nx[normalized ? "relation_betweenness" : "relation_betweenness_raw"];
        REQUIRE(relations.Size() == g.relation_count());
        std::size_t mismatches = 0;
        for (RelationId r = 0; r < g.relation_count(); ++r) {
          if (!close(result.relations[r], relations[r].GetDouble())) ++mismatches;
        }
        CHECK_MESSAGE(mismatches == 0, where << "relation betweenness, normalized " << normalized);
      }

      ClosenessOptions closeness;
      closeness.direction = d;
      check_scores(g, closeness_centrality(view, closeness), nx["closeness"], where + "closeness");
      closeness.wf_improved = false;
      check_scores(g, closeness_centrality(view, closeness), nx["closeness_plain"], where + "closeness plain");
      HarmonicOptions harmonic;
      harmonic.direction = d;
      check_scores(g, harmonic_centrality(view, harmonic), nx["harmonic"], where + "harmonic");

      PageRankOptions rank;
      rank.direction = d;
      check_scores(g, pagerank(view, rank), nx["pagerank"], where + "pagerank");
      rank.personalize = {0, 1};
      check_scores(g, pagerank(view, rank), nx["pagerank_personalized"], where + "personalized pagerank");
      if (!weight.empty()) {
        rank.personalize.clear();
        rank.weight_attribute = weight;
        check_scores(g, pagerank(view, rank), nx["pagerank_weighted"], where + "weighted pagerank");
      }

      EigenvectorOptions eigenvector;
      eigenvector.direction = d;
      for (const bool weighted : {false, true}) {
        if (weighted && weight.empty()) continue;
        eigenvector.weight_attribute = weighted ? weight : "";
        const auto& expected = nx[weighted ? "eigenvector_weighted" : "eigenvector"];
        if (expected.IsNull()) {
          CHECK_THROWS_AS(eigenvector_centrality(view, eigenvector), NotConverged);
        } else {
          check_scores(g, eigenvector_centrality(view, eigenvector), expected, where + "eigenvector");
        }
      }
    }
  }
}

TEST_CASE("on the sample, OpenAI brokers the most: first by betweenness, directed or not") {
  const Graph g = load(test::centrality_oracle()["sample"]);
  const View view(g);
  for (const Direction d : {Direction::Any, Direction::Out}) {
    BetweennessOptions options;
    options.direction = d;
    const auto ranked = ranked_entities(view, betweenness_centrality(view, options).entities, 3);
    CHECK(g.entity_key(ranked[0]) == "openai");
    CHECK(g.entity_key(ranked[1]) == "musk");
  }
}

namespace {

std::vector<double> ranks(const std::vector<double>& values) {
  std::vector<std::size_t> order(values.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return values[a] < values[b]; });
  std::vector<double> rank(values.size());
  for (std::size_t i = 0; i < order.size();) {
    std::size_t j = i;
    while (j < order.size() && values[order[j]] == values[order[i]]) ++j;
    for (std::size_t k = i; k < j; ++k) rank[order[k]] = (i + j - 1) / 2.0;  // ties share their mean rank
    i = j;
  }
  return rank;
}

double spearman(const std::vector<double>& a, const std::vector<double>& b) {
  const auto ra = ranks(a), rb = ranks(b);
  const double n = static_cast<double>(a.size());
  const double mean = (n - 1) / 2;
  double cov = 0, va = 0, vb = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    cov += (ra[i] - mean) * (rb[i] - mean);
    va += (ra[i] - mean) * (ra[i] - mean);
    vb += (rb[i] - mean) * (rb[i] - mean);
  }
  return cov / std::sqrt(va * vb);
}

}  // namespace

TEST_CASE("sampled betweenness estimates exact betweenness, better with more samples") {
  const Graph g = load(test::centrality_oracle()["lesmis"]);
  const View view(g);
  BetweennessOptions exact_options;
  const auto exact = betweenness_centrality(view, exact_options).entities.values;
  const double total = std::accumulate(exact.begin(), exact.end(), 0.0);

  double previous_error = INFINITY;
  for (const std::size_t k : {8, 24, 60}) {
    double error = 0, correlation = 0;
    const int seeds = 6;
    for (int seed = 1; seed <= seeds; ++seed) {
      BetweennessOptions options;
      options.samples = k;
      options.seed = static_cast<std::uint64_t>(seed);
      const auto result = betweenness_centrality(view, options);
      CHECK(result.sources == k);
      const auto& estimate = result.entities.values;
      double absolute = 0;
      for (std::size_t v = 0; v < exact.size(); ++v) absolute += std::fabs(estimate[v] - exact[v]);
      error += absolute / total / seeds;
      correlation += spearman(estimate, exact) / seeds;
    }
    CAPTURE(k);
    CHECK(error < previous_error);
    CHECK(correlation > (k == 8 ? 0.5 : 0.8));
    previous_error = error;
  }
  CHECK(previous_error < 0.25);

  // As many samples as entities is exact; the same seed draws the same sources.
  BetweennessOptions all;
  all.samples = g.entity_count();
  const auto every = betweenness_centrality(view, all).entities.values;
  for (std::size_t v = 0; v < exact.size(); ++v) CHECK(every[v] == doctest::Approx(exact[v]));
  BetweennessOptions once;
  once.samples = 10;
  once.seed = 42;
  const auto first = betweenness_centrality(view, once).entities.values;
  const auto second = betweenness_centrality(view, once).entities.values;
  for (std::size_t v = 0; v < first.size(); ++v) CHECK(first[v] == doctest::Approx(second[v]).epsilon(1e-12));
}
