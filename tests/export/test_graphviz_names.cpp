// The short names Graphviz gets for entities, and the ids put back into its
// SVG titles and messages.
#include <doctest/doctest.h>

#include "export/graphviz_names.hpp"
#include "tests/support/support.hpp"

namespace kg {

TEST_CASE("graphviz names: SVG titles of entities and edges get their ids back, escaped") {
  const Graph graph = test::graph_from_json(R"({"kg": 1, "entities": [{"id": "a<&>b"}, {"id": "%5"}]})");
  CHECK(graphviz_name(1) == "n1");
  const std::string svg = "<g><title>n0</title></g><g><title>n0&#45;&gt;n1</title></g>"
                          "<g><title>n1&#45;&gt;#s0</title></g><g><title>n2</title></g><title>n01</title>"
                          "<title>kg</title><text>n0</text>";
  CHECK(with_entity_titles(svg, graph) ==
        "<g><title>a&lt;&amp;&gt;b</title></g><g><title>a&lt;&amp;&gt;b&#45;&gt;%5</title></g>"
        "<g><title>%5&#45;&gt;#s0</title></g><g><title>n2</title></g><title>n01</title>"
        "<title>kg</title><text>n0</text>");
}

TEST_CASE("graphviz names: messages name entities by id, long ids shortened") {
  const Graph graph = test::graph_from_json(R"({"kg": 1, "entities": [{"id": "abcdefghij"}, {"id": "b"}]})");
  CHECK(with_entity_ids("Error: node n0, position x; node n1; n2 and n1x stay", graph, 4) ==
        "Error: node 'abcd...', position x; node 'b'; n2 and n1x stay");
}

}  // namespace kg
