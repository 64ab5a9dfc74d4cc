// Options mean something or are refused (docs/CLI.md, "Options by
// command"): the CSV column flags on every reading command, --direction only
// where relations are walked, output names that disagree with the format.
#include <doctest/doctest.h>

#include <filesystem>

#include "graph/exception.hpp"
#include "graph/view.hpp"
#include "tests/support/support.hpp"

using kg::test::run_kg;
using kg::test::shell_quote;

namespace {

std::string sample() { return shell_quote(kg::test::source_dir() + "/samples/openai.json"); }

// A CSV pair with headers kg does not know by default:
//   p1 --backed--> p2 --backed--> p3
std::string custom_csv() {
  static const std::string dir = [] {
    const std::string path = kg::test::temp_dir() + "/custom";
    std::filesystem::create_directories(path);
    kg::test::write_file(path + "/entities.csv", "key;label;kind\np1;One;person\np2;Two;person\np3;Three;lab\n");
    kg::test::write_file(path + "/relations.csv", "from;to;verb;when\np1;p2;backed;2016\np2;p3;backed;2017\n");
    return path;
  }();
  return shell_quote(dir) +
         " --delimiter ';' --id-column key --name-column label --entity-type-column kind --source-column from "
         "--target-column to --relation-type-column verb --date-column when";
}

}  // namespace

TEST_CASE("every reading command takes the CSV column flags") {
  const auto info = run_kg("info " + custom_csv());
  REQUIRE(info.exit_code == 0);
  CHECK(info.out.find("3 entities, 2 relations\n") != std::string::npos);
  const auto validate = run_kg("validate " + custom_csv());
  CHECK(validate.exit_code == 0);
  const auto path = run_kg("path " + custom_csv() + " p1 p3");
  REQUIRE(path.exit_code == 0);
  CHECK(path.out ==
        "One -[backed 2016]-> Two\n    (no evidence recorded)\nTwo -[backed 2017]-> Three\n    (no evidence recorded)\n");
  for (const std::string command : {"neighbors p2", "rank", "components", "communities", "export --to json"}) {
    CAPTURE(command);
    const auto space = command.find(' ');
    const std::string verb = command.substr(0, space);
    const std::string rest = space == std::string::npos ? "" : command.substr(space);
    CHECK(run_kg(verb + " " + custom_csv() + rest).exit_code == 0);
  }
  // Without the flags the columns are unknown: exit 3, naming the flag.
  const auto bare = run_kg("info " + custom_csv().substr(0, custom_csv().find(' ')));
  CHECK(bare.exit_code == 3);
}

TEST_CASE("--direction is refused where nothing is walked") {
  const std::string dir = kg::test::temp_dir();
  for (const std::string& command : {"info " + sample(), "export " + sample() + " --to json",
                                    "convert " + sample() + " " + shell_quote(dir + "/x.graphml"),
                                    "components " + sample(), "communities " + sample()}) {
    CAPTURE(command);
    const auto result = run_kg(command + " --direction out");
    CHECK(result.exit_code == 2);
    CHECK(result.err.find("--direction") != std::string::npos);
  }
  CHECK_FALSE(std::filesystem::exists(dir + "/x.graphml"));
  // render walks only for --focus and --path.
  const auto whole = run_kg("render " + sample() + " -o - --to dot --direction out");
  CHECK(whole.exit_code == 2);
  CHECK(whole.err == "kg: --direction applies to --focus and --path: nothing else is walked\n");
  CHECK(run_kg("render " + sample() + " -o - --to dot --focus musk --direction out").exit_code == 0);
  for (const std::string& command : {"path " + sample() + " musk openai", "neighbors " + sample() + " musk",
                                    "rank " + sample()}) {
    CAPTURE(command);
    CHECK(run_kg(command + " --direction out").exit_code == 0);
  }
}

