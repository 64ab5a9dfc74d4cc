// kg info and kg validate as a user's script sees them: stdout, stderr and
// exit codes (docs/CLI.md).
#include <doctest/doctest.h>
#include <rapidjson/document.h>

#include "tests/support/support.hpp"

using kg::test::run_kg;
using kg::test::shell_quote;

namespace {
std::string sample() { return shell_quote(kg::test::source_dir() + "/samples/openai.json"); }
}  // namespace

TEST_CASE("kg with no arguments, --help and --version") {
  const auto bare = run_kg("");
  CHECK(bare.exit_code == 0);
  CHECK(bare.out.find("Subcommands:") != std::string::npos);
  CHECK(bare.out.find("validate") != std::string::npos);
  const auto version = run_kg("--version");
  CHECK(version.exit_code == 0);
  CHECK(version.out.rfind("kg ", 0) == 0);
  const auto help = run_kg("info --help");
  CHECK(help.exit_code == 0);
  CHECK(help.out.find("--format") != std::string::npos);
  const auto unknown = run_kg("frobnicate");
  CHECK(unknown.exit_code == 2);
  const auto bad_option = run_kg("info " + sample() + " --format yaml");
  CHECK(bad_option.exit_code == 2);
}

TEST_CASE("kg info on the sample: text and JSON") {
  const auto text = run_kg("info " + sample());
  CHECK(text.exit_code == 0);
  CHECK(text.err.empty());
  CHECK(text.out.rfind("OpenAI's founding years\n", 0) == 0);
  CHECK(text.out.find("dates: 2015 .. 2018") != std::string::npos);

  const auto json = run_kg("info " + sample() + " --format json --stats");
  REQUIRE(json.exit_code == 0);
  rapidjson::Document doc;
  doc.Parse(json.out.c_str());
  REQUIRE_FALSE(doc.HasParseError());
  CHECK(doc["name"].GetString() == std::string("OpenAI's founding years"));
  CHECK(doc["directed"].GetBool());
  const auto entities = doc["entities"].GetUint64();
  const auto relations = doc["relations"].GetUint64();
  std::uint64_t by_type = 0;
  for (const auto& member : doc["entity_types"].GetObject()) by_type += member.value.GetUint64();
  CHECK(by_type == entities);
  by_type = 0;
  for (const auto& member : doc["relation_types"].GetObject()) by_type += member.value.GetUint64();
  CHECK(by_type == relations);
  CHECK(doc["dates"]["first"].GetString() == std::string("2015"));
  CHECK(doc["dates"]["last"].GetString() == std::string("2018"));
  CHECK(doc["sources"][0]["id"].GetString() == std::string("inside1024"));
  CHECK(doc["sources"][0]["cited_by"].GetUint64() == relations);
  CHECK(doc["bytes_per_relation"].GetDouble() > 0);
}

TEST_CASE("kg validate: exit 0 on a good file, 1 with every located problem") {
  const auto good = run_kg("validate " + sample());
  CHECK(good.exit_code == 0);
  CHECK(good.out.find("valid: ") != std::string::npos);

  const std::string dir = kg::test::temp_dir();
  kg::test::write_file(dir + "/bad.json", "{\"entities\": [{\"id\": \"a\"}],\n"
                                          " \"relations\": [{\"source\": \"a\", \"target\": \"b\", \"type\": \"t\"},\n"
                                          "               {\"source\": \"a\", \"target\": \"a\", \"type\": \"t\", \"date\": \"2016-13\"}]}");
  const auto bad = run_kg("validate " + shell_quote(dir + "/bad.json"));
  CHECK(bad.exit_code == 1);
  CHECK(bad.err == "kg: " + dir + "/bad.json:2:42: relations[0].target: unknown entity 'b'\n" + "kg: " + dir +
                       "/bad.json:3:68: relations[1].date: invalid date '2016-13': there is no month 13 (01..12)\n");
  CHECK(bad.out == dir + "/bad.json: 2 problems\n");

  const auto json = run_kg("validate " + shell_quote(dir + "/bad.json") + " --format json");
  CHECK(json.exit_code == 1);
  rapidjson::Document doc;
  doc.Parse(json.out.c_str());
  REQUIRE_FALSE(doc.HasParseError());
  CHECK_FALSE(doc["valid"].GetBool());
  REQUIRE(doc["problems"].Size() == 2);
  CHECK(doc["problems"][1]["line"].GetUint64() == 3);
  CHECK(doc["problems"][1]["column"].GetUint64() == 68);
  CHECK(doc["problems"][1]["path"].GetString() == std::string("relations[1].date"));
}

TEST_CASE("unreadable and malformed input: exit 3, never a crash") {
  const auto missing = run_kg("info /nonexistent/graph.json");
  CHECK(missing.exit_code == 3);
  CHECK(missing.err.rfind("kg: /nonexistent/graph.json: cannot open", 0) == 0);
  const std::string dir = kg::test::temp_dir();
  kg::test::write_file(dir + "/deep.json", "{\"x\": " + std::string(200000, '['));
  const auto deep = run_kg("info " + shell_quote(dir + "/deep.json"));
  CHECK(deep.exit_code == 3);
  CHECK(deep.err.find("nesting deeper than 64 levels") != std::string::npos);
  const auto deep_validate = run_kg("validate " + shell_quote(dir + "/deep.json"));
  CHECK(deep_validate.exit_code == 1);
  kg::test::write_file(dir + "/binary.json", std::string("{\"entities\": [{\"id\": \"\xff\xfe\"}]}"));
  const auto binary = run_kg("info " + shell_quote(dir + "/binary.json"));
  CHECK(binary.exit_code == 3);
  CHECK(binary.err.find(":1:22: entities[0].id: invalid UTF-8 in string (byte 0xFF at byte 0 of the text)") != std::string::npos);
}

TEST_CASE("kg info says when a graph is undirected") {
  const std::string path = kg::test::temp_dir() + "/u.json";
  kg::test::write_file(path, R"({"directed": false, "entities": [{"id": "a"}, {"id": "b"}],
                                 "relations": [{"source": "a", "target": "b", "type": "t"}]})");
  const auto text = run_kg("info " + path);
  CHECK(text.out.find("2 entities, 1 relations (undirected)\n") != std::string::npos);
  const auto json = run_kg("info " + path + " --format json");
  CHECK(json.out.find(R"("directed":false)") != std::string::npos);
}
