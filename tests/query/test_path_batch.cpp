// query/path_batch: pairs read from text with every malformed line placed,
// and a batch answered query by query, each the bytes the batch prints for it.
#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

#include "query/path_batch.hpp"
#include "tests/support/support.hpp"

using namespace kg;
using namespace kg::query;

namespace {

std::vector<PathPair> pairs_of(const std::string& text) {
  std::istringstream in(text);
  return read_path_pairs(in, "pairs.tsv");
}

std::string problem_in(const std::string& text) {
  try {
    pairs_of(text);
  } catch (const InputError& error) {
    return error.what();
  }
  return "(read)";
}

//   ann --funded--> bob --funded--> dan        eve (alone)
const char* const kGraph = R"({"kg": 1,
  "sources": [{"id": "s"}],
  "entities": [{"id": "ann", "name": "Ann"}, {"id": "bob", "name": "Bob"}, {"id": "dan", "name": "Dan"},
               {"id": "eve", "name": "Eve"}],
  "relations": [
    {"source": "ann", "target": "bob", "type": "funded", "date": "2015", "evidence": [{"source": "s", "quote": "Ann paid Bob"}]},
    {"source": "bob", "target": "dan", "type": "funded", "date": "2017", "evidence": [{"source": "s", "quote": "Bob paid Dan"}]}]})";

}  // namespace

TEST_CASE("read_path_pairs: SOURCE<TAB>TARGET per line; blank lines and comments skipped") {
  const auto pairs = pairs_of("# who reaches whom\nann\tdan\n\n   \n  Ann Lee \t bob\r\n\t# an indented comment\n");
  REQUIRE(pairs.size() == 2);
  CHECK(pairs[0].source == "ann");
  CHECK(pairs[0].target == "dan");
  CHECK(pairs[0].line == 2);
  CHECK(pairs[1].source == "Ann Lee");  // spaces inside a name stay
  CHECK(pairs[1].target == "bob");
  CHECK(pairs[1].line == 5);
  CHECK(pairs_of("").empty());
  CHECK(pairs_of("# nothing\n").empty());
}

TEST_CASE("read_path_pairs: a malformed line is an input error at its line and column") {
  CHECK(problem_in("ann\tbob\nann bob\n") == "pairs.tsv:2:8: expected SOURCE<TAB>TARGET, found no tab");
  CHECK(problem_in("ann\tbob\tcat\n") == "pairs.tsv:1:8: a second tab: a line holds one SOURCE<TAB>TARGET pair");
  CHECK(problem_in("\n \tbob\n") == "pairs.tsv:2:1: no source before the tab");
  CHECK(problem_in("ann\t  \n") == "pairs.tsv:1:5: no target after the tab");
}

TEST_CASE("PathBatchAnswerer: each query answered alone, as the batch prints it, in any order") {
  const Graph graph = kg::test::graph_from_json(kGraph);
  QueryContext context(graph);
  PathBatchRequest batch;
  batch.pairs = pairs_of("ann\tdan\nann\teve\nann\tzed\n");

  PathBatchAnswerer json(batch, context, BatchFormat::Json);
  REQUIRE(json.size() == 3);
  // Asked last first, as a runner computing a subset might.
  const PairAnswer unknown = json.answer(2);
  CHECK(unknown.outcome == PairOutcome::UnknownName);
  CHECK(unknown.output == R"({"source":"ann","target":"zed","error":"no entity named 'zed'"})" "\n");
  const PairAnswer none = json.answer(1);
  CHECK(none.outcome == PairOutcome::NoPath);
  CHECK(none.output == R"({"from":"ann","to":"eve","paths":[],"reason":"no path from Ann to Eve: they are not )"
                       R"(connected in this graph","undated_relations":0})" "\n");
  const PairAnswer found = json.answer(0);
  CHECK(found.outcome == PairOutcome::Found);
  // The same object the single query prints.
  PathRequest single;
  single.from = "ann";
  single.to = "dan";
  const auto alone = run(single, context);
  CHECK(found.output == json_text([&](JsonSink& sink) { to_json(alone, graph, sink); }) + "\n");

  PathBatchAnswerer text(batch, context, BatchFormat::Text);
  CHECK(text.answer(0).output ==
        "== ann -> dan\n"
        "Ann -[funded 2015]-> Bob\n"
        "    \"Ann paid Bob\" (s)\n"
        "Bob -[funded 2017]-> Dan\n"
        "    \"Bob paid Dan\" (s)\n");
  CHECK(text.answer(1).output == "\n== ann -> eve\nno path from Ann to Eve: they are not connected in this graph\n");
  CHECK(text.answer(2).output == "\n== ann -> zed\nno entity named 'zed'\n");
}

TEST_CASE("PathBatchAnswerer: the options apply to every pair and are checked once, by field") {
  const Graph graph = kg::test::graph_from_json(kGraph);
  QueryContext context(graph);
  PathBatchRequest batch;
  batch.pairs = pairs_of("ann\tdan\ndan\tann\n");
  batch.options.view.direction = Direction::Out;
  PathBatchAnswerer answerer(batch, context, BatchFormat::Text);
  CHECK(answerer.answer(0).outcome == PairOutcome::Found);
  const PairAnswer back = answerer.answer(1);
  CHECK(back.outcome == PairOutcome::NoPath);
  CHECK(back.output == "\n== dan -> ann\nno path from Dan to Ann with direction out; without it they connect in 2 hops\n");

  batch.options.limit = 3;  // no listing search
  CHECK_THROWS_AS(PathBatchAnswerer(batch, context, BatchFormat::Text), InvalidArgument);
  batch.options.limit.reset();
  batch.options.view.relation_types = {"nosuch"};
  try {
    PathBatchAnswerer unknown_type(batch, context, BatchFormat::Json);
    FAIL("an unknown relation type was accepted");
  } catch (const InvalidArgument& error) {
    CHECK(error.field() == "relation_types");
  }
}
