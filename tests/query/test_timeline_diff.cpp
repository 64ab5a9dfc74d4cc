// query::TimelineRequest and query::DiffRequest on a tiny graph drawn below:
// hand-worked answers, the fields validate() names, the presenters.
#include <doctest/doctest.h>

#include "graph/exception.hpp"
#include "query/diff.hpp"
#include "query/timeline.hpp"
#include "tests/support/support.hpp"

namespace {

//   r0: Ann -[hired 2015]-> Bob            (quote "Ann hired Bob" from s)
//   r1: Bob -[funded 2016-03, until 2017]-> Cyd
//   r2: Ann -[met]-> Cyd                   (undated)
//   r3: Cyd -[sued 2018]-> Ann             (quote "=cmd|' /C calc'!A0" from s)
const char* kGraph = R"({"kg": 1,
  "sources": [{"id": "s"}],
  "entities": [{"id": "ann", "name": "Ann", "type": "person"},
               {"id": "bob", "name": "Bob", "type": "person"},
               {"id": "cyd", "name": "Cyd", "type": "company"}],
  "relations": [{"source": "ann", "target": "bob", "type": "hired", "date": "2015",
                 "evidence": [{"source": "s", "quote": "Ann hired Bob"}]},
                {"source": "bob", "target": "cyd", "type": "funded", "date": "2016-03", "until": "2017"},
                {"source": "ann", "target": "cyd", "type": "met"},
                {"source": "cyd", "target": "ann", "type": "sued", "date": "2018",
                 "evidence": [{"source": "s", "quote": "=cmd|' /C calc'!A0"}]}]})";

}  // namespace

TEST_CASE("query timeline: date order with year and month headings, undated last, one entity's relations") {
  const kg::Graph g = kg::test::graph_from_json(kGraph);
  kg::query::QueryContext context(g);
  kg::query::TimelineRequest request;
  const auto all = kg::query::run(request, context);
  CHECK(all.timeline.dated == std::vector<kg::RelationId>{0, 1, 3});
  CHECK(all.timeline.undated == std::vector<kg::RelationId>{2});
  CHECK(kg::query::to_text(all, g) ==
        "2015\n"
        "  Ann -[hired 2015]-> Bob\n"
        "      \"Ann hired Bob\" (s)\n"
        "\n"
        "2016\n"
        "  2016-03\n"
        "    Bob -[funded 2016-03..2017]-> Cyd\n"
        "        (no evidence recorded)\n"
        "\n"
        "2018\n"
        "  Cyd -[sued 2018]-> Ann\n"
        "      \"=cmd|' /C calc'!A0\" (s)\n"
        "\n"
        "undated\n"
        "  Ann -[met]-> Cyd\n"
        "      (no evidence recorded)\n");

  request.entities = {"Bob"};
  const auto bob = kg::query::run(request, context);
  CHECK(bob.entities == std::vector<kg::EntityId>{1});
  CHECK(kg::query::json_text([&](kg::query::JsonSink& json) { to_json(bob, g, json); }) ==
        R"({"entities":["bob"],"periods":[)"
        R"({"period":"2015","relations":[{"source":"ann","type":"hired","target":"bob","date":"2015","evidence":[{"source":"s","quote":"Ann hired Bob"}]}]},)"
        R"({"period":"2016-03","relations":[{"source":"bob","type":"funded","target":"cyd","date":"2016-03","until":"2017","evidence":[]}]}],)"
        R"("undated":[]})");
  request.entities = {"nobody"};
  CHECK_THROWS_AS(kg::query::run(request, context), kg::NameNotFound);
}

TEST_CASE("query timeline: CSV defuses a formula in a cell only when asked") {
  const kg::Graph g = kg::test::graph_from_json(kGraph);
  kg::query::QueryContext context(g);
  kg::query::TimelineRequest request;
  request.entities = {"cyd"};
  request.view.relation_types = {"sued"};
  const auto answer = kg::query::run(request, context);
  CHECK(kg::query::to_csv(answer, g) ==
        "date,until,source,type,target,evidence_source,quote\n"
        "2018,,cyd,sued,ann,s,=cmd|' /C calc'!A0\n");
  CHECK(kg::query::to_csv(answer, g, kg::CsvOptions{true}) ==
        "date,until,source,type,target,evidence_source,quote\n"
        "2018,,cyd,sued,ann,s,\"'=cmd|' /C calc'!A0\"\n");
}

