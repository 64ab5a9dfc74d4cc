// query/subgraph: the live map's pieces on a graph small enough to rank by
// hand: which entities a limit keeps, the relation cap, paths with and
// without context, the fields validate() names, and both presenters.
#include <doctest/doctest.h>

#include <rapidjson/document.h>

#include <string>
#include <vector>

#include "graph/exception.hpp"
#include "query/subgraph.hpp"
#include "tests/support/support.hpp"

using namespace kg;
using namespace kg::query;

namespace {

//   a --knew--> h ==met x25==> b --knew--> x
//                                \--knew--> y
// Relations: h-a 1, h-b 25 (ids 1..25), b-x, b-y. Degrees: h 26, b 27, a, x, y 1.
std::string hub_graph() {
  std::string relations = R"({"source": "a", "target": "h", "type": "knew"})";
  for (int i = 0; i < 25; ++i) relations += R"(, {"source": "h", "target": "b", "type": "met", "date": "2016"})";
  relations += R"(, {"source": "b", "target": "x", "type": "knew"}, {"source": "b", "target": "y", "type": "knew"})";
  std::string entities;
  for (const char* id : {"h", "a", "b", "x", "y"}) {
    entities += std::string(entities.empty() ? "" : ", ") + R"({"id": ")" + id + R"(", "name": ")" + char(id[0] - 32) +
                R"(", "type": "person"})";
  }
  return R"({"kg": 1, "entities": [)" + entities + R"(], "relations": [)" + relations + "]}";
}

std::vector<std::string> keys(const Graph& graph, const std::vector<EntityId>& ids) {
  std::vector<std::string> result;
  for (const EntityId e : ids) result.emplace_back(graph.entity_key(e));
  return result;
}

SubgraphAnswer piece(const Graph& graph, const SubgraphRequest& request) {
  QueryContext context(graph);
  return run(request, context);
}

}  // namespace

TEST_CASE("SubgraphRequest::validate names the field at fault") {
  SubgraphRequest request;
  request.focus = "h";
  request.path = {"a", "x"};
  CHECK_THROWS_WITH_AS(request.validate(), "focus and path exclude one another", InvalidArgument);
  request.focus.clear();
  request.path = {"a"};
  CHECK_THROWS_WITH_AS(request.validate(), "path: names two entities, A and B", InvalidArgument);
  request.path.clear();
  request.k = 2;
  CHECK_THROWS_WITH_AS(request.validate(), "k applies to path", InvalidArgument);
  request.k = 1;
  request.limit = 0;
  try {
    request.validate();
    FAIL("a limit of 0 was accepted");
  } catch (const InvalidArgument& error) {
    CHECK(error.field() == "limit");
  }
}

TEST_CASE("run: a limit keeps the focus, then the nearest, the busiest among equals") {
  const Graph graph = kg::test::graph_from_json(hub_graph());
  SubgraphRequest request;
  request.focus = "h";
  request.depth = 2;
  request.limit = 3;
  // h (0); b (1, 27 relations) before a (1, 1 relation); x and y (2) left out.
  auto answer = piece(graph, request);
  CHECK(keys(graph, answer.diagram.entities) == std::vector<std::string>{"h", "a", "b"});
  CHECK(answer.diagram.entity_emphasis[0] == Emphasis::Focus);
  CHECK(answer.truncated);
  CHECK(answer.total_entities == 5);
  CHECK(answer.total_relations == 28);
  CHECK(answer.diagram.relations.size() == 26);  // all but b-x and b-y

  // Without a focus: the entity with the most relations, b.
  request.focus.clear();
  request.depth.reset();
  request.limit = 100;
  answer = piece(graph, request);
  REQUIRE(answer.focus);
  CHECK(graph.entity_key(*answer.focus) == "b");
  CHECK(keys(graph, answer.diagram.entities) == std::vector<std::string>{"h", "b", "x", "y"});
  CHECK_FALSE(answer.truncated);
}

