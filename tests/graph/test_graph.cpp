// Graph, Builder and EntityLookup on small hand-drawn graphs, and the
// Boost.Graph model checked by running BGL's own algorithms on it.
#include <doctest/doctest.h>

#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/graph_concepts.hpp>
#include <boost/graph/strong_components.hpp>
#include <boost/property_map/vector_property_map.hpp>

#include "graph/boost_graph.hpp"
#include "graph/builder.hpp"
#include "graph/exception.hpp"
#include "graph/lookup.hpp"
#include "graph/view.hpp"
#include "tests/support/support.hpp"

using namespace kg;

namespace {

//   a --funded--> b --recruited--> c
//   ^                              |
//   +---------rejected-------------+        d (alone)     c --funded--> b
Graph small_graph() {
  Builder builder;
  builder.add_entity("a", "Alice", "person");
  builder.add_alias("Al");
  builder.add_entity("b", "Bob Co", "company");
  builder.add_entity("c", "Carol", "person");
  builder.add_entity("d", "", "");
  builder.add_relation("a", "b", "funded", *Date::parse("2015"), Date());
  builder.add_relation("b", "c", "recruited", *Date::parse("2016-03"), Date());
  builder.add_relation("c", "Al", "rejected", *Date::parse("2017"), Date());
  builder.add_relation("c", "b", "funded", Date(), Date());
  BuildResult result = std::move(builder).finish();
  REQUIRE(result.problems.empty());
  return std::move(*result.graph);
}

}  // namespace

TEST_CASE("Graph stores columns and CSR adjacency in input order") {
  const Graph g = small_graph();
  CHECK(g.entity_count() == 4);
  CHECK(g.relation_count() == 4);
  CHECK(g.entity_name(3) == "d");                       // name defaults to id
  CHECK(g.entity_type_name(g.entity_type(3)) == "entity");  // type defaults to "entity"
  CHECK(g.entity_type_count() == 3);
  CHECK(g.relation_type_count() == 3);
  CHECK(g.relation_type(0) == g.relation_type(3));      // "funded" interned once
  CHECK(g.target(2) == 0);                              // "Al" resolved to a
  // out of c: relations 2 (to a) and 3 (to b); in of b: relations 0 (from a) and 3 (from c)
  REQUIRE(g.out_relations(2).size() == 2);
  CHECK(g.out_relations(2)[0] == 2);
  CHECK(g.out_neighbors(2)[0] == 0);
  CHECK(g.out_relations(2)[1] == 3);
  CHECK(g.out_neighbors(2)[1] == 1);
  REQUIRE(g.in_relations(1).size() == 2);
  CHECK(g.source(g.in_relations(1)[0]) == 0);
  CHECK(g.source(g.in_relations(1)[1]) == 2);
  CHECK(g.out_degree(3) == 0);
  CHECK(g.in_degree(3) == 0);
  CHECK(g.find_entity("c") == 2u);
  CHECK_FALSE(g.find_entity("C"));  // exact lookup is case-sensitive
  CHECK(g.find_relation_type("recruited") == g.relation_type(1));
  CHECK(g.memory_bytes() > 0);
}

TEST_CASE("Builder reports every problem at once") {
  Builder builder;
  builder.add_entity("a", "A", "person");
  builder.add_alias("x");
  builder.add_entity("a", "A again", "person");     // duplicate id
  builder.add_entity("b", "B", "person");
  builder.add_alias("x");                            // alias naming two entities
  builder.add_alias("a");                            // alias equal to another's id
  builder.add_entity("", "nameless", "person");      // empty id
  builder.add_relation("a", "bb", "t", Date(), Date());       // dangling target, close to "b"
  builder.add_relation("zzz", "a", "t", Date(), Date());      // dangling source
  builder.add_relation("a", "b", "t", *Date::parse("2017"), *Date::parse("2016-12"));  // until before date
  builder.add_evidence("nowhere", "q");                       // unknown source
  BuildResult result = std::move(builder).finish();
  CHECK_FALSE(result.graph);
  std::vector<std::string> seen;
  for (const auto& p : result.problems) seen.push_back(p.field + ": " + p.message);
  // In the data's order: entity ids, then aliases, then relation by relation.
  const std::vector<std::string> expected = {
      "id: duplicate id 'a' (first defined by entities[0])",
      "id: empty id",
      "aliases[0]: alias 'x' already names 'a' (entities[0])",
      "aliases[1]: alias 'a' already names 'a' (entities[0])",
      "target: unknown entity 'bb'",
      "source: unknown entity 'zzz'",
      "until: until 2016-12 precedes date 2017",
      "evidence[0].source: unknown source 'nowhere'",
  };
  CHECK(seen == expected);
  CHECK(result.problems[2].subject == ContentProblem::Subject::Entity);
  CHECK(result.problems[2].index == 2);
  CHECK(result.problems[5].subject == ContentProblem::Subject::Relation);
  CHECK(result.problems[5].index == 1);
}

