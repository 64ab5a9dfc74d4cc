// Every query command's --format json answer on the sample, byte for byte:
// the contract scripts rely on (docs/CLI.md). The answers are stored under
// tests/cli/golden/; a deliberate change regenerates them with
// KG_UPDATE_GOLDEN=1 build/tests/kg_tests -tc='golden JSON*' and is reviewed
// as a diff in its own commit.
#include <doctest/doctest.h>

#include <cstdlib>
#include <string>

#include "tests/support/support.hpp"

namespace {

struct GoldenCase {
  const char* name;       // tests/cli/golden/<name>.json
  const char* arguments;  // after "kg", with SAMPLE standing for the sample graph
  int exit_code;
};

// Representative argument sets per command: each path algorithm, each
// measure, the filters, and answers that are "no".
const GoldenCase kCases[] = {
    {"info", "info SAMPLE", 0},
    {"validate", "validate SAMPLE", 0},
    {"validate-broken", "validate BROKEN", 1},
    {"path", "path SAMPLE musk microsoft", 0},
    {"path-k3", "path SAMPLE musk microsoft --k 3", 0},
    {"path-all-shortest", "path SAMPLE greg microsoft --all-shortest", 0},
    {"path-max-hops", "path SAMPLE musk microsoft --max-hops 2 --limit 5", 0},
    {"path-weighted", "path SAMPLE musk microsoft --weight-by funded=1,competed=5", 0},
    {"path-time-respecting", "path SAMPLE altman microsoft --time-respecting", 0},
    {"path-filtered-none", "path SAMPLE musk microsoft --relations competed", 1},
    {"path-max-hops-none", "path SAMPLE musk microsoft --max-hops 1 --relations funded,competed", 1},
    {"path-time-respecting-none",
     "path SAMPLE musk deepmind --time-respecting --as-of 2017 --entity-types company,person", 1},
    {"path-direction-out", "path SAMPLE musk openai --direction out --as-of 2016", 0},
    {"neighbors", "neighbors SAMPLE altman", 0},
    {"neighbors-depth2", "neighbors SAMPLE musk --depth 2 --between 2016..2017", 0},
    {"rank-degree", "rank SAMPLE --by degree", 0},
    {"rank-degree-raw-in", "rank SAMPLE --by degree --raw --direction in --top 0", 0},
    {"rank-betweenness", "rank SAMPLE --by betweenness", 0},
    {"rank-betweenness-relations", "rank SAMPLE --by betweenness --of relations --top 0", 0},
    {"rank-closeness", "rank SAMPLE --by closeness", 0},
    {"rank-harmonic", "rank SAMPLE --by harmonic --direction out", 0},
    {"rank-pagerank", "rank SAMPLE --by pagerank --personalize musk", 0},
    {"rank-eigenvector", "rank SAMPLE --by eigenvector", 0},
    {"components", "components SAMPLE", 0},
    {"components-strong", "components SAMPLE --strong --top 3", 0},
    {"communities", "communities SAMPLE --seed 1", 0},
    {"communities-filtered", "communities SAMPLE --relations funded,recruited,competed", 0},
    {"rank-explain-betweenness", "rank SAMPLE --by betweenness --explain openai", 0},
    {"rank-explain-degree", "rank SAMPLE --by degree --explain --top 3", 0},
    {"validate-evidence", "validate SAMPLE --evidence", 0},
    {"find", "find SAMPLE deepmind", 0},
    {"find-names", "find SAMPLE \"google's ai lab\" --in names", 0},
    {"timeline-entity", "timeline SAMPLE microsoft", 0},
    {"timeline-window", "timeline SAMPLE --between 2016..2017", 0},
    {"diff", "diff SAMPLE 2016 2018", 0},
};

std::string with_graphs(std::string arguments) {
  const auto replace = [&arguments](const std::string& word, const std::string& path) {
    for (auto at = arguments.find(word); at != std::string::npos; at = arguments.find(word)) {
      arguments.replace(at, word.size(), kg::test::shell_quote(path));
    }
  };
  // Relative to the repository root, where the command runs: validate echoes the path.
  replace("SAMPLE", "samples/openai.json");
  replace("BROKEN", "samples/broken.json");
  return arguments;
}

}  // namespace

TEST_CASE("golden JSON: every command's --format json answer on the sample is unchanged") {
  const bool update = std::getenv("KG_UPDATE_GOLDEN") != nullptr;
  for (const auto& golden : kCases) {
    const std::string arguments = golden.arguments;
    CAPTURE(arguments);
    const std::string command = "cd " + kg::test::shell_quote(kg::test::source_dir()) + " && " +
                                kg::test::shell_quote(kg::test::kg_binary()) + " " +
                                with_graphs(golden.arguments) + " --format json";
    const auto result = kg::test::run(command);
    CHECK(result.exit_code == golden.exit_code);
    const std::string path = kg::test::source_dir() + "/tests/cli/golden/" + golden.name + ".json";
    if (update) {
      kg::test::write_file(path, result.out);
      continue;
    }
    CHECK(result.out == kg::test::read_file(path));
  }
}
