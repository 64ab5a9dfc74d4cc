#include <doctest/doctest.h>

#include <algorithm>
#include <limits>
#include <set>
#include <sstream>

#include "algorithms/paths.hpp"
#include "graph/exception.hpp"
#include "ingest/format.hpp"
#include "tests/support/support.hpp"

using namespace kg;
using kg::test::graph_from_json;

namespace {

// A graph from a compact spec: entities "a b c", relations "a knows b" with an
// optional date ("2016", "2015..2017", "..2018"), all of entity type "node";
// `symmetric` relation types walk both ways. A relation may carry a weight:
// "a knows b 2016 w=3" (an attribute "w"); "-" stands for no date.
Graph graph_of(const std::string& entities, const std::vector<std::string>& relations,
               const std::vector<std::string>& symmetric = {}) {
  std::ostringstream json;
  json << R"({"kg":1,"entities":[)";
  std::istringstream names(entities);
  std::string name;
  bool first = true;
  while (names >> name) {
    json << (first ? "" : ",") << R"({"id":")" << name << R"(","name":")" << name << R"(","type":"node"})";
    first = false;
  }
  json << R"(],"relations":[)";
  for (std::size_t i = 0; i < relations.size(); ++i) {
    std::istringstream fields(relations[i]);
    std::string source, type, target, date, weight;
    fields >> source >> type >> target >> date >> weight;
    json << (i ? "," : "") << R"({"source":")" << source << R"(","target":")" << target << R"(","type":")" << type
         << '"';
    if (!date.empty() && date != "-") {
      const auto dots = date.find("..");
      if (dots == std::string::npos) {
        json << R"(,"date":")" << date << '"';
      } else {
        if (dots > 0) json << R"(,"date":")" << date.substr(0, dots) << '"';
        json << R"(,"until":")" << date.substr(dots + 2) << '"';
      }
    }
    if (!weight.empty()) json << R"(,"attributes":{"w":)" << weight.substr(2) << "}";
    json << R"(,"evidence":[{"source":"s","quote":"q)" << i << R"("}]})";
  }
  json << R"(],"sources":[{"id":"s"}],"relation_types":{)";
  for (std::size_t i = 0; i < symmetric.size(); ++i) {
    json << (i ? "," : "") << '"' << symmetric[i] << R"(":{"symmetric":true})";
  }
  json << "}}";
  return graph_from_json(json.str());
}

EntityId id(const Graph& graph, const std::string& key) {
  const auto e = graph.find_entity(key);
  REQUIRE_MESSAGE(e, "no entity " << key);
  return *e;
}

// "a>b>c" for a path's entities.
std::string route(const Graph& graph, const Path& path) {
  std::string text;
  for (const EntityId e : path.entities()) text += (text.empty() ? "" : ">") + std::string(graph.entity_key(e));
  return text;
}

std::vector<std::string> routes(const Graph& graph, const PathsResult& result) {
  std::vector<std::string> all;
  for (const auto& path : result.paths) all.push_back(route(graph, path));
  return all;
}

// Checks a path is one a query may return: consecutive steps, each a relation
// of the graph walked in an allowed direction, no entity twice.
void check_valid(const View& view, const Path& path, Direction direction) {
  const Graph& graph = view.graph();
  std::set<EntityId> seen{path.start};
  EntityId at = path.start;
  for (const auto& step : path.steps) {
    REQUIRE(step.from == at);
    const RelationId r = step.relation;
    CHECK(view.keeps_relation(r));
    if (step.forward) {
      CHECK((graph.source(r) == step.from && graph.target(r) == step.to));
    } else {
      CHECK((graph.target(r) == step.from && graph.source(r) == step.to));
    }
    if (direction == Direction::Out) CHECK((step.forward || view.symmetric(r)));
    if (direction == Direction::In) CHECK((!step.forward || view.symmetric(r)));
    CHECK(seen.insert(step.to).second);
    at = step.to;
  }
}

}  // namespace

