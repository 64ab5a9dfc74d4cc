// kg render -o map.html: the evidence map's file from the command line. The
// page's behaviour is tested in a browser (tests/browser); here, what kg
// puts in the file for each view, and when it refuses.
#include <doctest/doctest.h>

#include <rapidjson/document.h>

#include <filesystem>
#include <set>

#include "tests/support/support.hpp"

namespace kg {
namespace {

std::string sample() { return test::shell_quote(test::source_dir() + "/samples/openai.json"); }

// The page's data: the JSON of its <script type="application/json">.
rapidjson::Document page_data(const std::string& html) {
  const std::string open = "<script type=\"application/json\" id=\"kg-data\">";
  const std::size_t start = html.find(open);
  REQUIRE(start != std::string::npos);
  const std::size_t end = html.find("</script>", start);
  rapidjson::Document data;
  data.Parse(html.substr(start + open.size(), end - start - open.size()).c_str());
  REQUIRE_MESSAGE(!data.HasParseError(), "the page's data is not JSON");
  return data;
}

rapidjson::Document render_page(const std::string& arguments) {
  const std::string out = test::temp_dir() + "/map.html";
  const auto result = test::run_kg("render " + sample() + " -o " + test::shell_quote(out) + " " + arguments);
  REQUIRE_MESSAGE(result.exit_code == 0, result.err);
  return page_data(test::read_file(out));
}

std::set<std::string> entity_ids(const rapidjson::Document& data) {
  std::set<std::string> ids;
  for (const auto& entity : data["entities"].GetArray()) ids.insert(entity["id"].GetString());
  return ids;
}

}  // namespace

TEST_CASE("render html: one self-contained page with every entity placed and every relation's evidence") {
  const std::string out = test::temp_dir() + "/openai.html";
  const auto result = test::run_kg("render " + sample() + " -o " + test::shell_quote(out));
  REQUIRE_MESSAGE(result.exit_code == 0, result.err);
  const std::string html = test::read_file(out);
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(html.find("default-src 'none'") != std::string::npos);
  CHECK(html.find("src=\"http") == std::string::npos);
  CHECK(html.size() < 1024 * 1024);
  const auto data = page_data(html);
  CHECK(data["entities"].Size() == 21);
  CHECK(data["relations"].Size() == 58);
  for (const auto& entity : data["entities"].GetArray()) {
    CHECK_MESSAGE((entity.HasMember("x") && entity.HasMember("y")), entity["id"].GetString());
  }
  std::size_t quotes = 0;
  for (const auto& relation : data["relations"].GetArray()) quotes += relation["evidence"].Size();
  CHECK(quotes > 58);
  // The same page by --to, on standard output.
  const auto piped = test::run_kg("render " + sample() + " -o - --to html");
  REQUIRE(piped.exit_code == 0);
  CHECK(piped.out == html);
}

TEST_CASE("render html: the view options set the page's first state") {
  SUBCASE("a date window over the whole graph is left to the page, which starts there") {
    const auto data = render_page("--as-of 2016");
    CHECK(data["relations"].Size() == 58);
    CHECK(std::string(data["initial"]["as_of"].GetString()) == "2016");
  }
  SUBCASE("--between gives both ends") {
    const auto data = render_page("--between 2016..");
    CHECK(std::string(data["initial"]["from"].GetString()) == "2016");
    CHECK(std::string(data["initial"]["to"].GetString()).empty());
  }
  SUBCASE("--focus selects the entity and draws its neighbourhood, as kg neighbors") {
    const auto data = render_page("--focus musk --depth 1");
    CHECK(std::string(data["initial"]["selected"].GetString()) == "musk");
    CHECK(data["initial"]["depth"].GetUint() == 1);
    rapidjson::Document neighbors;
    neighbors.Parse(test::run_kg("neighbors " + sample() + " musk --depth 1 --format json").out.c_str());
    std::set<std::string> expected;
    for (const auto& entity : neighbors["entities"].GetArray()) expected.insert(entity["id"].GetString());
    CHECK(entity_ids(data) == expected);
  }
  SUBCASE("--path asks the page for the path, by id") {
    const auto data = render_page("--path Ilya Microsoft");
    REQUIRE(data["initial"]["path"].Size() == 2);
    CHECK(std::string(data["initial"]["path"][0].GetString()) == "ilya");
    CHECK(std::string(data["initial"]["path"][1].GetString()) == "microsoft");
  }
  SUBCASE("--diff marks relations added and ended") {
    const auto data = render_page("--diff 2016 2017");
    std::size_t added = 0;
    for (const auto& relation : data["relations"].GetArray()) {
      added += relation.HasMember("emphasis") && std::string(relation["emphasis"].GetString()) == "added";
    }
    CHECK(added > 0);
  }
  SUBCASE("--cluster community puts entities in labelled groups") {
    const auto data = render_page("--cluster community");
    CHECK(data["groups"].Size() > 1);
    std::size_t grouped = 0;
    for (const auto& entity : data["entities"].GetArray()) grouped += entity.HasMember("group");
    CHECK(grouped > 0);
  }
  SUBCASE("--relations leaves other types out of the page") {
    const auto data = render_page("--relations funded --direction out");
    CHECK(data["relations"].Size() == 4);
    CHECK(std::string(data["initial"]["direction"].GetString()) == "out");
  }
  SUBCASE("--collapse-hubs draws summary nodes where the SVG does; the collapsed relations stay in the data") {
    const auto data = render_page("--collapse-hubs 2");
    REQUIRE(data["summaries"].Size() > 0);
    for (const auto& summary : data["summaries"].GetArray()) CHECK((summary.HasMember("x") && summary.HasMember("y")));
    std::size_t collapsed = 0;
    for (const auto& relation : data["relations"].GetArray()) collapsed += relation.HasMember("summary");
    CHECK(collapsed > 0);
    CHECK(data["relations"].Size() == 58);
  }
  SUBCASE("--style colours the page") {
    const std::string style = test::temp_dir() + "/style.json";
    test::write_file(style, R"({"entity_types": {"person": {"fillcolor": "#123456"}}})");
    const auto data = render_page("--style " + test::shell_quote(style));
    CHECK(std::string(data["entity_types"]["person"]["fill"].GetString()) == "#123456");
  }
}

TEST_CASE("render html: no name can end the data's script element") {
  const std::string dir = test::temp_dir();
  test::write_file(dir + "/hostile.json", R"({"kg": 1, "name": "</script><script>alert(1)</script>",
    "entities": [{"id": "a", "name": "</script><img src=x onerror=alert(2)>"}, {"id": "b", "name": "&lt;\u2028"}],
    "relations": [{"source": "a", "target": "b", "type": "knew"}]})");
  const auto result = test::run_kg("render " + dir + "/hostile.json -o " + dir + "/hostile.html");
  REQUIRE_MESSAGE(result.exit_code == 0, result.err);
  const std::string html = test::read_file(dir + "/hostile.html");
  std::size_t ends = 0;
  for (std::size_t at = html.find("</script>"); at != std::string::npos; at = html.find("</script>", at + 1)) ++ends;
  CHECK(ends == 3);  // the data's, Cytoscape's and the page's own
  CHECK(html.find("<img") == std::string::npos);
  CHECK(html.find("<title>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>") != std::string::npos);
  const auto data = page_data(html);
  CHECK(std::string(data["entities"][0]["name"].GetString()) == "</script><img src=x onerror=alert(2)>");
  CHECK(std::string(data["entities"][1]["name"].GetString()) == "&lt;\xE2\x80\xA8");
}

TEST_CASE("render html: a map too large for a browser is refused with advice, and no file is written") {
  const std::string dir = test::temp_dir();
  std::string json = R"({"kg": 1, "entities": [)";
  for (int i = 0; i < 3001; ++i) json += std::string(i ? "," : "") + "{\"id\": \"e" + std::to_string(i) + "\"}";
  json += "], \"relations\": [";
  for (int i = 0; i < 3000; ++i) {
    json += std::string(i ? "," : "") + "{\"source\": \"e" + std::to_string(i) + "\", \"target\": \"e" +
            std::to_string(i + 1) + "\", \"type\": \"next\"}";
  }
  test::write_file(dir + "/chain.json", json + "]}");
  const auto result = test::run_kg("render " + dir + "/chain.json -o " + dir + "/chain.html");
  CHECK(result.exit_code == 2);
  CHECK(result.err.find("an evidence map of 3001 entities and 3000 relations would be slow to open") != std::string::npos);
  CHECK(result.err.find("--focus") != std::string::npos);
  CHECK(!std::filesystem::exists(dir + "/chain.html"));
  // A focus on part of it is drawn.
  CHECK(test::run_kg("render " + dir + "/chain.json -o " + dir + "/part.html --focus e10 --depth 3").exit_code == 0);
}

}  // namespace kg
