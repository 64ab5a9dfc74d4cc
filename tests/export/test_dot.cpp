// The DOT writer and the views, on small graphs drawn by hand.
#include <doctest/doctest.h>

#include "export/diagram.hpp"
#include "export/dot.hpp"
#include "export/style.hpp"
#include "graph/exception.hpp"
#include "tests/support/support.hpp"

namespace kg {
namespace {

//   a --funded(2016)--> b --rejected(2017)--> c
//   a --funded(2017)--> b            (parallel)
//   b ==competed(2015..2016)== d     (symmetric, negative)
//   e                                (isolated, type lab)
const char* const kSmall = R"({
  "kg": 1, "name": "small",
  "entities": [
    {"id": "a", "name": "A", "type": "person"}, {"id": "b", "name": "B", "type": "company"},
    {"id": "c", "name": "C", "type": "company"}, {"id": "d", "name": "D", "type": "company"},
    {"id": "e", "name": "E", "type": "lab"}
  ],
  "relations": [
    {"source": "a", "target": "b", "type": "funded", "date": "2016"},
    {"source": "b", "target": "c", "type": "rejected", "date": "2017"},
    {"source": "a", "target": "b", "type": "funded", "date": "2017"},
    {"source": "b", "target": "d", "type": "competed", "date": "2015", "until": "2016"}
  ],
  "relation_types": {"funded": {"polarity": "positive"}, "rejected": {"polarity": "negative"},
                     "competed": {"symmetric": true, "polarity": "negative"}}
})";

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// The statement line that starts with `prefix`.
std::string line_of(const std::string& dot, const std::string& prefix) {
  const std::size_t at = dot.find("\n  " + prefix);
  REQUIRE_MESSAGE(at != std::string::npos, prefix << " in\n" << dot);
  return dot.substr(at + 3, dot.find('\n', at + 1) - at - 3);
}

}  // namespace

TEST_CASE("dot: relations styled by polarity, symmetric types without arrowheads") {
  const Graph graph = test::graph_from_json(kSmall);
  const std::string dot = write_dot(whole_diagram(View(graph), false));
  const std::string funded = line_of(dot, "\"a\" -> \"b\"");
  CHECK(funded.find("color=\"#2e7d32\"") != std::string::npos);
  CHECK(funded.find("arrowhead=\"normal\"") != std::string::npos);
  CHECK(funded.find("label=<funded<BR/><FONT POINT-SIZE=\"8\">2016</FONT>>") != std::string::npos);
  const std::string rejected = line_of(dot, "\"b\" -> \"c\"");
  CHECK(rejected.find("color=\"#c62828\"") != std::string::npos);
  CHECK(rejected.find("style=\"dashed\"") != std::string::npos);
  CHECK(rejected.find("arrowhead=\"tee\"") != std::string::npos);
  const std::string competed = line_of(dot, "\"b\" -> \"d\"");
  CHECK(competed.find("dir=\"none\"") != std::string::npos);
  CHECK(competed.find("2015..2016") != std::string::npos);
  // Entity types: shapes and fills from the style; the isolated entity is drawn.
  CHECK(line_of(dot, "\"a\" [").find("shape=\"ellipse\"") != std::string::npos);
  CHECK(line_of(dot, "\"e\" [").find("shape=\"hexagon\"") != std::string::npos);
  CHECK(count(dot, " -> ") == 4);
  // The legend: one row per entity type drawn, one per look of relation.
  CHECK(dot.find("subgraph cluster_legend") != std::string::npos);
  CHECK(count(dot, "<TD COLSPAN=\"2\"") == 3);  // company, lab, person
  CHECK(dot.find(">funded<BR ALIGN") != std::string::npos);
  CHECK(dot.find(">rejected<BR ALIGN") != std::string::npos);
  CHECK(dot.find(">competed<BR ALIGN") != std::string::npos);
}

TEST_CASE("dot: parallel relations merged with a count, legend and title optional") {
  const Graph graph = test::graph_from_json(kSmall);
  DotOptions options;
  options.merge_parallel = true;
  options.legend = false;
  options.title = false;
  const std::string dot = write_dot(whole_diagram(View(graph), false), options);
  CHECK(count(dot, " -> ") == 3);
  CHECK(line_of(dot, "\"a\" -> \"b\"").find("funded \u00d72<BR/><FONT POINT-SIZE=\"8\">2016..2017") !=
        std::string::npos);
  CHECK(dot.find("cluster_legend") == std::string::npos);
  CHECK(dot.find("<B>small</B>") == std::string::npos);
}

