// kg convert and kg export --to: formats by extension, JSON told apart by
// content, filters, CSV directories, atomic output, exit codes.
#include <doctest/doctest.h>

#include <filesystem>

#include "ingest/format.hpp"
#include "tests/support/support.hpp"

namespace {

using kg::test::run_kg;
using kg::test::shell_quote;

std::string sample() { return shell_quote(kg::test::source_dir() + "/samples/openai.json"); }

kg::Graph read(const std::string& path) {
  auto result = kg::read_graph(path);
  REQUIRE_MESSAGE(result.graph, (result.problems.empty() ? "" : result.problems[0].to_string()));
  return std::move(*result.graph);
}

}  // namespace

TEST_CASE("kg convert: a chain through every readable format keeps the sample's counts") {
  const std::string dir = kg::test::temp_dir();
  const kg::Graph original = read(kg::test::source_dir() + "/samples/openai.json");
  // json -> graphml -> node-link (.json, told apart by content) -> jsonl -> csv -> kg json
  const std::vector<std::pair<std::string, std::string>> steps = {
      {sample(), dir + "/a.graphml"},
      {dir + "/a.graphml", dir + "/b.json --to node-link"},
      {dir + "/b.json", dir + "/c.jsonl"},
      {dir + "/c.jsonl", dir + "/d.csv"},
      {dir + "/d.csv", dir + "/e.json"},
  };
  for (const auto& [from, to] : steps) {
    const auto result = run_kg("convert " + from + " " + to);
    CAPTURE(to);
    REQUIRE_MESSAGE(result.exit_code == 0, result.err);
  }
  CHECK(std::filesystem::is_regular_file(dir + "/d.csv/entities.csv"));
  CHECK(kg::choose_input_format(dir + "/b.json", std::nullopt).name == "node-link");
  const kg::Graph back = read(dir + "/e.json");
  CHECK(back.entity_count() == original.entity_count());
  CHECK(back.relation_count() == original.relation_count());
  for (kg::RelationId r = 0; r < original.relation_count(); ++r) {
    CHECK(back.evidence(r).size() == original.evidence(r).size());
  }
}

TEST_CASE("kg convert: the 2016 funding network, without the entities it leaves alone") {
  const std::string out = kg::test::temp_dir() + "/funding-2016.json";
  const auto result =
      run_kg("convert " + sample() + " " + out + " --relations funded --between 2016..2016 --drop-isolated");
  REQUIRE_MESSAGE(result.exit_code == 0, result.err);
  const kg::Graph g = read(out);
  REQUIRE(g.relation_count() > 0);
  std::vector<bool> linked(g.entity_count());
  for (kg::RelationId r = 0; r < g.relation_count(); ++r) {
    CHECK(g.relation_type_name(g.relation_type(r)) == "funded");
    CHECK(kg::active_in(g.date(r), g.until(r), *kg::DateWindow::parse("2016..2016")));
    linked[g.source(r)] = linked[g.target(r)] = true;
  }
  CHECK(std::all_of(linked.begin(), linked.end(), [](bool b) { return b; }));
}

TEST_CASE("kg convert and export: usage errors and unreadable input leave no file") {
  const std::string dir = kg::test::temp_dir();
  auto result = run_kg("convert " + sample() + " " + dir + "/out.unknown");
  CHECK(result.exit_code == 2);
  CHECK(result.err.find("--to") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir + "/out.unknown"));

  kg::test::write_file(dir + "/bad.graphml", "<graphml><graph><edge source=\"a\" target=\"b\"/></graph></graphml>");
  result = run_kg("convert " + dir + "/bad.graphml " + dir + "/out.json");
  CHECK(result.exit_code == 3);
  CHECK(result.err.find("bad.graphml:1:17: source: unknown entity") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir + "/out.json"));

  result = run_kg("export " + sample() + " --to csv -o " + dir + "/tables");
  CHECK(result.exit_code == 0);
  CHECK(std::filesystem::is_regular_file(dir + "/tables/entities.csv"));
  CHECK(std::filesystem::is_regular_file(dir + "/tables/relations.csv"));
  CHECK(read(dir + "/tables").relation_count() == read(kg::test::source_dir() + "/samples/openai.json").relation_count());

  result = run_kg("export " + sample() + " --to mermaid");
  CHECK(result.exit_code == 0);
  CHECK(result.out.find("flowchart LR\n") != std::string::npos);
}
