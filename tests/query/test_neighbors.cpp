// query/neighbors: NeighborsRequest validated by field, run() on a tiny graph
// with hand-computed rings, and the presenters.
#include <doctest/doctest.h>

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "query/neighbors.hpp"
#include "tests/support/support.hpp"

using namespace kg;
using namespace kg::query;

namespace {

//   ann --funded 2015--> bob --funded--> dan       (bob -> dan undated)
//    |
//    +--advised 2016--> cat
const char* const kGraph = R"({"kg": 1,
  "sources": [{"id": "s"}],
  "entities": [{"id": "ann", "name": "Ann", "type": "person"}, {"id": "bob", "name": "Bob", "type": "person"},
               {"id": "cat", "name": "Cat", "type": "lab"}, {"id": "dan", "name": "Dan", "type": "person"}],
  "relations": [
    {"source": "ann", "target": "bob", "type": "funded", "date": "2015", "evidence": [{"source": "s", "quote": "Ann paid Bob"}]},
    {"source": "bob", "target": "dan", "type": "funded"},
    {"source": "ann", "target": "cat", "type": "advised", "date": "2016", "evidence": [{"source": "s", "quote": "Ann told Cat"}]}]})";

NeighborsRequest around(std::string center, std::size_t depth) {
  NeighborsRequest request;
  request.center = std::move(center);
  request.depth = depth;
  return request;
}

}  // namespace

TEST_CASE("NeighborsRequest::validate names the field at fault") {
  auto request = around("ann", std::numeric_limits<std::uint32_t>::max());
  CHECK_THROWS_WITH_AS(request.validate(), "depth: too large", InvalidArgument);
  request = around("ann", 1);
  request.view.between = "2017..2015";
  try {
    request.validate();
    FAIL("a window ending before it starts was accepted");
  } catch (const InvalidArgument& error) {
    CHECK(error.field() == "between");
  }
}

TEST_CASE("run: the rings around an entity and the relations among them") {
  const Graph graph = kg::test::graph_from_json(kGraph);
  QueryContext context(graph);
  auto answer = run(around("Ann", 1), context);
  const auto keys = [&graph](const std::vector<EntityId>& ids) {
    std::vector<std::string> result;
    for (const EntityId e : ids) result.emplace_back(graph.entity_key(e));
    return result;
  };
  CHECK(keys(answer.ego.entities) == std::vector<std::string>{"ann", "bob", "cat"});
  CHECK(answer.ego.distance == std::vector<std::uint32_t>{0, 1, 1});
  CHECK(answer.ego.relations == std::vector<RelationId>{0, 2});
  CHECK_FALSE(answer.ego.cut);

  answer = run(around("ann", 2), context);
  CHECK(keys(answer.ego.entities) == std::vector<std::string>{"ann", "bob", "cat", "dan"});
  CHECK(answer.ego.distance == std::vector<std::uint32_t>{0, 1, 1, 2});
  CHECK(answer.undated_relations == 1);

  // Walking in, Bob is reached from Dan; Ann is not.
  auto request = around("dan", 2);
  request.view.direction = Direction::In;
  answer = run(request, context);
  CHECK(keys(answer.ego.entities) == std::vector<std::string>{"dan", "bob", "ann"});
}

TEST_CASE("to_text and to_json: rings with the relations that reach them, and their evidence") {
  const Graph graph = kg::test::graph_from_json(kGraph);
  QueryContext context(graph);
  auto request = around("bob", 1);
  request.view.as_of = "2015";  // keeps Ann's funding and the undated one, marked
  const auto answer = run(request, context);
  CHECK(to_text(answer, graph) ==
        "Bob (bob): 2 entities within 1 step, 2 relations among them\n"
        "\n1 step away:\n"
        "  Ann (ann, person)\n"
        "      Ann -[funded 2015]-> Bob\n"
        "          \"Ann paid Bob\" (s)\n"
        "  Dan (dan, person)\n"
        "      Bob -[funded undated]-> Dan\n"
        "          (no evidence recorded)\n");
  CHECK(json_text([&](JsonSink& json) { to_json(answer, graph, json); }) ==
        R"({"center":"bob","depth":1,"entities":[)"
        R"({"id":"bob","name":"Bob","type":"person","distance":0},)"
        R"({"id":"ann","name":"Ann","type":"person","distance":1},)"
        R"({"id":"dan","name":"Dan","type":"person","distance":1}],)"
        R"("relations":[{"source":"ann","type":"funded","target":"bob","date":"2015",)"
        R"("evidence":[{"source":"s","quote":"Ann paid Bob"}]},)"
        R"({"source":"bob","type":"funded","target":"dan","date":null,"evidence":[]}],"undated_relations":1})");
}
