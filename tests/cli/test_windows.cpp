// Time windows say what they include (docs/CLI.md, "Filters"): --undated,
// the count of undated relations a window kept, kg info's filters, and
// impossible dates named as such.
#include <doctest/doctest.h>
#include <rapidjson/document.h>

#include "tests/support/support.hpp"

using kg::test::run_kg;
using kg::test::shell_quote;

namespace {

//   a --funded 2015--> b --sued (no date)--> c
//   a --met 2017-----------------------------> c
// As of 2016: funded (began before) and sued (undated: every window keeps
// it) are active; met (2017) is not.
std::string window_graph() {
  static const std::string path = [] {
    const std::string file = kg::test::temp_dir() + "/window.json";
    kg::test::write_file(file, R"({"kg": 1, "name": "window",
      "entities": [{"id": "a", "name": "A", "type": "person"}, {"id": "b", "name": "B", "type": "company"},
                   {"id": "c", "name": "C", "type": "company"}],
      "relations": [{"source": "a", "target": "b", "type": "funded", "date": "2015"},
                    {"source": "b", "target": "c", "type": "sued"},
                    {"source": "a", "target": "c", "type": "met", "date": "2017"}]})");
    return file;
  }();
  return shell_quote(path);
}

rapidjson::Document parse(const std::string& text) {
  rapidjson::Document document;
  document.Parse(text.c_str());
  REQUIRE_FALSE(document.HasParseError());
  return document;
}

}  // namespace

TEST_CASE("kg info takes the filters and reports the filtered graph") {
  const auto all = parse(run_kg("info " + window_graph() + " --format json").out);
  CHECK(all["relations"].GetUint64() == 3);
  CHECK(all["dates"]["undated_relations"].GetUint64() == 1);

  const auto as_of = run_kg("info " + window_graph() + " --as-of 2016 --format json");
  REQUIRE(as_of.exit_code == 0);
  const auto json = parse(as_of.out);
  CHECK(json["entities"].GetUint64() == 3);
  CHECK(json["relations"].GetUint64() == 2);
  CHECK(json["relation_types"].HasMember("funded"));
  CHECK(json["relation_types"].HasMember("sued"));
  CHECK_FALSE(json["relation_types"].HasMember("met"));
  CHECK(json["dates"]["undated_relations"].GetUint64() == 1);
  CHECK(json["unfiltered"]["relations"].GetUint64() == 3);

  const auto text = run_kg("info " + window_graph() + " --as-of 2016");
  CHECK(text.out.find("3 entities, 2 relations kept by the filters (of 3 and 3)\n") != std::string::npos);

  const auto types = parse(run_kg("info " + window_graph() + " --entity-types company --format json").out);
  CHECK(types["entities"].GetUint64() == 2);
  CHECK(types["relations"].GetUint64() == 1);  // b sued c
}

TEST_CASE("--undated include|exclude|only chooses the relations without a date") {
  const auto count = [](const std::string& options) {
    const auto result = run_kg("info " + window_graph() + " --format json " + options);
    REQUIRE(result.exit_code == 0);
    return parse(result.out)["relations"].GetUint64();
  };
  CHECK(count("--as-of 2016") == 2);
  CHECK(count("--as-of 2016 --undated include") == 2);
  CHECK(count("--as-of 2016 --undated exclude") == 1);
  CHECK(count("--as-of 2016 --undated only") == 1);
  CHECK(count("--undated only") == 1);
  CHECK(count("--undated exclude") == 2);
  CHECK(count("--between 2017.. --undated exclude") == 2);  // funded has no end, met began in 2017
  CHECK(run_kg("info " + window_graph() + " --undated sometimes").exit_code == 2);
}