TEST_CASE("paths: direction decides which way relations are walked") {
  //   a --x--> b --x--> c        d (alone)
  const Graph graph = graph_of("a b c d", {"a x b", "b x c"});
  const View view(graph);
  const EntityId a = id(graph, "a"), c = id(graph, "c");
  ShortestPathOptions out;
  out.direction = Direction::Out;
  auto result = shortest_path(view, a, c, out);
  REQUIRE(result.paths.size() == 1);
  CHECK(route(graph, result.paths[0]) == "a>b>c");
  CHECK(result.paths[0].steps[0].forward);
  CHECK(result.paths[0].weight == 2);
  CHECK(shortest_path(view, c, a, out).paths.empty());

  ShortestPathOptions in;
  in.direction = Direction::In;
  result = shortest_path(view, c, a, in);
  REQUIRE(result.paths.size() == 1);
  CHECK(route(graph, result.paths[0]) == "c>b>a");
  CHECK_FALSE(result.paths[0].steps[0].forward);
  CHECK(graph.source(result.paths[0].steps[0].relation) == id(graph, "b"));

  result = shortest_path(view, c, a);  // Any is the default
  REQUIRE(result.paths.size() == 1);
  CHECK(route(graph, result.paths[0]) == "c>b>a");

  CHECK(shortest_path(view, a, id(graph, "d")).paths.empty());  // unreachable
}

TEST_CASE("paths: symmetric relation types walk both ways whatever the direction") {
  //   a --x--> b <--competed-- c      (competed is symmetric)
  const Graph graph = graph_of("a b c", {"a x b", "c competed b"}, {"competed"});
  const View view(graph);
  ShortestPathOptions out;
  out.direction = Direction::Out;
  const auto result = shortest_path(view, id(graph, "a"), id(graph, "c"), out);
  REQUIRE(result.paths.size() == 1);
  CHECK(route(graph, result.paths[0]) == "a>b>c");
  CHECK_FALSE(result.paths[0].steps[1].forward);  // against the arrow, allowed as symmetric
}

TEST_CASE("paths: A == B is the empty path, self loops never join a path") {
  //   a --x--> a (loop)   a --x--> b
  const Graph graph = graph_of("a b", {"a x a", "a x b"});
  const View view(graph);
  const EntityId a = id(graph, "a"), b = id(graph, "b");
  const auto same = shortest_path(view, a, a);
  REQUIRE(same.paths.size() == 1);
  CHECK(same.paths[0].length() == 0);
  CHECK(same.paths[0].weight == 0);
  SimplePathsOptions simple;
  simple.max_hops = 3;
  CHECK(routes(graph, all_simple_paths(view, a, b, simple)) == std::vector<std::string>{"a>b"});
  KShortestPathsOptions k;
  k.k = 5;
  CHECK(routes(graph, k_shortest_paths(view, a, b, k)) == std::vector<std::string>{"a>b"});
  CHECK(routes(graph, k_shortest_paths(view, a, a, k)) == std::vector<std::string>{"a"});
}

TEST_CASE("paths: parallel relations make one path unless distinct relations are asked for") {
  //   a ==f (r0), g (r1)==> b --h (r2)--> c
  const Graph graph = graph_of("a b c", {"a f b", "a g b", "b h c"});
  const View view(graph);
  const EntityId a = id(graph, "a"), c = id(graph, "c");
  AllShortestPathsOptions all;
  auto result = all_shortest_paths(view, a, c, all);
  REQUIRE(result.paths.size() == 1);
  CHECK(result.paths[0].relations() == std::vector<RelationId>{0, 2});  // the first parallel relation stands for both

  all.distinct_relations = true;
  result = all_shortest_paths(view, a, c, all);
  REQUIRE(result.paths.size() == 2);
  CHECK(result.paths[0].relations() == std::vector<RelationId>{0, 2});
  CHECK(result.paths[1].relations() == std::vector<RelationId>{1, 2});

  KShortestPathsOptions k;
  k.k = 4;
  CHECK(k_shortest_paths(view, a, c, k).paths.size() == 1);
  k.distinct_relations = true;
  result = k_shortest_paths(view, a, c, k);
  REQUIRE(result.paths.size() == 2);
  CHECK(result.paths[1].relations() == std::vector<RelationId>{1, 2});

  SimplePathsOptions simple;
  simple.max_hops = 2;
  CHECK(all_simple_paths(view, a, c, simple).paths.size() == 1);
  simple.distinct_relations = true;
  CHECK(all_simple_paths(view, a, c, simple).paths.size() == 2);
}