TEST_CASE("dot: clusters by entity type or by a group per entity") {
  const Graph graph = test::graph_from_json(kSmall);
  DotOptions options;
  options.legend = false;
  options.clustering = Clustering::EntityType;
  std::string dot = write_dot(whole_diagram(View(graph), false), options);
  CHECK(count(dot, "subgraph cluster_") == 3);
  CHECK(dot.find("graph [label=<company>]") != std::string::npos);

  options.clustering = Clustering::Group;
  options.groups = {0, 0, 1, 1, DotOptions::kNoGroup};
  options.group_labels = {"left", "right"};
  dot = write_dot(whole_diagram(View(graph), false), options);
  CHECK(count(dot, "subgraph cluster_") == 2);
  CHECK(dot.find("graph [label=<right>]") != std::string::npos);
  options.groups.pop_back();
  CHECK_THROWS_AS(write_dot(whole_diagram(View(graph), false), options), InvalidArgument);
}

TEST_CASE("dot: style sheets override types, polarity and graph attributes") {
  const Graph graph = test::graph_from_json(kSmall);
  DotOptions options;
  options.style = parse_style(R"({"graph": {"rankdir": "TB"}, "polarity": {"negative": {"color": "orange"}},
                                 "relation_types": {"rejected": {"penwidth": 4}},
                                 "entity_types": {"lab": {"shape": "box3d"}}})",
                              "test.json");
  const std::string dot = write_dot(whole_diagram(View(graph), false), options);
  CHECK(dot.find("rankdir=\"TB\"") != std::string::npos);
  const std::string rejected = line_of(dot, "\"b\" -> \"c\"");
  CHECK(rejected.find("color=\"orange\"") != std::string::npos);
  CHECK(rejected.find("penwidth=\"4\"") != std::string::npos);
  CHECK(line_of(dot, "\"b\" -> \"d\"").find("color=\"orange\"") != std::string::npos);
  CHECK(line_of(dot, "\"e\" [").find("shape=\"box3d\"") != std::string::npos);
  // Defaults not overridden stay.
  CHECK(line_of(dot, "\"a\" -> \"b\"").find("color=\"#2e7d32\"") != std::string::npos);
}

TEST_CASE("style: errors name the file, the place and the problem") {
  CHECK_THROWS_WITH_AS(parse_style("{\"graph\": {\"rankdir\": }", "s.json"), "s.json:1:23: Invalid value.",
                       InputError);
  CHECK_THROWS_WITH_AS(parse_style(R"({"colour": {}})", "s.json"),
                       doctest::Contains("s.json:1:2: colour: unknown section"), InvalidArgument);
  CHECK_THROWS_WITH_AS(parse_style(R"({"node": {"shape\"]; x=[\"": "box"}})", "s.json"),
                       doctest::Contains("is not a Graphviz attribute name"), InvalidArgument);
  CHECK_THROWS_WITH_AS(parse_style(R"({"polarity": {"good": {}}})", "s.json"),
                       doctest::Contains("unknown polarity 'good'"), InvalidArgument);
  CHECK_THROWS_WITH_AS(parse_style(R"({"edge": {"color": ["red"]}})", "s.json"),
                       doctest::Contains("edge.color: expected a string"), InvalidArgument);
  CHECK_THROWS_AS(parse_style(std::string(200000, '['), "deep.json"), InputError);
  CHECK_THROWS_AS(load_style("/nonexistent/style.json"), InputError);
}

TEST_CASE("style: the compiled-in default is samples/style.json") {
  const Style sample = load_style(test::source_dir() + "/samples/style.json", Style{});
  const Style& builtin = default_style();
  CHECK(sample.graph == builtin.graph);
  CHECK(sample.entity_types == builtin.entity_types);
  CHECK(sample.polarity == builtin.polarity);
  CHECK(sample.emphasis_relation == builtin.emphasis_relation);
  CHECK(builtin.polarity[static_cast<int>(Polarity::Negative)].at("style") == "dashed");
}

