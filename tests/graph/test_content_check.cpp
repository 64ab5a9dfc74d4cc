// The content check (graph/content_check.hpp): the one set of rules both a
// builder's data and a finished graph's (a snapshot's) must satisfy, each
// problem named by its item and field. Snapshot columns are crafted here as
// someone making a file by hand would: strings repeated under other ids,
// values of a kind the format does not allow where they sit.
#include <doctest/doctest.h>

#include <sstream>

#include "graph/builder.hpp"
#include "graph/content_check.hpp"
#include "graph/snapshot.hpp"
#include "ingest/format.hpp"
#include "tests/support/support.hpp"

using namespace kg;

namespace {

// Entity types person (0) and lab (1); relation types in order of use:
// funded (0), competed (1).
//
//   ada --funded(2015..2018)--> lab --competed--> rival
const char* kGraph = R"({
  "kg": 1, "name": "crafted", "topic": {"nested": [1, 2]},
  "sources": [{"id": "s1"}],
  "entities": [
    {"id": "ada", "type": "person", "aliases": ["A.", "Countess"], "attributes": {"born": 1815, "title": "countess"}},
    {"id": "lab", "type": "lab"},
    {"id": "rival", "type": "lab"}
  ],
  "relations": [
    {"source": "ada", "target": "lab", "type": "funded", "date": "2015", "until": "2018",
     "attributes": {"share": 0.25}, "evidence": [{"source": "s1", "quote": "Ada funded the lab."}]},
    {"source": "lab", "target": "rival", "type": "competed"}
  ]
})";

// "path: message" for every problem, one a line.
std::string listed(const std::vector<ContentProblem>& problems) {
  std::string text;
  for (const auto& p : problems) text += p.path() + ": " + p.message + "\n";
  return text;
}

// Every problem a finished graph's data has.
std::string problems_of(const GraphData& data) {
  const ContentCheck check(columns_of(data), References::Indices);
  return listed(check.problems());
}

std::string lines(const std::vector<std::string>& lines) {
  std::string text;
  for (const auto& line : lines) text += line + "\n";
  return text;
}

}  // namespace

TEST_CASE("content check: the sound graph passes") {
  const Graph graph = test::graph_from_json(kGraph);
  CHECK(problems_of(copy_of(graph.columns())) == lines({}));
}