TEST_CASE("paths: Yen's k shortest simple paths, shortest first, ties by entity ids") {
  //   a ------------> d
  //   a --> b ------> d
  //   a --> c ------> d
  //         b --> c
  const Graph graph = graph_of("a b c d", {"a x d", "a x b", "b x d", "a x c", "c x d", "b x c"});
  const View view(graph);
  KShortestPathsOptions options;
  options.direction = Direction::Out;
  options.k = 10;
  const auto result = k_shortest_paths(view, id(graph, "a"), id(graph, "d"), options);
  CHECK(routes(graph, result) == std::vector<std::string>{"a>d", "a>b>d", "a>c>d", "a>b>c>d"});
  options.k = 2;
  CHECK(routes(graph, k_shortest_paths(view, id(graph, "a"), id(graph, "d"), options)) ==
        std::vector<std::string>{"a>d", "a>b>d"});
  options.k = 10;
  options.max_hops = 2;
  CHECK(k_shortest_paths(view, id(graph, "a"), id(graph, "d"), options).paths.size() == 3);

  SimplePathsOptions simple;
  simple.direction = Direction::Out;
  simple.max_hops = 3;
  CHECK(routes(graph, all_simple_paths(view, id(graph, "a"), id(graph, "d"), simple)) ==
        std::vector<std::string>{"a>d", "a>b>d", "a>c>d", "a>b>c>d"});
  simple.limit = 2;
  const auto capped = all_simple_paths(view, id(graph, "a"), id(graph, "d"), simple);
  CHECK(routes(graph, capped) == std::vector<std::string>{"a>d", "a>b>d"});
  CHECK(capped.truncated);
}

TEST_CASE("paths: avoid and max-degree route around hubs") {
  //   a --> hub --> b          hub --> p, q, r  (hub has 5 relations)
  //   a --> x --> y --> b
  const Graph graph =
      graph_of("a hub b x y p q r", {"a x hub", "hub x b", "a x x", "x x y", "y x b", "hub x p", "hub x q", "hub x r"});
  const EntityId a = id(graph, "a"), b = id(graph, "b");
  CHECK(routes(graph, shortest_path(View(graph), a, b)) == std::vector<std::string>{"a>hub>b"});
  Filter avoid;
  avoid.avoid = {"HUB"};  // names resolve ignoring case
  CHECK(routes(graph, shortest_path(View(graph, avoid), a, b)) == std::vector<std::string>{"a>x>y>b"});
  Filter hubs;
  hubs.max_degree = 3;
  CHECK(routes(graph, shortest_path(View(graph, hubs), a, b)) == std::vector<std::string>{"a>x>y>b"});
  Filter avoid_end;
  avoid_end.avoid = {"b"};
  CHECK(shortest_path(View(graph, avoid_end), a, b).paths.empty());
}

TEST_CASE("paths: relation type filters") {
  //   a --funded--> b --funded--> c
  //   a ------knows-------------> c
  const Graph graph = graph_of("a b c", {"a funded b", "b funded c", "a knows c"});
  const EntityId a = id(graph, "a"), c = id(graph, "c");
  CHECK(routes(graph, shortest_path(View(graph), a, c)) == std::vector<std::string>{"a>c"});
  Filter funded;
  funded.relation_types = {"funded"};
  CHECK(routes(graph, shortest_path(View(graph, funded), a, c)) == std::vector<std::string>{"a>b>c"});
  Filter no_funded;
  no_funded.exclude_relation_types = {"funded"};
  const View view(graph, no_funded);
  CHECK(routes(graph, shortest_path(view, a, c)) == std::vector<std::string>{"a>c"});
  CHECK(shortest_path(view, a, id(graph, "b")).paths.empty());
}

TEST_CASE("paths: a time window and entity types narrow the view") {
  //   a -[2014]-> b -[2015]-> d
  //   a -[2018]-> c (lab) -[2018]-> d
  const Graph graph = graph_from_json(
      R"({"kg":1,"entities":[{"id":"a","name":"a","type":"person"},{"id":"b","name":"b","type":"person"},)"
      R"({"id":"c","name":"c","type":"lab"},{"id":"d","name":"d","type":"person"}],"relations":[)"
      R"({"source":"a","target":"b","type":"x","date":"2014","until":"2015"},{"source":"b","target":"d","type":"x","date":"2015"},)"
      R"({"source":"a","target":"c","type":"x","date":"2018"},{"source":"c","target":"d","type":"x","date":"2018"}]})");
  const EntityId a = id(graph, "a"), d = id(graph, "d");
  AllShortestPathsOptions all;
  CHECK(routes(graph, all_shortest_paths(View(graph), a, d, all)) == std::vector<std::string>{"a>b>d", "a>c>d"});
  Filter window;
  window.window = DateWindow::parse("2015");  // a-b runs until 2015; a-c starts in 2018
  CHECK(routes(graph, all_shortest_paths(View(graph, window), a, d, all)) == std::vector<std::string>{"a>b>d"});
  window.window = DateWindow::parse("2016..");  // a-b ended in 2015
  CHECK(routes(graph, all_shortest_paths(View(graph, window), a, d, all)) == std::vector<std::string>{"a>c>d"});
  Filter people;
  people.entity_types = {"person"};
  CHECK(routes(graph, all_shortest_paths(View(graph, people), a, d, all)) == std::vector<std::string>{"a>b>d"});
}

