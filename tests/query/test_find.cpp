// query::FindRequest run on a tiny graph: paging each list, the fields
// validate() names, and both presenters.
#include <doctest/doctest.h>

#include "graph/exception.hpp"
#include "query/find.hpp"
#include "tests/support/support.hpp"

namespace {

//   Zoë (a, person) -[met 2016]-> Bob (b, person; alias "Bobby") <-[knew]- Carl (c, company)
//   quotes: a->b "Zoe met Bob";  c->b "Carl knew ZOË well"
//
// "o" is in Zoë, in Bob and in his alias Bobby, not in Carl: two entities
// (three names), both relations (met between two matches, knew at Bob), and
// both quotes.
const char* kGraph = R"({"kg": 1,
  "sources": [{"id": "s"}],
  "entities": [{"id": "a", "name": "Zoë", "type": "person"},
               {"id": "b", "name": "Bob", "type": "person", "aliases": ["Bobby"]},
               {"id": "c", "name": "Carl", "type": "company"}],
  "relations": [{"source": "a", "target": "b", "type": "met", "date": "2016",
                 "evidence": [{"source": "s", "quote": "Zoe met Bob"}]},
                {"source": "c", "target": "b", "type": "knew", "evidence": [{"source": "s", "quote": "Carl knew ZOË well"}]}]})";

kg::query::FindAnswer find(const kg::Graph& graph, const kg::query::FindRequest& request) {
  kg::query::QueryContext context(graph);
  return kg::query::run(request, context);
}

std::string field_of(const kg::query::FindRequest& request, const kg::Graph& graph) {
  try {
    find(graph, request);
  } catch (const kg::InvalidArgument& error) {
    return error.field();
  }
  return "no error";
}

}  // namespace

TEST_CASE("query find: the whole answer, then one page of each list with the totals") {
  const kg::Graph g = kg::test::graph_from_json(kGraph);
  kg::query::FindRequest request;
  request.text = "o";
  const auto all = find(g, request);
  REQUIRE(all.hits.entities.size() == 3);  // Zoë's name, Bob's name, Bob's alias
  CHECK(all.total_entities == 2);
  CHECK(all.total_relations == 2);
  CHECK(all.total_quotes == 2);
  CHECK(all.found());
  CHECK_FALSE(all.paged());

  request.offset = 1;
  request.limit = 1;
  const auto page = find(g, request);
  // The second entity with both its names, the second relation, the second quote.
  REQUIRE(page.hits.entities.size() == 2);
  CHECK(page.hits.entities[0].entity == 1);
  CHECK(page.hits.entities[0].alias == -1);
  CHECK(page.hits.entities[1].alias == 0);
  REQUIRE(page.hits.relations.size() == 1);
  CHECK(page.hits.relations[0].relation == 1);
  CHECK(page.hits.relations[0].reason == kg::RelationReason::Endpoint);
  REQUIRE(page.hits.quotes.size() == 1);
  CHECK(page.hits.quotes[0].relation == 1);
  CHECK(page.total_entities == 2);
  CHECK(page.total_relations == 2);
  CHECK(page.total_quotes == 2);

  request.offset = 5;
  request.limit = 0;
  const auto past = find(g, request);
  CHECK(past.hits.entities.empty());
  CHECK(past.hits.relations.empty());
  CHECK(past.hits.quotes.empty());
  CHECK(past.found());  // there are hits, only not on this page
}

TEST_CASE("query find: JSON carries the page and totals only when paged, and text marks the spans") {
  const kg::Graph g = kg::test::graph_from_json(kGraph);
  kg::query::FindRequest request;
  request.text = "bobby";
  request.scope = kg::SearchScope::Names;
  const auto answer = find(g, request);
  const auto json = [&](const kg::query::FindAnswer& a) {
    return kg::query::json_text([&](kg::query::JsonSink& sink) { to_json(a, g, sink); });
  };
  CHECK(json(answer) ==
        R"({"text":"bobby","regex":false,"in":"names","entities":[{"id":"b","name":"Bob","type":"person",)"
        R"("matches":[{"field":"alias","text":"Bobby","spans":[[0,5]]}]}],"relations":[)"
        R"({"source":"a","type":"met","target":"b","date":"2016","reason":"endpoint","evidence":[{"source":"s","quote":"Zoe met Bob"}]},)"
        R"({"source":"c","type":"knew","target":"b","date":null,"reason":"endpoint","evidence":[{"source":"s","quote":"Carl knew ZOË well"}]}],)"
        R"("quotes":[]})");
  CHECK(kg::query::to_text(answer, g) ==
        "entities (1):\n"
        "  Bob (b, person): alias [[Bobby]]\n"
        "\n"
        "relations (2):\n"
        "  Zoë -[met 2016]-> Bob\n"
        "  Carl -[knew]-> Bob\n");

  request.limit = 1;
  const auto page = find(g, request);
  const std::string paged = json(page);
  CHECK(paged.find(R"("offset":0,"limit":1,"total":{"entities":1,"relations":2,"quotes":0}})") != std::string::npos);
  CHECK(kg::query::to_text(page, g, kg::query::Marks::Bold) ==
        "entities (1):\n"
        "  Bob (b, person): alias \x1b[1mBobby\x1b[0m\n"
        "\n"
        "relations (1):\n"
        "  Zoë -[met 2016]-> Bob\n"
        "\n"
        "(a page: from item 0 of each list, at most 1; in all 1 entity, 2 relations, 0 quotes)\n");
}

TEST_CASE("query find: validate() and run() name the bad field") {
  const kg::Graph g = kg::test::graph_from_json(kGraph);
  kg::query::FindRequest request;
  CHECK(field_of(request, g) == "text");  // empty
  request.text = "(";
  request.regex = true;
  CHECK(field_of(request, g) == "text");  // not a regular expression
  request.regex = false;
  request.view.as_of = "2016-13";
  CHECK(field_of(request, g) == "as_of");
  request.view.as_of.clear();
  request.entity_type = "robot";
  CHECK(field_of(request, g) == "entity_type");
  request.entity_type = "company";
  CHECK(field_of(request, g) == "no error");
}