TEST_CASE("content check: hand-made columns break each rule, and are named by item and field") {
  const Graph graph = test::graph_from_json(kGraph);
  const GraphData original = copy_of(graph.columns());

  SUBCASE("an id repeated under another string id is compared by its text") {
    GraphData d = original;
    d.entity_keys[2] = d.strings.append("lab");
    CHECK(problems_of(d) == lines({"entities[2].id: duplicate id 'lab' (first defined by entities[1])"}));
  }
  SUBCASE("an alias with the text of another entity's id") {
    GraphData d = original;
    d.aliases[1] = d.strings.append("rival");
    CHECK(problems_of(d) == lines({"entities[0].aliases[1]: alias 'rival' already names 'rival' (entities[2])"}));
  }
  SUBCASE("a structured value in an entity's attributes") {
    GraphData d = original;
    d.entity_attributes[0].value = Value::json(d.strings.append("{}"));
    CHECK(problems_of(d) ==
          lines({"entities[0].attributes.born: a structured value where only a string, number or boolean can be"}));
  }
  SUBCASE("a structured graph attribute that is not JSON (written verbatim, it would break every JSON output)") {
    GraphData d = original;
    REQUIRE(d.graph_attributes[0].value.kind() == Value::Kind::Json);
    d.graph_attributes[0].value = Value::json(d.strings.append("{\"nested\":"));
    CHECK(problems_of(d) == lines({"topic: a structured value that is not JSON"}));
    d.graph_attributes[0].value = Value::json(d.strings.append("1 2"));
    CHECK(problems_of(d) == lines({"topic: a structured value that is not JSON"}));
  }
  SUBCASE("an attribute key given twice, under two string ids") {
    GraphData d = original;
    d.entity_attributes[1].key = d.strings.append("born");
    CHECK(problems_of(d) == lines({"entities[0].attributes.born: duplicate attribute 'born'"}));
  }
  SUBCASE("a relation type stored twice") {
    GraphData d = original;
    d.relation_type_infos[1].name = d.strings.append("funded");
    CHECK(problems_of(d) == lines({"relation_types[1]: relation type 'funded' declared twice"}));
  }
  SUBCASE("an empty relation type, at each relation of that type") {
    GraphData d = original;
    d.relation_type_infos[1].name = 0;
    CHECK(problems_of(d) == lines({"relations[1].type: empty relation type"}));
  }
  SUBCASE("an empty entity type and one stored twice, at each entity of that type") {
    GraphData d = original;
    d.entity_type_names[0] = 0;
    CHECK(problems_of(d) == lines({"entities[0].type: empty entity type"}));
    d = original;
    d.entity_type_names[1] = d.strings.append("person");
    CHECK(problems_of(d) ==
          lines({"entities[1].type: entity type 'person' stored twice", "entities[2].type: entity type 'person' stored twice"}));
  }
  SUBCASE("invalid UTF-8 in an alias, a name, an attribute value, a source title") {
    GraphData d = original;
    d.aliases[0] = d.strings.append("A\xC3");
    d.entity_names[1] = d.strings.append("\xED\xA0\x80");  // a surrogate
    d.relation_attributes[0].key = d.strings.append("sh\xFF");
    d.sources[0].title = d.strings.append("T\x80");
    CHECK(problems_of(d) == lines({
                                "sources[0].title: invalid UTF-8 in string (byte 0x80 at byte 1 of the text)",
                                "entities[1].name: invalid UTF-8 in string (byte 0xED at byte 0 of the text)",
                                "entities[0].aliases[0]: invalid UTF-8 in string (byte 0xC3 at byte 1 of the text)",
                                "relations[0].attributes: invalid UTF-8 in string (byte 0xFF at byte 2 of the text)",
                            }));
  }
  SUBCASE("a string past the 16 MiB limit every reader applies") {
    GraphData d = original;
    d.entity_names[2] = d.strings.append(std::string(kMaxStringBytes + 1, 'x'));
    CHECK(problems_of(d) ==
          lines({"entities[2].name: string of 16777217 bytes is longer than the limit of 16777216 bytes"}));
    d.entity_names[2] = d.strings.append(std::string(kMaxStringBytes, 'x'));
    CHECK(problems_of(d) == lines({}));
  }
}

TEST_CASE("content check: a builder's data gets the same rules, named by the order items were added") {
  Builder builder;
  builder.add_entity("a", "A", "person");
  builder.add_entity_attribute("k", std::int64_t{1});
  builder.add_entity_attribute("k", std::string_view("again"));  // a reader that let a repeated key through
  builder.add_entity("b", "B\xFF", "person");                      // one that let invalid UTF-8 through
  builder.add_relation("a", "b", "t", Date(), Date());
  builder.add_relation_attribute("long", std::string_view(std::string(kMaxStringBytes + 1, 'x')));
  const BuildResult result = std::move(builder).finish();
  CHECK_FALSE(result.graph);
  CHECK(listed(result.problems) == lines({
                    "entities[0].attributes.k: duplicate attribute 'k'",
                    "entities[1].name: invalid UTF-8 in string (byte 0xFF at byte 1 of the text)",
                    "relations[0].attributes.long: string of 16777217 bytes is longer than the limit of 16777216 bytes",
                }));
}

TEST_CASE("content check: a snapshot's problems are all counted, the first max_problems shown") {
  const Graph graph = test::graph_from_json(kGraph);
  GraphData d = copy_of(graph.columns());
  d.entity_keys[1] = d.entity_keys[0];
  d.entity_keys[2] = d.entity_keys[0];
  d.relation_untils[0] = Date::parse("2014")->pack();
  std::ostringstream bytes;
  write_snapshot(columns_of(d), graph.adjacency(), bytes);
  const std::string file = test::temp_dir() + "/crafted.kgs";
  test::write_file(file, bytes.str());
  ReadOptions options;
  options.max_problems = 2;
  const ReadResult result = read_graph(file, std::nullopt, options);
  CHECK_FALSE(result.graph);
  REQUIRE(result.problems.size() == 2);
  CHECK(result.problems_not_shown == 1);
  CHECK(result.problems[0].to_string() == file + ": entities[1].id: duplicate id 'ada' (first defined by entities[0])");
  CHECK(result.problems[1].path == "entities[2].id");
}
