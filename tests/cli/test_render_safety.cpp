// kg render never crashes and never runs away: Graphviz gets short names
// whatever the ids, its errors become kg's, merged relations count as one
// edge in the size check, and --time-limit stops a layout (issue 11, points
// 1, 12, 17 and 20).
#include <doctest/doctest.h>

#include <filesystem>

#include "cli/fields.hpp"
#include "export/render.hpp"
#include "graph/exception.hpp"
#include "tests/support/support.hpp"

namespace kg {
namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

test::CommandResult render(const std::string& graph_json, const std::string& arguments) {
  const std::string dir = test::temp_dir();
  test::write_file(dir + "/g.json", graph_json);
  return test::run_kg("render " + dir + "/g.json " + arguments);
}

// n entities and m relations between them drawn by a fixed linear
// congruential sequence: a tangle that dot lays out slowly.
std::string tangle_json(int n, int m) {
  std::string json = R"({"kg": 1, "entities": [)";
  for (int i = 0; i < n; ++i) json += std::string(i ? "," : "") + "{\"id\": \"e" + std::to_string(i) + "\"}";
  json += "], \"relations\": [";
  std::uint64_t x = 12345;
  for (int k = 0; k < m; ++k) {
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    const auto a = static_cast<int>((x >> 33) % n), b = static_cast<int>((x >> 13) % n);
    json += std::string(k ? "," : "") + "{\"source\": \"e" + std::to_string(a) + "\", \"target\": \"e" +
            std::to_string(b) + "\", \"type\": \"knows\"}";
  }
  return json + "]}";
}

}  // namespace

TEST_CASE("render safety: an id and a name of a million characters render to well-formed SVG") {
  const std::string dir = test::temp_dir();
  const std::string huge(1000000, 'x');
  test::write_file(dir + "/g.json", R"({"kg": 1, "entities": [{"id": ")" + huge + R"(", "name": ")" + huge +
                                        R"("}, {"id": "b", "name": "B"}], "relations": [{"source": ")" + huge +
                                        R"(", "target": "b", "type": "knows"}]})");
  const auto result = test::run_kg("render " + dir + "/g.json -o " + dir + "/g.svg");
  REQUIRE_MESSAGE(result.exit_code == 0, result.err.substr(0, 300));
  const auto names = test::run_oracle("svg_texts.py", dir + "/g.svg " + dir + "/g.json");
  CHECK(names["missing"].Size() == 0);
  const std::string svg = test::read_file(dir + "/g.svg");
  CHECK(contains(svg, "<title>" + huge + "</title>"));
  CHECK(contains(svg, "<title>" + huge + "&#45;&gt;b</title>"));
}

TEST_CASE("render safety: Graphviz's errors are kg errors naming the entity, with exit 2") {
  // A 1,100-character id made Graphviz 2.42 print stack garbage
  // ("node f,%lf%c, position , ...") through kg's message callback, and
  // kg exited 0 after "position garbage".
  const std::string id(1100, 'y');
  const std::string dir = test::temp_dir();
  test::write_file(dir + "/style.json", R"({"node": {"pos": "garbage"}})");
  const auto result = render(R"({"kg": 1, "entities": [{"id": ")" + id + R"("}, {"id": "b"}],
                               "relations": [{"source": "b", "target": ")" + id + R"(", "type": "knows"}]})",
                             "-o " + dir + "/g.svg --engine neato --style " + dir + "/style.json");
  CHECK(result.exit_code == 2);
  CHECK(result.err.rfind("kg: Graphviz cannot draw this: Error: node '" + std::string(80, 'y') + "...', position "
                         "garbage, expected two doubles; Error: node 'b', position garbage",
                         0) == 0);
  CHECK_FALSE(contains(result.err, "%lf"));
  CHECK_FALSE(std::filesystem::exists(dir + "/g.svg"));
}

TEST_CASE("render safety: an unnamed graph drawn with a view has a caption and no empty bold") {
  const std::string dir = test::temp_dir();
  const std::string graph = R"({"kg": 1, "entities": [{"id": "a"}, {"id": "b"}],
                               "relations": [{"source": "a", "target": "b", "type": "knows", "date": "2020"}]})";
  const auto dot = render(graph, "-o - --to dot --as-of 2020");
  REQUIRE(dot.exit_code == 0);
  CHECK_FALSE(contains(dot.out, "<B></B>"));
  CHECK(contains(dot.out, "label=<<FONT POINT-SIZE=\"11\">as of 2020</FONT>>"));
  const auto svg = render(graph, "-o " + dir + "/g.svg --focus a");
  CHECK(svg.exit_code == 0);
  CHECK(svg.err.empty());
}

TEST_CASE("render safety: ids starting with % keep their names in SVG titles") {
  const auto result = render(R"({"kg": 1, "entities": [{"id": "%5", "name": "five"}, {"id": "%6"}],
                                 "relations": [{"source": "%5", "target": "%6", "type": "knows"}]})",
                             "-o - --to svg");
  REQUIRE(result.exit_code == 0);
  CHECK(contains(result.out, "<title>%5</title>"));
  CHECK(contains(result.out, "<title>%6</title>"));
  CHECK(contains(result.out, "<title>%5&#45;&gt;%6</title>"));
}

TEST_CASE("render safety: --merge-parallel counts toward the size check") {
  // a ==knows x600==> b: 600 relations, one edge once merged.
  std::string json = R"({"kg": 1, "entities": [{"id": "a"}, {"id": "b"}], "relations": [)";
  for (int i = 0; i < 600; ++i) json += std::string(i ? "," : "") + R"({"source": "a", "target": "b", "type": "knows"})";
  json += "]}";
  const std::string dir = test::temp_dir();
  const auto refused = render(json, "-o " + dir + "/g.svg --engine dot");
  CHECK(refused.exit_code == 2);
  CHECK(contains(refused.err, "a dot layout of 2 entities and 600 relations would take too long"));
  const auto merged = render(json, "-o " + dir + "/g.svg --engine dot --merge-parallel");
  CHECK_MESSAGE(merged.exit_code == 0, merged.err);
  CHECK(contains(test::read_file(dir + "/g.svg"), "knows ×600"));
}

TEST_CASE("render safety: the refusal suggests sfdp only when sfdp would take the drawing") {
  LayoutLimits limits;
  try {
    choose_engine(1001, 2000, LayoutEngine::Neato, limits);
    FAIL("not refused");
  } catch (const InvalidArgument& error) {
    // The library names the field; the command line words it as a flag.
    CHECK(contains(error.worded(kg::cli::flag_for), "--engine sfdp"));
  }
  try {
    choose_engine(limits.sfdp_entities, limits.sfdp_relations + 1, LayoutEngine::Neato, limits);
    FAIL("not refused");
  } catch (const InvalidArgument& error) {
    CHECK_FALSE(contains(error.what(), "sfdp"));
  }
}

TEST_CASE("render safety: --time-limit stops a long layout, nothing is written, exit 1") {
  const std::string dir = test::temp_dir();
  test::write_file(dir + "/g.svg", "old");
  // dot needs tens of seconds for this (docs/RENDERING.md, "Layout cost").
  const auto result = render(tangle_json(150, 500), "-o " + dir + "/g.svg --engine dot --time-limit 1");
  CHECK(result.exit_code == 1);
  CHECK(contains(result.err, "kg: stopped at the time limit of 1 s: the dot layout did not finish in time"));
  CHECK(test::read_file(dir + "/g.svg") == "old");
}

}  // namespace kg
