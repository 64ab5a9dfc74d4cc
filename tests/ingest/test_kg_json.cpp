// The kg JSON reader: every problem located by line, column and JSON path,
// all problems reported at once, UTF-8 kept byte for byte.
#include <doctest/doctest.h>

#include <string>

#include "cli/fields.hpp"
#include "graph/exception.hpp"
#include "ingest/format.hpp"
#include "ingest/kg_json.hpp"
#include "tests/support/support.hpp"

namespace {

kg::ReadResult read(const std::string& text) { return kg::read_kg_json_text(text, "t.json"); }

// The single problem of a document, checked for place and words.
void check_one_problem(const std::string& text, std::size_t line, std::size_t column, const std::string& path,
                       const std::string& message_part) {
  const auto result = read(text);
  CAPTURE(text);
  CHECK_FALSE(result.graph);
  REQUIRE(result.problems.size() == 1);
  const auto& problem = result.problems[0];
  CHECK(problem.file == "t.json");
  CHECK(problem.line == line);
  CHECK(problem.column == column);
  CHECK(problem.path == path);
  CHECK_MESSAGE(problem.message.find(message_part) != std::string::npos, problem.message);
}

}  // namespace

TEST_CASE("kg JSON: a valid document becomes a graph") {
  const auto result = read(R"({
  "kg": 1, "name": "tiny", "description": "kept as a graph attribute",
  "sources": [{"id": "s", "title": "T", "url": "https://x", "date": "2024-03"}],
  "entities": [
    {"id": "a", "name": "Alice", "type": "person", "aliases": ["Al"], "attributes": {"age": 40, "h": 1.5, "ok": true, "r": "x"}},
    {"id": "b", "type": "company"}
  ],
  "relations": [
    {"source": "Al", "target": "b", "type": "funded", "date": "2015-12", "until": "2018",
     "attributes": {"amount_usd": 1000000000}, "evidence": [{"source": "s", "quote": "q1"}, {"source": "s", "quote": "q2"}]}
  ],
  "relation_types": {"funded": {"symmetric": false, "polarity": "positive", "description": "gave money"}}
})");
  REQUIRE(result.problems.empty());
  REQUIRE(result.graph);
  const kg::Graph& g = *result.graph;
  CHECK(g.name() == "tiny");
  REQUIRE(g.entity_count() == 2);
  CHECK(g.entity_name(1) == "b");  // the name defaults to the id
  CHECK(g.entity_type_name(g.entity_type(1)) == "company");
  REQUIRE(g.relation_count() == 1);
  CHECK(g.source(0) == 0);  // resolved through the alias "Al"
  CHECK(g.target(0) == 1);
  CHECK(g.date(0).to_string() == "2015-12");
  CHECK(g.until(0).to_string() == "2018");
  REQUIRE(g.relation_attributes(0).size() == 1);
  CHECK(g.relation_attributes(0)[0].value.as_integer() == 1000000000);
  REQUIRE(g.evidence(0).size() == 2);
  CHECK(g.str(g.evidence(0)[1].quote) == "q2");
  const auto& info = g.relation_type_info(g.relation_type(0));
  CHECK(info.polarity == kg::Polarity::Positive);
  CHECK(g.str(info.description) == "gave money");
  const auto attributes = g.entity_attributes(0);
  REQUIRE(attributes.size() == 4);
  CHECK(attributes[0].value.kind() == kg::Value::Kind::Integer);
  CHECK(attributes[1].value.as_real() == 1.5);
  CHECK(attributes[2].value.as_boolean());
  REQUIRE(g.graph_attributes().size() == 1);
  CHECK(g.str(g.graph_attributes()[0].key) == "description");
}

TEST_CASE("kg JSON: the version key is optional, other versions are refused") {
  CHECK(read(R"({"entities": [], "relations": []})").graph);
  check_one_problem(R"({"kg": 2})", 1, 8, "kg", "unsupported format version");
}

TEST_CASE("kg JSON: syntax errors carry line and column") {
  // Line 3 lacks a comma between the two members; the parser stops at "name".
  check_one_problem("{\n  \"entities\": [\n    {\"id\": \"a\" \"name\": \"x\"}\n  ]\n}", 3, 16, "entities[0]",
                    "invalid JSON");
  check_one_problem(R"({"entities": [}])", 1, 15, "entities[0]", "invalid JSON");
  check_one_problem("", 1, 1, "", "invalid JSON");
  check_one_problem(R"({"entities": []} trailing)", 1, 18, "", "invalid JSON");
  check_one_problem(R"({"a": NaN})", 1, 7, "a", "invalid JSON");
}

