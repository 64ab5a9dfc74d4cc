// query/path: PathRequest validated by field, run() on a tiny graph with
// hand-computed answers, the streaming form, the presenters and the reason
// given when there is no path.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "query/path.hpp"
#include "tests/support/support.hpp"

using namespace kg;
using namespace kg::query;

namespace {

//   ann --funded 2015--> bob --funded 2017--> dan
//    |                                        ^
//    +--advised 2016--> cat --advised 2014----+        eve (alone)
//
// Two shortest connections from Ann to Dan, 2 hops each; only the one
// through Bob keeps its dates in order. The last quote names neither end.
const char* const kGraph = R"({"kg": 1,
  "sources": [{"id": "s"}],
  "entities": [{"id": "ann", "name": "Ann"}, {"id": "bob", "name": "Bob"}, {"id": "cat", "name": "Cat"},
               {"id": "dan", "name": "Dan"}, {"id": "eve", "name": "Eve"}],
  "relations": [
    {"source": "ann", "target": "bob", "type": "funded", "date": "2015", "evidence": [{"source": "s", "quote": "Ann paid Bob"}]},
    {"source": "bob", "target": "dan", "type": "funded", "date": "2017", "evidence": [{"source": "s", "quote": "Bob paid Dan"}]},
    {"source": "ann", "target": "cat", "type": "advised", "date": "2016", "evidence": [{"source": "s", "quote": "Ann told Cat"}]},
    {"source": "cat", "target": "dan", "type": "advised", "date": "2014", "evidence": [{"source": "s", "quote": "nothing here"}]}]})";

PathRequest ask(std::string from, std::string to) {
  PathRequest request;
  request.from = std::move(from);
  request.to = std::move(to);
  return request;
}

std::vector<std::string> keys(const Graph& graph, const Path& path) {
  std::vector<std::string> result;
  for (const EntityId e : path.entities()) result.emplace_back(graph.entity_key(e));
  return result;
}

using Keys = std::vector<std::string>;

// The field an invalid request names.
std::string bad_field(const PathRequest& request) {
  try {
    request.validate();
  } catch (const InvalidArgument& error) {
    return error.field();
  }
  return "(valid)";
}

std::string angle(std::string_view field) { return "<" + std::string(field) + ">"; }

}  // namespace

TEST_CASE("PathRequest::validate names the field at fault") {
  CHECK(bad_field(ask("ann", "dan")) == "(valid)");
  auto request = ask("ann", "dan");
  request.k = 0;
  CHECK(bad_field(request) == "k");
  request = ask("ann", "dan");
  request.all_shortest = true;
  request.k = 2;
  CHECK(bad_field(request) == "all_shortest");
  CHECK_THROWS_WITH(request.validate(), "all_shortest and k cannot be combined");
  request = ask("ann", "dan");
  request.limit = 5;  // one shortest path lists nothing
  CHECK(bad_field(request) == "limit");
  request.all_shortest = true;
  CHECK(bad_field(request) == "(valid)");
  request.limit = 0;
  CHECK(bad_field(request) == "limit");
  request = ask("ann", "dan");
  request.distinct_relations = true;
  CHECK(bad_field(request) == "distinct_relations");
  request.k = 2;
  CHECK(bad_field(request) == "(valid)");
  request = ask("ann", "dan");
  request.weighted = true;
  request.max_hops = 3;
  CHECK(bad_field(request) == "max_hops");
  CHECK_THROWS_WITH(request.validate(), "max_hops cannot be combined with path_weights");
  request = ask("ann", "dan");
  request.weight_by = "funded=";
  CHECK(bad_field(request) == "weights");
  request = ask("ann", "dan");
  request.view.as_of = "2016-13";
  CHECK(bad_field(request) == "as_of");
}

