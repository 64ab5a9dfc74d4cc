// A style sheet's mistakes are reported with the line and column of the
// member they are about (docs/RENDERING.md, "Style sheets").
#include <doctest/doctest.h>

#include <string>

#include "export/style.hpp"
#include "graph/exception.hpp"

namespace {

std::string error_of(const std::string& json) {
  try {
    kg::parse_style(json, "s.json");
  } catch (const kg::Error& error) {
    return error.what();
  }
  return "";
}

}  // namespace

TEST_CASE("style sheet errors carry line:column of the member they are about") {
  CHECK(error_of("{\n  \"grpah\": {}\n}") ==
        "s.json:2:3: grpah: unknown section (graph, node, edge, entity_types, polarity, symmetric, relation_types, "
        "emphasis, legend)");
  CHECK(error_of("{\"node\": {\"color\": \"red\",\n          \"bad name\": 1}}") ==
        "s.json:2:11: node: 'bad name' is not a Graphviz attribute name");
  CHECK(error_of("{\"relation_types\": {\n  \"funded\": {\"penwidth\": [2]}}}") ==
        "s.json:2:14: relation_types.funded.penwidth: expected a string, number or boolean");
  CHECK(error_of("{\"edge\": 3}") == "s.json:1:2: edge: expected an object");
  CHECK(error_of("{\"emphasis\": {\"glowing\": {}}}") ==
        "s.json:1:15: emphasis: unknown emphasis 'glowing' (highlighted, faded, focus, added, ended, summary)");
  CHECK(error_of("{\"polarity\": {\n\n   \"sideways\": {}}}") ==
        "s.json:3:4: polarity: unknown polarity 'sideways' (positive, negative or neutral)");
  // A name with escapes is still placed at its opening quote.
  CHECK(error_of("{\"node\": {\"\\u00e9t\\u00e9\": 1}}") == "s.json:1:11: node: '\xc3\xa9t\xc3\xa9' is not a Graphviz attribute name");
  CHECK(error_of("[1]") == "s.json:1:1: style sheet: expected an object");
  CHECK(error_of("{\"graph\": ") .rfind("s.json:1:11: ", 0) == 0);  // syntax errors had their place already
  CHECK(error_of("{\"node\": {\"color\": \"red\"}}").empty());
}
