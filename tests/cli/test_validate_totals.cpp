// kg validate counts every problem and shows the first N; JSON gives the
// total and the file of each problem (docs/CLI.md, "kg validate").
#include <doctest/doctest.h>
#include <rapidjson/document.h>

#include <algorithm>
#include <filesystem>

#include "tests/support/support.hpp"

using kg::test::run_kg;
using kg::test::shell_quote;

namespace {

// n relations, each naming an unknown target: n problems.
std::string broken_graph(std::size_t n) {
  std::string text = R"({"entities": [{"id": "a"}], "relations": [)";
  for (std::size_t i = 0; i < n; ++i) {
    text += std::string(i ? ",\n" : "\n") + R"({"source": "a", "target": "missing)" + std::to_string(i) +
            R"(", "type": "t"})";
  }
  text += "]}";
  const std::string file = kg::test::temp_dir() + "/broken" + std::to_string(n) + ".json";
  kg::test::write_file(file, text);
  return file;
}

std::size_t lines(const std::string& text) { return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')); }

}  // namespace

TEST_CASE("kg validate counts every problem past the ones it shows") {
  const std::string file = broken_graph(1500);
  const auto text = run_kg("validate " + shell_quote(file));
  CHECK(text.exit_code == 1);
  CHECK(text.out == file + ": 1500 problems\n");
  CHECK(lines(text.err) == 1001);  // 1000 shown, then the count of the rest
  CHECK(text.err.find("kg: 500 more problems not shown\n") != std::string::npos);

  const auto fewer = run_kg("validate " + shell_quote(file) + " --max-problems 10");
  CHECK(fewer.out == file + ": 1500 problems\n");
  CHECK(lines(fewer.err) == 11);
  CHECK(fewer.err.find("kg: 1490 more problems not shown\n") != std::string::npos);
  CHECK(run_kg("validate " + shell_quote(file) + " --max-problems 0").exit_code == 2);

  const auto json = run_kg("validate " + shell_quote(file) + " --format json --max-problems 7");
  CHECK(json.exit_code == 1);
  rapidjson::Document document;
  document.Parse(json.out.c_str());
  REQUIRE_FALSE(document.HasParseError());
  CHECK(document["problems"].Size() == 7);
  CHECK(document["problem_count"].GetUint64() == 1500);
  CHECK_FALSE(document["valid"].GetBool());

  // Loading for any other command says the same.
  const auto info = run_kg("info " + shell_quote(file));
  CHECK(info.exit_code == 3);
  CHECK(info.err.find("kg: 500 more problems not shown\n") != std::string::npos);
}

TEST_CASE("kg validate --format json names the file of each problem of a CSV directory") {
  const std::string dir = kg::test::temp_dir() + "/tables";
  std::filesystem::create_directories(dir);
  kg::test::write_file(dir + "/entities.csv", "id,name,type\na,A,person\nb,B,person,extra\n");
  kg::test::write_file(dir + "/relations.csv", "source,target,type,date\na,b,knows,2016-13\n");
  const auto json = run_kg("validate " + shell_quote(dir) + " --format json");
  CHECK(json.exit_code == 1);
  rapidjson::Document document;
  document.Parse(json.out.c_str());
  REQUIRE_FALSE(document.HasParseError());
  REQUIRE(document["problems"].Size() == 2);
  CHECK(std::string(document["problems"][0]["file"].GetString()) == dir + "/entities.csv");
  CHECK(document["problems"][0]["line"].GetUint64() == 3);
  CHECK(std::string(document["problems"][1]["file"].GetString()) == dir + "/relations.csv");
  CHECK(document["problems"][1]["line"].GetUint64() == 2);
  CHECK(document["problem_count"].GetUint64() == 2);
}