TEST_CASE("run: the shortest, every shortest, the k shortest, the lightest and the time-respecting path") {
  const Graph graph = kg::test::graph_from_json(kGraph);
  QueryContext context(graph);
  auto request = ask("Ann", "dan");  // names resolve by name or id
  auto answer = run(request, context);
  REQUIRE(answer.paths.size() == 1);
  CHECK(answer.paths[0].length() == 2);
  CHECK(answer.count == 1);
  CHECK_FALSE(answer.reason);

  request.all_shortest = true;
  answer = run(request, context);
  REQUIRE(answer.paths.size() == 2);
  CHECK(keys(graph, answer.paths[0]) == Keys{"ann", "bob", "dan"});
  CHECK(keys(graph, answer.paths[1]) == Keys{"ann", "cat", "dan"});
  CHECK_FALSE(answer.truncated);

  request.limit = 1;
  answer = run(request, context);
  CHECK(answer.paths.size() == 1);
  CHECK(answer.truncated);
  CHECK(answer.limit == 1);

  request = ask("ann", "dan");
  request.k = 3;  // only two simple paths exist
  CHECK(run(request, context).paths.size() == 2);

  // funded weighs 5: through Bob 10, through Cat 1 + 1.
  request = ask("ann", "dan");
  request.weight_by = "funded=5";
  answer = run(request, context);
  REQUIRE(answer.paths.size() == 1);
  CHECK(keys(graph, answer.paths[0]) == Keys{"ann", "cat", "dan"});
  CHECK(answer.paths[0].weight == 2);
  REQUIRE(answer.relation_weights.get() != nullptr);
  CHECK(*answer.relation_weights == std::vector<double>{5, 5, 1, 1});

  // Cat's step to Dan (2014) comes before Ann's to Cat (2016).
  request = ask("ann", "dan");
  request.time_respecting = true;
  answer = run(request, context);
  REQUIRE(answer.paths.size() == 1);
  CHECK(keys(graph, answer.paths[0]) == Keys{"ann", "bob", "dan"});
}

TEST_CASE("run: the streaming form hands over each path as it is found") {
  const Graph graph = kg::test::graph_from_json(kGraph);
  QueryContext context(graph);
  struct Recorder : PathSink {
    std::vector<std::string> calls;
    void begin(const PathAnswer& head) override { calls.push_back("begin " + std::to_string(head.from)); }
    void path(const Path& path) override { calls.push_back("path " + std::to_string(path.length())); }
    void end(const PathAnswer& answer) override { calls.push_back("end " + std::to_string(answer.count)); }
  } recorder;
  auto request = ask("ann", "dan");
  request.max_hops = 3;
  const auto answer = run(request, context, recorder);
  CHECK(recorder.calls == std::vector<std::string>{"begin 0", "path 2", "path 2", "end 2"});
  CHECK(answer.paths.empty());
  CHECK(answer.count == 2);
}

TEST_CASE("run: with no path, the reason names what kept them apart, worded by the front end") {
  const Graph graph = kg::test::graph_from_json(kGraph);
  QueryContext context(graph);
  const auto reason = [&](const PathRequest& request, const FieldNamer& namer = {}) {
    const auto answer = run(request, context);
    CHECK(answer.paths.empty());
    REQUIRE(answer.reason);
    return answer.reason->worded(namer);
  };
  CHECK(reason(ask("ann", "eve")) == "no path from Ann to Eve: they are not connected in this graph");
  auto request = ask("ann", "dan");
  request.max_hops = 1;
  CHECK(reason(request) == "no path from Ann to Dan within 1 hop; the shortest has 2");
  request = ask("ann", "dan");
  request.time_respecting = true;
  request.view.relation_types = {"advised"};
  CHECK(reason(request) == "no time-respecting path from Ann to Dan: every connection has a step dated before the "
                           "step it follows; ignoring dates they connect in 2 hops");
  // Walking in from Ann reaches nobody, whatever the types; following only
  // funded, Ann still reaches Dan through Bob.
  request = ask("ann", "dan");
  request.view.relation_types = {"funded"};
  request.view.direction = Direction::In;
  CHECK(reason(request) ==
        "no path from Ann to Dan with relation_types funded direction in; without direction in they connect in 2 hops");
  CHECK(reason(request, angle) ==
        "no path from Ann to Dan with <relation_types> funded <direction> in; without <direction> in they connect in 2 "
        "hops");
  request = ask("ann", "dan");
  request.view.undated = Undated::Only;  // every relation is dated
  CHECK(reason(request) == "no path from Ann to Dan with undated only; without it they connect in 2 hops");
  request = ask("ann", "eve");
  request.view.avoid = {"bob"};
  CHECK(reason(request) == "no path from Ann to Eve with avoid bob: they are not connected in this graph, even "
                           "without filters");
}