TEST_CASE("Builder: an until in the same partial period as the date is fine") {
  Builder builder;
  builder.add_entity("a", "", "");
  builder.add_relation("a", "a", "t", *Date::parse("2016-05"), *Date::parse("2016"));
  CHECK(std::move(builder).finish().problems.empty());
}

//   a --funded 2015--> b --hired--> c --met--> a     (hired and met undated)
TEST_CASE("undated relations are counted once by the graph, and by the view that filters") {
  const Graph graph = test::graph_from_json(R"({"kg": 1, "entities": [{"id": "a"}, {"id": "b"}, {"id": "c"}],
    "relations": [{"source": "a", "target": "b", "type": "funded", "date": "2015"},
                  {"source": "b", "target": "c", "type": "hired"},
                  {"source": "c", "target": "a", "type": "met"}]})");
  CHECK(graph.undated_relation_count() == 2);
  CHECK(count_kept_undated(View(graph)) == 2);
  Filter hired_only;
  hired_only.relation_types = {"hired", "funded"};
  CHECK(count_kept_undated(View(graph, hired_only)) == 1);
}

TEST_CASE("an unfiltered view's adjacency is built once per graph and direction, a filtered one per call") {
  const Graph graph = test::graph_from_json(R"({"kg": 1, "entities": [{"id": "a"}, {"id": "b"}, {"id": "c"}],
    "relations": [{"source": "a", "target": "b", "type": "funded"}, {"source": "c", "target": "a", "type": "met"}]})");
  const View whole(graph);
  const auto out = shared_adjacency(whole, Direction::Out);
  CHECK(shared_adjacency(View(graph), Direction::Out) == out);
  CHECK(shared_adjacency(whole, Direction::Any) != out);
  const Graph copy = graph;  // copies share what is kept
  CHECK(shared_adjacency(View(copy), Direction::Out) == out);
  const Adjacency built = build_adjacency(whole, Direction::Out);
  CHECK(out->offsets == built.offsets);
  CHECK(out->neighbors == built.neighbors);
  CHECK(out->relations == built.relations);

  Filter funded;
  funded.relation_types = {"funded"};
  const View filtered(graph, funded);
  const auto first = shared_adjacency(filtered, Direction::Any);
  CHECK(first != shared_adjacency(filtered, Direction::Any));
  CHECK(first->neighbors == std::vector<EntityId>{1, 0});  // a: b; b: a; c: none
}

TEST_CASE("Graph stores no until or relation attribute column when no relation has one") {
  // The same four relations as small_graph(), once with an until on the first.
  const auto build = [](Date until) {
    Builder builder;
    for (const char* id : {"a", "b", "c"}) builder.add_entity(id, id, "person");
    builder.add_relation("a", "b", "funded", *Date::parse("2015"), until);
    builder.add_relation("b", "c", "funded", *Date::parse("2016"), Date());
    builder.add_relation("c", "a", "funded", Date(), Date());
    builder.add_relation("c", "b", "funded", Date(), Date());
    return std::move(*std::move(builder).finish().graph);
  };
  const Graph open = build(Date());
  const Graph closed = build(*Date::parse("2018"));
  CHECK(open.columns().relation_untils.empty());
  CHECK(open.columns().relation_attribute_offsets.empty());
  CHECK(open.until(0).empty());
  CHECK(open.relation_attributes(0).empty());
  REQUIRE(closed.columns().relation_untils.size() == 4);
  CHECK(closed.until(0).to_string() == "2018");
  CHECK(closed.until(1).empty());
  // The until column is the only difference: four relations of four bytes.
  CHECK(closed.memory_bytes() - open.memory_bytes() == 16);
  // And a copy of the columns fills the absent ones in.
  const GraphData copy = copy_of(open.columns());
  CHECK(copy.relation_untils == std::vector<std::uint32_t>(4, 0));
  CHECK(copy.relation_attribute_offsets == std::vector<Offset>(5, 0));
}

TEST_CASE("Graph rejects inconsistent columns") {
  GraphData data;
  data.strings = StringPool();
  data.strings.append("");
  data.entity_keys = {0};
  data.entity_names = {0};
  data.entity_types = {0};  // no entity type names: out of range
  data.alias_offsets = {0, 0};
  data.entity_attribute_offsets = {0, 0};
  CHECK_THROWS_WITH_AS(Graph{data}, "graph data: entity type out of range", InvalidArgument);
  data.entity_type_names = {0};
  CHECK_NOTHROW(Graph{data});
  data.relation_sources = {0};
  data.relation_targets = {1};  // only one entity
  data.relation_types = {0};
  data.relation_dates = {0};
  data.relation_untils = {0};
  data.relation_type_infos = {RelationTypeInfo{0, 0, Polarity::Neutral, false}};
  data.relation_attribute_offsets = {0, 0};
  data.evidence_offsets = {0, 0};
  CHECK_THROWS_WITH_AS(Graph{data}, "graph data: relation endpoint out of range", InvalidArgument);
  data.relation_targets = {0};
  data.relation_dates = {20161301};
  CHECK_THROWS_WITH_AS(Graph{data}, "graph data: relation date invalid", InvalidArgument);
  data.relation_dates = {20160300};
  data.evidence_offsets = {0, 2};
  CHECK_THROWS_WITH_AS(Graph{data}, "graph data: evidence offsets inconsistent", InvalidArgument);
}

