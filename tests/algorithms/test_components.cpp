// Weakly and strongly connected components: a hand-worked graph, then
// NetworkX on real and random graphs.
#include <doctest/doctest.h>
#include <rapidjson/document.h>

#include <algorithm>
#include <memory>
#include <string>

#include "algorithms/components.hpp"
#include "ingest/format.hpp"
#include "tests/support/support.hpp"

using namespace kg;

TEST_CASE("components of a small graph, weak and strong, symmetric relations both ways") {
  //   a --> b --> c --> a      d <-> e (symmetric)      f --> g
  const Graph g = test::graph_from_json(R"({"kg":1,"entities":[
    {"id":"a","name":"A","type":"x"},{"id":"b","name":"B","type":"x"},{"id":"c","name":"C","type":"x"},
    {"id":"d","name":"D","type":"x"},{"id":"e","name":"E","type":"x"},{"id":"f","name":"F","type":"x"},
    {"id":"g","name":"G","type":"x"}],
   "relations":[{"source":"a","target":"b","type":"r"},{"source":"b","target":"c","type":"r"},
                {"source":"c","target":"a","type":"r"},{"source":"d","target":"e","type":"s"},
                {"source":"f","target":"g","type":"r"}],
   "relation_types":{"s":{"symmetric":true}}})");
  const View view(g);
  const auto weak = weakly_connected_components(view);
  REQUIRE(weak.members.size() == 3);
  CHECK(weak.members[0] == std::vector<EntityId>{0, 1, 2});
  CHECK(weak.members[1] == std::vector<EntityId>{3, 4});
  CHECK(weak.members[2] == std::vector<EntityId>{5, 6});
  const auto strong = strongly_connected_components(view);
  REQUIRE(strong.members.size() == 4);
  CHECK(strong.members[0] == std::vector<EntityId>{0, 1, 2});
  CHECK(strong.members[1] == std::vector<EntityId>{3, 4});
  CHECK(strong.members[2] == std::vector<EntityId>{5});
  CHECK(strong.component[6] == 3);

  Filter filter;
  filter.avoid = {"b"};
  const auto split = weakly_connected_components(View(g, filter));
  CHECK(split.component[1] == ComponentsResult::kNoComponent);
  CHECK(split.members.size() == 3);  // {a, c}, {d, e}, {f, g}
}

namespace kg::test {
const rapidjson::Document& centrality_oracle();  // in test_centrality.cpp
}

TEST_CASE("components match NetworkX's weakly and strongly connected components") {
  const auto& answers = test::centrality_oracle();
  for (auto it = answers.MemberBegin(); it != answers.MemberEnd(); ++it) {
    CAPTURE(std::string(it->name.GetString()));
    ReadResult read = read_graph(it->value["file"].GetString());
    REQUIRE(read.problems.empty());
    const Graph& g = *read.graph;
    const View view(g);
    for (const bool strong : {false, true}) {
      const auto result = strong ? strongly_connected_components(view) : weakly_connected_components(view);
      std::vector<std::vector<std::string>> ours;
      for (const auto& members : result.members) {
        std::vector<std::string> ids;
        for (EntityId e : members) ids.emplace_back(g.entity_key(e));
        std::sort(ids.begin(), ids.end());
        ours.push_back(ids);
      }
      std::sort(ours.begin(), ours.end());
      std::vector<std::vector<std::string>> theirs;
      for (const auto& component : it->value["measures"]["components"][strong ? "strong" : "weak"].GetArray()) {
        std::vector<std::string> ids;
        for (const auto& id : component.GetArray()) ids.emplace_back(id.GetString());
        theirs.push_back(ids);
      }
      CHECK(ours == theirs);
    }
  }
}
