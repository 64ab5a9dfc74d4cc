// samples/openai.json against the text it cites: every quote is verbatim in
// samples/openai-founding-emails.txt, every relation carries evidence.
#include <doctest/doctest.h>

#include "graph/lookup.hpp"
#include "ingest/format.hpp"
#include "tests/support/support.hpp"

TEST_CASE("sample: every evidence quote is verbatim in the source text") {
  const std::string text = kg::test::read_file(kg::test::source_dir() + "/samples/openai-founding-emails.txt");
  const auto result = kg::read_graph(kg::test::source_dir() + "/samples/openai.json");
  REQUIRE(result.problems.empty());
  const kg::Graph& g = *result.graph;
  REQUIRE(g.relation_count() > 30);
  std::size_t quotes = 0;
  for (kg::RelationId r = 0; r < g.relation_count(); ++r) {
    CAPTURE(r);
    CHECK(g.evidence(r).size() >= 1);
    for (const auto& evidence : g.evidence(r)) {
      const std::string quote(g.str(evidence.quote));
      CAPTURE(quote);
      CHECK(quote.size() >= 10);
      CHECK(text.find(quote) != std::string::npos);
      ++quotes;
    }
  }
  CHECK(quotes >= g.relation_count());
}

TEST_CASE("sample: the actors and relation types the story names are there") {
  const auto result = kg::read_graph(kg::test::source_dir() + "/samples/openai.json");
  REQUIRE(result.graph);
  const kg::Graph& g = *result.graph;
  const kg::EntityLookup lookup(g);
  for (const char* actor : {"Musk", "Sam Altman", "OpenAI", "Y Combinator", "Google", "DeepMind", "Facebook",
                            "Microsoft", "SpaceX", "Tesla", "Greg", "Ilya", "Trevor", "board-member", "The Verge"}) {
    CAPTURE(actor);
    CHECK_NOTHROW(lookup.resolve(actor));
  }
  for (const char* type : {"funded", "recruited", "rejected", "competed"}) {
    CAPTURE(type);
    CHECK(g.find_relation_type(type));
  }
  // The story's dates run from 2015 to 2018.
  for (kg::RelationId r = 0; r < g.relation_count(); ++r) {
    if (g.date(r).empty()) continue;
    CHECK(g.date(r).year() >= 2015);
    CHECK(g.date(r).year() <= 2018);
  }
  // Amounts are numbers: Microsoft's no-strings $50 million, Musk's $1 billion.
  bool found_50m = false, found_1b = false;
  for (kg::RelationId r = 0; r < g.relation_count(); ++r) {
    for (const auto& attribute : g.relation_attributes(r)) {
      if (g.str(attribute.key) != "amount_usd" || !attribute.value.is_number()) continue;
      found_50m = found_50m || attribute.value.as_number() == 50e6;
      found_1b = found_1b || attribute.value.as_number() == 1e9;
    }
  }
  CHECK(found_50m);
  CHECK(found_1b);
}