TEST_CASE("EntityLookup resolves ids, names and aliases ignoring case") {
  const Graph g = small_graph();
  const EntityLookup lookup(g);
  CHECK(lookup.resolve("a") == 0);
  CHECK(lookup.resolve("ALICE") == 0);
  CHECK(lookup.resolve("al") == 0);
  CHECK(lookup.resolve("bob co") == 1);
  CHECK(lookup.matches("nobody").empty());
  CHECK_THROWS_WITH_AS(lookup.resolve("Carl"), "no entity named 'Carl'; did you mean 'Carol'?", NameNotFound);
  CHECK_THROWS_WITH_AS(lookup.resolve("qqqqqq"), "no entity named 'qqqqqq'", NameNotFound);
  // Id, name and alias close to the same entity give one suggestion.
  const Graph company = test::graph_from_json(
      R"({"entities": [{"id": "microsoft", "name": "Microsoft", "aliases": ["MicroSoft Corp"]},
                       {"id": "ms2", "name": "Microsoft"}]})");
  CHECK(EntityLookup(company).suggestions("mikrosoft") ==
        std::vector<std::string>{"Microsoft (microsoft)", "Microsoft (ms2)"});

  // Two entities sharing a name: ambiguous, resolved by id.
  const Graph twins = test::graph_from_json(
      R"({"entities": [{"id": "greg1", "name": "Greg"}, {"id": "greg2", "name": "greg"}]})");
  const EntityLookup twin_lookup(twins);
  CHECK_THROWS_WITH_AS(twin_lookup.resolve("Greg"), "'Greg' names 2 entities: greg1, greg2; use an id", NameNotFound);
  CHECK(twin_lookup.resolve("greg2") == 1);
}

TEST_CASE("edit distance counts swaps as one edit") {
  CHECK(edit_distance("", "abc") == 3);
  CHECK(edit_distance("kitten", "sitting") == 3);
  CHECK(edit_distance("nmae", "name") == 1);
  CHECK(edit_distance("google", "goggle") == 1);
  CHECK(closest_matches("Altmann", {"altman", "musk", "alt"}) == std::vector<std::string>{"altman"});
  CHECK(closest_matches("sam", {"Sam Altman", "Samsung", "x"}) == std::vector<std::string>{"Sam Altman", "Samsung"});
}

TEST_CASE("Graph is a Boost.Graph model that BGL algorithms run on") {
  BOOST_CONCEPT_ASSERT((boost::VertexListGraphConcept<Graph>));
  BOOST_CONCEPT_ASSERT((boost::EdgeListGraphConcept<Graph>));
  BOOST_CONCEPT_ASSERT((boost::BidirectionalGraphConcept<Graph>));
  BOOST_CONCEPT_ASSERT((boost::AdjacencyGraphConcept<Graph>));

  const Graph g = small_graph();
  // BFS from a along the arrows: a(0) -> b(1) -> c(2); d unreachable.
  std::vector<std::size_t> distance(num_vertices(g), 99);
  distance[0] = 0;
  boost::breadth_first_search(
      g, vertex(0, g),
      boost::visitor(boost::make_bfs_visitor(boost::record_distances(distance.data(), boost::on_tree_edge()))));
  CHECK(distance == std::vector<std::size_t>{0, 1, 2, 99});

  // Strong components: a, b, c form a cycle (a->b->c->a); d is alone.
  std::vector<int> component(num_vertices(g));
  const int count = boost::strong_components(g, component.data());
  CHECK(count == 2);
  CHECK(component[0] == component[1]);
  CHECK(component[1] == component[2]);
  CHECK(component[3] != component[0]);

  // Edges report their relation, endpoints and index.
  std::size_t edges_seen = 0;
  for (auto [it, end] = edges(g); it != end; ++it) {
    CHECK(source(*it, g) == g.source(it->id));
    CHECK(get(get(boost::edge_index, g), *it) == it->id);
    ++edges_seen;
  }
  CHECK(edges_seen == 4);
  auto [in_begin, in_end] = in_edges(1, g);
  CHECK(std::distance(in_begin, in_end) == 2);
}
