// query::EntityRequest on a tiny graph: which relations each direction and
// window keeps, paging, the fields validate() and run() name, both presenters.
#include <doctest/doctest.h>

#include "graph/exception.hpp"
#include "query/entity.hpp"
#include "tests/support/support.hpp"

namespace {

//   Zoë (a, person; alias "Z"; role "chair", founded 2015)
//
//        r0 met 2016               r1 knew
//   Zoë ------------> Bob <-------------------- Carl
//    ^  \                                        |
//    |   r2 likes (to herself)                   |
//    +------------------ r3 saw 2017 ------------+
const char* kGraph = R"({"kg": 1,
  "sources": [{"id": "s"}],
  "entities": [{"id": "a", "name": "Zoë", "type": "person", "aliases": ["Z"],
                "attributes": {"role": "chair", "founded": 2015}},
               {"id": "b", "name": "Bob", "type": "person"},
               {"id": "c", "name": "Carl", "type": "company"}],
  "relations": [{"source": "a", "target": "b", "type": "met", "date": "2016",
                 "evidence": [{"source": "s", "quote": "Zoe met Bob"}]},
                {"source": "c", "target": "b", "type": "knew"},
                {"source": "a", "target": "a", "type": "likes"},
                {"source": "c", "target": "a", "type": "saw", "date": "2017"}]})";

kg::query::EntityAnswer open(const kg::Graph& graph, const kg::query::EntityRequest& request) {
  kg::query::QueryContext context(graph);
  return kg::query::run(request, context);
}

std::vector<kg::RelationId> relations_of(const kg::Graph& graph, kg::Direction direction, const std::string& as_of = "") {
  kg::query::EntityRequest request;
  request.entity = "zoë";
  request.view.direction = direction;
  request.view.as_of = as_of;
  return open(graph, request).relations;
}

}  // namespace

TEST_CASE("query entity: its relations each way, once each, in input order") {
  const kg::Graph g = kg::test::graph_from_json(kGraph);
  using V = std::vector<kg::RelationId>;
  CHECK(relations_of(g, kg::Direction::Any) == V{0, 2, 3});
  CHECK(relations_of(g, kg::Direction::Out) == V{0, 2});
  CHECK(relations_of(g, kg::Direction::In) == V{2, 3});
  // 2017's saw is outside 2016; the undated likes is kept, as everywhere.
  CHECK(relations_of(g, kg::Direction::Any, "2016") == V{0, 2});
}

TEST_CASE("query entity: a page of its relations, and both presenters") {
  const kg::Graph g = kg::test::graph_from_json(kGraph);
  kg::query::EntityRequest request;
  request.entity = "Z";  // the alias
  const auto all = open(g, request);
  CHECK(kg::query::to_text(all, g) ==
        "Zoë (a, person)\n"
        "  alias: Z\n"
        "  role: chair\n"
        "  founded: 2015\n"
        "\n"
        "relations (3):\n"
        "  Zoë -[met 2016]-> Bob\n"
        "      \"Zoe met Bob\" (s)\n"
        "  Zoë -[likes]-> Zoë\n"
        "      (no evidence recorded)\n"
        "  Zoë <-[saw 2017]- Carl\n"
        "      (no evidence recorded)\n");

  request.offset = 1;
  request.limit = 1;
  const auto page = open(g, request);
  CHECK(page.relations == std::vector<kg::RelationId>{2});
  CHECK(page.total_relations == 3);
  CHECK(kg::query::json_text([&](kg::query::JsonSink& json) { to_json(page, g, json); }) ==
        R"({"id":"a","name":"Zoë","type":"person","aliases":["Z"],"attributes":{"role":"chair","founded":2015},)"
        R"("relations":[{"source":"a","type":"likes","target":"a","date":null,"evidence":[]}],)"
        R"("offset":1,"limit":1,"total_relations":3})");
  CHECK(kg::query::to_text(page, g).find("relations (1 of 3, from 1):\n  Zoë -[likes]-> Zoë\n") != std::string::npos);
}

TEST_CASE("query entity: validate() and run() name the bad field, or the name not found") {
  const kg::Graph g = kg::test::graph_from_json(kGraph);
  kg::query::EntityRequest request;
  CHECK_THROWS_WITH_AS(open(g, request), "entity: must not be empty", kg::InvalidArgument);
  request.entity = "nobody";
  CHECK_THROWS_AS(open(g, request), kg::NameNotFound);
  request.entity = "a";
  request.view.entity_types = {"company"};
  CHECK_THROWS_WITH_AS(open(g, request), "entity: 'a' is left out by the filters", kg::InvalidArgument);
  request.view.entity_types.clear();
  request.view.between = "2017..2016";
  try {
    open(g, request);
    FAIL("no error");
  } catch (const kg::InvalidArgument& error) {
    CHECK(error.field() == "between");
  }
}