TEST_CASE("paths: time-respecting paths keep the steps in date order") {
  //   a -[2016]-> b -[2015]-> c           (b to c happened before a to b)
  //   a -[2015]-> d -[2015-06]-> e -[2017]-> c
  const Graph graph = graph_of("a b c d e", {"a x b 2016", "b x c 2015", "a x d 2015", "d x e 2015-06", "e x c 2017"});
  const View view(graph);
  const EntityId a = id(graph, "a"), c = id(graph, "c");
  ShortestPathOptions plain;
  plain.direction = Direction::Out;
  CHECK(routes(graph, shortest_path(view, a, c, plain)) == std::vector<std::string>{"a>b>c"});
  ShortestPathOptions timed = plain;
  timed.time_respecting = true;
  CHECK(routes(graph, shortest_path(view, a, c, timed)) == std::vector<std::string>{"a>d>e>c"});
  timed.max_hops = 2;
  CHECK(shortest_path(view, a, c, timed).paths.empty());

  AllShortestPathsOptions all;
  all.direction = Direction::Out;
  all.time_respecting = true;
  CHECK(routes(graph, all_shortest_paths(view, a, c, all)) == std::vector<std::string>{"a>d>e>c"});
  SimplePathsOptions simple;
  simple.direction = Direction::Out;
  simple.time_respecting = true;
  simple.max_hops = 4;
  CHECK(routes(graph, all_simple_paths(view, a, c, simple)) == std::vector<std::string>{"a>d>e>c"});
  KShortestPathsOptions k;
  k.direction = Direction::Out;
  k.time_respecting = true;
  k.k = 3;
  CHECK(routes(graph, k_shortest_paths(view, a, c, k)) == std::vector<std::string>{"a>d>e>c"});
}

TEST_CASE("paths: partial dates cover their period, undated steps fit anywhere, the clock moves forward") {
  //   x -[2015-06-10]-> y -[2015]-> z        2015 still runs after June 10: fits
  //   y -[2015-05]-> w                       May ended before June 10: does not fit
  //   x -[undated]-> u -[2010]-> v           an undated step does not move the clock
  //   p -[2015]-> q -[2015-03]-> r -[2015-01]-> s
  //                after q the walk is in March at the earliest, so January no longer fits
  //   p -[2012..2020]-> t -[2018]-> s        an until extends a relation's days
  const Graph graph = graph_of("x y z w u v p q r s t",
                               {"x e y 2015-06-10", "y e z 2015", "y e w 2015-05", "x e u -", "u e v 2010",
                                "p e q 2015", "q e r 2015-03", "r e s 2015-01", "p e t 2012..2020", "t e s 2018"});
  const View view(graph);
  ShortestPathOptions timed;
  timed.direction = Direction::Out;
  timed.time_respecting = true;
  auto check_route = [&](const char* from, const char* to, std::vector<std::string> expected) {
    CHECK(routes(graph, shortest_path(view, id(graph, from), id(graph, to), timed)) == expected);
  };
  check_route("x", "z", {"x>y>z"});
  check_route("x", "w", {});
  check_route("x", "v", {"x>u>v"});
  check_route("p", "r", {"p>q>r"});
  check_route("p", "s", {"p>t>s"});
  check_route("q", "s", {});

  //   k -[2016]-> m ==[2014 (r0), 2017 (r1)]==> n     only the 2017 relation fits after 2016
  const Graph parallel = graph_of("k m n", {"k e m 2016", "m e n 2014", "m e n 2017"});
  const auto result = shortest_path(View(parallel), 0, 2, timed);
  REQUIRE(result.paths.size() == 1);
  CHECK(result.paths[0].relations() == std::vector<RelationId>{0, 2});
}