TEST_CASE("views: ego network, shortest path in context, changes between dates") {
  const Graph graph = test::graph_from_json(kSmall);
  const View view(graph);
  const Diagram ego = ego_diagram(view, 0, 1, Direction::Any);  // a, and b one step away
  CHECK(ego.entities == std::vector<EntityId>{0, 1});
  CHECK(ego.relations == std::vector<RelationId>{0, 2});
  CHECK(ego.entity_emphasis[0] == Emphasis::Focus);
  CHECK(ego_diagram(view, 0, 2, Direction::Any).entities == std::vector<EntityId>{0, 1, 2, 3});
  CHECK(ego_diagram(view, 2, 5, Direction::Out).entities == std::vector<EntityId>{2});

  Path path;  // a -funded-> b -rejected-> c
  path.start = 0;
  path.steps = {{0, 0, 1, true}, {1, 1, 2, true}};
  const Diagram around = path_diagram(view, {path}, 1, Direction::Any);
  CHECK(around.entities == std::vector<EntityId>{0, 1, 2, 3});
  CHECK(around.entity_emphasis ==
        std::vector<Emphasis>{Emphasis::Highlighted, Emphasis::Highlighted, Emphasis::Highlighted, Emphasis::Faded});
  CHECK(around.relation_emphasis ==
        std::vector<Emphasis>{Emphasis::Highlighted, Emphasis::Highlighted, Emphasis::Faded, Emphasis::Faded});
  CHECK(around.caption == "A to C in 2 steps");

  // Without context: the path alone; the parallel funded 2017 is context.
  const Diagram bare = path_diagram(view, {path}, 0, Direction::Any);
  CHECK(bare.entities == std::vector<EntityId>{0, 1, 2});
  CHECK(bare.relations == std::vector<RelationId>{0, 1});
  // The rejected step keeps its red dashes; the path is marked by width.
  const std::string rejected = line_of(write_dot(bare), "\"b\" -> \"c\"");
  CHECK(rejected.find("color=\"#c62828\"") != std::string::npos);
  CHECK(rejected.find("style=\"dashed\"") != std::string::npos);
  CHECK(rejected.find("penwidth=\"3.6\"") != std::string::npos);
  Path other;  // a -funded 2017-> b -rejected-> c
  other.start = 0;
  other.steps = {{2, 0, 1, true}, {1, 1, 2, true}};
  const Diagram both = path_diagram(view, {path, other}, 0, Direction::Any);
  CHECK(both.relations == std::vector<RelationId>{0, 1, 2});
  CHECK(both.caption == "A to C: 2 shortest paths");

  // 2016 to 2017: funded 2016 was there, rejected and funded 2017 were
  // added, competed ended in 2016.
  const Diagram diff = diff_diagram(view, *Date::parse("2016"), *Date::parse("2017"));
  CHECK(diff.relations == std::vector<RelationId>{0, 1, 2, 3});
  CHECK(diff.relation_emphasis == std::vector<Emphasis>{Emphasis::Normal, Emphasis::Added, Emphasis::Added, Emphasis::Ended});
  CHECK(diff.caption == "from 2016 to 2017: 2 added, 1 ended");
  // Before 2015 nothing was active.
  CHECK(diff_diagram(view, *Date::parse("2010"), *Date::parse("2014")).relations.empty());
  CHECK_THROWS_AS(diff_diagram(view, *Date::parse("2017"), *Date::parse("2016")), InvalidArgument);

  const std::string dot = write_dot(diff);
  CHECK(dot.find(">added between the dates<") != std::string::npos);
  CHECK(line_of(dot, "\"b\" -> \"c\"").find("color=\"#1e88e5\"") != std::string::npos);
}

TEST_CASE("views: hubs with many relations of one type collapse into a summary node") {
  //   hub --funded--> x1, x2, x3, x4;   x1 --advised--> y
  const Graph graph = test::graph_from_json(R"({"kg": 1, "entities": [
    {"id": "hub"}, {"id": "x1"}, {"id": "x2"}, {"id": "x3"}, {"id": "x4"}, {"id": "y"}],
    "relations": [{"source": "hub", "target": "x1", "type": "funded"}, {"source": "hub", "target": "x2", "type": "funded"},
                  {"source": "hub", "target": "x3", "type": "funded"}, {"source": "hub", "target": "x4", "type": "funded"},
                  {"source": "x1", "target": "y", "type": "advised"}]})");
  Diagram diagram = whole_diagram(View(graph), false);
  Diagram untouched = diagram;
  collapse_hubs(untouched, 4);
  CHECK(untouched.summaries.empty());
  collapse_hubs(diagram, 3);
  REQUIRE(diagram.summaries.size() == 1);
  CHECK(diagram.summaries[0].hub == 0);
  CHECK(diagram.summaries[0].outgoing);
  CHECK(diagram.summaries[0].others == std::vector<EntityId>{1, 2, 3, 4});
  // x2..x4 had nothing else; x1 keeps its other relation.
  CHECK(diagram.entities == std::vector<EntityId>{0, 1, 5});
  CHECK(diagram.relations == std::vector<RelationId>{4});
  const std::string dot = write_dot(diagram);
  CHECK(dot.find("\"#s0\" [label=<4 entities<BR/>") != std::string::npos);
  CHECK(dot.find("\"hub\" -> \"#s0\"") != std::string::npos);
  CHECK_THROWS_AS(collapse_hubs(diagram, 0), InvalidArgument);
}

}  // namespace kg