TEST_CASE("kg JSON: columns count characters, not bytes") {
  // "中文" is 6 bytes but 2 characters; the bad date starts at character 43.
  check_one_problem(R"({"entities": [{"id": "中文"}], "relations": [{"source": "中文", "target": "中文", "type": "t", "date": "20"}]})",
                    1, 98, "relations[0].date", "invalid date '20'");
}

TEST_CASE("kg JSON: \"directed\" says whether relations have a direction (default true)") {
  const auto directed = read(R"({"entities": [{"id": "a"}, {"id": "b"}], "relations": [{"source": "a", "target": "b", "type": "t"}]})");
  REQUIRE(directed.graph);
  CHECK(directed.graph->directed());
  CHECK_FALSE(directed.graph->both_ways(0));
  const auto undirected = read(R"({"directed": false, "entities": [{"id": "a"}, {"id": "b"}],
                                   "relations": [{"source": "a", "target": "b", "type": "t"}]})");
  REQUIRE(undirected.graph);
  CHECK_FALSE(undirected.graph->directed());
  CHECK(undirected.graph->both_ways(0));
  CHECK(undirected.graph->graph_attributes().empty());  // a field, not an attribute
  check_one_problem(R"({"directed": "no", "entities": []})", 1, 14, "directed", "expected true or false, found a string");
  check_one_problem(R"({"directed": [], "entities": []})", 1, 14, "directed", "expected true or false, found an array");
}

TEST_CASE("kg JSON: type errors name what was expected and found") {
  check_one_problem(R"({"entities": [{"id": 5}]})", 1, 22, "entities[0].id", "expected a string, found a number");
  check_one_problem(R"({"entities": {"id": "a"}})", 1, 14, "entities", "expected an array of entities, found an object");
  check_one_problem(R"({"entities": [{"id": "a", "aliases": "A"}]})", 1, 38, "entities[0].aliases",
                    "expected an array of strings, found a string");
  check_one_problem(R"({"entities": [{"id": "a", "attributes": {"x": [1]}}]})", 1, 47, "entities[0].attributes.x",
                    "expected a string, number or boolean, found an array");
  check_one_problem(R"({"entities": [{"id": "a", "attributes": {"x": null}}]})", 1, 47, "entities[0].attributes.x",
                    "found null");
  check_one_problem(R"([1, 2])", 1, 1, "", "expected an object with entities and relations, found an array");
  check_one_problem(R"({"relation_types": {"t": {"polarity": "bad"}}})", 1, 39, "relation_types.t.polarity",
                    "invalid polarity 'bad'");
  check_one_problem(R"({"relation_types": {"t": {"symmetric": "yes"}}})", 1, 40, "relation_types.t.symmetric",
                    "expected a boolean, found a string");
  check_one_problem(R"({"entities": [{"id": "a", "attributes": {"big": 18446744073709551615}}]})", 1, 49,
                    "entities[0].attributes.big", "out of range");
}

TEST_CASE("kg JSON: unknown and repeated members") {
  check_one_problem(R"({"entities": [{"id": "a", "nmae": "x"}]})", 1, 27, "entities[0].nmae", "did you mean 'name'?");
  check_one_problem(R"({"entities": [{"id": "a", "id": "b"}]})", 1, 27, "entities[0].id", "duplicate member 'id'");
  check_one_problem(R"({"entities": [{"id": "a", "attributes": {"x": 1, "x": 2}}]})", 1, 50, "entities[0].attributes.x",
                    "duplicate attribute 'x'");
  check_one_problem(R"({"relations": [], "relations": []})", 1, 19, "relations", "duplicate member 'relations'");
}

TEST_CASE("kg JSON: builder problems point at the field") {
  // The dangling target is on line 4, column 38, where "Goggle" starts.
  check_one_problem(R"({"entities": [
  {"id": "musk"}, {"id": "google"}],
 "relations": [
  {"source": "musk", "target": "Goggle", "type": "opposed"}]})",
                    4, 32, "relations[0].target", "unknown entity 'Goggle' (did you mean 'google'?)");
  check_one_problem(R"({"entities": [{"id": "a"}, {"id": "a"}]})", 1, 35, "entities[1].id",
                    "duplicate id 'a' (first defined by entities[0])");
  check_one_problem(R"({"entities": [{"id": "a", "aliases": ["x"]}, {"id": "b", "aliases": ["y", "x"]}]})", 1, 75,
                    "entities[1].aliases[1]", "alias 'x' already names 'a'");
  check_one_problem(
      R"({"entities": [{"id": "a"}], "relations": [{"source": "a", "target": "a", "type": "t", "date": "2017", "until": "2016-05"}]})",
      1, 112, "relations[0].until", "until 2016-05 precedes date 2017");
  check_one_problem(
      R"({"sources": [{"id": "verge"}], "entities": [{"id": "a"}], "relations": [{"source": "a", "target": "a", "type": "t", "evidence": [{"source": "vergе", "quote": "q"}]}]})",
      1, 141, "relations[0].evidence[0].source", "unknown source");
}