TEST_CASE("text answers mark undated relations under a window and count them, JSON carries the count") {
  const auto path = run_kg("path " + window_graph() + " a c --as-of 2016");
  REQUIRE(path.exit_code == 0);
  CHECK(path.out ==
        "A -[funded 2015]-> B\n    (no evidence recorded)\nB -[sued undated]-> C\n    (no evidence recorded)\n"
        "(1 undated relation kept: without a date, every window keeps them; --undated exclude leaves them out)\n");
  // Without a window nothing is marked.
  const auto plain = run_kg("path " + window_graph() + " b c");
  CHECK(plain.out == "B -[sued]-> C\n    (no evidence recorded)\n");

  const auto excluded = run_kg("path " + window_graph() + " a c --as-of 2016 --undated exclude");
  CHECK(excluded.exit_code == 1);
  CHECK(excluded.out.find("without --undated exclude they connect in 2 hops") != std::string::npos);

  const auto json = parse(run_kg("path " + window_graph() + " a c --as-of 2016 --format json").out);
  CHECK(json["undated_relations"].GetUint64() == 1);
  CHECK(std::string(json.MemberBegin()->name.GetString()) == "from");  // existing members keep their order

  const auto neighbors = run_kg("neighbors " + window_graph() + " c --as-of 2016");
  CHECK(neighbors.out.find("B -[sued undated]-> C") != std::string::npos);
  CHECK(neighbors.out.find("(1 undated relation kept") != std::string::npos);
  CHECK(parse(run_kg("neighbors " + window_graph() + " c --as-of 2016 --format json").out)["undated_relations"]
            .GetUint64() == 1);
  CHECK(parse(run_kg("neighbors " + window_graph() + " c --as-of 2016 --undated exclude --format json").out)
            ["undated_relations"]
                .GetUint64() == 0);

  for (const char* command : {"rank", "components", "communities"}) {
    CAPTURE(command);
    const auto text = run_kg(std::string(command) + " " + window_graph() + " --as-of 2016");
    REQUIRE(text.exit_code == 0);
    CHECK(text.out.find("(1 undated relation kept") != std::string::npos);
    const auto answer = parse(run_kg(std::string(command) + " " + window_graph() + " --as-of 2016 --format json").out);
    CHECK(answer["undated_relations"].GetUint64() == 1);
    const auto only = parse(run_kg(std::string(command) + " " + window_graph() + " --undated only --format json").out);
    CHECK(only["undated_relations"].GetUint64() == 1);
  }
}

TEST_CASE("a diagram under a window labels undated relations and its legend explains the label") {
  const auto dot = run_kg("render " + window_graph() + " --as-of 2016 -o - --to dot");
  REQUIRE(dot.exit_code == 0);
  CHECK(dot.out.find("as of 2016; 1 undated relation kept") != std::string::npos);
  CHECK(dot.out.find("<FONT POINT-SIZE=\"8\">undated</FONT>") != std::string::npos);
  CHECK(dot.out.find("no date: kept by every time window") != std::string::npos);
  const auto whole = run_kg("render " + window_graph() + " -o - --to dot");
  CHECK(whole.out.find("undated") == std::string::npos);
}

TEST_CASE("an impossible date in a window is named as such") {
  const auto day = run_kg("info " + window_graph() + " --as-of 2016-02-30");
  CHECK(day.exit_code == 2);
  CHECK(day.err == "kg: --as-of: invalid date '2016-02-30': February 2016 has 29 days\n");
  const auto between = run_kg("path " + window_graph() + " a c --between 2015..2017-04-31");
  CHECK(between.exit_code == 2);
  CHECK(between.err == "kg: --between: invalid date '2017-04-31': April 2017 has 30 days\n");
  const auto format = run_kg("info " + window_graph() + " --as-of 2016/02");
  CHECK(format.err == "kg: --as-of: invalid date '2016/02' (expected YYYY, YYYY-MM or YYYY-MM-DD)\n");
}

TEST_CASE("a reader names an impossible date in the file as such") {
  const std::string file = kg::test::temp_dir() + "/leap.json";
  kg::test::write_file(file, R"({"entities": [{"id": "a"}], "relations": [{"source": "a", "target": "a", "type": "t", "date": "2015-02-29"}]})");
  const auto result = run_kg("validate " + shell_quote(file));
  CHECK(result.exit_code == 1);
  CHECK(result.err.find("relations[0].date: invalid date '2015-02-29': February 2015 has 28 days") !=
        std::string::npos);
}
