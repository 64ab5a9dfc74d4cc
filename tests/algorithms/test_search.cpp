// kg find's matching: names and aliases, relation types, quotes, spans.
#include <doctest/doctest.h>

#include "algorithms/search.hpp"
#include "graph/exception.hpp"
#include "tests/support/support.hpp"

namespace {

//   Zoë (a) -[met]-> Bob (b, alias "Bobby’s pal") <-[knew]- Carl (c)
//   quotes: a->b "Zoe met Bob";  c->b "Carl knew ZOË well"
const char* kGraph = R"({"kg": 1,
  "sources": [{"id": "s"}],
  "entities": [{"id": "a", "name": "Zoë", "type": "person"},
               {"id": "b", "name": "Bob", "type": "person", "aliases": ["Bobby’s pal"]},
               {"id": "c", "name": "Carl", "type": "company"}],
  "relations": [{"source": "a", "target": "b", "type": "met", "evidence": [{"source": "s", "quote": "Zoe met Bob"}]},
                {"source": "c", "target": "b", "type": "knew", "evidence": [{"source": "s", "quote": "Carl knew ZOË well"}]}]})";

kg::SearchResult find(const kg::Graph& g, const std::string& text, kg::SearchScope scope = kg::SearchScope::All,
                      bool regex = false, const std::string& type = "") {
  kg::SearchOptions options;
  options.text = text;
  options.scope = scope;
  options.regex = regex;
  options.entity_type = type;
  return kg::search(kg::View(g), options);
}

}  // namespace

TEST_CASE("search: a name without its accent finds the entity, its relations and the quotes") {
  const kg::Graph g = kg::test::graph_from_json(kGraph);
  const auto result = find(g, "zoe");
  REQUIRE(result.entities.size() == 1);
  CHECK(result.entities[0].entity == 0);
  CHECK(result.entities[0].alias == -1);
  REQUIRE(result.entities[0].spans.size() == 1);
  CHECK(result.entities[0].spans[0] == kg::TextSpan{0, 4});  // "Zoë": ë is two bytes
  REQUIRE(result.relations.size() == 1);
  CHECK(result.relations[0].relation == 0);
  CHECK(result.relations[0].reason == kg::RelationReason::Endpoint);
  // Both quotes mention her; the second is on a relation she is not part of.
  REQUIRE(result.quotes.size() == 2);
  CHECK(result.quotes[0].relation == 0);
  CHECK(result.quotes[0].spans[0] == kg::TextSpan{0, 3});
  CHECK(result.quotes[1].relation == 1);
  CHECK(result.quotes[1].spans[0] == kg::TextSpan{10, 14});  // "ZOË" after "Carl knew "
}

TEST_CASE("search: a straight apostrophe finds a curly one in an alias") {
  const kg::Graph g = kg::test::graph_from_json(kGraph);
  const auto result = find(g, "bobby's", kg::SearchScope::Names);
  REQUIRE(result.entities.size() == 1);
  CHECK(result.entities[0].entity == 1);
  CHECK(result.entities[0].alias == 0);
  CHECK(result.entities[0].spans[0] == kg::TextSpan{0, 9});  // ’ is three bytes
  CHECK(result.relations.size() == 2);  // both of Bob's
  CHECK(result.quotes.empty());         // names only
}

TEST_CASE("search: a relation type's name lists its relations; --type narrows names") {
  const kg::Graph g = kg::test::graph_from_json(kGraph);
  const auto met = find(g, "MET");
  CHECK(met.entities.empty());
  REQUIRE(met.relations.size() == 1);
  CHECK(met.relations[0].reason == kg::RelationReason::Type);
  REQUIRE(met.quotes.size() == 1);
  CHECK(met.quotes[0].spans[0] == kg::TextSpan{4, 7});

  const auto o = find(g, "o", kg::SearchScope::Names);
  CHECK(o.entities.size() == 3);  // Zoë, Bob, "Bobby’s pal"
  REQUIRE(o.relations.size() == 2);
  CHECK(o.relations[0].reason == kg::RelationReason::Between);   // Zoë met Bob
  CHECK(o.relations[1].reason == kg::RelationReason::Endpoint);  // Carl knew Bob
  const auto companies = find(g, "c", kg::SearchScope::Names, false, "company");
  REQUIRE(companies.entities.size() == 1);
  CHECK(companies.entities[0].entity == 2);
}

TEST_CASE("search: regular expressions run on folded text; bad input names its field") {
  const kg::Graph g = kg::test::graph_from_json(kGraph);
  const auto result = find(g, "^c", kg::SearchScope::All, true);
  REQUIRE(result.entities.size() == 1);
  CHECK(result.entities[0].entity == 2);
  REQUIRE(result.quotes.size() == 1);
  CHECK(result.quotes[0].spans[0] == kg::TextSpan{0, 1});
  // "Zoe met" and "ZOË well" both fold to "zoe ".
  CHECK(find(g, "zo(e|x) ", kg::SearchScope::Quotes, true).quotes.size() == 2);
  CHECK_THROWS_WITH_AS(find(g, "(", kg::SearchScope::All, true), doctest::Contains("text: not a regular expression"),
                       kg::InvalidArgument);
  CHECK_THROWS_WITH_AS(find(g, ""), "text: must not be empty", kg::InvalidArgument);
  CHECK_THROWS_WITH_AS(find(g, "x", kg::SearchScope::All, false, "robot"),
                       "entity_type: no entity has type 'robot'", kg::InvalidArgument);
  try {
    find(g, "");
    FAIL("no error");
  } catch (const kg::InvalidArgument& error) {
    CHECK(error.field() == "text");
  }
}

TEST_CASE("search: the view's filters leave hits out") {
  const kg::Graph g = kg::test::graph_from_json(kGraph);
  kg::Filter filter;
  filter.relation_types = {"met"};
  kg::SearchOptions options;
  options.text = "zoe";
  const auto result = kg::search(kg::View(g, filter), options);
  REQUIRE(result.quotes.size() == 1);
  CHECK(result.quotes[0].relation == 0);
}
