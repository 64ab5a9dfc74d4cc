// query::RankRequest and query::RankExplainRequest called directly, as the
// server, the Python module and the MPI runner call them: answers computed
// by hand on a tiny graph, and validate() naming the bad field.
#include <doctest/doctest.h>

#include <cmath>

#include "query/rank.hpp"
#include "query/rank_explain.hpp"
#include "tests/support/support.hpp"

namespace kg::query {
namespace {

//   a --funded 2015--> b --funded 2016--> c
//                      |
//                      +--hired (undated)--> d
//
// Directed. Degree (any way, normalised by n - 1 = 3): b 3/3, a, c, d 1/3.
// Betweenness (out): b carries a..c and a..d, raw 2, over (n-1)(n-2) = 6.
// Relation betweenness (out, over n(n-1) = 12): a->b carries a..b, a..c,
// a..d: 3/12; b->c carries b..c, a..c: 2/12; b->d likewise 2/12.
Graph chain() {
  return test::graph_from_json(R"({"kg": 1,
    "sources": [{"id": "memo"}],
    "entities": [{"id": "a", "name": "Ann"}, {"id": "b", "name": "Bea"}, {"id": "c", "name": "Cy"},
                 {"id": "d", "name": "Dee"}],
    "relations": [{"source": "a", "target": "b", "type": "funded", "date": "2015",
                   "evidence": [{"source": "memo", "quote": "Ann funded Bea"}]},
                  {"source": "b", "target": "c", "type": "funded", "date": "2016"},
                  {"source": "b", "target": "d", "type": "hired"}]})");
}

}  // namespace

TEST_CASE("query rank: degree by default, ranked with ties by id, top cuts the list") {
  const Graph graph = chain();
  QueryContext context(graph);
  RankRequest request;
  request.top = 2;
  const RankAnswer answer = run(request, context);
  CHECK(answer.measure == Measure::Degree);
  CHECK(answer.ranked == std::vector<EntityId>{1, 0});
  CHECK(answer.scores[1] == doctest::Approx(1.0));
  for (EntityId e : {0u, 2u, 3u}) CHECK(answer.scores[e] == doctest::Approx(1.0 / 3));
  CHECK(!answer.cut);
  CHECK(to_text(answer, graph) ==
        "rank    degree  id  name\n"
        "   1         1  b   Bea\n"
        "   2  0.333333  a   Ann\n");
  const auto json = test::parse_json(json_text([&](JsonSink& sink) { to_json(answer, graph, sink); }));
  CHECK(std::string(json["measure"].GetString()) == "degree");
  REQUIRE(json["scores"].Size() == 2);
  CHECK(std::string(json["scores"][0]["id"].GetString()) == "b");
  CHECK(std::string(json["scores"][0]["name"].GetString()) == "Bea");
  CHECK(json["scores"][1]["score"].GetDouble() == doctest::Approx(1.0 / 3));
  CHECK(json["undated_relations"].GetUint() == 1);
  CHECK(!json.HasMember("of"));
  CHECK(!json.HasMember("cut"));
}

TEST_CASE("query rank: betweenness follows relations out on a directed graph, raw counts pairs") {
  const Graph graph = chain();
  QueryContext context(graph);
  RankRequest request;
  request.measure = Measure::Betweenness;
  const RankAnswer normalized = run(request, context);
  CHECK(normalized.ranked.front() == 1);
  CHECK(normalized.scores[1] == doctest::Approx(2.0 / 6));
  CHECK(normalized.scores[0] == 0);
  request.normalized = false;
  CHECK(run(request, context).scores[1] == doctest::Approx(2.0));
  // Any way, a..c, a..d and c..d all pass b: 3 of (n-1)(n-2)/2 = 3 pairs.
  request.normalized.reset();
  request.view.direction = Direction::Any;
  request.view.direction_given = true;
  CHECK(run(request, context).scores[1] == doctest::Approx(1.0));
}

TEST_CASE("query rank: relation betweenness, and the view's filters") {
  const Graph graph = chain();
  QueryContext context(graph);
  RankRequest request;
  request.measure = Measure::Betweenness;
  request.of_relations = true;
  const RankAnswer answer = run(request, context);
  CHECK(answer.ranked.empty());
  CHECK(answer.ranked_relations == std::vector<RelationId>{0, 1, 2});
  CHECK(answer.relation_scores[0] == doctest::Approx(3.0 / 12));
  CHECK(answer.relation_scores[1] == doctest::Approx(2.0 / 12));
  const auto json = test::parse_json(json_text([&](JsonSink& sink) { to_json(answer, graph, sink); }));
  CHECK(std::string(json["of"].GetString()) == "relations");
  CHECK(std::string(json["scores"][0]["source"].GetString()) == "a");
  CHECK(std::string(json["scores"][0]["date"].GetString()) == "2015");
  CHECK(json["scores"][2]["date"].IsNull());

  // Only "funded": raw degree a 1, b 2, c 1, d 0; no undated relation kept.
  RankRequest funded;
  funded.view.relation_types = {"funded"};
  funded.normalized = false;
  funded.top = 0;
  const RankAnswer degrees = run(funded, context);
  CHECK(degrees.ranked == std::vector<EntityId>{1, 0, 2, 3});
  CHECK(degrees.scores[3] == 0);
  CHECK(degrees.undated_relations == 0);
}