TEST_CASE("paths: time-respecting queries agree with filtering every simple path") {
  // A seeded random multigraph with years, months, days, untils and undated
  // relations; the reference keeps the simple paths (any relations) whose
  // steps can be given non-decreasing days, checked here step by step.
  std::uint32_t state = 12345;
  auto next = [&state](std::uint32_t bound) {
    state = state * 1103515245u + 12345u;
    return (state >> 8) % bound;
  };
  std::string names;
  for (int i = 0; i < 14; ++i) names += "v" + std::to_string(i) + " ";
  std::vector<std::string> relations;
  for (int i = 0; i < 40; ++i) {
    std::string date;
    switch (next(5)) {
      case 0: date = "-"; break;
      case 1: date = std::to_string(2010 + next(4)); break;
      case 2: date = std::to_string(2010 + next(4)) + "-0" + std::to_string(1 + next(9)); break;
      case 3: date = std::to_string(2010 + next(4)) + "-0" + std::to_string(1 + next(9)) + "-1" + std::to_string(next(9)); break;
      default: date = std::to_string(2010 + next(3)) + ".." + std::to_string(2012 + next(3)); break;
    }
    relations.push_back("v" + std::to_string(next(14)) + " x v" + std::to_string(next(14)) + " " + date);
  }
  const Graph graph = graph_of(names, relations);
  const View view(graph);
  auto feasible = [&graph](const Path& path) {
    std::int32_t clock = std::numeric_limits<std::int32_t>::min();
    for (const auto& step : path.steps) {
      const Date date = graph.date(step.relation), until = graph.until(step.relation);
      const std::int32_t first = date.empty() ? std::numeric_limits<std::int32_t>::min() : date.first_day();
      const std::int32_t last = !until.empty() ? until.last_day()
                                : date.empty() ? std::numeric_limits<std::int32_t>::max()
                                               : date.last_day();
      if (last < clock) return false;
      clock = std::max(clock, first);
    }
    return true;
  };
  std::size_t pairs_connected = 0, pairs_cut_by_dates = 0;  // the test must test something
  for (const Direction direction : {Direction::Out, Direction::Any}) {
    for (EntityId from = 0; from < 14; from += 3) {
      for (EntityId to = 1; to < 14; to += 2) {
        if (from == to) continue;
        SimplePathsOptions every;
        every.direction = direction;
        every.max_hops = 4;
        every.distinct_relations = true;
        every.limit = 1000000;
        std::set<std::vector<EntityId>> expected, undated;
        std::vector<std::size_t> expected_lengths;
        for (const auto& path : all_simple_paths(view, from, to, every).paths) {
          undated.insert(path.entities());
          if (feasible(path) && expected.insert(path.entities()).second) expected_lengths.push_back(path.length());
        }
        pairs_connected += !expected.empty();
        pairs_cut_by_dates += expected.size() < undated.size();
        std::sort(expected_lengths.begin(), expected_lengths.end());

        SimplePathsOptions timed = every;
        timed.distinct_relations = false;
        timed.time_respecting = true;
        const auto found = all_simple_paths(view, from, to, timed);
        std::set<std::vector<EntityId>> got;
        for (const auto& path : found.paths) {
          CHECK(feasible(path));
          got.insert(path.entities());
        }
        CHECK(got == expected);

        KShortestPathsOptions k;
        k.direction = direction;
        k.max_hops = 4;
        k.time_respecting = true;
        k.k = 4;
        std::vector<std::size_t> lengths;
        for (const auto& path : k_shortest_paths(view, from, to, k).paths) {
          CHECK(feasible(path));
          lengths.push_back(path.length());
        }
        expected_lengths.resize(std::min<std::size_t>(expected_lengths.size(), 4));
        CHECK(lengths == expected_lengths);
      }
    }
  }
  CHECK(pairs_connected >= 20);
  CHECK(pairs_cut_by_dates >= 10);
}

TEST_CASE("paths: weighted shortest paths by an attribute or a table of types") {
  //   a --f (w=10)--> b --f (w=10)--> c
  //   a --g (w=50)------------------> c
  //   a --h (no w)--> d
  const Graph graph = graph_of("a b c d", {"a f b - w=10", "b f c - w=10", "a g c - w=50", "a h d"});
  const View view(graph);
  const EntityId a = id(graph, "a"), c = id(graph, "c");
  WeightedPathOptions options;
  options.weights = Weights::parse("w");
  auto result = weighted_shortest_path(view, a, c, options);
  CHECK(routes(graph, result) == std::vector<std::string>{"a>b>c"});
  CHECK(result.paths[0].weight == 20);
  CHECK(weighted_shortest_path(view, a, id(graph, "d"), options).paths[0].weight == 1);  // default weight

  options.weights = Weights::parse("f=30,g=1.5");
  result = weighted_shortest_path(view, a, c, options);
  CHECK(routes(graph, result) == std::vector<std::string>{"a>c"});
  CHECK(result.paths[0].weight == 1.5);

  KShortestPathsOptions k;
  k.k = 3;
  k.weights = Weights::parse("w");
  result = k_shortest_paths(view, a, c, k);
  CHECK(routes(graph, result) == std::vector<std::string>{"a>b>c", "a>c"});
  CHECK(result.paths[1].weight == 50);

  CHECK_THROWS_AS(Weights::parse("f=-1"), InvalidArgument);
  CHECK_THROWS_AS(Weights::parse("f=abc"), InvalidArgument);
  // One rule for repeated keys: refused, naming the key (issue 11, point 13).
  CHECK_THROWS_WITH_AS(Weights::parse("a=1,a=2"), doctest::Contains("'a' given twice"), InvalidArgument);
  CHECK_THROWS_AS(Weights::parse("f=1,"), InvalidArgument);
  options.weights = Weights::parse("ff=1");
  CHECK_THROWS_WITH_AS(weighted_shortest_path(view, a, c, options), doctest::Contains("no relation type 'ff'"),
                       InvalidArgument);
  options.weights = Weights::parse("nosuch");
  CHECK_THROWS_AS(weighted_shortest_path(view, a, c, options), InvalidArgument);

  const Graph negative = graph_of("a b", {"a f b - w=-2"});
  options.weights = Weights::parse("w");
  CHECK_THROWS_WITH_AS(weighted_shortest_path(View(negative), 0, 1, options), doctest::Contains("negative"),
                       InvalidArgument);
  const Graph text = graph_from_json(
      R"({"kg":1,"entities":[{"id":"a","name":"a","type":"t"},{"id":"b","name":"b","type":"t"}],)"
      R"("relations":[{"source":"a","target":"b","type":"f","attributes":{"w":"heavy"}}]})");
  CHECK_THROWS_WITH_AS(weighted_shortest_path(View(text), 0, 1, options), doctest::Contains("not a number"),
                       InvalidArgument);
}

