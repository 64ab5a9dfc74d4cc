// kg serve's endpoints (issue 14, points 2 and 4): each answer is byte for
// byte the JSON of the same kg command with --format json, and every kind
// of bad request gets its JSON error and status.
#include <doctest/doctest.h>

#include <rapidjson/document.h>

#include "tests/server/server_process.hpp"
#include "tests/support/support.hpp"

namespace kg {
namespace {

const std::string kSample = "samples/openai.json";

std::string cli_json(const std::string& arguments) {
  const auto result = test::run_kg(arguments + " --format json");
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  return result.out;
}

TEST_CASE("kg serve answers each question with the CLI's JSON, byte for byte") {
  test::ServerProcess server(kSample + " --quiet");
  const std::pair<std::string, std::string> questions[] = {
      {"/api/v1/components?top=3", "components " + kSample + " --top 3"},
      {"/api/v1/components?strong=true&top=4", "components " + kSample + " --strong --top 4"},
      {"/api/v1/components?relations=funded,recruited&top=5",
       "components " + kSample + " --relations funded,recruited --top 5"},
      {"/api/v1/components?as_of=2016&undated=exclude&top=5",
       "components " + kSample + " --as-of 2016 --undated exclude --top 5"},
      {"/api/v1/communities?top=10", "communities " + kSample + " --top 10"},
      {"/api/v1/communities?seed=7&resolution=1.5&top=10",
       "communities " + kSample + " --seed 7 --resolution 1.5 --top 10"},
      {"/api/v1/communities?avoid=musk&max_degree=20&top=10",
       "communities " + kSample + " --avoid musk --max-degree 20 --top 10"},
      {"/api/v1/path?from=musk&to=microsoft", "path " + kSample + " musk microsoft"},
      {"/api/v1/path?from=Elon%20Musk&to=microsoft&k=3", "path " + kSample + " 'Elon Musk' microsoft --k 3"},
      {"/api/v1/path?from=musk&to=microsoft&all_shortest=true&direction=out",
       "path " + kSample + " musk microsoft --all-shortest --direction out"},
      {"/api/v1/path?from=musk&to=microsoft&max_hops=3&limit=5", "path " + kSample + " musk microsoft --max-hops 3 --limit 5"},
      {"/api/v1/neighbors?center=openai&depth=2", "neighbors " + kSample + " openai --depth 2"},
      {"/api/v1/neighbors?center=musk&direction=in", "neighbors " + kSample + " musk --direction in"},
      // The server always has a time budget: the CLI's equal is a time limit
      // (under one, betweenness visits its sources in a shuffled order, so
      // without one the sums' last digit may differ).
      {"/api/v1/rank?by=betweenness&top=5", "rank " + kSample + " --by betweenness --top 5 --time-limit 3600"},
      {"/api/v1/rank?by=pagerank&top=3&relations=funded", "rank " + kSample + " --by pagerank --top 3 --relations funded"},
      {"/api/v1/rank", "rank " + kSample},
      {"/api/v1/info", "info " + kSample},
      {"/api/v1/info?as_of=2017", "info " + kSample + " --as-of 2017"},
      {"/api/v1/entities?text=musk", "find " + kSample + " musk --limit 100"},
      {"/api/v1/entities?text=open&in=names&limit=2&offset=1", "find " + kSample + " open --in names --limit 2 --offset 1"},
  };
  for (const auto& [target, command] : questions) {
    CAPTURE(target);
    const auto response = server.get(target);
    CHECK(response.status == 200);
    CHECK(response.get_header_value("Content-Type") == "application/json");
    CHECK(response.body == cli_json(command));
  }
  // Asked twice: the second answer comes from the cache and is the same.
  CHECK(server.get("/api/v1/communities?top=10").body == cli_json("communities " + kSample + " --top 10"));
  CHECK(server.stop() == 0);
}

TEST_CASE("kg serve: entities/{id} gives the entity and every relation it takes part in") {
  test::ServerProcess server(kSample + " --quiet");
  // Counted from the sample itself: relations whose source or target is musk.
  const auto sample = test::parse_json(test::read_file(test::source_dir() + "/" + kSample));
  std::size_t of_musk = 0;
  for (const auto& relation : sample["relations"].GetArray()) {
    of_musk += std::string(relation["source"].GetString()) == "musk" || std::string(relation["target"].GetString()) == "musk";
  }
  REQUIRE(of_musk > 2);
  const auto response = server.get("/api/v1/entities/musk");
  CHECK(response.status == 200);
  const auto musk = test::parse_json(response.body);
  CHECK(musk["total_relations"].GetUint64() == of_musk);
  // A page of two, then the rest.
  const auto page = test::parse_json(server.get("/api/v1/entities/Elon%20Musk?limit=2").body);
  CHECK(page["relations"].Size() == 2);
  CHECK(page["total_relations"].GetUint64() == of_musk);
  const auto missing = server.get("/api/v1/entities/muks");
  CHECK(missing.status == 404);
  CHECK(std::string(test::parse_json(missing.body)["suggestions"][0].GetString()) == "Elon Musk");
  CHECK(server.stop() == 0);
}

TEST_CASE("kg serve: render draws what kg render draws") {
  test::ServerProcess server(kSample + " --quiet");
  const std::string dir = test::temp_dir();
  const std::pair<std::string, std::string> drawings[] = {
      {"/api/v1/render?format=dot&focus=musk", "render " + kSample + " --focus musk -o " + dir + "/a.dot"},
      {"/api/v1/render?format=dot&path=musk,microsoft&direction=out",
       "render " + kSample + " --path musk microsoft --direction out -o " + dir + "/b.dot"},
      {"/api/v1/render?format=svg&focus=openai&depth=1&engine=neato",
       "render " + kSample + " --focus openai --depth 1 --engine neato -o " + dir + "/c.svg"},
  };
  int n = 0;
  for (const auto& [target, command] : drawings) {
    CAPTURE(target);
    const auto response = server.get(target);
    CHECK(response.status == 200);
    const auto made = test::run_kg(command);
    REQUIRE_MESSAGE(made.exit_code == 0, made.err);
    const std::string file = dir + (n == 0 ? "/a.dot" : n == 1 ? "/b.dot" : "/c.svg");
    CHECK(response.body == test::read_file(file));
    ++n;
  }
  CHECK(server.get("/api/v1/render?format=svg&focus=musk").get_header_value("Content-Type") == "image/svg+xml");
  // The evidence map of a view, as kg render -o x.html draws it.
  const auto map = server.get("/api/v1/render?format=html&focus=musk");
  CHECK(map.status == 200);
  CHECK(map.get_header_value("Content-Type") == "text/html; charset=utf-8");
  CHECK(map.body.find("Elon Musk") != std::string::npos);
  CHECK(server.stop() == 0);
}

TEST_CASE("kg serve: health and openapi.json describe the graph and every endpoint") {
  test::ServerProcess server(kSample + " --quiet");
  const auto health = test::parse_json(server.get("/api/v1/health").body);
  CHECK(std::string(health["status"].GetString()) == "ok");
  CHECK(health["generation"].GetUint64() == 1);
  // samples/openai.json: its "entities" and "relations" arrays.
  const auto sample = test::parse_json(test::read_file(test::source_dir() + "/" + kSample));
  CHECK(health["entities"].GetUint64() == sample["entities"].Size());
  CHECK(health["relations"].GetUint64() == sample["relations"].Size());

  const auto openapi = test::parse_json(server.get("/api/v1/openapi.json").body);
  CHECK(std::string(openapi["openapi"].GetString()) == "3.0.3");
  const auto& paths = openapi["paths"];
  for (const char* path : {"/api/v1/health", "/api/v1/components", "/api/v1/communities", "/api/v1/info",
                           "/api/v1/rank"}) {
    CAPTURE(path);
    REQUIRE(paths.HasMember(path));
    // Every documented path answers 200 without parameters.
    CHECK(server.get(path).status == 200);
  }
  // The parameters documented are the ones accepted: "strong" is, "weak" is not.
  bool documents_strong = false;
  for (const auto& parameter : paths["/api/v1/components"]["get"]["parameters"].GetArray()) {
    documents_strong = documents_strong || std::string(parameter["name"].GetString()) == "strong";
  }
  CHECK(documents_strong);
  CHECK(server.get("/api/v1/components?weak=1").status == 400);
  CHECK(server.stop() == 0);
}

TEST_CASE("kg serve: bad parameters are 400 naming the parameter and what it accepts") {
  test::ServerProcess server(kSample + " --quiet");
  struct Bad {
    std::string target, parameter, accepted;
  };
  const Bad cases[] = {
      {"/api/v1/components?top=-1", "top", "0..10000"},
      {"/api/v1/components?top=10001", "top", "0..10000"},
      {"/api/v1/components?top=abc", "top", "0..10000"},
      {"/api/v1/components?strong=maybe", "strong", "true|false"},
      {"/api/v1/components?undated=sometimes", "undated", "include|exclude|only"},
      {"/api/v1/components?top=1&top=2", "top", "0..10000"},
      {"/api/v1/communities?resolution=0", "resolution", "1e-09..1e+06"},
      {"/api/v1/communities?resolution=nan", "resolution", "1e-09..1e+06"},
      {"/api/v1/components?color=red", "color",
       "relations, exclude_relations, entity_types, as_of, between, undated, avoid, max_degree, strong, top"},
      {"/api/v1/path?to=microsoft", "from", "an id, name or alias"},
      {"/api/v1/path?from=musk&to=microsoft&k=101", "k", "1..100"},
      {"/api/v1/path?from=musk&to=microsoft&max_hops=51", "max_hops", "1..50"},
      {"/api/v1/path?from=musk&to=microsoft&limit=1001", "limit", "1..1000"},
      {"/api/v1/neighbors?center=musk&depth=6", "depth", "1..5"},
      {"/api/v1/neighbors?center=musk&direction=up", "direction", "out|in|any"},
      {"/api/v1/rank?by=fame", "by", "degree|betweenness|closeness|harmonic|pagerank|eigenvector"},
      {"/api/v1/entities?text=a&limit=0", "limit", "1..1000"},
  };
  // Fields that do not go together, as the query refuses them.
  const auto together = test::parse_json(server.get("/api/v1/path?from=musk&to=microsoft&k=2&all_shortest=true").body);
  CHECK(together["status"].GetInt() == 400);
  CHECK(std::string(together["error"].GetString()).find("all_shortest") != std::string::npos);
  const auto unknown = server.get("/api/v1/path?from=muks&to=microsoft");
  CHECK(unknown.status == 404);
  CHECK(std::string(test::parse_json(unknown.body)["suggestions"][0].GetString()) == "Elon Musk");
  for (const auto& bad : cases) {
    CAPTURE(bad.target);
    const auto response = server.get(bad.target);
    CHECK(response.status == 400);
    const auto error = test::parse_json(response.body);
    CHECK(error["status"].GetInt() == 400);
    CHECK(std::string(error["parameter"].GetString()) == bad.parameter);
    CHECK(std::string(error["accepted"].GetString()) == bad.accepted);
  }
  // A value the library refuses is worded with the parameter's name.
  const auto window = server.get("/api/v1/components?as_of=2016&between=2015..2017");
  CHECK(window.status == 400);
  const auto error = test::parse_json(window.body);
  CHECK(std::string(error["parameter"].GetString()) == "as_of");
  CHECK(std::string(error["error"].GetString()) == "as_of and between cannot be combined");
  const auto date = test::parse_json(server.get("/api/v1/components?as_of=2016-02-30").body);
  CHECK(std::string(date["parameter"].GetString()) == "as_of");
  CHECK(server.stop() == 0);
}

TEST_CASE("kg serve: unknown entities and endpoints are 404 with suggestions") {
  test::ServerProcess server(kSample + " --quiet");
  // "muks" is one transposition from "musk": the same message and
  // suggestion as the command line's.
  const auto avoided = server.get("/api/v1/components?avoid=muks");
  CHECK(avoided.status == 404);
  const auto error = test::parse_json(avoided.body);
  const auto cli = test::run_kg("components " + kSample + " --avoid muks");
  CHECK(cli.exit_code == 2);
  CHECK("kg: " + std::string(error["error"].GetString()) + "\n" == cli.err);
  REQUIRE(error.HasMember("suggestions"));
  CHECK(std::string(error["suggestions"][0].GetString()) == "Elon Musk");

  const auto endpoint = server.get("/api/v1/component");
  CHECK(endpoint.status == 404);
  const auto missing = test::parse_json(endpoint.body);
  CHECK(std::string(missing["suggestions"][0].GetString()) == "/api/v1/components");
  // Nothing outside the API is a file: no path reaches the disk.
  CHECK(server.get("/../../etc/passwd").status == 404);
  CHECK(server.get("/api/v1/..%2F..%2Fetc%2Fpasswd").status == 404);
  CHECK(server.stop() == 0);
}

TEST_CASE("kg serve: read-only, size limits, token and CORS") {
  test::ServerProcess server(kSample + " --quiet --token s3cret --cors https://newsroom.example --max-body-bytes 100");
  const httplib::Headers bearer = {{"Authorization", "Bearer s3cret"}};

  SUBCASE("without the token every request is 401") {
    for (const auto& headers : {httplib::Headers{}, httplib::Headers{{"Authorization", "Bearer s3cre"}},
                                httplib::Headers{{"Authorization", "Bearer s3cret2"}},
                                httplib::Headers{{"Authorization", "s3cret"}}}) {
      const auto response = server.get("/api/v1/health", headers);
      CHECK(response.status == 401);
      CHECK(response.get_header_value("WWW-Authenticate") == "Bearer");
      CHECK(test::parse_json(response.body)["status"].GetInt() == 401);
    }
    CHECK(server.get("/api/v1/health", bearer).status == 200);
  }
  SUBCASE("CORS headers name the one origin allowed; a preflight is answered") {
    const auto response = server.get("/api/v1/health", bearer);
    CHECK(response.get_header_value("Access-Control-Allow-Origin") == "https://newsroom.example");
    auto preflight = server.client()->Options("/api/v1/health");
    REQUIRE(preflight);
    CHECK(preflight->status == 204);
    CHECK(preflight->get_header_value("Access-Control-Allow-Headers") == "Authorization");
  }
  SUBCASE("no method but GET") {
    auto posted = server.client()->Post("/api/v1/health", bearer, "x", "text/plain");
    REQUIRE(posted);
    CHECK(posted->status == 405);
    auto deleted = server.client()->Delete("/api/v1/health", bearer);
    REQUIRE(deleted);
    CHECK(deleted->status == 405);
  }
  SUBCASE("a body over the limit is 413, a URL over 8192 bytes is 414") {
    const auto big = server.raw("GET /api/v1/health HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer s3cret\r\n"
                                "Content-Length: 1000\r\nConnection: close\r\n\r\n" + std::string(1000, 'x'));
    CHECK(big.rfind("HTTP/1.1 413 ", 0) == 0);
    CHECK(big.find("{\"status\":413,") != std::string::npos);
    const auto long_url = server.get("/api/v1/health?relations=" + std::string(9000, 'a'), bearer);
    CHECK(long_url.status == 414);
    CHECK(test::parse_json(long_url.body)["status"].GetInt() == 414);
  }
  SUBCASE("a malformed request line is 400") {
    CHECK(server.raw("BOGUS\r\n\r\n").rfind("HTTP/1.1 400 ", 0) == 0);
  }
  SUBCASE("a body is never read as the next request: its connection ends after the reply") {
    // The body holds a whole request of its own; only one reply comes back.
    const std::string smuggled = "GET /api/v1/health HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer s3cret\r\n\r\n";
    const auto answer = server.raw("POST /api/v1/health HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer s3cret\r\n"
                                   "Content-Length: " + std::to_string(smuggled.size()) + "\r\n\r\n" + smuggled);
    CHECK(answer.rfind("HTTP/1.1 405 ", 0) == 0);
    CHECK(answer.find("HTTP/1.1", 1) == std::string::npos);
  }
  CHECK(server.stop() == 0);
}

TEST_CASE("kg serve: without --cors there are no CORS headers") {
  test::ServerProcess server(kSample + " --quiet");
  CHECK(!server.get("/api/v1/health").has_header("Access-Control-Allow-Origin"));
  CHECK(server.stop() == 0);
}

}  // namespace
}  // namespace kg