TEST_CASE("run: relations are capped at 10 per entity of the limit, nearest the focus first") {
  const Graph graph = kg::test::graph_from_json(hub_graph());
  SubgraphRequest request;
  request.focus = "b";
  request.limit = 2;  // b and h; 20 relations at most
  const auto answer = piece(graph, request);
  CHECK(keys(graph, answer.diagram.entities) == std::vector<std::string>{"h", "b"});
  REQUIRE(answer.diagram.relations.size() == 20);
  CHECK(answer.diagram.relations.front() == 1);  // the lowest ids of the 25 parallel ones
  CHECK(answer.diagram.relations.back() == 20);
  CHECK(answer.truncated);
  CHECK(answer.total_entities == 4);
  CHECK(answer.total_relations == 27);
}

TEST_CASE("run: a path's entities are kept whatever the limit; context comes plainly") {
  const Graph graph = kg::test::graph_from_json(hub_graph());
  SubgraphRequest request;
  request.path = {"a", "X"};
  request.limit = 1;
  auto answer = piece(graph, request);
  CHECK(answer.found);
  CHECK(keys(graph, answer.path) == std::vector<std::string>{"a", "x"});
  CHECK(keys(graph, answer.diagram.entities) == std::vector<std::string>{"h", "a", "b", "x"});
  CHECK(answer.diagram.relations.size() == 3);  // a-h, one h-b, b-x
  for (const Emphasis emphasis : answer.diagram.relation_emphasis) CHECK(emphasis == Emphasis::Highlighted);
  CHECK_FALSE(answer.truncated);
  CHECK(answer.diagram.caption == "A to X in 3 steps");

  request.depth = 1;
  request.limit = 100;
  answer = piece(graph, request);
  CHECK(keys(graph, answer.diagram.entities) == std::vector<std::string>{"h", "a", "b", "x", "y"});
  CHECK(answer.diagram.relations.size() == 28);
  CHECK(answer.diagram.entity_emphasis[4] == Emphasis::Normal);  // y, the context

  request.view.relation_types = {"knew"};
  request.depth.reset();
  answer = piece(graph, request);
  CHECK_FALSE(answer.found);
  CHECK(answer.diagram.entities.empty());
  CHECK(answer.diagram.caption == "no path joins A and X in this view");
}

TEST_CASE("run: unknown and filtered-out names") {
  const Graph graph = kg::test::graph_from_json(hub_graph());
  SubgraphRequest request;
  request.focus = "zed";
  CHECK_THROWS_AS(piece(graph, request), NameNotFound);
  request.focus = "h";
  request.view.avoid = {"h"};
  try {
    piece(graph, request);
    FAIL("an avoided focus was accepted");
  } catch (const InvalidArgument& error) {
    CHECK(error.field() == "focus");
  }
}

TEST_CASE("to_text and to_json: what was asked, the model to merge, and how much was left out") {
  const Graph graph = kg::test::graph_from_json(hub_graph());
  SubgraphRequest request;
  request.focus = "b";
  request.limit = 2;
  const auto answer = piece(graph, request);
  CHECK(to_text(answer, graph) ==
        "within 1 step of B: 2 entities, 20 relations (of 4 and 27: the nearest, busiest first)\n"
        "  H (h, person)\n"
        "  B (b, person)\n");
  const auto json = test::parse_json(json_text([&](JsonSink& sink) { to_json(answer, graph, sink); }));
  CHECK(std::string(json["focus"].GetString()) == "b");
  CHECK(json["limit"].GetUint64() == 2);
  CHECK(json["truncated"].GetBool());
  CHECK(json["total_relations"].GetUint64() == 27);
  REQUIRE(json["entities"].Size() == 2);
  CHECK(json["entities"][1]["degree"].GetUint64() == 27);
  CHECK(std::string(json["entities"][1]["emphasis"].GetString()) == "focus");
  CHECK(json["relations"][0]["key"].GetUint() == 1);
  CHECK(json["relations"][0]["source"].GetUint() == 0);  // h, the first entity written
  CHECK(json["relation_types"].HasMember("met"));
  CHECK(!json["relation_types"].HasMember("knew"));  // no knew relation in this piece
  CHECK(!json.HasMember("cut"));
}
