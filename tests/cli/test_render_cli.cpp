// kg render and kg export from the command line: formats, views, exit
// codes, and output files written whole or not at all.
#include <doctest/doctest.h>

#include <filesystem>

#include "tests/support/support.hpp"

namespace kg {
namespace {

std::string sample() { return test::shell_quote(test::source_dir() + "/samples/openai.json"); }

test::CommandResult render(const std::string& arguments) { return test::run_kg("render " + sample() + " " + arguments); }

// A star of n leaves around one hub, in kg JSON.
std::string star_json(int leaves) {
  std::string json = R"({"kg": 1, "entities": [{"id": "hub"})";
  for (int i = 0; i < leaves; ++i) json += ",{\"id\": \"leaf" + std::to_string(i) + "\"}";
  json += "], \"relations\": [";
  for (int i = 0; i < leaves; ++i) {
    json += std::string(i ? "," : "") + "{\"source\": \"hub\", \"target\": \"leaf" + std::to_string(i) +
            "\", \"type\": \"funded\"}";
  }
  return json + "]}";
}

}  // namespace

TEST_CASE("render cli: SVG of the sample is well-formed XML holding every entity's name") {
  const std::string out = test::temp_dir() + "/openai.svg";
  const auto result = render("-o " + test::shell_quote(out));
  REQUIRE_MESSAGE(result.exit_code == 0, result.err);
  CHECK(result.out.empty());
  const auto names = test::run_oracle("svg_texts.py", test::shell_quote(out) + " " + sample());
  REQUIRE(names["missing"].IsArray());
  CHECK_MESSAGE(names["missing"].Size() == 0, "names not in the SVG");
  CHECK(names["entities"].GetInt() == 21);
  CHECK(names["links"].GetInt() > 0);
}

TEST_CASE("render cli: PNG, PDF and DOT by extension or --to, and stdout") {
  const std::string dir = test::temp_dir();
  const std::string tiny = "--focus trevor --depth 1 --engine neato";
  REQUIRE(render("-o " + dir + "/x.png " + tiny).exit_code == 0);
  CHECK(test::read_file(dir + "/x.png").rfind("\x89PNG", 0) == 0);
  REQUIRE(render("-o " + dir + "/x.pdf " + tiny).exit_code == 0);
  CHECK(test::read_file(dir + "/x.pdf").rfind("%PDF", 0) == 0);
  // DOT is written before layout: --engine would mean nothing there.
  CHECK(render("-o " + dir + "/x.out --to dot " + tiny).exit_code == 2);
  REQUIRE(render("-o " + dir + "/x.out --to dot --focus trevor --depth 1").exit_code == 0);
  CHECK(test::read_file(dir + "/x.out").rfind("digraph kg {", 0) == 0);
  const auto svg = render("-o - --to svg " + tiny);
  REQUIRE(svg.exit_code == 0);
  CHECK(svg.out.find("<svg") != std::string::npos);
}

TEST_CASE("render cli: each view works") {
  const std::string dir = test::temp_dir();
  for (const std::string view : {"--focus altman --depth 2", "--path greg microsoft", "--as-of 2016",
                                 "--diff 2016 2017", "--relations funded,recruited --cluster type", "--cluster community",
                                 "--merge-parallel --no-legend --engine circo", "--collapse-hubs 2 --engine sfdp"}) {
    CAPTURE(view);
    const auto result = render("-o " + dir + "/view.svg " + view);
    CHECK_MESSAGE(result.exit_code == 0, result.err);
  }
}

TEST_CASE("render cli: usage errors exit 2, no path exits 1, bad style sheets 3") {
  const std::string dir = test::temp_dir();
  auto result = render("-o " + dir + "/x.jpeg");
  CHECK(result.exit_code == 2);
  CHECK(result.err.find("cannot tell the format") != std::string::npos);
  result = render("-o - ");
  CHECK(result.exit_code == 2);
  CHECK(result.err == "kg: -o -: give the format with --to\n");
  result = render("-o " + dir + "/x.svg --path greg nobody");
  CHECK(result.exit_code == 2);
  CHECK(result.err.find("nobody") != std::string::npos);
  result = render("-o " + dir + "/x.svg --path trevor spacex --relations recruited");
  CHECK(result.exit_code == 1);
  CHECK(result.err == "kg: no path from 'trevor' to 'spacex' with these filters\n");
  CHECK(render("-o " + dir + "/x.svg --diff 2016 2017 --as-of 2016").exit_code == 2);
  CHECK(render("-o " + dir + "/x.svg --diff 2017 2016").exit_code == 2);
  CHECK(render("-o " + dir + "/x.svg --focus musk --path greg ilya").exit_code == 2);
  CHECK(render("-o " + dir + "/x.svg --engine twopi").exit_code == 2);
  test::write_file(dir + "/bad.json", "{\"graph\": ");
  result = render("-o " + dir + "/x.svg --style " + dir + "/bad.json");
  CHECK(result.exit_code == 3);
  CHECK(result.err.find("bad.json:1:11: ") != std::string::npos);
  test::write_file(dir + "/typo.json", "{\"grpah\": {}}");
  CHECK(render("-o " + dir + "/x.svg --style " + dir + "/typo.json").exit_code == 2);
  CHECK_FALSE(std::filesystem::exists(dir + "/x.svg"));
}

TEST_CASE("render cli: a layout that would take too long is refused with advice, the old file stays") {
  const std::string dir = test::temp_dir();
  test::write_file(dir + "/star.json", star_json(400));
  test::write_file(dir + "/star.svg", "old");
  const auto result = test::run_kg("render " + dir + "/star.json -o " + dir + "/star.svg --engine dot");
  CHECK(result.exit_code == 2);
  CHECK(result.err.find("would take too long; draw less with --focus X --depth N") != std::string::npos);
  CHECK(test::read_file(dir + "/star.svg") == "old");
  // Collapsing the hub makes it small.
  const auto collapsed =
      test::run_kg("render " + dir + "/star.json -o " + dir + "/star.svg --engine dot --collapse-hubs 10");
  CHECK_MESSAGE(collapsed.exit_code == 0, collapsed.err);
  CHECK(test::read_file(dir + "/star.svg").find("400 entities") != std::string::npos);
}

TEST_CASE("export cli: --to dot to stdout or a file, unknown formats rejected") {
  const std::string dir = test::temp_dir();
  const auto to_file = test::run_kg("export " + sample() + " --to dot -o " + dir + "/g.dot --relations funded");
  REQUIRE_MESSAGE(to_file.exit_code == 0, to_file.err);
  const std::string dot = test::read_file(dir + "/g.dot");
  CHECK(dot.rfind("digraph kg {", 0) == 0);
  CHECK(dot.find(">rejected<") == std::string::npos);
  CHECK(test::run_kg("export " + sample() + " --to bmp").exit_code == 2);
}

}  // namespace kg
