// kg rank, kg components and kg communities as a script sees them: JSON
// shapes, text tables and exit codes (docs/RANKING.md, docs/CLI.md).
#include <doctest/doctest.h>
#include <rapidjson/document.h>

#include <sstream>
#include <string>
#include <vector>

#include "tests/support/support.hpp"

using kg::test::run_kg;

namespace {

std::string sample() { return kg::test::shell_quote(kg::test::source_dir() + "/samples/openai.json"); }

rapidjson::Document parse(const std::string& text) {
  rapidjson::Document document;
  document.Parse(text.c_str());
  REQUIRE_MESSAGE(!document.HasParseError(), text);
  return document;
}

}  // namespace

TEST_CASE("kg rank --format json: sorted scores with id and name, OpenAI first by betweenness") {
  const auto result = run_kg("rank " + sample() + " --by betweenness --format json");
  REQUIRE(result.exit_code == 0);
  CHECK(result.err.empty());
  const auto json = parse(result.out);
  CHECK(std::string(json["measure"].GetString()) == "betweenness");
  const auto& scores = json["scores"];
  REQUIRE(scores.Size() == 10);
  CHECK(std::string(scores[0]["id"].GetString()) == "openai");
  CHECK(std::string(scores[0]["name"].GetString()) == "OpenAI");
  for (rapidjson::SizeType i = 1; i < scores.Size(); ++i) {
    CHECK(scores[i - 1]["score"].GetDouble() >= scores[i]["score"].GetDouble());
    CHECK(scores[i].MemberCount() == 3);
  }
  CHECK(parse(run_kg("rank " + sample() + " --top 0 --format json").out)["scores"].Size() == 21);
  CHECK(parse(run_kg("rank " + sample() + " --top 3 --format json").out)["scores"].Size() == 3);
}

TEST_CASE("kg rank: every measure and option is reachable") {
  for (const char* arguments :
       {"--by degree --direction in --raw", "--by degree --weight-by nope", "--by betweenness --direction out",
        "--by betweenness --samples 5 --seed 3", "--by closeness --no-wf-improved", "--by harmonic --direction out",
        "--by pagerank --damping 0.9 --tolerance 1e-8 --max-iterations 200", "--by pagerank --personalize musk,Altman",
        "--by eigenvector --direction any", "--by betweenness --of relations --top 5"}) {
    CAPTURE(arguments);
    const auto result = run_kg("rank " + sample() + " " + arguments + " --format json");
    if (std::string(arguments).find("nope") != std::string::npos) {
      CHECK(result.exit_code == 2);
      CHECK(result.err.find("--weight-by") != std::string::npos);
      continue;
    }
    REQUIRE(result.exit_code == 0);
    const auto json = parse(result.out);
    CHECK(json["scores"].Size() > 0);
  }
  const auto relations = parse(run_kg("rank " + sample() + " --by betweenness --of relations --format json").out);
  CHECK(std::string(relations["of"].GetString()) == "relations");
  for (const char* key : {"source", "type", "target", "date", "score"}) CHECK(relations["scores"][0].HasMember(key));
}

TEST_CASE("kg rank: filters drop entities from the ranking") {
  const auto json = parse(run_kg("rank " + sample() + " --by pagerank --entity-types person --top 0 --format json").out);
  for (const auto& entry : json["scores"].GetArray()) CHECK(std::string(entry["id"].GetString()) != "openai");
  const auto avoided = parse(run_kg("rank " + sample() + " --by betweenness --avoid openai --format json").out);
  CHECK(std::string(avoided["scores"][0]["id"].GetString()) != "openai");
}

TEST_CASE("kg rank: errors and exit codes") {
  CHECK(run_kg("rank " + sample() + " --by fame").exit_code == 2);
  CHECK(run_kg("rank " + sample() + " --by pagerank --samples 4").exit_code == 2);
  CHECK(run_kg("rank " + sample() + " --by betweenness --samples 0").exit_code == 2);
  CHECK(run_kg("rank " + sample() + " --by closeness --of relations").exit_code == 2);
  CHECK(run_kg("rank " + sample() + " --raw --normalized").exit_code == 2);
  CHECK(run_kg("rank " + sample() + " --by pagerank --damping 1.5").exit_code == 2);
  const auto unknown = run_kg("rank " + sample() + " --by pagerank --personalize nobody");
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err.find("nobody") != std::string::npos);
  CHECK(run_kg("rank /nonexistent/graph.json").exit_code == 3);
  const auto stuck = run_kg("rank " + sample() + " --by eigenvector --max-iterations 1");
  CHECK(stuck.exit_code == 1);
  CHECK(stuck.err.find("did not converge") != std::string::npos);
  CHECK(stuck.out.empty());
}

