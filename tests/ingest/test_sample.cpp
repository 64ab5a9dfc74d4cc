// samples/openai.json against the text it cites: every quote is verbatim in
// samples/openai-founding-emails.txt, every relation carries evidence whose
// quotes name its endpoints, every source is cited.
#include <doctest/doctest.h>

#include <set>

#include "algorithms/evidence.hpp"

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

// The quotes of each relation name both of its endpoints (by id, name or
// alias; algorithms/evidence.hpp), except where the seed refers to one of
// them only by a pronoun or by context, listed here with the reference.
TEST_CASE("sample: quotes name both endpoints, or the seed refers to one by context") {
  const auto result = kg::read_graph(kg::test::source_dir() + "/samples/openai.json");
  REQUIRE(result.graph);
  const kg::Graph& g = *result.graph;
  const std::set<std::string> by_context = {
      "musk advised altman 2015",                // "Musk suggested that he would have to raise": he is Altman
      "facebook competed openai 2015",           // "crushed by Google and Facebook": the venture before its name
      "openai paid founding-team 2016",          // "the early team all got paid": by OpenAI
      "musk funded openai 2016",                 // "SpaceX stock equivalents to fill the hole": OpenAI's payroll
      "openai recruited greg 2016",              // "three exceptions": to OpenAI's early team
      "openai recruited ilya 2016",              // (the same)
      "openai recruited trevor 2016",            // (the same)
      "openai paid ilya 2016",                   // "Ilya earned more than $1.9 million": from OpenAI
      "musk rejected microsoft 2016",            // "it's fucking disgusting": it is Microsoft's offer
      "microsoft funded openai 2016",            // "Microsoft would contribute $50 million": to OpenAI
      "musk instructed altman 2016",             // "he also had to ask Microsoft": he is Altman
      "musk deferred_to founding-team 2017",     // "let them run the company": the founding team
      "musk threatened founding-team 2017",      // "the discussion is over": the team's emails
      "altman reassured founding-team 2017",     // "his coworkers": the founding team
      "inside1024 retold the-verge ",            // inside1024 is the author of the text
  };
  const kg::EntityMentions mentions(g);
  std::set<std::string> partly;
  for (kg::RelationId r = 0; r < g.relation_count(); ++r) {
    if (kg::endpoint_coverage(g, mentions, r) == kg::EndpointCoverage::Both) continue;
    partly.insert(std::string(g.entity_key(g.source(r))) + " " + std::string(g.relation_type_name(g.relation_type(r))) +
                  " " + std::string(g.entity_key(g.target(r))) + " " + g.date(r).to_string());
  }
  CHECK(partly == by_context);
  // Not one relation has quotes that name neither endpoint.
  CHECK(kg::poorly_evidenced(g, kg::EndpointCoverage::Neither).empty());
}

TEST_CASE("sample: every source is cited") {
  const auto result = kg::read_graph(kg::test::source_dir() + "/samples/openai.json");
  REQUIRE(result.graph);
  const kg::Graph& g = *result.graph;
  std::vector<bool> cited(g.sources().size(), false);
  for (kg::RelationId r = 0; r < g.relation_count(); ++r) {
    for (const auto& evidence : g.evidence(r)) cited[evidence.source] = true;
  }
  for (std::size_t s = 0; s < cited.size(); ++s) {
    CAPTURE(g.str(g.sources()[s].id));
    CHECK(cited[s]);
  }
}

TEST_CASE("sample: kg validate --evidence passes it without warnings") {
  const auto run = kg::test::run("cd " + kg::test::shell_quote(kg::test::source_dir()) + " && " +
                                 kg::test::shell_quote(kg::test::kg_binary()) +
                                 " validate samples/openai.json --evidence --strict");
  CHECK(run.exit_code == 0);
  CHECK(run.out == "samples/openai.json: valid: 21 entities, 58 relations; 0 evidence warnings\n");
  CHECK(run.err.empty());
}
