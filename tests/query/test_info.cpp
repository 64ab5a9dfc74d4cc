// query::InfoRequest called directly: counts, dates and citations computed
// by hand on a tiny graph, validate() naming the bad field.
#include <doctest/doctest.h>

#include "query/info.hpp"
#include "tests/support/support.hpp"

namespace kg::query {
namespace {

//   Ann (person) --funded 2015-03..2017--> Lab (lab)     cited by memo
//   Ann          --met (undated)--> Cy (person)          cited twice by memo
//
// Sources: memo (cited by both relations, each counted once), web (by none).
Graph tiny() {
  return test::graph_from_json(R"({"kg": 1, "name": "Tiny",
    "sources": [{"id": "memo", "title": "The memo"}, {"id": "web", "url": "https://example.org", "date": "2016"}],
    "entities": [{"id": "a", "name": "Ann", "type": "person"}, {"id": "l", "name": "Lab", "type": "lab"},
                 {"id": "c", "name": "Cy", "type": "person"}],
    "relations": [{"source": "a", "target": "l", "type": "funded", "date": "2015-03", "until": "2017",
                   "evidence": [{"source": "memo", "quote": "Ann funded the lab"}]},
                  {"source": "a", "target": "c", "type": "met",
                   "evidence": [{"source": "memo", "quote": "they met"}, {"source": "memo", "quote": "again"}]}]})");
}

}  // namespace

TEST_CASE("query info: counts by type, date range, undated relations and citations") {
  const Graph graph = tiny();
  QueryContext context(graph);
  const InfoAnswer all = run(InfoRequest{}, context);
  CHECK(all.entities == 3);
  CHECK(all.relations == 2);
  REQUIRE(all.entity_types.size() == 2);
  CHECK(all.entity_types[0].name == "person");
  CHECK(all.entity_types[0].count == 2);
  CHECK(all.entity_types[1].name == "lab");
  REQUIRE(all.relation_types.size() == 2);
  CHECK(all.relation_types[0].name == "funded");  // a tie: by name
  CHECK(all.first.to_string() == "2015-03");
  CHECK(all.last.to_string() == "2017");
  CHECK(all.undated_relations == 1);
  CHECK(all.citations == std::vector<std::size_t>{2, 0});
  CHECK(!all.memory);
  CHECK(to_text(all, graph) ==
        "Tiny\n"
        "3 entities, 2 relations\n"
        "dates: 2015-03 .. 2017 (1 relations undated)\n"
        "entity types:\n"
        "  person         2\n"
        "  lab            1\n"
        "relation types:\n"
        "  funded         1\n"
        "  met            1\n"
        "sources:\n"
        "  memo  2 relations  The memo\n"
        "  web  0 relations  <https://example.org>\n");
  const auto json = test::parse_json(json_text([&](JsonSink& sink) { to_json(all, graph, sink); }));
  CHECK(json["entity_types"]["person"].GetUint() == 2);
  CHECK(std::string(json["dates"]["first"].GetString()) == "2015-03");
  CHECK(json["sources"][1]["cited_by"].GetUint() == 0);
  CHECK(std::string(json["sources"][1]["date"].GetString()) == "2016");
  CHECK(json["sources"][0]["date"].IsNull());
  CHECK(!json.HasMember("memory_bytes"));
}

TEST_CASE("query info: the counts are of what the view keeps; stats add the memory") {
  const Graph graph = tiny();
  QueryContext context(graph);
  InfoRequest request;
  request.view.as_of = "2016";
  request.view.undated = Undated::Exclude;
  request.stats = true;
  const InfoAnswer kept = run(request, context);
  CHECK(kept.entities == 3);
  CHECK(kept.relations == 1);
  REQUIRE(kept.relation_types.size() == 1);  // met keeps nothing: left out
  CHECK(kept.relation_types[0].name == "funded");
  CHECK(kept.undated_relations == 0);
  CHECK(kept.citations == std::vector<std::size_t>{1, 0});
  REQUIRE(kept.memory);
  CHECK(kept.memory->bytes == graph.memory_bytes());
  CHECK(kept.memory->evidence_bytes == graph.evidence_bytes());
  const std::string text = to_text(kept, graph);
  CHECK(text.find("3 entities, 1 relations kept by the filters (of 3 and 2)\n") != std::string::npos);
  CHECK(text.find("memory: ") != std::string::npos);

  InfoRequest bad;
  bad.view.between = "2017..2015";
  CHECK(test::invalid_field([&] { bad.validate(); }) == "between");
}

}  // namespace kg::query
