// kg path and kg neighbors as a user's script sees them: stdout, stderr and
// exit codes (docs/PATHS.md).
#include <doctest/doctest.h>
#include <rapidjson/document.h>

#include "tests/support/support.hpp"

using kg::test::run_kg;
using kg::test::shell_quote;

namespace {

std::string sample() { return shell_quote(kg::test::source_dir() + "/samples/openai.json"); }

rapidjson::Document parse(const std::string& text) {
  rapidjson::Document document;
  document.Parse(text.c_str());
  REQUIRE_MESSAGE(!document.HasParseError(), "not JSON: " << text);
  return document;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("kg path: steps read as an argument, each with its evidence") {
  const auto result = run_kg("path " + sample() + " Musk Microsoft --relations funded");
  CHECK(result.exit_code == 0);
  CHECK(result.err.empty());
  CHECK(result.out.rfind("Elon Musk -[funded 2015..2018]-> OpenAI\n    \"Musk proposed a small goal", 0) == 0);
  CHECK(contains(result.out, "\nOpenAI <-[funded 2016]- Microsoft\n    \"the new offer was that Microsoft would "
                             "contribute $50 million"));
  CHECK(contains(result.out, "(inside1024)\n"));

  const auto symmetric = run_kg("path " + sample() + " musk microsoft --k 3");
  CHECK(symmetric.exit_code == 0);
  CHECK(symmetric.out.rfind("path 1: 1 hop\nElon Musk -[rejected 2016]-> Microsoft\n", 0) == 0);
  CHECK(contains(symmetric.out, "\npath 2: 2 hops\nElon Musk -[advised 2015]-> Sam Altman\n"));
  CHECK(contains(symmetric.out, "\nSam Altman -[negotiated_with 2016]- Microsoft\n"));  // symmetric: no arrowhead
}

TEST_CASE("kg path --format json: the documented shape") {
  const auto result = run_kg("path " + sample() + " musk microsoft --relations funded --format json");
  REQUIRE(result.exit_code == 0);
  const auto json = parse(result.out);
  CHECK(std::string(json["from"].GetString()) == "musk");
  CHECK(std::string(json["to"].GetString()) == "microsoft");
  REQUIRE(json["paths"].Size() == 1);
  const auto& path = json["paths"][0];
  CHECK(path["length"].GetInt() == 2);
  const auto& first = path["steps"][0];
  CHECK(std::string(first["source"].GetString()) == "musk");
  CHECK(std::string(first["type"].GetString()) == "funded");
  CHECK(std::string(first["target"].GetString()) == "openai");
  CHECK(std::string(first["date"].GetString()) == "2015");
  CHECK(std::string(first["until"].GetString()) == "2018");
  CHECK(first["forward"].GetBool());
  CHECK(first["evidence"].Size() == 2);
  CHECK(std::string(first["evidence"][0]["source"].GetString()) == "inside1024");
  const auto& second = path["steps"][1];
  CHECK(std::string(second["source"].GetString()) == "microsoft");
  CHECK_FALSE(second["forward"].GetBool());
  CHECK_FALSE(second.HasMember("until"));
  CHECK_FALSE(json.HasMember("reason"));

  const auto weighted = parse(run_kg("path " + sample() + " musk microsoft --weight-by rejected=5 --format json").out);
  REQUIRE(weighted["paths"].Size() == 1);
  CHECK(weighted["paths"][0]["weight"].GetDouble() == 2);
  CHECK(weighted["paths"][0]["steps"][0]["weight"].GetDouble() == 1);
}

TEST_CASE("kg path: no path is an answer (exit 1) that names what kept them apart") {
  auto result = run_kg("path " + sample() + " musk microsoft --relations funded,offered --direction out");
  CHECK(result.exit_code == 1);
  CHECK(result.out ==
        "no path from Elon Musk to Microsoft with --relations funded,offered --direction out; without --relations "
        "funded,offered they connect in 1 hop, without --direction out they connect in 2 hops\n");
  result = run_kg("path " + sample() + " musk inside1024 --max-hops 2");
  CHECK(result.exit_code == 1);
  CHECK(result.out == "no path from Elon Musk to inside1024 within 2 hops; the shortest has 3\n");
  result = run_kg("path " + sample() + " musk inside1024 --relations funded --format json");
  CHECK(result.exit_code == 1);
  const auto json = parse(result.out);
  CHECK(json["paths"].Size() == 0);
  CHECK(std::string(json["reason"].GetString()) ==
        "no path from Elon Musk to inside1024 with --relations funded; without it they connect in 3 hops");
  result = run_kg("path " + sample() + " greg microsoft --time-respecting --relations rejected,criticized,"
              "negotiated_with,advised");
  CHECK(result.exit_code == 1);
  CHECK(contains(result.out, "no time-respecting path from Greg to Microsoft"));
  CHECK(contains(result.out, "ignoring dates they connect in 2 hops"));
}

TEST_CASE("kg path: options") {
  auto result = run_kg("path " + sample() + " musk microsoft --all-shortest --exclude-relations rejected");
  CHECK(result.exit_code == 0);
  CHECK(contains(result.out, "path 1: 2 hops\nElon Musk -[advised 2015]-> Sam Altman\n"));
  CHECK(contains(result.out, "path 2: 2 hops\nElon Musk -[funded 2015..2018]-> OpenAI\n"));
  CHECK_FALSE(contains(result.out, "path 3"));

  result = run_kg("path " + sample() + " musk microsoft --max-hops 3 --limit 4 --format json");
  CHECK(result.exit_code == 0);
  auto json = parse(result.out);
  CHECK(json["paths"].Size() == 4);
  CHECK(json["truncated"].GetBool());
  CHECK(json["paths"][0]["length"].GetInt() == 1);

  const auto collapsed = parse(run_kg("path " + sample() + " musk openai --all-shortest --format json").out);
  const auto parallel = parse(run_kg("path " + sample() + " musk openai --all-shortest --parallel --format json").out);
  CHECK(collapsed["paths"].Size() == 1);
  CHECK(parallel["paths"].Size() == 7);  // funded twice, approved, served, sought to lead, withdrew, sued

  result = run_kg("path " + sample() + " altman microsoft --time-respecting --avoid musk --k 2");
  CHECK(result.exit_code == 0);
  CHECK(result.out.rfind("path 1: 1 hop\nSam Altman -[negotiated_with 2016]- Microsoft\n", 0) == 0);

  result = run_kg("path " + sample() + " musk musk");
  CHECK(result.exit_code == 0);
  CHECK(result.out == "Elon Musk is Elon Musk\n");
}

TEST_CASE("kg path: usage errors exit 2 with a message on stderr") {
  auto result = run_kg("path " + sample() + " musk microsft");
  CHECK(result.exit_code == 2);
  CHECK(result.out.empty());
  CHECK(contains(result.err, "no entity named 'microsft'; did you mean"));
  CHECK(contains(result.err, "Microsoft"));
  result = run_kg("path " + sample() + " musk microsoft --weight-by funded=-1");
  CHECK(result.exit_code == 2);
  CHECK(contains(result.err, "negative"));
  result = run_kg("path " + sample() + " musk microsoft --weighted");
  CHECK(result.exit_code == 2);
  CHECK(contains(result.err, "no relation has the attribute 'weight'"));
  result = run_kg("path " + sample() + " musk microsoft --weight-by amount_usd --max-hops 2");
  CHECK(result.exit_code == 2);
  result = run_kg("path " + sample() + " musk microsoft --all-shortest --k 3");
  CHECK(result.exit_code == 2);
  result = run_kg("path " + sample() + " musk microsoft --max-hops 0");
  CHECK(result.exit_code == 2);
  CHECK(contains(result.err, "--max-hops: '0' is not a whole number from 1 to 1000000000"));
  CHECK(run_kg("path " + sample() + " musk microsoft --k -1").exit_code == 2);
  CHECK(run_kg("neighbors " + sample() + " musk --depth -1").exit_code == 2);
  result = run_kg("path " + sample() + " musk microsoft --relations fundd");
  CHECK(result.exit_code == 2);
  CHECK(contains(result.err, "did you mean 'funded'"));
}

TEST_CASE("kg neighbors: entities by distance with their relations") {
  auto result = run_kg("neighbors " + sample() + " microsoft");
  CHECK(result.exit_code == 0);
  CHECK(result.out.rfind("Microsoft (microsoft): 4 entities within 1 step, 19 relations among them\n\n1 step away:\n"
                         "  Elon Musk (musk, person)\n      Elon Musk -[rejected 2016]-> Microsoft\n",
                         0) == 0);
  CHECK(contains(result.out, "  Azure (azure, product)\n      Microsoft -[owned 2016]-> Azure\n"));
  CHECK(contains(result.out, "\nother relations among them:\n"));

  result = run_kg("neighbors " + sample() + " azure --depth 2 --direction in --format json");
  CHECK(result.exit_code == 0);
  const auto json = parse(result.out);
  CHECK(std::string(json["center"].GetString()) == "azure");
  CHECK(json["depth"].GetInt() == 2);
  // in: Azure <- Microsoft <- Musk (rejected); Altman via the symmetric negotiated_with
  REQUIRE(json["entities"].Size() == 4);
  CHECK(std::string(json["entities"][1]["id"].GetString()) == "microsoft");
  CHECK(json["entities"][1]["distance"].GetInt() == 1);
  CHECK(std::string(json["entities"][1]["name"].GetString()) == "Microsoft");
  CHECK(std::string(json["entities"][1]["type"].GetString()) == "company");
  const auto& relation = json["relations"][0];
  CHECK(relation.HasMember("source"));
  CHECK(relation.HasMember("type"));
  CHECK(relation.HasMember("target"));
  CHECK(relation.HasMember("date"));

  CHECK(run_kg("neighbors " + sample() + " nobody").exit_code == 2);
}

TEST_CASE("kg path --batch: one answer per pair, in input order, each what kg path prints for it") {
  const std::string dir = kg::test::temp_dir();
  const std::string pairs = dir + "/pairs.tsv";
  kg::test::write_file(pairs, "# musk to the others\nmusk\tmicrosoft\n\nSam Altman\topenai\n");
  auto result = run_kg("path " + sample() + " --batch " + shell_quote(pairs));
  CHECK(result.exit_code == 0);
  CHECK(result.err.empty());
  const std::string first = run_kg("path " + sample() + " musk microsoft").out;
  const std::string second = run_kg("path " + sample() + " 'Sam Altman' openai").out;
  CHECK(first == "Elon Musk -[rejected 2016]-> Microsoft\n    \"Musk tells Sam Atlman it’s fucking disgusting.\" "
                 "(inside1024)\n");
  CHECK(result.out == "== musk -> microsoft\n" + first + "\n== Sam Altman -> openai\n" + second);

  // With --k and a filter, from standard input, as JSON Lines: each line the
  // object kg path --format json prints for its pair.
  kg::test::write_file(pairs, "musk\tmicrosoft\nmusk\tinside1024\n");
  result = kg::test::run("sh -c " + shell_quote(shell_quote(kg::test::kg_binary()) + " path " + sample() +
                                                 " --batch - --k 2 --exclude-relations rejected --format json < " +
                                                 shell_quote(pairs)));
  CHECK(result.exit_code == 0);
  const std::string expected =
      run_kg("path " + sample() + " musk microsoft --k 2 --exclude-relations rejected --format json").out +
      run_kg("path " + sample() + " musk inside1024 --k 2 --exclude-relations rejected --format json").out;
  CHECK(result.out == expected);
  CHECK(parse(result.out.substr(0, result.out.find('\n')))["paths"].Size() == 2);
}

TEST_CASE("kg path --batch: exit 1 when a pair has no path or an unknown name, which do not lose the others") {
  const std::string dir = kg::test::temp_dir();
  const std::string pairs = dir + "/pairs.tsv";
  kg::test::write_file(pairs, "musk\tnobody\nmusk\tinside1024\nmusk\tmicrosoft\n");
  auto result = run_kg("path " + sample() + " --batch " + shell_quote(pairs) + " --relations funded --format json");
  CHECK(result.exit_code == 1);
  CHECK(result.err.empty());
  const auto lines = [](const std::string& text) {
    std::vector<std::string> split;
    for (std::size_t at = 0; at < text.size();) {
      const auto end = text.find('\n', at);
      split.push_back(text.substr(at, end - at));
      at = end + 1;
    }
    return split;
  };
  const auto answers = lines(result.out);
  REQUIRE(answers.size() == 3);
  CHECK(answers[0] == R"({"source":"musk","target":"nobody","error":"no entity named 'nobody'"})");
  CHECK(std::string(parse(answers[1])["reason"].GetString()) ==
        "no path from Elon Musk to inside1024 with --relations funded; without it they connect in 3 hops");
  CHECK(parse(answers[2])["paths"][0]["length"].GetInt() == 2);  // musk funded OpenAI, which Microsoft funded

  kg::test::write_file(pairs, "musk\tmicrosoft\n");
  CHECK(run_kg("path " + sample() + " --batch " + shell_quote(pairs) + " --relations funded").exit_code == 0);
}

TEST_CASE("kg path --batch: a malformed line is an input error (exit 3) naming file:line:column, before any answer") {
  const std::string dir = kg::test::temp_dir();
  const std::string pairs = dir + "/pairs.tsv";
  kg::test::write_file(pairs, "musk\tmicrosoft\n# fine\nmusk microsoft\n");
  auto result = run_kg("path " + sample() + " --batch " + shell_quote(pairs));
  CHECK(result.exit_code == 3);
  CHECK(result.out.empty());
  CHECK(result.err == "kg: " + pairs + ":3:15: expected SOURCE<TAB>TARGET, found no tab\n");
  result = run_kg("path " + sample() + " --batch " + shell_quote(dir + "/missing.tsv"));
  CHECK(result.exit_code == 3);
  CHECK(contains(result.err, "missing.tsv"));
  // The pair comes from the file or the arguments, not both.
  result = run_kg("path " + sample() + " musk --batch " + shell_quote(pairs));
  CHECK(result.exit_code == 2);
  result = run_kg("path " + sample() + " musk");
  CHECK(result.exit_code == 2);
  CHECK(result.err == "kg: to is required (see kg path --help)\n");
  result = run_kg("path - --batch - < " + shell_quote(pairs));
  CHECK(result.exit_code == 2);
  CHECK(result.err == "kg: --batch: the graph and the batch cannot both be standard input\n");
}
