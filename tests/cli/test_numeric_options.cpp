// Every numeric option has a range, checked before CLI11 converts the text
// (which turned "-1" into 18446744073709551615 for unsigned options), and
// named in the error with the option (issue 11, point 14).
#include <doctest/doctest.h>

#include "algorithms/centrality.hpp"
#include "algorithms/communities.hpp"
#include "graph/exception.hpp"
#include "tests/support/support.hpp"

namespace kg {
namespace {

std::string sample() { return test::shell_quote(test::source_dir() + "/samples/openai.json"); }

struct Refused {
  std::string arguments;  // after "kg COMMAND sample"
  std::string message;    // the whole stderr line
};

}  // namespace

TEST_CASE("numeric options: out-of-range values are usage errors naming the option and its range") {
  const std::string out = test::temp_dir() + "/x.svg";
  const std::vector<std::pair<std::string, Refused>> cases = {
      {"rank", {"--top -1", "--top: '-1' is not a whole number from 0 to 1000000000"}},
      {"rank", {"--by betweenness --samples -3", "--samples: '-3' is not a whole number from 1 to 1000000000"}},
      {"rank", {"--by betweenness --samples 0", "--samples: '0' is not a whole number from 1 to 1000000000"}},
      {"rank",
       {"--by betweenness --samples 2 --seed -1", "--seed: '-1' is not a whole number from 0 to 18446744073709551615"}},
      {"rank", {"--max-degree -1", "--max-degree: '-1' is not a whole number from 0 to 1000000000"}},
      {"rank", {"--by pagerank --damping 1", "--damping: '1' is not a number from 0 to 1, 1 excluded"}},
      {"rank", {"--by pagerank --tolerance nan", "--tolerance: 'nan' is not a number from 0 to 1, 0 excluded"}},
      {"rank", {"--by pagerank --max-iterations -5", "--max-iterations: '-5' is not a whole number from 1 to 1000000000"}},
      {"rank", {"--top 1.5", "--top: '1.5' is not a whole number from 0 to 1000000000"}},
      {"rank", {"--top 99999999999999999999999", "--top: '99999999999999999999999' is not a whole number from 0 to 1000000000"}},
      {"communities", {"--resolution inf", "--resolution: 'inf' is not a number from 0 to 1000000, 0 excluded"}},
      {"communities", {"--resolution 1e308", "--resolution: '1e308' is not a number from 0 to 1000000, 0 excluded"}},
      {"communities", {"--resolution nan", "--resolution: 'nan' is not a number from 0 to 1000000, 0 excluded"}},
      {"communities", {"--resolution -1", "--resolution: '-1' is not a number from 0 to 1000000, 0 excluded"}},
      {"communities", {"--seed -1", "--seed: '-1' is not a whole number from 0 to 18446744073709551615"}},
      {"communities", {"--top -1", "--top: '-1' is not a whole number from 0 to 1000000000"}},
      {"components", {"--top -1", "--top: '-1' is not a whole number from 0 to 1000000000"}},
      {"neighbors", {"altman --depth -1", "--depth: '-1' is not a whole number from 0 to 1000000000"}},
      {"path", {"greg microsoft --k -1", "--k: '-1' is not a whole number from 1 to 1000000000"}},
      {"path", {"greg microsoft --limit 0", "--limit: '0' is not a whole number from 1 to 1000000000"}},
      {"path", {"greg microsoft --time-limit -1", "--time-limit: '-1' is not a number from 0 to 31622400, 0 excluded"}},
      {"path", {"greg microsoft --time-limit inf", "--time-limit: 'inf' is not a number from 0 to 31622400, 0 excluded"}},
      {"render", {"-o " + out + " --depth -1 --focus altman", "--depth: '-1' is not a whole number from 0 to 1000000000"}},
      {"render", {"-o " + out + " --collapse-hubs -1", "--collapse-hubs: '-1' is not a whole number from 1 to 1000000000"}},
  };
  for (const auto& [command, refused] : cases) {
    CAPTURE(command);
    CAPTURE(refused.arguments);
    const auto result = test::run_kg(command + " " + sample() + " " + refused.arguments);
    CHECK(result.exit_code == 2);
    CHECK(result.out.empty());
    CHECK(result.err == "kg: " + refused.message + " (see kg " + command + " --help)\n");
  }
}

TEST_CASE("numeric options: the ends of each range are accepted") {
  CHECK(test::run_kg("rank " + sample() + " --top 0 --by pagerank --damping 0 --tolerance 1").exit_code == 0);
  CHECK(test::run_kg("communities " + sample() + " --resolution 1000000 --seed 18446744073709551615").exit_code == 0);
  CHECK(test::run_kg("neighbors " + sample() + " altman --depth 0").exit_code == 0);
}

TEST_CASE("numeric options: library option structs name the field, not a flag") {
  LouvainOptions louvain;
  louvain.resolution = 1e308;
  CHECK_THROWS_WITH_AS(louvain.validate(), "resolution: must be above 0 and at most 1e6", InvalidArgument);
  louvain.resolution = std::numeric_limits<double>::quiet_NaN();
  CHECK_THROWS_AS(louvain.validate(), InvalidArgument);
  PageRankOptions pagerank;
  pagerank.tolerance = std::numeric_limits<double>::infinity();
  CHECK_THROWS_WITH_AS(pagerank.validate(), "tolerance: must be a number > 0", InvalidArgument);
}

}  // namespace kg