TEST_CASE("query diff: between 2015 and 2017 funded started, hired stayed, nothing ended, Cyd appeared") {
  const kg::Graph g = kg::test::graph_from_json(kGraph);
  kg::query::QueryContext context(g);
  kg::query::DiffRequest request;
  request.from_date = "2015";
  request.to_date = "2017";
  request.view.undated = kg::Undated::Exclude;
  const auto answer = kg::query::run(request, context);
  // hired (2015, no end) is active on both; funded begins after 2015 and
  // runs until 2017, so it started and did not end before 2017 begins.
  CHECK(answer.started == std::vector<kg::RelationId>{1});
  CHECK(answer.ended.empty());
  CHECK(answer.stayed == std::vector<kg::RelationId>{0});
  CHECK(answer.appeared == std::vector<kg::EntityId>{2});
  CHECK(answer.left.empty());
  CHECK(kg::query::to_text(answer, g) ==
        "from 2015 to 2017: 1 relations started, 0 ended, 1 stayed active; 1 entities appeared, 0 left\n"
        "\nstarted (1):\n  Bob -[funded 2016-03..2017]-> Cyd\n"
        "\nended (0):\n"
        "\nstayed active (1):\n  Ann -[hired 2015]-> Bob\n"
        "\nappeared (1):\n  Cyd (cyd, company)\n"
        "\nleft (0):\n");
}

TEST_CASE("query diff: validate() names the bad field") {
  kg::query::DiffRequest request;
  request.from_date = "2015";
  request.to_date = "2015-13";
  CHECK(kg::test::refused_field(request) == "to_date");
  request.from_date = "x";
  CHECK(kg::test::refused_field(request) == "from_date");
  request.from_date = "2018";
  request.to_date = "2017";
  CHECK(kg::test::refused_field(request) == "from_date");
  request.to_date = "2018-06";  // within 2018: not after it
  CHECK(kg::test::refused_field(request).empty());
  request.view.between = "2016..2017";
  CHECK(kg::test::refused_field(request) == "between");
  request.view.between.clear();
  request.view.as_of = "2016";
  CHECK(kg::test::refused_field(request) == "as_of");
}

TEST_CASE("query diff: two versions, each side read from its own graph") {
  const kg::Graph before = kg::test::graph_from_json(kGraph);
  // Bob renamed, Cyd gone with her relations, Dee added.
  const kg::Graph after = kg::test::graph_from_json(R"({"kg": 1, "sources": [{"id": "s"}],
    "entities": [{"id": "ann", "name": "Ann", "type": "person"}, {"id": "bob", "name": "Robert", "type": "person"},
                 {"id": "dee", "name": "Dee", "type": "person"}],
    "relations": [{"source": "ann", "target": "bob", "type": "hired", "date": "2015",
                   "evidence": [{"source": "s", "quote": "Ann hired Bob"}]}]})");
  const auto answer = kg::query::compare_versions(before, "v1.json", after, "v2.json");
  CHECK(kg::query::to_text(answer, before, after) ==
        "v1.json -> v2.json: entities 1 added, 1 removed, 1 changed; relations 0 added, 3 removed, 0 changed\n"
        "\nentities added (1):\n  Dee (dee, person)\n"
        "\nentities removed (1):\n  Cyd (cyd, company)\n"
        "\nentities changed (1):\n  Robert (bob, person): name\n"
        "\nrelations added (0):\n"
        "\nrelations removed (3):\n  Bob -[funded 2016-03..2017]-> Cyd\n  Ann -[met]-> Cyd\n  Cyd -[sued 2018]-> Ann\n"
        "\nrelations changed (0):\n");
  CHECK_FALSE(answer.empty());
}