TEST_CASE("to_text and to_json: the paths with their steps, dates and evidence") {
  const Graph graph = kg::test::graph_from_json(kGraph);
  QueryContext context(graph);
  auto request = ask("ann", "dan");
  request.all_shortest = true;
  auto answer = run(request, context);
  CHECK(to_text(answer, graph) ==
        "path 1: 2 hops\n"
        "Ann -[funded 2015]-> Bob\n"
        "    \"Ann paid Bob\" (s)\n"
        "Bob -[funded 2017]-> Dan\n"
        "    \"Bob paid Dan\" (s)\n"
        "\n"
        "path 2: 2 hops\n"
        "Ann -[advised 2016]-> Cat\n"
        "    \"Ann told Cat\" (s)\n"
        "Cat -[advised 2014]-> Dan\n"
        "    \"nothing here\" (s)\n"
        "    (no quote names Cat or Dan)\n");

  request.limit = 1;
  answer = run(request, context);
  CHECK(to_text(answer, graph, angle) ==
        "Ann -[funded 2015]-> Bob\n"
        "    \"Ann paid Bob\" (s)\n"
        "Bob -[funded 2017]-> Dan\n"
        "    \"Bob paid Dan\" (s)\n"
        "\n(stopped at <limit> 1; more paths exist)\n");
  CHECK(json_text([&](JsonSink& json) { to_json(answer, graph, json); }) ==
        R"({"from":"ann","to":"dan","paths":[{"length":2,"steps":[)"
        R"({"source":"ann","type":"funded","target":"bob","date":"2015","forward":true,)"
        R"("evidence":[{"source":"s","quote":"Ann paid Bob"}]},)"
        R"({"source":"bob","type":"funded","target":"dan","date":"2017","forward":true,)"
        R"("evidence":[{"source":"s","quote":"Bob paid Dan"}]}]}],"truncated":true,"undated_relations":0})");

  // Weighted: numbered even alone, each step with its weight; walking
  // against a relation reads it backwards.
  request = ask("dan", "ann");
  request.weight_by = "funded=5";
  answer = run(request, context);
  CHECK(to_text(answer, graph) ==
        "path 1: 2 hops, weight 2\n"
        "Dan <-[advised 2014]- Cat  (weight 1)\n"
        "    \"nothing here\" (s)\n"
        "    (no quote names Cat or Dan)\n"
        "Cat <-[advised 2016]- Ann  (weight 1)\n"
        "    \"Ann told Cat\" (s)\n");

  // The streaming writer writes the same bytes as the whole-answer presenter.
  request = ask("ann", "eve");
  std::string streamed;
  PathJsonWriter writer(graph, [&streamed](std::string_view piece) { streamed += piece; });
  answer = run(request, context, writer);
  CHECK(streamed == json_text([&](JsonSink& json) { to_json(answer, graph, json); }) + "\n");
  CHECK(streamed == R"({"from":"ann","to":"eve","paths":[],"reason":"no path from Ann to Eve: they are not )"
                    R"(connected in this graph","undated_relations":0})"
                    "\n");
}