TEST_CASE("an output name whose extension is another format's gets a warning") {
  const std::string dir = kg::test::temp_dir();
  const auto exported = run_kg("export " + sample() + " --to gexf -o " + shell_quote(dir + "/x.graphml"));
  CHECK(exported.exit_code == 0);
  CHECK(exported.err == "kg: warning: '" + dir + "/x.graphml' has the extension of graphml but is written as gexf (--to gexf)\n");
  CHECK(kg::test::read_file(dir + "/x.graphml").find("<gexf") != std::string::npos);
  const auto converted = run_kg("convert " + sample() + " " + shell_quote(dir + "/y.gexf") + " --to graphml");
  CHECK(converted.exit_code == 0);
  CHECK(converted.err.find("has the extension of gexf but is written as graphml") != std::string::npos);
  // Formats sharing an extension, and names of no format, pass quietly.
  CHECK(run_kg("export " + sample() + " --to node-link -o " + shell_quote(dir + "/z.json")).err.empty());
  CHECK(run_kg("export " + sample() + " --to dot -o " + shell_quote(dir + "/z.gv")).err.empty());
  CHECK(run_kg("export " + sample() + " --to graphml -o " + shell_quote(dir + "/z.xml")).err.empty());
  const auto rendered = run_kg("render " + sample() + " --focus trevor -o " + shell_quote(dir + "/r.png") + " --to svg");
  CHECK(rendered.exit_code == 0);
  CHECK(rendered.err == "kg: warning: '" + dir + "/r.png' has the extension of another format but is written as svg (--to svg)\n");
}

TEST_CASE("kg convert to a diagram points to kg render") {
  const std::string dir = kg::test::temp_dir();
  const auto png = run_kg("convert " + sample() + " " + shell_quote(dir + "/out.png"));
  CHECK(png.exit_code == 2);
  CHECK(png.err.find("kg render") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir + "/out.png"));
  const auto svg = run_kg("convert " + sample() + " " + shell_quote(dir + "/out") + " --to svg");
  CHECK(svg.exit_code == 2);
  CHECK(svg.err.find("kg render") != std::string::npos);
}

TEST_CASE("options of one kind of search are refused by the others") {
  // --limit and --parallel shape the searches that list many paths.
  const auto limit = run_kg("path " + sample() + " musk openai --limit 5");
  CHECK(limit.exit_code == 2);
  CHECK(limit.err == "kg: --limit applies to --all-shortest and --max-hops\n");
  CHECK(run_kg("path " + sample() + " musk openai --k 2 --limit 5").exit_code == 2);
  CHECK(run_kg("path " + sample() + " musk openai --all-shortest --limit 5").exit_code == 0);
  CHECK(run_kg("path " + sample() + " musk openai --max-hops 2 --limit 5").exit_code == 0);
  const auto parallel = run_kg("path " + sample() + " musk openai --parallel");
  CHECK(parallel.exit_code == 2);
  CHECK(parallel.err.find("--parallel applies to --k, --all-shortest and --max-hops") != std::string::npos);
  CHECK(run_kg("path " + sample() + " musk openai --k 2 --parallel").exit_code == 0);
  // Graphviz's engine lays out; DOT output comes before any layout.
  const auto engine = run_kg("render " + sample() + " -o - --to dot --engine neato");
  CHECK(engine.exit_code == 2);
  CHECK(engine.err.find("--engine applies to laid-out output") != std::string::npos);
}

TEST_CASE("a filter's unknown type is reported by its field in the library, by its flag on the command line") {
  const kg::Graph graph = kg::test::graph_from_json(
      R"({"entities": [{"id": "a"}], "relations": [{"source": "a", "target": "a", "type": "funded"}]})");
  kg::Filter filter;
  filter.relation_types = {"fundd"};
  CHECK_THROWS_WITH_AS(kg::View(graph, filter), "relation_types: no type 'fundd' in this graph; did you mean 'funded'?",
                       kg::InvalidArgument);
  const auto cli = run_kg("path " + sample() + " musk openai --relations fundd");
  CHECK(cli.exit_code == 2);
  CHECK(cli.err.rfind("kg: --relations: no type 'fundd' in this graph; did you mean 'funded'", 0) == 0);
  const auto entity = run_kg("info " + sample() + " --entity-types persn");
  CHECK(entity.err.rfind("kg: --entity-types: no type 'persn'", 0) == 0);
}