TEST_CASE("kg JSON: missing required members") {
  check_one_problem(R"({"entities": [{"name": "x"}]})", 1, 15, "entities[0]", "entity has no 'id'");
  check_one_problem(R"({"entities": [{"id": "a"}], "relations": [{"source": "a", "type": "t"}]})", 1, 43, "relations[0]",
                    "relation has no 'target'");
  check_one_problem(R"({"entities": [{"id": "a"}], "relations": [{"source": "a", "target": "a", "type": "t", "evidence": [{"source": "s"}]}]})",
                    1, 100, "relations[0].evidence[0]", "evidence item has no 'quote'");
}

TEST_CASE("kg JSON: every problem is reported, in file order") {
  const auto result = read(R"({"entities": [{"id": "a"}, {"id": 3}, {"id": "a"}],
"relations": [{"source": "a", "target": "nobody", "type": "t", "date": "2016-02-30"},
              {"source": "a", "target": "a", "type": "t", "date": "x"}]})");
  CHECK_FALSE(result.graph);
  REQUIRE(result.problems.size() == 5);
  CHECK(result.problems[0].path == "entities[1].id");
  CHECK(result.problems[1].path == "entities[2].id");  // duplicate of entities[0]
  CHECK(result.problems[2].path == "relations[0].target");
  CHECK(result.problems[3].path == "relations[0].date");
  CHECK(result.problems[4].path == "relations[1].date");
  for (std::size_t i = 1; i < result.problems.size(); ++i) {
    CHECK(result.problems[i - 1].line <= result.problems[i].line);
  }
}

TEST_CASE("kg JSON: too many problems are counted, not all listed") {
  std::string text = R"({"entities": [)";
  for (int i = 0; i < 30; ++i) text += std::string(i ? "," : "") + R"({"id": 1})";
  text += "]}";
  kg::ReadOptions options;
  options.max_problems = 10;
  const auto result = kg::read_kg_json_text(text, "t.json", options);
  // Each entity has a non-string id: 30 problems, 10 stored.
  CHECK(result.problems.size() == 10);
  CHECK(result.problems_not_shown == 20);
  CHECK(result.problem_count() == 30);
}

TEST_CASE("kg JSON: UTF-8 survives untouched, invalid UTF-8 is an error") {
  const std::string name = "Sam Altman很慌 – “Manhattan Project” ’";
  const auto result = read(R"({"entities": [{"id": "altman", "name": ")" + name + R"("}]})");
  REQUIRE(result.graph);
  CHECK(result.graph->entity_name(0) == name);
  // Escapes decode to the same UTF-8 bytes.
  const auto escaped = read(R"({"entities": [{"id": "x", "name": "\u5f88\u614c \u2013"}]})");
  REQUIRE(escaped.graph);
  CHECK(escaped.graph->entity_name(0) == "很慌 –");
  // A lone continuation byte, an overlong encoding, a truncated sequence, a
  // surrogate, a code point past U+10FFFF: each located at its string.
  for (const std::string bad : {"\x80", "\xC0\xAF", "\xE5\xBE", "\xED\xA0\x80", "\xF4\x90\x80\x80"}) {
    const auto broken = read(R"({"entities": [{"id": "a", "name": "x)" + bad + R"("}]})");
    CAPTURE(bad);
    CHECK_FALSE(broken.graph);
    REQUIRE(broken.problems.size() == 1);
    CHECK(broken.problems[0].message.find("invalid UTF-8 in string (byte 0x") == 0);
    CHECK(broken.problems[0].message.find("at byte 1 of the text") != std::string::npos);
    CHECK(broken.problems[0].column == 35);
    CHECK(broken.problems[0].path == "entities[0].name");
  }
  // In a member name too.
  const auto bad_key = read("{\"entities\": [{\"id\": \"a\", \"\xFF\": 1}]}");
  REQUIRE(bad_key.problems.size() == 1);
  CHECK(bad_key.problems[0].column == 27);
  // Four-byte characters are fine.
  CHECK(read("{\"entities\": [{\"id\": \"\xF0\x9F\x98\x80\"}]}").graph);
  // A byte order mark is skipped and does not shift columns.
  check_one_problem("\xEF\xBB\xBF{\"kg\": 7}", 1, 8, "kg", "unsupported format version");
}

