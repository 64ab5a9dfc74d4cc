// The live evidence map's side of kg serve (issue 14, point 3): the page at /
// and /api/v1/subgraph, whose pieces are checked against the sample itself
// (counted here from its JSON) and against kg neighbors and kg path.
#include <doctest/doctest.h>

#include <rapidjson/document.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "tests/server/server_process.hpp"
#include "tests/support/support.hpp"

namespace kg {
namespace {

const std::string kSample = "samples/openai.json";

using Ids = std::set<std::string>;

// The ids of a piece's entities.
Ids entity_ids(const rapidjson::Value& piece) {
  Ids ids;
  for (const auto& entity : piece["entities"].GetArray()) ids.insert(entity["id"].GetString());
  return ids;
}

// A piece's relations as "source type target date", ends by id.
std::multiset<std::string> relation_lines(const rapidjson::Value& piece) {
  std::multiset<std::string> lines;
  const auto& entities = piece["entities"];
  for (const auto& relation : piece["relations"].GetArray()) {
    lines.insert(std::string(entities[relation["source"].GetUint()]["id"].GetString()) + " " + relation["type"].GetString() +
                 " " + entities[relation["target"].GetUint()]["id"].GetString() + " " +
                 (relation.HasMember("date") ? relation["date"].GetString() : ""));
  }
  return lines;
}

std::string line_of(const rapidjson::Value& relation) {
  return std::string(relation["source"].GetString()) + " " + relation["type"].GetString() + " " +
         relation["target"].GetString() + " " + (relation.HasMember("date") && relation["date"].IsString() ? relation["date"].GetString() : "");
}

TEST_CASE("kg serve: subgraph?focus= is the neighbourhood kg neighbors lists, in the evidence map's model") {
  test::ServerProcess server(kSample + " --quiet");
  const auto sample = test::parse_json(test::read_file(test::source_dir() + "/" + kSample));
  // Musk and every entity a relation joins him to; the relations among them.
  Ids around_musk = {"musk"};
  std::map<std::string, std::size_t> degree;
  for (const auto& relation : sample["relations"].GetArray()) {
    const std::string source = relation["source"].GetString(), target = relation["target"].GetString();
    if (source == "musk") around_musk.insert(target);
    if (target == "musk") around_musk.insert(source);
    ++degree[source];
    ++degree[target];
  }
  std::multiset<std::string> among;
  for (const auto& relation : sample["relations"].GetArray()) {
    if (around_musk.count(relation["source"].GetString()) && around_musk.count(relation["target"].GetString())) {
      among.insert(line_of(relation));
    }
  }
  REQUIRE(around_musk.size() == 12);  // musk and 11 others
  REQUIRE(among.size() == 46);

  const auto response = server.get("/api/v1/subgraph?focus=musk");
  CHECK(response.status == 200);
  CHECK(response.get_header_value("Content-Type") == "application/json");
  const auto piece = test::parse_json(response.body);
  CHECK(entity_ids(piece) == around_musk);
  CHECK(relation_lines(piece) == among);
  CHECK(std::string(piece["focus"].GetString()) == "musk");
  CHECK(piece["depth"].GetUint64() == 1);
  CHECK(piece["truncated"].GetBool() == false);
  CHECK(piece["total_entities"].GetUint64() == 12);
  CHECK(piece["total_relations"].GetUint64() == 46);
  CHECK(std::string(piece["caption"].GetString()) == "within 1 step of Elon Musk");
  // The same entities as kg neighbors.
  const auto neighbors = test::run_kg("neighbors " + kSample + " musk --format json");
  REQUIRE(neighbors.exit_code == 0);
  Ids listed;
  const auto neighbors_json = test::parse_json(neighbors.out);  // held: the loop reads into it
  for (const auto& entity : neighbors_json["entities"].GetArray()) listed.insert(entity["id"].GetString());
  CHECK(entity_ids(piece) == listed);
  // What the page merges by: each entity's degree, each relation's key, the
  // sources the evidence cites (all of them here: one source).
  for (const auto& entity : piece["entities"].GetArray()) {
    CAPTURE(entity["id"].GetString());
    CHECK(entity["degree"].GetUint64() == degree[entity["id"].GetString()]);
  }
  std::set<unsigned> keys;
  for (const auto& relation : piece["relations"].GetArray()) keys.insert(relation["key"].GetUint());
  CHECK(keys.size() == 46);
  REQUIRE(piece["sources"].Size() == 1);
  CHECK(std::string(piece["sources"][0]["id"].GetString()) == "inside1024");
  CHECK(!piece.HasMember("initial"));

  // Without a focus: the busiest entity, Musk (27 relations).
  CHECK(std::max_element(degree.begin(), degree.end(), [](const auto& a, const auto& b) { return a.second < b.second; })
            ->first == "musk");
  const auto busiest = test::parse_json(server.get("/api/v1/subgraph").body);
  CHECK(std::string(busiest["focus"].GetString()) == "musk");
  CHECK(entity_ids(busiest) == around_musk);
  CHECK(server.stop() == 0);
}

TEST_CASE("kg serve: subgraph's limit keeps the focus and its busiest neighbours, and says it truncated") {
  test::ServerProcess server(kSample + " --quiet");
  // Musk's busiest neighbours in the sample: OpenAI (22 relations), Sam Altman (17).
  const auto piece = test::parse_json(server.get("/api/v1/subgraph?focus=Elon%20Musk&limit=3").body);
  CHECK(entity_ids(piece) == Ids{"altman", "musk", "openai"});
  CHECK(piece["truncated"].GetBool());
  CHECK(piece["limit"].GetUint64() == 3);
  CHECK(piece["total_entities"].GetUint64() == 12);
  CHECK(piece["total_relations"].GetUint64() == 46);
  // Every relation among the three, counted from the sample.
  const auto sample = test::parse_json(test::read_file(test::source_dir() + "/" + kSample));
  const Ids kept = {"altman", "musk", "openai"};
  std::multiset<std::string> among;
  for (const auto& relation : sample["relations"].GetArray()) {
    if (kept.count(relation["source"].GetString()) && kept.count(relation["target"].GetString())) among.insert(line_of(relation));
  }
  CHECK(among.size() == 14);
  CHECK(relation_lines(piece) == among);
  // A filter applies as everywhere: following funding alone, Musk's two
  // fundings of OpenAI (2015, 2016) are all there is.
  const auto funded = test::parse_json(server.get("/api/v1/subgraph?focus=musk&relations=funded").body);
  CHECK(relation_lines(funded) == std::multiset<std::string>{"musk funded openai 2015", "musk funded openai 2016"});
  CHECK(server.stop() == 0);
}

TEST_CASE("kg serve: subgraph?path= is the path kg path finds, highlighted") {
  test::ServerProcess server(kSample + " --quiet");
  const auto path = test::parse_json(server.get("/api/v1/subgraph?path=musk,microsoft").body);
  CHECK(path["found"].GetBool());
  CHECK(std::string(path["path"][0].GetString()) == "musk");
  CHECK(std::string(path["path"][1].GetString()) == "microsoft");
  CHECK(entity_ids(path) == Ids{"microsoft", "musk"});
  // kg path's one step, and nothing else without context.
  const auto cli = test::run_kg("path " + kSample + " musk microsoft --format json");
  REQUIRE(cli.exit_code == 0);
  const auto cli_json = test::parse_json(cli.out);  // held: steps point into it
  const auto steps = cli_json["paths"][0]["steps"].GetArray();
  REQUIRE(steps.Size() == 1);
  CHECK(relation_lines(path) == std::multiset<std::string>{line_of(steps[0])});
  CHECK(std::string(path["relations"][0]["emphasis"].GetString()) == "highlighted");
  CHECK(std::string(path["caption"].GetString()) == "Elon Musk to Microsoft in 1 step");

  // With one step of context the entities around the path come too, plainly.
  const auto context = test::parse_json(server.get("/api/v1/subgraph?path=musk,microsoft&depth=1").body);
  CHECK(entity_ids(context).size() == 13);
  for (const auto& entity : context["entities"].GetArray()) {
    const std::string id = entity["id"].GetString();
    CHECK(entity.HasMember("emphasis") == (id == "musk" || id == "microsoft"));
  }

  // No path in the view: a 200 that says so, with nothing to merge.
  const auto none = test::parse_json(server.get("/api/v1/subgraph?path=musk,microsoft&relations=competed").body);
  CHECK(none["found"].GetBool() == false);
  CHECK(none["entities"].Size() == 0);
  CHECK(std::string(none["caption"].GetString()) == "no path joins Elon Musk and Microsoft in this view");
  CHECK(server.stop() == 0);
}

TEST_CASE("kg serve: subgraph's bad requests are 400 naming the parameter, unknown names 404") {
  test::ServerProcess server(kSample + " --quiet");
  struct Bad {
    std::string target, parameter;
  };
  const Bad cases[] = {
      {"/api/v1/subgraph?limit=0", "limit"},
      {"/api/v1/subgraph?limit=1001", "limit"},
      {"/api/v1/subgraph?depth=6", "depth"},
      {"/api/v1/subgraph?focus=musk&path=musk,openai", "focus"},
      {"/api/v1/subgraph?path=musk", "path"},
      {"/api/v1/subgraph?focus=musk&k=2", "k"},
      {"/api/v1/subgraph?focus=musk&avoid=musk", "focus"},
      {"/api/v1/subgraph?direction=up", "direction"},
      {"/api/v1/subgraph?center=musk", "center"},
  };
  for (const auto& bad : cases) {
    CAPTURE(bad.target);
    const auto response = server.get(bad.target);
    CHECK(response.status == 400);
    CHECK(std::string(test::parse_json(response.body)["parameter"].GetString()) == bad.parameter);
  }
  const auto limit = test::parse_json(server.get("/api/v1/subgraph?limit=0").body);
  CHECK(std::string(limit["accepted"].GetString()) == "1..1000");
  const auto together = test::parse_json(server.get("/api/v1/subgraph?focus=musk&path=musk,openai").body);
  CHECK(std::string(together["error"].GetString()) == "focus and path exclude one another");
  for (const std::string target : {"/api/v1/subgraph?focus=muks", "/api/v1/subgraph?path=muks,openai"}) {
    CAPTURE(target);
    const auto unknown = server.get(target);
    CHECK(unknown.status == 404);
    CHECK(std::string(test::parse_json(unknown.body)["suggestions"][0].GetString()) == "Elon Musk");
  }
  // Described in openapi.json with the parameters it takes.
  const auto openapi = test::parse_json(server.get("/api/v1/openapi.json").body);
  REQUIRE(openapi["paths"].HasMember("/api/v1/subgraph"));
  std::set<std::string> documented;
  for (const auto& parameter : openapi["paths"]["/api/v1/subgraph"]["get"]["parameters"].GetArray()) {
    documented.insert(parameter["name"].GetString());
  }
  for (const char* name : {"focus", "depth", "path", "k", "limit", "relations", "as_of", "direction"}) {
    CAPTURE(name);
    CHECK(documented.count(name) == 1);
  }
  CHECK(server.stop() == 0);
}

TEST_CASE("kg serve: the page at / is the live map, the same for every request, with no graph in it") {
  test::ServerProcess server(kSample + " --quiet --token s3cret");
  const auto page = server.get("/");
  CHECK(page.status == 200);
  CHECK(page.get_header_value("Content-Type") == "text/html; charset=utf-8");
  CHECK(page.body.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(page.body.find("Elon Musk") == std::string::npos);
  CHECK(page.body.find("\"live\":{\"api\":\"api/v1/\"}") != std::string::npos);
  CHECK(page.body.find("content=\"default-src 'none'; connect-src 'self'; script-src") != std::string::npos);
  // Its parameters are the script's to read: the page does not change.
  CHECK(server.get("/?focus=muks").body == page.body);
  // It holds no data, so it opens without the token; the API does not.
  CHECK(server.get("/api/v1/subgraph").status == 401);
  CHECK(server.get("/api/v1/subgraph", {{"Authorization", "Bearer s3cret"}}).status == 200);
  CHECK(server.stop() == 0);
}

}  // namespace
}  // namespace kg