TEST_CASE("paths: options validate themselves") {
  const Graph graph = graph_of("a b", {"a x b"});
  const View view(graph);
  SimplePathsOptions simple;  // no max_hops
  CHECK_THROWS_AS(all_simple_paths(view, 0, 1, simple), InvalidArgument);
  KShortestPathsOptions k;
  k.k = 0;
  CHECK_THROWS_AS(k_shortest_paths(view, 0, 1, k), InvalidArgument);
  ShortestPathOptions zero;
  zero.max_hops = 0;
  CHECK_THROWS_AS(shortest_path(view, 0, 1, zero), InvalidArgument);
  WeightedPathOptions weighted;
  weighted.weights = Weights::parse("x=1");
  weighted.time_respecting = true;
  CHECK_THROWS_AS(weighted_shortest_path(view, 0, 1, weighted), InvalidArgument);
  CHECK_THROWS_AS(shortest_path(view, 0, 7), InvalidArgument);
}

TEST_CASE("paths: ego networks by distance, with the relations among their entities") {
  //   c --> a --> b --> d --> e
  //   b --> c
  const Graph graph = graph_of("a b c d e", {"c x a", "a x b", "b x d", "d x e", "b x c"});
  const View view(graph);
  EgoNetworkOptions options;
  auto ego = ego_network(view, id(graph, "a"), options);
  CHECK(ego.entities == std::vector<EntityId>{0, 1, 2});
  CHECK(ego.distance == std::vector<std::uint32_t>{0, 1, 1});
  CHECK(ego.relations == std::vector<RelationId>{0, 1, 4});
  options.depth = 2;
  options.direction = Direction::Out;
  ego = ego_network(view, id(graph, "a"), options);
  CHECK(ego.entities == std::vector<EntityId>{0, 1, 2, 3});
  CHECK(ego.distance == std::vector<std::uint32_t>{0, 1, 2, 2});
  options.depth = 0;
  CHECK(ego_network(view, id(graph, "a"), options).entities == std::vector<EntityId>{0});

  PathFinder finder(view, Direction::Out);  // one finder, many queries
  CHECK(finder.within(0, 2).size() == 4);
  CHECK(finder.distance(0, 4) == std::optional<std::size_t>(3));
  CHECK(finder.distance(0, 4, 2) == std::nullopt);
  CHECK(finder.distance(4, 0) == std::nullopt);
  CHECK(finder.distance(2, 4) == std::optional<std::size_t>(4));
}

TEST_CASE("paths: the OpenAI sample connects Musk and Microsoft") {
  const auto read = read_graph(kg::test::source_dir() + "/samples/openai.json", std::nullopt);
  REQUIRE(read.graph);
  const Graph& graph = *read.graph;
  const View view(graph);
  const EntityId musk = id(graph, "musk"), microsoft = id(graph, "microsoft");
  auto result = shortest_path(view, musk, microsoft);
  CHECK(routes(graph, result) == std::vector<std::string>{"musk>microsoft"});  // "musk rejected microsoft"
  KShortestPathsOptions k;
  k.k = 4;
  result = k_shortest_paths(view, musk, microsoft, k);
  REQUIRE(result.paths.size() == 4);
  std::vector<std::size_t> lengths;
  for (const auto& path : result.paths) lengths.push_back(path.length());
  CHECK(lengths == std::vector<std::size_t>{1, 2, 2, 3});  // through OpenAI and through Altman, then 3 hops
  CHECK(routes(graph, result)[1] == "musk>altman>microsoft");
  for (const auto& path : result.paths) check_valid(view, path, Direction::Any);

  Filter funded;
  funded.relation_types = {"funded"};
  const View money(graph, funded);
  result = shortest_path(money, musk, microsoft);
  CHECK(routes(graph, result) == std::vector<std::string>{"musk>openai>microsoft"});
  CHECK_FALSE(result.paths[0].steps[1].forward);  // Microsoft funded OpenAI: walked against the arrow
}

