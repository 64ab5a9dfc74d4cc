// Whether quotes name the endpoints of the relation they support.
#include <doctest/doctest.h>

#include "algorithms/evidence.hpp"
#include "tests/support/support.hpp"

TEST_CASE("evidence: endpoints named by id, name or alias, as whole folded words") {
  //   r0 musk -[funded]-> open-ai   "Musk funded OpenAI"            both (alias "OpenAI")
  //   r1 musk -[funded]-> open-ai   "He paid Open AI"               one (id read with a space)
  //   r2 greg -[met]-> musk         "Gregory met nobody"            neither ("Greg" is not a word there)
  //   r3 greg -[met]-> greg         "GRÉG alone"                    both (self-loop; accent folded)
  //   r4 greg -[met]-> musk         no evidence
  const kg::Graph g = kg::test::graph_from_json(R"({"kg": 1, "sources": [{"id": "s"}],
    "entities": [{"id": "musk", "name": "Elon Musk"}, {"id": "open-ai", "name": "The Lab", "aliases": ["OpenAI"]},
                 {"id": "greg", "name": "Greg"}],
    "relations": [
      {"source": "musk", "target": "open-ai", "type": "funded", "evidence": [{"source": "s", "quote": "Musk funded OpenAI"}]},
      {"source": "musk", "target": "open-ai", "type": "funded", "evidence": [{"source": "s", "quote": "He paid Open AI"}]},
      {"source": "greg", "target": "musk", "type": "met", "evidence": [{"source": "s", "quote": "Gregory met nobody"}]},
      {"source": "greg", "target": "greg", "type": "met", "evidence": [{"source": "s", "quote": "GRÉG alone"}]},
      {"source": "greg", "target": "musk", "type": "met"}]})");
  const kg::EntityMentions mentions(g);
  CHECK(kg::endpoint_coverage(g, mentions, 0) == kg::EndpointCoverage::Both);
  CHECK(kg::endpoint_coverage(g, mentions, 1) == kg::EndpointCoverage::One);
  CHECK(kg::endpoint_coverage(g, mentions, 2) == kg::EndpointCoverage::Neither);
  CHECK(kg::endpoint_coverage(g, mentions, 3) == kg::EndpointCoverage::Both);
  CHECK(kg::endpoint_coverage(g, mentions, 4) == kg::EndpointCoverage::NoQuotes);
  CHECK(kg::poorly_evidenced(g, kg::EndpointCoverage::Neither) == std::vector<kg::RelationId>{2});
  CHECK(kg::poorly_evidenced(g, kg::EndpointCoverage::One) == std::vector<kg::RelationId>{1, 2});
}
