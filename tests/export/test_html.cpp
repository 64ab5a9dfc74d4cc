// The evidence map's writer: JSON that stays inside its script element, and
// node positions that are Graphviz's own (compared with the dot program's
// plain output, which Graphviz computes without kg).
#include <doctest/doctest.h>

#include <rapidjson/document.h>

#include <map>
#include <sstream>

#include "export/html.hpp"
#include "export/render.hpp"
#include "tests/support/support.hpp"

namespace kg {

TEST_CASE("html: script_safe_json escapes what could end a script element, and reads back the same") {
  const std::string json = "{\"a\":\"</script><!-- & \xE2\x80\xA8 \xE2\x80\xA9 \xE2\x80\xA7\"}";
  const std::string safe = script_safe_json(json);
  CHECK(safe.find_first_of("<>&") == std::string::npos);
  CHECK(safe.find("\xE2\x80\xA8") == std::string::npos);
  CHECK(safe.find("\xE2\x80\xA9") == std::string::npos);
  CHECK(safe.find("\xE2\x80\xA7") != std::string::npos);  // U+2027 is harmless and kept
  rapidjson::Document original, escaped;
  original.Parse(json.c_str());
  escaped.Parse(safe.c_str());
  REQUIRE(!escaped.HasParseError());
  CHECK(std::string(escaped["a"].GetString()) == original["a"].GetString());
}

TEST_CASE("html: layout positions are the ones the dot program computes") {
  // a -> b -> c, a -> c
  const std::string dot = "digraph g { a -> b; b -> c; a -> c; }";
  std::map<std::string, std::pair<double, double>> ours;
  for (const auto& position : layout_positions(dot, LayoutEngine::Dot)) ours[position.name] = {position.x, position.y};
  const std::string file = test::temp_dir() + "/abc.dot";
  test::write_file(file, dot);
  const auto plain = test::run("dot -Tplain " + test::shell_quote(file));
  REQUIRE(plain.exit_code == 0);
  std::istringstream lines(plain.out);
  std::string kind, name;
  double x = 0, y = 0;
  std::size_t compared = 0;
  for (std::string line; std::getline(lines, line);) {
    std::istringstream fields(line);
    fields >> kind;
    if (kind != "node") continue;
    fields >> name >> x >> y;  // inches
    REQUIRE(ours.count(name) == 1);
    CHECK(ours[name].first == doctest::Approx(x * 72).epsilon(0.01));
    CHECK(ours[name].second == doctest::Approx(y * 72).epsilon(0.01));
    ++compared;
  }
  CHECK(compared == 3);
}

TEST_CASE("html: the initial state is checked field by field") {
  ViewerState state;
  state.undated = "sometimes";
  CHECK_THROWS_WITH(state.validate(), "undated: 'sometimes' is not include, exclude or only");
  state = {};
  state.depth = 4;
  CHECK_THROWS_WITH(state.validate(), "depth: the page shows neighbourhoods of 1 to 3 steps, not 4");
  state = {};
  state.path = {"a"};
  CHECK_THROWS_WITH(state.validate(), "path: needs two entities");
}

}  // namespace kg
