// Timeline order and the changes between dates and between versions.
#include <doctest/doctest.h>

#include "algorithms/diff.hpp"
#include "algorithms/timeline.hpp"
#include "graph/exception.hpp"
#include "tests/support/support.hpp"

namespace {

//   r0 a -[x 2016-03]-> b      r3 b -[x 2016-03-14]-> c
//   r1 a -[x]-> c (undated)    r4 c -[x 2016]-> d
//   r2 b -[x 2015..2016-06]-> d r5 d -[x 2017]-> a
const char* kDated = R"({"kg": 1,
  "entities": [{"id": "a"}, {"id": "b"}, {"id": "c"}, {"id": "d"}, {"id": "e"}],
  "relations": [{"source": "a", "target": "b", "type": "x", "date": "2016-03"},
                {"source": "a", "target": "c", "type": "x"},
                {"source": "b", "target": "d", "type": "x", "date": "2015", "until": "2016-06"},
                {"source": "b", "target": "c", "type": "x", "date": "2016-03-14"},
                {"source": "c", "target": "d", "type": "x", "date": "2016"},
                {"source": "d", "target": "e", "type": "x", "date": "2017"}]})";

}  // namespace

TEST_CASE("timeline: by date, a partial date before its refinements, undated apart") {
  const kg::Graph g = kg::test::graph_from_json(kDated);
  const auto all = kg::timeline(kg::View(g));
  CHECK(all.dated == std::vector<kg::RelationId>{2, 4, 0, 3, 5});
  CHECK(all.undated == std::vector<kg::RelationId>{1});
  kg::TimelineOptions only_a;
  only_a.entities = {0};
  const auto of_a = kg::timeline(kg::View(g), only_a);
  CHECK(of_a.dated == std::vector<kg::RelationId>{0});
  CHECK(of_a.undated == std::vector<kg::RelationId>{1});
}

TEST_CASE("diff between dates: started, ended, stayed, entities that appeared or left") {
  const kg::Graph g = kg::test::graph_from_json(kDated);
  // 2016-01 .. 2016-12: r0, r3 started after January; r2 ended in June,
  // before December; r1 (undated) and r4 (all of 2016) stayed; r5 is later.
  const auto diff = kg::diff_dates(kg::View(g), *kg::Date::parse("2016-01"), *kg::Date::parse("2016-12"));
  REQUIRE(diff.relations.size() == 5);
  std::vector<kg::RelationId> started, ended, stayed;
  for (const auto& change : diff.relations) {
    if (change.started) started.push_back(change.relation);
    if (change.ended) ended.push_back(change.relation);
    if (change.stayed()) stayed.push_back(change.relation);
  }
  CHECK(started == std::vector<kg::RelationId>{0, 3});
  CHECK(ended == std::vector<kg::RelationId>{2});
  CHECK(stayed == std::vector<kg::RelationId>{1, 4});
  CHECK(diff.started_count() == 2);
  CHECK(diff.ended_count() == 1);
  CHECK(diff.stayed_count() == 2);
  // On 2016-01 a, b, c, d are in active relations (r1, r2, r4); on 2016-12
  // still a, b, c, d (r0, r1, r3, r4): nobody came or went.
  CHECK(diff.appeared.empty());
  CHECK(diff.left.empty());
  // 2015 .. 2017: on 2015 r1 (a, c) and r2 (b, d) are active; on 2017 r2
  // has ended but r0, r3 and r4 keep a, b, c, d, and r5 brings e in.
  const auto wider = kg::diff_dates(kg::View(g), *kg::Date::parse("2015"), *kg::Date::parse("2017"));
  CHECK(wider.appeared == std::vector<kg::EntityId>{4});
  CHECK(wider.left.empty());
  CHECK_THROWS_WITH_AS(kg::diff_dates(kg::View(g), *kg::Date::parse("2017"), *kg::Date::parse("2016")),
                       "dates: the first date must not be after the second", kg::InvalidArgument);
}

TEST_CASE("diff between versions: matched by id and by (source, type, target, date)") {
  const kg::Graph before = kg::test::graph_from_json(R"({"kg": 1, "sources": [{"id": "s"}],
    "entities": [{"id": "a", "name": "A"}, {"id": "b"}, {"id": "gone"}],
    "relations": [{"source": "a", "target": "b", "type": "x", "date": "2016"},
                  {"source": "a", "target": "b", "type": "x", "date": "2016"},
                  {"source": "b", "target": "gone", "type": "y"},
                  {"source": "a", "target": "b", "type": "z", "until": "2017",
                   "evidence": [{"source": "s", "quote": "old words"}]}]})");
  const kg::Graph after = kg::test::graph_from_json(R"({"kg": 1, "sources": [{"id": "s"}],
    "entities": [{"id": "a", "name": "A2", "attributes": {"k": 1}}, {"id": "b"}, {"id": "new"}],
    "relations": [{"source": "a", "target": "b", "type": "x", "date": "2016"},
                  {"source": "a", "target": "b", "type": "z", "until": "2018",
                   "evidence": [{"source": "s", "quote": "new words"}]},
                  {"source": "new", "target": "a", "type": "y"}]})");
  const auto diff = kg::diff_graphs(before, after);
  CHECK(diff.added_entities == std::vector<kg::EntityId>{2});
  CHECK(diff.removed_entities == std::vector<kg::EntityId>{2});
  REQUIRE(diff.changed_entities.size() == 1);
  CHECK(diff.changed_entities[0].fields == std::vector<std::string>{"name", "attributes"});
  // The first (a x b 2016) pairs with the one left in `after`; the second
  // has no partner.
  CHECK(diff.removed_relations == std::vector<kg::RelationId>{1, 2});
  CHECK(diff.added_relations == std::vector<kg::RelationId>{2});
  REQUIRE(diff.changed_relations.size() == 1);
  CHECK(diff.changed_relations[0].before == 3);
  CHECK(diff.changed_relations[0].after == 1);
  CHECK(diff.changed_relations[0].fields == std::vector<std::string>{"until", "evidence"});
  CHECK(kg::diff_graphs(before, before).empty());
}