TEST_CASE("query rank: pagerank personalised by name, and an unknown name") {
  const Graph graph = chain();
  QueryContext context(graph);
  RankRequest request;
  request.measure = Measure::PageRank;
  request.personalize = {"Ann"};
  request.top = 0;
  const RankAnswer answer = run(request, context);
  double total = 0;
  for (EntityId e : answer.ranked) total += answer.scores[e];
  CHECK(total == doctest::Approx(1.0));
  request.personalize = {"nobody"};
  CHECK_THROWS_AS(run(request, context), NameNotFound);
}

TEST_CASE("query rank: validate names the field a measure would ignore or that is out of range") {
  const auto with = [](Measure measure, auto set) {
    RankRequest request;
    request.measure = measure;
    set(request);
    return test::refused_field(request);
  };
  CHECK(with(Measure::Closeness, [](RankRequest& r) { r.of_relations = true; }) == "of_relations");
  CHECK(with(Measure::PageRank, [](RankRequest& r) { r.samples = 4; }) == "samples");
  CHECK(with(Measure::Betweenness, [](RankRequest& r) { r.samples = 0; }) == "samples");
  CHECK(with(Measure::Betweenness, [](RankRequest& r) { r.seed = 3; }) == "seed");
  CHECK(with(Measure::Betweenness, [](RankRequest& r) { r.samples = 2, r.seed = 3; }).empty());
  CHECK(with(Measure::Closeness, [](RankRequest& r) { r.normalized = false; }) == "normalized");
  CHECK(with(Measure::Harmonic, [](RankRequest& r) { r.weight_attribute = "w"; }) == "weight_attribute");
  CHECK(with(Measure::Degree, [](RankRequest& r) { r.personalize = {"a"}; }) == "personalize");
  CHECK(with(Measure::Degree, [](RankRequest& r) { r.damping = 0.5; }) == "damping");
  CHECK(with(Measure::PageRank, [](RankRequest& r) { r.damping = 1.5; }) == "damping");
  CHECK(with(Measure::Closeness, [](RankRequest& r) { r.tolerance = 0.1; }) == "tolerance");
  CHECK(with(Measure::Eigenvector, [](RankRequest& r) { r.tolerance = -1; }) == "tolerance");
  CHECK(with(Measure::Betweenness, [](RankRequest& r) { r.max_iterations = 5; }) == "max_iterations");
  CHECK(with(Measure::PageRank, [](RankRequest& r) { r.max_iterations = 0; }) == "max_iterations");
  CHECK(with(Measure::Degree, [](RankRequest& r) { r.wf_improved = false; }) == "wf_improved");
  CHECK(with(Measure::Degree, [](RankRequest& r) { r.view.as_of = "2016-02-30"; }) == "as_of");
  // Library messages name fields, never flags.
  RankRequest request;
  request.measure = Measure::Closeness;
  request.of_relations = true;
  CHECK_THROWS_WITH(request.validate(), "of_relations applies to measure betweenness, not measure closeness");
}

TEST_CASE("query rank: out or in on an undirected graph is refused, naming direction") {
  const Graph graph = test::graph_from_json(R"({"kg": 1, "directed": false, "entities": [{"id": "a"}, {"id": "b"}],
    "relations": [{"source": "a", "target": "b", "type": "t"}]})");
  QueryContext context(graph);
  RankRequest request;
  request.view.direction = Direction::Out;
  request.view.direction_given = true;
  CHECK(test::invalid_field([&] { run(request, context); }) == "direction");
}

TEST_CASE("query rank: the source-parallel measures take the context's share of the sources") {
  // Two shares as two MPI ranks would run them: share 1's sums are kept,
  // and share 0's combine step adds them, as the all-reduce would.
  const Graph graph = chain();
  for (const Measure measure : {Measure::Betweenness, Measure::Closeness, Measure::Harmonic}) {
    CAPTURE(measure_name(measure));
    RankRequest request;
    request.measure = measure;
    PartSums share_one;
    Callbacks second;
    second.split = {1, 2, [&share_one](PartSums& sums) { share_one = sums; }};
    QueryContext second_context(graph, second);
    QueryContext whole_context(graph);
    const std::vector<double> whole = run(request, whole_context).scores;
    CHECK(run(request, second_context).scores != whole);  // one share alone is not the answer

    Callbacks first;
    first.split = {0, 2, [&share_one](PartSums& sums) {
                     for (std::size_t i = 0; i < sums.sums.size(); ++i) sums.sums[i].add(share_one.sums[i]);
                     for (std::size_t i = 0; i < sums.owned.size(); ++i) sums.owned[i] += share_one.owned[i];
                     sums.count += share_one.count;
                   }};
    QueryContext first_context(graph, first);
    CHECK(run(request, first_context).scores == whole);
  }
}

