// The short names Graphviz gets for entities, and the ids put back into its
// SVG titles and messages.
#include <doctest/doctest.h>

#include "export/graphviz_names.hpp"
#include "tests/support/support.hpp"

namespace kg {

TEST_CASE("graphviz names: SVG titles of entities and edges get their ids back, escaped") {
  const Graph graph = test::graph_from_json(R"({"kg": 1, "entities": [{"id": "a<&>--b"}, {"id": "%5"}]})");
  CHECK(graphviz_name(1) == "n1");
  const std::string svg = "<!-- n0 -->\n<g><title>n0</title></g><!-- n0&#45;&gt;n1 -->\n<g><title>n0&#45;&gt;n1</title></g>"
                          "<g><title>n1&#45;&gt;#s0</title></g><g><title>n2</title></g><title>n01</title>"
                          "<title>kg</title><text>n0</text><!-- cluster_1 -->";
  CHECK(with_entity_titles(svg, graph) ==
        "<!-- a&lt;&amp;&gt;&#45;&#45;b -->\n<g><title>a&lt;&amp;&gt;&#45;&#45;b</title></g>"
        "<!-- a&lt;&amp;&gt;&#45;&#45;b&#45;&gt;%5 -->\n<g><title>a&lt;&amp;&gt;&#45;&#45;b&#45;&gt;%5</title></g>"
        "<g><title>%5&#45;&gt;#s0</title></g><g><title>n2</title></g><title>n01</title>"
        "<title>kg</title><text>n0</text><!-- cluster_1 -->");
}

TEST_CASE("graphviz names: messages name entities by id, long ids shortened") {
  const Graph graph = test::graph_from_json(R"({"kg": 1, "entities": [{"id": "abcdefghij"}, {"id": "b"}]})");
  CHECK(with_entity_ids("Error: node n0, position x; node n1; n2 and n1x stay", graph, 4) ==
        "Error: node 'abcd...', position x; node 'b'; n2 and n1x stay");
}

}  // namespace kg