TEST_CASE("PathFinder::shortest_path(options) answers what shortest_path() does, query after query") {
  // Every ordered pair of the sample, each direction, dates ignored and
  // respected in turn on one finder: the same path, relation for relation
  // (the representatives of parallel relations included), as a fresh search.
  const auto read = read_graph(kg::test::source_dir() + "/samples/openai.json", std::nullopt);
  REQUIRE(read.graph);
  const Graph& graph = *read.graph;
  const View view(graph);
  std::size_t compared = 0, found = 0;
  for (const Direction direction : {Direction::Any, Direction::Out, Direction::In}) {
    PathFinder finder(view, direction);
    for (EntityId from = 0; from < graph.entity_count(); ++from) {
      for (EntityId to = 0; to < graph.entity_count(); ++to) {
        ShortestPathOptions options;
        options.direction = direction;
        options.time_respecting = (from + to) % 2 == 1;
        const PathsResult fresh = shortest_path(view, from, to, options);
        const PathsResult reused = finder.shortest_path(from, to, options);
        REQUIRE(reused.paths.size() == fresh.paths.size());
        if (!fresh.paths.empty()) {
          CHECK(reused.paths[0].relations() == fresh.paths[0].relations());
          CHECK(reused.paths[0].weight == fresh.paths[0].weight);
          ++found;
        }
        ++compared;
      }
    }
  }
  CHECK(compared == 3 * graph.entity_count() * graph.entity_count());
  CHECK(found > compared / 4);  // most pairs connect: the comparison is not of empty answers

  PathFinder out(view, Direction::Out);
  ShortestPathOptions any;
  try {
    out.shortest_path(0, 1, any);
    FAIL("a query in another direction than the finder's was answered");
  } catch (const InvalidArgument& error) {
    CHECK(error.field() == "direction");
  }
}

// ---------------------------------------------------------------------------
// NetworkX comparisons (tests/oracle/networkx_paths.py).