TEST_CASE("kg rank text: an aligned table") {
  const auto result = run_kg("rank " + sample() + " --by betweenness --top 5");
  REQUIRE(result.exit_code == 0);
  std::istringstream lines(result.out);
  std::string header, line;
  std::getline(lines, header);
  CHECK(header.rfind("rank", 0) == 0);
  const auto id_column = header.find("id ");
  int rows = 0;
  while (std::getline(lines, line)) {
    ++rows;
    CHECK(line.size() > id_column);
    CHECK(line[id_column - 1] == ' ');
    CHECK(line[id_column] != ' ');
  }
  CHECK(rows == 5);
  CHECK(result.out.find("openai") < result.out.find("musk"));
}

TEST_CASE("kg components and kg communities: JSON shapes") {
  const auto weak = parse(run_kg("components " + sample() + " --format json").out);
  CHECK(weak["count"].GetUint() == 1);
  CHECK(weak["components"][0]["size"].GetUint() == 21);
  CHECK(weak["components"][0]["entities"].Size() == 21);
  const auto strong = parse(run_kg("components " + sample() + " --strong --format json").out);
  CHECK(strong["strong"].GetBool());
  unsigned total = 0, previous = 1000;
  for (const auto& c : strong["components"].GetArray()) {
    CHECK(c["size"].GetUint() == c["entities"].Size());
    CHECK(c["size"].GetUint() <= previous);
    previous = c["size"].GetUint();
    total += c["size"].GetUint();
  }
  CHECK(total == 21);
  CHECK(parse(run_kg("components " + sample() + " --strong --top 2 --format json").out)["components"].Size() == 2);

  const auto communities = run_kg("communities " + sample() + " --seed 4 --format json");
  REQUIRE(communities.exit_code == 0);
  const auto json = parse(communities.out);
  CHECK(json["modularity"].GetDouble() > 0.1);
  total = 0;
  for (const auto& c : json["communities"].GetArray()) total += c["entities"].Size();
  CHECK(total == 21);
  CHECK(run_kg("communities " + sample() + " --resolution 0").exit_code == 2);
  const auto text = run_kg("communities " + sample());
  CHECK(text.out.rfind("modularity ", 0) == 0);
  CHECK(run_kg("components " + sample() + " --relations nonsense").exit_code == 2);
}

// The graph's direction chooses the default, as NetworkX's graph class does:
//
//   a --> b --> c      b is on the one shortest path a..c.
//
// Directed (Out): raw 1 of (n-1)(n-2) = 2 ordered pairs -> 0.5.
// Undirected: 1 of (n-1)(n-2)/2 = 1 unordered pair -> 1.0.
TEST_CASE("kg rank follows relations out on a directed graph and any way on an undirected one by default") {
  const std::string dir = kg::test::temp_dir();
  const std::string body = R"("entities": [{"id": "a"}, {"id": "b"}, {"id": "c"}],
      "relations": [{"source": "a", "target": "b", "type": "t"}, {"source": "b", "target": "c", "type": "t"}]})";
  kg::test::write_file(dir + "/directed.json", R"({"kg": 1, )" + body);
  kg::test::write_file(dir + "/undirected.json", R"({"kg": 1, "directed": false, )" + body);
  const auto score_of_b = [](const std::string& out) {
    const auto json = parse(out);
    for (const auto& score : json["scores"].GetArray()) {
      if (std::string(score["id"].GetString()) == "b") return score["score"].GetDouble();
    }
    FAIL("no score for b");
    return 0.0;
  };
  const auto directed = run_kg("rank " + dir + "/directed.json --by betweenness --format json");
  REQUIRE_MESSAGE(directed.exit_code == 0, directed.err);
  CHECK(score_of_b(directed.out) == doctest::Approx(0.5));
  const auto any = run_kg("rank " + dir + "/directed.json --by betweenness --direction any --format json");
  CHECK(score_of_b(any.out) == doctest::Approx(1.0));
  const auto undirected = run_kg("rank " + dir + "/undirected.json --by betweenness --format json");
  REQUIRE_MESSAGE(undirected.exit_code == 0, undirected.err);
  CHECK(score_of_b(undirected.out) == doctest::Approx(1.0));
  // PageRank on the directed chain: c collects the rank (NetworkX: 0.184, 0.341, 0.475).
  const auto pagerank = run_kg("rank " + dir + "/directed.json --by pagerank --format json");
  CHECK(parse(pagerank.out)["scores"][0]["id"] == "c");
  // No direction to choose on an undirected graph.
  const auto refused = run_kg("rank " + dir + "/undirected.json --by betweenness --direction out");
  CHECK(refused.exit_code == 2);
  CHECK(refused.err.find("--direction out: the graph is undirected") != std::string::npos);
  // kg path keeps walking any way: c reaches a against the arrows.
  const auto path = run_kg("path " + dir + "/directed.json c a --format json");
  CHECK(path.exit_code == 0);
  const auto help = run_kg("rank --help");
  CHECK(help.out.find("default: out on a directed graph") != std::string::npos);
}