TEST_CASE("kg JSON: deep nesting is refused at 64 levels") {
  const std::string deep(200000, '[');
  const auto result = read(R"({"extra": )" + deep);
  CHECK_FALSE(result.graph);
  REQUIRE(result.problems.size() == 1);
  CHECK(result.problems[0].message == "nesting deeper than 64 levels");
  // Unknown top-level members keep their structure as JSON text.
  const auto kept = read(R"({"extra": {"a": [1, "two", null, {"b": true}]}, "n": 3})");
  REQUIRE(kept.graph);
  REQUIRE(kept.graph->graph_attributes().size() == 2);
  CHECK(kept.graph->str(kept.graph->graph_attributes()[0].value.as_string()) == R"({"a":[1,"two",null,{"b":true}]})");
  CHECK(kept.graph->graph_attributes()[1].value.as_integer() == 3);
}

TEST_CASE("kg JSON: reading from a file gives the same answers as from memory") {
  const std::string dir = kg::test::temp_dir();
  const std::string text = "{\"entities\": [{\"id\": \"a\"}],\n \"relations\": [{\"source\": \"a\", \"target\": \"b\", \"type\": \"t\"}]}";
  kg::test::write_file(dir + "/g.json", text);
  const auto from_file = kg::read_kg_json_file(dir + "/g.json");
  const auto from_memory = kg::read_kg_json_text(text, dir + "/g.json");
  REQUIRE(from_file.problems.size() == 1);
  CHECK(from_file.problems[0].to_string() == from_memory.problems[0].to_string());
  CHECK(from_file.problems[0].to_string() == dir + "/g.json:2:42: relations[0].target: unknown entity 'b'");
  CHECK_THROWS_AS(kg::read_kg_json_file(dir + "/missing.json"), kg::InputError);
}

TEST_CASE("format registry chooses by name, extension and content") {
  const std::string dir = kg::test::temp_dir();
  kg::test::write_file(dir + "/graph.data", R"({"kg": 1, "entities": []})");
  CHECK(kg::choose_input_format(dir + "/graph.data", std::nullopt).name == "kg-json");
  CHECK(kg::choose_input_format(dir + "/x.json", std::string("kg-json")).name == "kg-json");
  CHECK_THROWS_WITH_AS(kg::choose_input_format(dir + "/x.json", std::string("yaml")),
                       doctest::Contains("unknown input format 'yaml'"), kg::InputError);
  kg::test::write_file(dir + "/notes.txt", "hello");
  // The reader names the field; the command line words it as --from.
  try {
    kg::choose_input_format(dir + "/notes.txt", std::nullopt);
    FAIL("a text file's format was guessed");
  } catch (const kg::InputError& error) {
    CHECK(error.field() == "format");
    CHECK(std::string(error.what()).find("name it with format (one of") != std::string::npos);
    CHECK(error.worded(kg::cli::flag_for).find("name it with --from (one of") != std::string::npos);
  }
}

TEST_CASE("kg JSON: a string far over the limit is refused before it is copied whole") {
  // 40 MiB + : past the parser's capped stack, so refused while being read;
  // the place is the string's opening quote, the path the member's.
  const std::string huge(std::size_t{41} << 20, 'x');
  const std::string text = "{\"entities\": [\n  {\"id\": \"a\", \"name\": \"" + huge + "\"}]}";
  const auto result = read(text);
  REQUIRE(result.problems.size() == 1);
  CHECK(result.problems[0].line == 2);
  CHECK(result.problems[0].column == 23);
  CHECK(result.problems[0].path == "entities[0].name");
  CHECK(result.problems[0].message == "string longer than the limit of 16777216 bytes");
  // Just over the limit it is measured and refused the usual way.
  const std::string over(std::size_t{1} << 24 | 1, 'y');
  const auto measured = read("{\"entities\": [{\"id\": \"a\", \"name\": \"" + over + "\"}]}");
  REQUIRE(measured.problems.size() == 1);
  CHECK(measured.problems[0].message == "string of 16777217 bytes is longer than the limit of 16777216 bytes");
}