namespace {

std::vector<std::vector<EntityId>> entity_sequences(const PathsResult& result) {
  std::vector<std::vector<EntityId>> all;
  for (const auto& path : result.paths) all.push_back(path.entities());
  std::sort(all.begin(), all.end());
  return all;
}

std::vector<std::vector<EntityId>> sequences(const rapidjson::Value& paths, const std::vector<EntityId>& ids) {
  std::vector<std::vector<EntityId>> all;
  for (const auto& path : paths.GetArray()) {
    std::vector<EntityId> sequence;
    for (const auto& i : path.GetArray()) sequence.push_back(ids[i.GetUint()]);
    all.push_back(sequence);
  }
  std::sort(all.begin(), all.end());
  return all;
}

void compare_with_networkx(const std::string& name) {
  const std::string file = kg::test::temp_dir() + "/graph.json";
  const auto answer = kg::test::run_oracle("networkx_paths.py", name + " " + file);
  const Graph graph = graph_from_json(kg::test::read_file(file));
  const View view(graph);
  std::vector<EntityId> ids;
  for (std::size_t i = 0; i < graph.entity_count(); ++i) ids.push_back(id(graph, "n" + std::to_string(i)));
  auto direction_of = [](const rapidjson::Value& text) {
    return std::string(text.GetString()) == "out" ? Direction::Out : Direction::Any;
  };

  for (const auto& [key, matrix] : answer["lengths"].GetObject()) {
    const Direction direction = direction_of(key);
    PathFinder finder(view, direction);
    std::size_t mismatches = 0;
    for (std::size_t s = 0; s < ids.size(); ++s) {
      for (std::size_t t = 0; t < ids.size(); ++t) {
        const int expected = matrix[s][t].GetInt();
        const auto got = finder.distance(ids[s], ids[t]);
        const int found = got ? static_cast<int>(*got) : -1;
        if (found != expected && mismatches++ == 0) {
          FAIL_CHECK(name << " " << key.GetString() << ": " << s << " to " << t << ": " << found << " hops, NetworkX "
                          << expected);
        }
      }
    }
    CHECK_MESSAGE(mismatches == 0, name << ": shortest path lengths differ from NetworkX");

    // Rings within 1..3 steps (large rings are grown bottom-up: both ways checked).
    for (std::size_t s = 0; s < ids.size(); s += 3) {
      for (std::size_t depth = 1; depth <= 3; ++depth) {
        std::vector<std::pair<EntityId, std::uint32_t>> expected, got;
        for (std::size_t t = 0; t < ids.size(); ++t) {
          const int d = matrix[s][t].GetInt();
          if (d >= 0 && d <= static_cast<int>(depth)) expected.emplace_back(ids[t], static_cast<std::uint32_t>(d));
        }
        got = finder.within(ids[s], depth);
        std::sort(expected.begin(), expected.end());
        std::sort(got.begin(), got.end());
        CHECK(got == expected);
      }
    }
  }

  for (const auto& query : answer["all_shortest"].GetArray()) {
    AllShortestPathsOptions options;
    options.direction = direction_of(query["direction"]);
    options.limit = 100000;
    const auto result = all_shortest_paths(view, ids[query["from"].GetUint()], ids[query["to"].GetUint()], options);
    CHECK(entity_sequences(result) == sequences(query["paths"], ids));
  }

  for (const auto& query : answer["simple"].GetArray()) {
    SimplePathsOptions options;
    options.direction = direction_of(query["direction"]);
    options.max_hops = query["cutoff"].GetUint();
    options.limit = 1000000;
    const auto result = all_simple_paths(view, ids[query["from"].GetUint()], ids[query["to"].GetUint()], options);
    CHECK(entity_sequences(result) == sequences(query["paths"], ids));
    for (std::size_t i = 1; i < result.paths.size(); ++i) CHECK(result.paths[i - 1].length() <= result.paths[i].length());
  }

  for (const auto& query : answer["k_shortest"].GetArray()) {
    KShortestPathsOptions options;
    options.direction = direction_of(query["direction"]);
    options.k = query["k"].GetUint();
    const auto result = k_shortest_paths(view, ids[query["from"].GetUint()], ids[query["to"].GetUint()], options);
    const auto expected = sequences(query["paths"], ids);  // sorted; lengths below
    std::vector<std::size_t> expected_lengths, lengths;
    for (const auto& path : query["paths"].GetArray()) expected_lengths.push_back(path.Size() - 1);
    for (const auto& path : result.paths) lengths.push_back(path.length());
    REQUIRE(lengths == expected_lengths);
    if (lengths.empty()) continue;
    // Below the k-th length both lists hold every simple path of that length;
    // at it, ties may be cut differently, so kg's must be valid and distinct.
    std::set<std::vector<EntityId>> shorter_kg, shorter_nx, all_kg;
    for (const auto& path : result.paths) {
      check_valid(view, path, options.direction);
      CHECK(all_kg.insert(path.entities()).second);
      if (path.length() < lengths.back()) shorter_kg.insert(path.entities());
    }
    for (const auto& path : expected) {
      if (path.size() - 1 < lengths.back()) shorter_nx.insert(path);
    }
    CHECK(shorter_kg == shorter_nx);
  }

  for (const auto& query : answer["weighted"].GetArray()) {
    WeightedPathOptions options;
    options.direction = direction_of(query["direction"]);
    options.weights = Weights::parse("weight");
    const EntityId from = ids[query["from"].GetUint()];
    const auto& lengths = query["lengths"];
    for (std::size_t t = 0; t < ids.size(); ++t) {
      const auto result = weighted_shortest_path(view, from, ids[t], options);
      const double expected = lengths[t].GetDouble();
      if (expected < 0) {
        CHECK(result.paths.empty());
      } else {
        REQUIRE(result.paths.size() == 1);
        CHECK(result.paths[0].weight == doctest::Approx(expected));
        check_valid(view, result.paths[0], options.direction);
      }
    }
  }
}

}  // namespace

TEST_CASE("paths: NetworkX agrees on Zachary's karate club") { compare_with_networkx("karate"); }
TEST_CASE("paths: NetworkX agrees on the Florentine families") { compare_with_networkx("florentine"); }
TEST_CASE("paths: NetworkX agrees on Les Miserables") { compare_with_networkx("lesmis"); }
TEST_CASE("paths: NetworkX agrees on Davis' southern women") { compare_with_networkx("davis"); }
TEST_CASE("paths: NetworkX agrees on seeded random directed multigraphs") {
  for (const char* seed : {"random:1", "random:2", "random:3"}) compare_with_networkx(seed);
}
