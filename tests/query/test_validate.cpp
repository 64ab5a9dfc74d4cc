// query::ValidateRequest called directly: problems and evidence warnings
// counted on small files, validate() naming the bad field.
#include <doctest/doctest.h>

#include "query/validate.hpp"
#include "tests/support/support.hpp"

namespace kg::query {
TEST_CASE("query validate: a valid file, its evidence warnings placed at the relation, strict fails on them") {
  const std::string dir = test::temp_dir();
  //   relations[0]: "nothing here" names neither Ann (a) nor b: a warning.
  //   relations[1]: "Ann did" names Ann: none.
  test::write_file(dir + "/ev.json", "{\"kg\": 1, \"sources\": [{\"id\": \"s\"}],\n"
                                     " \"entities\": [{\"id\": \"a\", \"name\": \"Ann\"}, {\"id\": \"b\"}],\n"
                                     " \"relations\": [\n"
                                     "  {\"source\": \"a\", \"target\": \"b\", \"type\": \"t\", \"evidence\": "
                                     "[{\"source\": \"s\", \"quote\": \"nothing here\"}]},\n"
                                     "  {\"source\": \"b\", \"target\": \"a\", \"type\": \"t\", \"evidence\": "
                                     "[{\"source\": \"s\", \"quote\": \"Ann did\"}]}]}\n");
  ValidateRequest request;
  request.source.path = dir + "/ev.json";
  const ValidateAnswer plain = run(request);
  CHECK(plain.passed);
  CHECK(plain.problem_count == 0);
  CHECK(plain.entities == std::optional<std::size_t>(2));
  CHECK(plain.warnings.empty());
  CHECK(to_text(plain) == dir + "/ev.json: valid: 2 entities, 2 relations\n");

  request.evidence = true;
  const ValidateAnswer checked = run(request);
  CHECK(checked.passed);
  REQUIRE(checked.warnings.size() == 1);
  CHECK(checked.warnings[0].path == "relations[0]");
  CHECK(checked.warnings[0].line == 4);
  CHECK(checked.warnings[0].column == 3);
  CHECK(checked.warnings[0].message == "warning: no quote names Ann or b (a t b)");
  CHECK(to_text(checked) == dir + "/ev.json: valid: 2 entities, 2 relations; 1 evidence warning\n");
  const auto json = test::parse_json(json_text([&](JsonSink& sink) { to_json(checked, sink); }));
  CHECK(json["valid"].GetBool());
  CHECK(json["warnings"][0]["line"].GetUint() == 4);

  request.strict = true;
  CHECK(!run(request).passed);
}

TEST_CASE("query validate: what the reader kept as text is a reader warning, and strict fails on it") {
  const std::string path = test::temp_dir() + "/tags.gexf";
  // Line 5 declares a list-valued attribute, which kg keeps as its text.
  test::write_file(path, R"(<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.2draft" version="1.2">
  <graph defaultedgetype="directed">
    <attributes class="node">
      <attribute id="0" title="tags" type="liststring"/>
    </attributes>
    <nodes>
      <node id="a"><attvalues><attvalue for="0" value="[x, y]"/></attvalues></node>
      <node id="b"/>
    </nodes>
    <edges><edge id="0" source="a" target="b"/></edges>
  </graph>
</gexf>
)");
  ValidateRequest request;
  request.source.path = path;
  const ValidateAnswer answer = run(request);
  CHECK(answer.passed);
  REQUIRE(answer.read_warnings.size() == 1);
  CHECK(answer.read_warnings[0].line == 5);
  CHECK(answer.read_warnings[0].message.find("'tags' (liststring)") != std::string::npos);
  CHECK(to_text(answer) == path + ": valid: 2 entities, 1 relation; 1 reader warning\n");
  const auto json = test::parse_json(json_text([&](JsonSink& sink) { to_json(answer, sink); }));
  CHECK(json["read_warnings"][0]["line"].GetUint() == 5);
  request.strict = true;
  CHECK(!run(request).passed);
}

TEST_CASE("query validate: every problem counted, the first max_problems kept, 0 is refused") {
  const std::string dir = test::temp_dir();
  // Two duplicate ids and two unknown endpoints: 4 problems.
  test::write_file(dir + "/bad.json", R"({"kg": 1, "entities": [{"id": "a"}, {"id": "a"}, {"id": "a"}],
    "relations": [{"source": "x", "target": "y", "type": "t"}]})");
  ValidateRequest request;
  request.source.path = dir + "/bad.json";
  request.max_problems = 1;
  const ValidateAnswer answer = run(request);
  CHECK(!answer.passed);
  CHECK(answer.problem_count == 4);
  CHECK(answer.problems.size() == 1);
  CHECK(!answer.entities);
  CHECK(to_text(answer) == dir + "/bad.json: 4 problems\n");
  const auto json = test::parse_json(json_text([&](JsonSink& sink) { to_json(answer, sink); }));
  CHECK(!json["valid"].GetBool());
  CHECK(!json.HasMember("entities"));
  CHECK(!json.HasMember("warnings"));
  CHECK(json["problem_count"].GetUint() == 4);

  request.max_problems = 0;
  CHECK(test::invalid_field([&] { request.validate(); }) == "max_problems");
}

}  // namespace kg::query
