// Queries never run away (issue 11, points 15 and 16): path answers are
// streamed and cut by --time-limit with the answer so far; Yen and the ego
// network stay linear on a long chain; every query command takes
// --time-limit and marks a cut answer.
#include <doctest/doctest.h>

#include <rapidjson/document.h>

#include "algorithms/paths.hpp"
#include "tests/support/support.hpp"

namespace kg {
namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// e0 -> e1 -> ... -> e(n-1)
std::string chain_json(int n) {
  std::string json = R"({"kg": 1, "entities": [)";
  for (int i = 0; i < n; ++i) json += std::string(i ? "," : "") + "{\"id\":\"e" + std::to_string(i) + "\"}";
  json += "], \"relations\": [";
  for (int i = 0; i + 1 < n; ++i) {
    json += std::string(i ? "," : "") + "{\"source\":\"e" + std::to_string(i) + "\",\"target\":\"e" +
            std::to_string(i + 1) + "\",\"type\":\"next\"}";
  }
  return json + "]}";
}

// Every pair of n entities related: more simple paths than any run lists.
std::string complete_json(int n) {
  std::string json = R"({"kg": 1, "entities": [)";
  for (int i = 0; i < n; ++i) json += std::string(i ? "," : "") + "{\"id\":\"k" + std::to_string(i) + "\"}";
  json += "], \"relations\": [";
  bool first = true;
  for (int i = 0; i < n; ++i) {
    for (int j = i + 1; j < n; ++j) {
      json += std::string(first ? "" : ",") + "{\"source\":\"k" + std::to_string(i) + "\",\"target\":\"k" +
              std::to_string(j) + "\",\"type\":\"knows\"}";
      first = false;
    }
  }
  return json + "]}";
}

std::string write_graph(const std::string& name, const std::string& json) {
  const std::string path = test::temp_dir() + "/" + name;
  test::write_file(path, json);
  return path;
}

rapidjson::Document parse(const std::string& text) {
  rapidjson::Document document;
  document.Parse(text.c_str(), text.size());
  REQUIRE_FALSE(document.HasParseError());
  return document;
}

}  // namespace

TEST_CASE("query limits: path enumeration is cut by --time-limit with the paths found so far") {
  const std::string graph = write_graph("k12.json", complete_json(12));
  // k0 to k11 within 11 hops: about 10^8 simple paths.
  const auto json = test::run_kg("path " + graph + " k0 k11 --max-hops 11 --limit 1000000000 --time-limit 1 "
                                 "--format json");
  CHECK(json.exit_code == 1);
  const auto document = parse(json.out);
  CHECK(document["paths"].Size() > 0);
  CHECK(document["cut"].GetBool());
  CHECK_FALSE(document.HasMember("truncated"));
  CHECK(contains(json.err, "kg: stopped at the time limit of 1 s: "));
  CHECK(contains(json.err, std::to_string(document["paths"].Size()) + " paths found so far"));

  const auto text = test::run_kg("path " + graph + " k0 k11 --all-shortest --limit 5 --time-limit 60");
  CHECK(text.exit_code == 0);
  CHECK(text.out.rfind("k0 -[knows]-> k11\n", 0) == 0);  // one shortest path, printed bare
}

TEST_CASE("query limits: --limit still ends the stream, and says so") {
  const std::string graph = write_graph("k8.json", complete_json(8));
  const auto json = test::run_kg("path " + graph + " k0 k7 --max-hops 3 --limit 4 --format json");
  CHECK(json.exit_code == 0);
  const auto document = parse(json.out);
  REQUIRE(document["paths"].Size() == 4);
  CHECK(document["paths"][0]["length"].GetUint() == 1);
  CHECK(document["truncated"].GetBool());
  CHECK_FALSE(document.HasMember("cut"));
}

TEST_CASE("query limits: Yen and the ego network on a 200,000-entity chain") {
  // Both were quadratic in the chain's length (Yen re-marked the root path
  // per spur; neighbors' text output scanned every relation per entity).
  constexpr int kLength = 200000;
  const std::string graph = write_graph("chain.json", chain_json(kLength));
  const auto k2 = test::run_kg("path " + graph + " e0 e199999 --k 2 --format json");
  CHECK(k2.exit_code == 0);
  const auto paths = parse(k2.out);
  REQUIRE(paths["paths"].Size() == 1);
  CHECK(paths["paths"][0]["length"].GetUint() == kLength - 1);

  const auto ego = test::run_kg("neighbors " + graph + " e0 --depth 200000");
  CHECK(ego.exit_code == 0);
  CHECK(contains(ego.out, "e0 (e0): 199999 entities within 200000 steps, 199999 relations among them\n"));
  CHECK(contains(ego.out, "\n199999 steps away:\n  e199999 (e199999, entity)\n      e199998 -[next]-> e199999\n"));
}

TEST_CASE("query limits: the ego network stops at should_stop with whole rings and part of the last") {
  //   e0 - e1 - e2 - ... - e2999
  const Graph graph = test::graph_from_json(chain_json(3000));
  EgoNetworkOptions options;
  options.depth = 5000;
  std::size_t asked = 0;
  options.should_stop = [&asked] { return ++asked == 2; };
  const EgoNetwork ego = ego_network(View(graph), 0, options);
  CHECK(ego.cut);
  REQUIRE(ego.entities.size() >= 1024);
  REQUIRE(ego.entities.size() < 3000);
  for (std::size_t i = 0; i < ego.entities.size(); ++i) CHECK(ego.distance[i] == i);
  options.should_stop = {};
  CHECK_FALSE(ego_network(View(graph), 0, options).cut);
}

TEST_CASE("query limits: every query command takes --time-limit and marks a cut answer") {
  const std::string chain = write_graph("chain.json", chain_json(5000));
  // 3,000 entities without relations: 3,000 components.
  std::string isolated = R"({"kg": 1, "entities": [)";
  for (int i = 0; i < 3000; ++i) isolated += std::string(i ? "," : "") + "{\"id\":\"i" + std::to_string(i) + "\"}";
  const std::string scattered = write_graph("scattered.json", isolated + "], \"relations\": []}");
  const std::string sample = test::shell_quote(test::source_dir() + "/samples/openai.json");
  // The limit has passed before the work starts, so each stops at its first check.
  const std::string limit = " --time-limit 0.000001 --format json";
  for (const std::string& command :
       {"neighbors " + chain + " e0 --depth 5000", "components " + scattered, "rank " + sample + " --by pagerank",
        "rank " + sample + " --by betweenness", "rank " + sample + " --by closeness",
        "rank " + sample + " --by harmonic", "communities " + sample, "find " + sample + " a",
        "timeline " + chain}) {
    CAPTURE(command);
    const auto result = test::run_kg(command + limit);
    CHECK(result.exit_code == 1);
    CHECK(parse(result.out)["cut"].GetBool());
    CHECK(contains(result.err, "kg: stopped at the time limit of 1e-06 s: "));
  }
}

}  // namespace kg