TEST_CASE("query rank explain: degree contributions and betweenness pairs with an example path") {
  const Graph graph = chain();
  QueryContext context(graph);
  RankExplainRequest request;
  request.entity = "Bea";
  const RankExplainAnswer degree = run(request, context);
  REQUIRE(degree.explanations.size() == 1);
  CHECK(degree.explanations[0].entity == 1);
  CHECK(degree.explanations[0].score == doctest::Approx(1.0));
  REQUIRE(degree.explanations[0].contributions.size() == 3);
  CHECK(degree.explanations[0].contributions[0].relation == 0);
  CHECK(to_text(degree, graph) ==
        "Bea (b): degree 1; 3 relations add 3: funded 2, hired 1\n"
        "           1  Ann -[funded 2015]-> Bea\n"
        "           1  Bea -[funded 2016]-> Cy\n"
        "           1  Bea -[hired]-> Dee\n");

  request.rank.measure = Measure::Betweenness;
  const RankExplainAnswer betweenness = run(request, context);
  const auto& pairs = betweenness.explanations[0].betweenness.pairs;
  REQUIRE(pairs.size() == 2);
  CHECK(pairs[0].source == 0);
  CHECK(pairs[0].target == 2);
  CHECK(pairs[1].target == 3);
  CHECK(betweenness.explanations[0].betweenness.example == std::vector<RelationId>{0, 1});
  CHECK(to_text(betweenness, graph) ==
        "Bea (b): betweenness 0.333333 (raw 2): on shortest paths of 2 pairs\n"
        "  Ann .. Cy: 1 of 1 shortest path\n"
        "  Ann .. Dee: 1 of 1 shortest path\n"
        "  for example Ann .. Cy:\n"
        "    Ann -[funded 2015]-> Bea\n"
        "        \"Ann funded Bea\" (memo)\n"
        "    Bea -[funded 2016]-> Cy\n"
        "        (no evidence recorded)\n");
  const auto json = test::parse_json(json_text([&](JsonSink& sink) { to_json(betweenness, graph, sink); }));
  CHECK(json["explanations"][0]["pair_count"].GetUint() == 2);
  CHECK(std::string(json["explanations"][0]["example"][0]["evidence"][0]["quote"].GetString()) == "Ann funded Bea");

  // Without an entity, the top entities of the ranking.
  request.entity.clear();
  request.rank.top = 2;
  const RankExplainAnswer top = run(request, context);
  REQUIRE(top.explanations.size() == 2);
  CHECK(top.explanations[0].entity == 1);
}

TEST_CASE("query rank explain: validate refuses what cannot be explained, naming explain") {
  RankExplainRequest request;
  request.rank.measure = Measure::Closeness;
  CHECK(test::refused_field(request) == "explain");
  request.rank.measure = Measure::Betweenness;
  request.rank.of_relations = true;
  CHECK(test::refused_field(request) == "explain");
  request.rank.of_relations = false;
  request.rank.samples = 3;
  CHECK(test::refused_field(request) == "explain");
  request.rank.samples.reset();
  request.rank.measure = Measure::Degree;
  request.rank.weight_attribute = "w";
  CHECK(test::refused_field(request) == "explain");
  request.rank.weight_attribute.clear();
  CHECK(test::refused_field(request).empty());
  // The ranking's own checks come first.
  request.rank.damping = 0.5;
  CHECK(test::refused_field(request) == "damping");
}

TEST_CASE("query rank: a stop cuts the ranking and its explanation, and both answers say so") {
  const Graph graph = chain();
  Callbacks callbacks;
  callbacks.should_stop = [] { return true; };  // stop before the first source
  QueryContext context(graph, callbacks);
  RankRequest request;
  request.measure = Measure::Betweenness;
  const RankAnswer ranked = run(request, context);
  CHECK(ranked.cut);
  CHECK(test::parse_json(json_text([&](JsonSink& sink) { to_json(ranked, graph, sink); }))["cut"].GetBool());
  const RankExplainAnswer explained = run(RankExplainRequest{request, "b"}, context);
  CHECK(explained.cut);
  CHECK(test::parse_json(json_text([&](JsonSink& sink) { to_json(explained, graph, sink); }))["cut"].GetBool());
  // Degree does not stop: nothing to cut.
  request.measure = Measure::Degree;
  CHECK(!run(request, context).cut);
}

}  // namespace kg::query
