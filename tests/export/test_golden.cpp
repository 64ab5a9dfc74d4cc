// Golden DOT files for the sample and each view of kg render, made by the
// kg binary and parsed back by Graphviz's parser.
//
// To regenerate them after an intended change of the output (then review
// the diff under tests/export/golden/ before committing):
//   KG_UPDATE_GOLDEN=1 build/tests/kg_tests -tc='golden*'
#include <cgraph.h>
#include <doctest/doctest.h>

#include <cstdlib>
#include <memory>

#include "tests/support/support.hpp"

namespace kg {
namespace {

struct Golden {
  const char* file;
  const char* arguments;  // after "render samples/openai.json -o OUT.dot"
};

constexpr Golden kGoldens[] = {
    {"openai.dot", ""},
    {"openai-focus-altman.dot", "--focus 'Sam Altman' --depth 1"},
    {"openai-path-greg-microsoft.dot", "--path greg microsoft"},
    {"openai-as-of-2016-03.dot", "--as-of 2016-03"},
    {"openai-diff-2016-2017.dot", "--diff 2016 2017"},
    {"openai-merged-clusters.dot", "--merge-parallel --cluster type --no-legend"},
    {"openai-collapse-hubs.dot", "--collapse-hubs 3 --relations rejected,funded,recruited"},
};

std::string golden_path(const std::string& file) { return test::source_dir() + "/tests/export/golden/" + file; }

// Nodes and edges as Graphviz's parser sees them.
std::pair<int, int> parsed_counts(const std::string& dot) {
  std::unique_ptr<Agraph_t, int (*)(Agraph_t*)> graph(agmemread(dot.c_str()), agclose);
  REQUIRE(graph != nullptr);
  return {agnnodes(graph.get()), agnedges(graph.get())};
}

// Node and edge statements as kg writes them, one per line.
std::pair<int, int> written_counts(const std::string& dot) {
  int nodes = 0, edges = 0;
  std::size_t start = 0;
  while (start < dot.size()) {
    const std::size_t end = dot.find('\n', start);
    const std::string line = dot.substr(start, end - start);
    start = end == std::string::npos ? dot.size() : end + 1;
    const std::size_t first = line.find_first_not_of(' ');
    if (first == std::string::npos || line[first] != '"') continue;
    (line.find("\" -> \"") != std::string::npos ? edges : nodes) += 1;
  }
  return {nodes, edges};
}

}  // namespace

TEST_CASE("golden: kg render writes the recorded DOT for the sample and each view") {
  const bool update = std::getenv("KG_UPDATE_GOLDEN") != nullptr;
  const std::string dir = test::temp_dir();
  for (const Golden& golden : kGoldens) {
    CAPTURE(golden.file);
    const std::string out = dir + "/" + golden.file;
    const auto result = test::run_kg("render " + test::shell_quote(test::source_dir() + "/samples/openai.json") +
                                     " -o " + test::shell_quote(out) + " " + golden.arguments);
    REQUIRE_MESSAGE(result.exit_code == 0, result.err);
    const std::string dot = test::read_file(out);
    if (update) test::write_file(golden_path(golden.file), dot);
    CHECK(dot == test::read_file(golden_path(golden.file)));
    CHECK(parsed_counts(dot) == written_counts(dot));
  }
}

TEST_CASE("golden: the whole sample has its 21 entities, 58 relations and a legend") {
  const std::string dot = test::read_file(golden_path("openai.dot"));
  CHECK(parsed_counts(dot) == std::make_pair(21 + 1, 58));
  const std::string merged = test::read_file(golden_path("openai-merged-clusters.dot"));
  const auto [nodes, edges] = parsed_counts(merged);
  CHECK(nodes == 21);
  CHECK(edges < 58);
}

TEST_CASE("golden: kg export --to dot writes what kg render writes") {
  const auto result =
      test::run_kg("export " + test::shell_quote(test::source_dir() + "/samples/openai.json") + " --to dot");
  REQUIRE_MESSAGE(result.exit_code == 0, result.err);
  CHECK(result.out == test::read_file(golden_path("openai.dot")));
}

}  // namespace kg
