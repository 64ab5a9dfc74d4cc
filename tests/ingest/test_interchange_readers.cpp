// The interchange readers (GraphML, node-link, JSON Lines, CSV): valid input
// becomes the graph it describes, and every problem is reported with its
// file:line:column and what was expected, never a crash or a partial graph.
#include <doctest/doctest.h>

#include <string>

#include "cli/fields.hpp"
#include "ingest/csv.hpp"
#include "ingest/edgelist.hpp"
#include "ingest/format.hpp"
#include "ingest/graphml.hpp"
#include "ingest/interchange.hpp"
#include "ingest/jsonl.hpp"
#include "ingest/node_link.hpp"
#include "tests/support/support.hpp"

namespace {

std::string all(const kg::ReadResult& result) {
  std::string text;
  for (const auto& p : result.problems) text += p.to_string() + "\n";
  return text;
}

// The first problem, checked for place and words; the graph must be absent.
void check_problem(const kg::ReadResult& result, std::size_t line, std::size_t column, const std::string& words) {
  CHECK_FALSE(result.graph);
  REQUIRE_MESSAGE(!result.problems.empty(), "no problem reported");
  const auto& p = result.problems.front();
  CHECK_MESSAGE(p.line == line, all(result));
  CHECK_MESSAGE(p.column == column, all(result));
  CHECK_MESSAGE(p.message.find(words) != std::string::npos, all(result));
}

const char* kGraphmlHead = R"(<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="w" for="edge" attr.name="weight" attr.type="double"/>
  <key id="c" for="node" attr.name="club" attr.type="string"><default>none</default></key>
  <graph edgedefault="directed">
)";

kg::ReadResult graphml(const std::string& body) {
  return kg::read_graphml_text(std::string(kGraphmlHead) + body + "  </graph>\n</graphml>\n", "t.graphml");
}

}  // namespace

TEST_CASE("GraphML reader: attributes by their keys' types, defaults, yEd graphics ignored") {
  const auto result = graphml(R"(    <node id="a"><data key="c">Mr Hi</data></node>
    <node id="b"><data key="y"><y:ShapeNode xmlns:y="http://www.yworks.com/xml/graphml"/></data></node>
    <edge source="a" target="b"><data key="w">2.5</data></edge>
    <edge source="a" target="b"/>
)");
  // The yEd key is undeclared: it is a problem, reported.
  CHECK_FALSE(result.graph);
  const auto ok = graphml(R"(    <node id="a"><data key="c">Mr Hi</data></node>
    <node id="b"/>
    <edge source="a" target="b"><data key="w">2.5</data></edge>
    <edge source="a" target="b"/>
)");
  REQUIRE_MESSAGE(ok.graph, all(ok));
  const kg::Graph& g = *ok.graph;
  CHECK(g.entity_count() == 2);
  REQUIRE(g.relation_count() == 2);  // parallel edges stay distinct
  CHECK(g.relation_type_name(g.relation_type(0)) == "related");
  REQUIRE(g.relation_attributes(0).size() == 1);
  CHECK(g.relation_attributes(0)[0].value.as_real() == 2.5);
  REQUIRE(g.entity_attributes(1).size() == 1);
  CHECK(g.str(g.entity_attributes(1)[0].value.as_string()) == "none");  // the key's default
}

TEST_CASE("GraphML reader: edgedefault and per-edge directed give the graph's direction") {
  const auto read = [](const std::string& edgedefault, const std::string& edges) {
    const auto result = kg::read_graphml_text(
        R"(<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><key id="t" for="edge" attr.name="type"/>)"
        "<graph edgedefault=\"" + edgedefault + "\"><node id=\"a\"/><node id=\"b\"/>" + edges + "</graph></graphml>",
        "t.graphml");
    REQUIRE_MESSAGE(result.graph, all(result));
    return *result.graph;
  };
  const std::string plain = R"(<edge source="a" target="b"/>)";
  CHECK_FALSE(read("undirected", plain).directed());
  CHECK_FALSE(read("undirected", "").directed());  // no edges: as declared
  CHECK(read("directed", plain).directed());
  CHECK_FALSE(read("directed", plain).both_ways(0));
  CHECK_FALSE(read("directed", R"(<edge source="a" target="b" directed="false"/>)").directed());
  // A mix: directed, and the types whose edges are all undirected symmetric.
  const kg::Graph mixed = read("undirected", R"(<edge source="a" target="b"/>)"
                                             R"(<edge source="a" target="b" directed="true"><data key="t">x</data></edge>)");
  CHECK(mixed.directed());
  CHECK(mixed.both_ways(*mixed.find_relation_type("related")));
  CHECK_FALSE(mixed.both_ways(*mixed.find_relation_type("x")));
}

TEST_CASE("GraphML reader: an edge to an undeclared node is an error at the edge") {
  check_problem(graphml("    <node id=\"a\"/>\n    <edge source=\"a\" target=\"zz\"/>\n"), 7, 5, "zz");
}

TEST_CASE("GraphML reader: a value that does not fit its key's type is located") {
  check_problem(graphml("    <node id=\"a\"/>\n    <edge source=\"a\" target=\"a\"><data key=\"w\">heavy</data></edge>\n"),
                7, 33, "expected a number (or INF, -INF, NaN), found 'heavy'");
}

TEST_CASE("GraphML reader: malformed XML, entity declarations and unsupported elements") {
  check_problem(kg::read_graphml_text("<graphml>\n  <graph>\n  <node id=\"a\">\n</graphml>\n", "t.graphml"), 4, 3,
                "invalid XML: mismatched tag");
  check_problem(kg::read_graphml_text("<?xml version=\"1.0\"?>\n<!DOCTYPE g [<!ENTITY a \"aaaa\">]>\n<graphml/>",
                                      "t.graphml"),
                2, 25, "entity declarations are not supported");
  check_problem(graphml("    <node id=\"a\"/>\n    <hyperedge><endpoint node=\"a\"/></hyperedge>\n"), 7, 5,
                "<hyperedge> is not supported");
  check_problem(kg::read_graphml_text("<graphml>\xff</graphml>", "t.graphml"), 1, 10, "invalid XML");
}

TEST_CASE("node-link reader: NetworkX's format, numeric ids, undirected graphs") {
  const auto result = kg::read_node_link_text(
      R"({"directed": false, "multigraph": false, "graph": {"name": "g", "tags": ["x"]},
          "nodes": [{"id": 0, "club": "Mr. Hi"}, {"id": 1, "pos": [1, 2]}],
          "links": [{"source": 0, "target": 1, "weight": 4}]})",
      "t.json");
  REQUIRE_MESSAGE(result.graph, all(result));
  const kg::Graph& g = *result.graph;
  CHECK(g.name() == "g");
  CHECK(g.entity_key(1) == "1");
  CHECK(g.str(g.entity_attributes(1)[0].value.as_string()) == "[1,2]");  // structured values as JSON text
  CHECK_FALSE(g.directed());
  CHECK(g.both_ways(0));
  CHECK(g.integer_ids());
  CHECK(g.relation_attributes(0)[0].value.as_integer() == 4);
}

TEST_CASE("node-link reader: problems located by their JSON path") {
  check_problem(kg::read_node_link_text("{\"nodes\": [{\"id\": \"a\"}],\n \"links\": [{\"source\": \"a\", \"target\": "
                                        "\"b\"}]}",
                                        "t.json"),
                2, 38, "unknown entity 'b'");
  check_problem(kg::read_node_link_text("{\"nodes\": [{\"name\": \"a\"}], \"links\": []}", "t.json"), 1, 12,
                "node has no 'id'");
  check_problem(kg::read_node_link_text("{\"nodes\": [{\"id\": \"a\"}],\n \"links\": [{\"source\": \"a\", \"target\": "
                                        "\"a\", \"date\": \"2016-13\"}]}",
                                        "t.json"),
                2, 51, "invalid date '2016-13'");
  check_problem(kg::read_node_link_text("{\"nodes\": [\n{\"id\": \"a\"}", "t.json"), 2, 12, "invalid JSON");
}

TEST_CASE("JSON Lines reader: kinds, told apart by members, errors by line and column") {
  const auto result = kg::read_jsonl_text(
      "{\"kind\": \"graph\", \"name\": \"g\"}\n"
      "{\"kind\": \"source\", \"id\": \"s\", \"title\": \"T\"}\n"
      "\n"
      "{\"id\": \"a\", \"type\": \"person\", \"aliases\": [\"A\"]}\r\n"
      "{\"source\": \"A\", \"target\": \"b\", \"type\": \"met\", \"evidence\": [{\"source\": \"s\", \"quote\": \"q\"}]}\n"
      "{\"kind\": \"entity\", \"id\": \"b\", \"attributes\": {\"n\": 1}}",
      "t.jsonl");
  REQUIRE_MESSAGE(result.graph, all(result));
  CHECK(result.graph->name() == "g");
  CHECK(result.graph->entity_count() == 2);
  CHECK(result.graph->relation_count() == 1);
  CHECK(result.graph->evidence(0).size() == 1);

  check_problem(kg::read_jsonl_text("{\"id\": \"a\"}\n{\"id\": \"b\", \"colour\": 1}\n", "t.jsonl"), 2, 23,
                "unknown member 'colour'");
  check_problem(kg::read_jsonl_text("{\"id\": \"a\"}\n{\"id\": \"a\"}\n", "t.jsonl"), 2, 8, "a");
  check_problem(kg::read_jsonl_text("{\"id\": \"a\"}\n\n{\"source\": \"a\", \"target\": \"x\", \"type\": \"t\"}\n",
                                    "t.jsonl"),
                3, 27, "unknown entity 'x'");
  check_problem(kg::read_jsonl_text("{\"id\": \"é\"}\n{\"id\": \"é\", }\n", "t.jsonl"), 2, 13, "invalid JSON");
}

TEST_CASE("CSV reader: Neo4j headers, plain headers, flags, and a relations table alone") {
  const auto neo4j = kg::read_csv_texts("id:ID,name,:LABEL,aliases:string[],age:long\nal,\"Al, \"\"the\"\" one\",person,A;B,41\n"
                                        "bo,Bo,person,,\n",
                                        ":START_ID,:END_ID,:TYPE,date,weight:double\nal,bo,met,2016-03,0.5\n");
  REQUIRE_MESSAGE(neo4j.graph, all(neo4j));
  const kg::Graph& g = *neo4j.graph;
  CHECK(g.entity_name(0) == "Al, \"the\" one");
  CHECK(g.entity_aliases(0).size() == 2);
  CHECK(g.entity_attributes(0)[0].value.as_integer() == 41);
  CHECK(g.entity_attributes(1).empty());  // an empty cell is no attribute
  CHECK(g.date(0).to_string() == "2016-03");
  CHECK(g.relation_attributes(0)[0].value.as_real() == 0.5);

  // An edge list with its own column names, entities made from endpoints.
  kg::ReadOptions options;
  options.csv.source = "from";
  options.csv.target = "to";
  options.csv.relation_type = "kind";
  const auto edges = kg::read_csv_texts("", "from,to,kind\nx,y,knows\ny,z,\"multi\nline\"\n", options);
  REQUIRE_MESSAGE(edges.graph, all(edges));
  CHECK(edges.graph->entity_count() == 3);
  CHECK(edges.graph->relation_type_name(edges.graph->relation_type(1)) == "multi\nline");
}

// The reader names the read option by its field; only the command line
// words it as a flag (cli/fields.cpp), in its text and in validate's JSON.
TEST_CASE("CSV reader: a missing column names the option by its field, the command line by its flag") {
  const kg::ReadResult relations = kg::read_csv_texts("", "a,b\nx,y\n");
  REQUIRE(relations.problems.size() == 2);
  CHECK(relations.problems[0].message ==
        "no source column in the header (name it with source_column, or use the header source or :START_ID)");
  CHECK(relations.problems[0].field == "source_column");
  CHECK(relations.problems[1].field == "target_column");
  CHECK(relations.problems[1].worded_message(kg::cli::flag_for) ==
        "no target column in the header (name it with --target-column, or use the header target or :END_ID)");

  const std::string csv = kg::test::temp_dir() + "/people.csv";
  kg::test::write_file(csv, "name,age\nAda,36\n");
  const auto info = kg::test::run_kg("info " + csv + " --from csv");
  CHECK(info.exit_code == 3);
  CHECK(info.err == "kg: " + csv +
                        ":1:1: no id column in the header (name it with --id-column, or use the header id or id:ID)\n");
  const auto validate = kg::test::run_kg("validate " + csv + " --from csv --format json");
  CHECK(validate.exit_code == 1);
  CHECK(validate.out.find("\"message\":\"no id column in the header (name it with --id-column,") != std::string::npos);
}

TEST_CASE("CSV reader: problems located by line and column") {
  check_problem(kg::read_csv_texts("id,age:long\na,4x\n", ""), 2, 3, "expected an integer, found '4x'");
  check_problem(kg::read_csv_texts("id,name\na,A\nb\n", ""), 3, 1, "expected 2 fields");
  check_problem(kg::read_csv_texts("id,name\na,\"A\n", ""), 2, 3, "unterminated quoted field");
  check_problem(kg::read_csv_texts("", "a,b\nx,y\n"), 1, 1, "no source column");
  check_problem(kg::read_csv_texts("id\na\n", "source,target\na,b\n"), 2, 1, "b");
  // Blank and repeated header cells: never attributes without a name or
  // two values for one key.
  check_problem(kg::read_csv_texts("id,,x\na,1,2\n", ""), 1, 4, "empty header cell");
  check_problem(kg::read_csv_texts("id,x,x:long\na,1,2\n", ""), 1, 6, "column 'x' given twice (first as column 2)");
  CHECK(kg::read_csv_texts("id,:IGNORE,x\na,1,2\n", "").graph);
}

TEST_CASE("interchange readers: JSON kinds are told apart by content") {
  const std::string dir = kg::test::temp_dir();
  const std::pair<const char*, const char*> files[] = {
      {"kg.json", R"({"kg": 1, "entities": [], "relations": []})"},
      {"nl.json", R"({"directed": true, "multigraph": true, "graph": {"note": "relations"}, "nodes": [], "links": []})"},
  };
  kg::test::write_file(dir + "/cy.json", R"({"directed": true, "elements": {"nodes": [], "edges": []}})");
  CHECK(kg::choose_input_format(dir + "/cy.json", std::nullopt).name == "cytoscape");
  kg::test::write_file(dir + "/kg.json", files[0].second);
  kg::test::write_file(dir + "/nl.json", files[1].second);
  CHECK(kg::choose_input_format(dir + "/kg.json", std::nullopt).name == "kg-json");
  CHECK(kg::choose_input_format(dir + "/nl.json", std::nullopt).name == "node-link");
  CHECK(kg::choose_input_format(dir, std::nullopt).name == "csv");
}

TEST_CASE("Cytoscape reader: elements as an object or one array, edge ids not attributes, problems by path") {
  const auto result = kg::read_cytoscape_text(
      R"({"elements": [{"data": {"id": "a"}}, {"data": {"id": "b"}, "position": {"x": 1, "y": 2}},
                       {"group": "edges", "data": {"id": "e7", "source": "a", "target": "b", "interaction": "pp"}}]})",
      "t.cyjs");
  REQUIRE_MESSAGE(result.graph, all(result));
  CHECK(result.graph->relation_type_name(result.graph->relation_type(0)) == "pp");
  CHECK(result.graph->relation_attributes(0).empty());
  check_problem(kg::read_cytoscape_text("{\"elements\": {\"nodes\": [{\"data\": {\"id\": \"a\"}}],\n"
                                        "\"edges\": [{\"data\": {\"source\": \"a\", \"target\": \"c\"}}]}}",
                                        "t.cyjs"),
                2, 46, "unknown entity 'c'");
}

//   a --> b --> c      (and a --> b again: parallel)
TEST_CASE("edge list reader: two or three columns, comments, weights, problems located") {
  const auto result = kg::read_edgelist_text("# a comment\n\na b\nb\tc 2.5  # weighted\na b 7\nb a heavy\n", "t.edges");
  REQUIRE_MESSAGE(result.graph, all(result));
  const kg::Graph& g = *result.graph;
  REQUIRE(g.entity_count() == 3);
  CHECK(g.entity_key(0) == "a");
  CHECK(g.entity_key(2) == "c");
  REQUIRE(g.relation_count() == 4);
  CHECK(g.directed());
  CHECK(g.entity_key(g.source(1)) == "b");
  CHECK(g.entity_key(g.target(1)) == "c");
  CHECK(g.relation_attributes(0).empty());
  CHECK(g.relation_attributes(1)[0].value.as_real() == 2.5);
  CHECK(g.relation_attributes(2)[0].value.as_integer() == 7);
  CHECK(g.str(g.relation_attributes(3)[0].value.as_string()) == "heavy");
  check_problem(kg::read_edgelist_text("a b\na b c d\n", "t.edges"), 2, 7, "a fourth column");
  check_problem(kg::read_edgelist_text("a b\n  lonely\n", "t.edges"), 2, 3, "one column");
  check_problem(kg::read_edgelist_text("a b\nc \xff\n", "t.edges"), 2, 3, "invalid UTF-8");
  // Chosen by extension or by name, never by content.
  CHECK(kg::choose_input_format("x.edgelist", std::nullopt).name == "edgelist");
  CHECK(kg::choose_input_format("x.txt", std::string("edgelist")).name == "edgelist");
}

// One rule for repeated members in every reader: refused, both places named
// (kg JSON refuses them already; node-link kept the last, JSON Lines and
// Cytoscape the first).
TEST_CASE("interchange readers: a member given twice is refused with both locations") {
  check_problem(kg::read_node_link_text("{\"nodes\": [{\"id\": \"a\",\n  \"id\": \"b\"}], \"links\": []}", "t.json"), 2,
                3, "member 'id' given twice (first at 1:13)");
  check_problem(kg::read_cytoscape_text(R"({"elements": {"nodes": [{"data": {"id": "a", "name": "x", "name": "y"}}]}})",
                                        "t.cyjs"),
                1, 59, "member 'name' given twice (first at 1:46)");
  check_problem(kg::read_jsonl_text("{\"id\": \"a\"}\n{\"id\": \"b\", \"type\": \"x\", \"type\": \"y\"}\n", "t.jsonl"), 2, 26,
                "member 'type' given twice (first at 2:13)");
  // Members of the same name in different objects are fine.
  CHECK(kg::read_node_link_text(R"({"nodes": [{"id": "a"}, {"id": "b"}], "links": []})", "t.json").graph);
}

TEST_CASE("JSON Lines reader: a NUL byte is reported as such") {
  check_problem(kg::read_jsonl_text(std::string("{\"id\": \"a\0b\"}\n", 14), "t.jsonl"), 1, 10, "a NUL byte");
}

// Integers beyond 64 bits were silently inexact doubles (2^64+1 as an id
// became "18446744073709553000.0"): as attributes they are refused, located,
// in every JSON reader, as kg JSON refuses them (2^63 - 1 is the largest
// accepted); as ids they keep their exact text.
TEST_CASE("interchange readers: integers beyond 64 bits are refused with their place") {
  check_problem(kg::read_node_link_text("{\"nodes\": [{\"id\": 1, \"n\": 9223372036854775808}], \"links\": []}", "t.json"),
                1, 27, "integer out of range");
  check_problem(kg::read_jsonl_text("{\"id\": \"a\", \"attributes\": {\"n\": -9223372036854775809}}\n", "t.jsonl"), 1, 33,
                "integer out of range");
  const auto largest =
      kg::read_node_link_text("{\"nodes\": [{\"id\": 9223372036854775807}], \"links\": []}", "t.json");
  REQUIRE(largest.graph);
  CHECK(largest.graph->entity_key(0) == "9223372036854775807");
  CHECK(largest.graph->integer_ids());
  // Long digit runs inside strings are text, not numbers.
  CHECK(kg::read_node_link_text("{\"nodes\": [{\"id\": \"184467440737095516170\"}], \"links\": []}", "t.json").graph);
}

TEST_CASE("node-link and Cytoscape readers: an id beyond 64 bits keeps its exact text") {
  const auto node_link = kg::read_node_link_text(
      R"({"nodes": [{"id": 18446744073709551617}, {"id": -99999999999999999999}],
          "links": [{"source": 18446744073709551617, "target": -99999999999999999999}]})",
      "t.json");
  REQUIRE_MESSAGE(node_link.graph, all(node_link));
  REQUIRE(node_link.graph->entity_count() == 2);
  CHECK(node_link.graph->entity_key(0) == "18446744073709551617");
  CHECK(node_link.graph->entity_key(1) == "-99999999999999999999");
  REQUIRE(node_link.graph->relation_count() == 1);
  CHECK(node_link.graph->entity_key(node_link.graph->source(0)) == "18446744073709551617");
  CHECK_FALSE(node_link.graph->integer_ids());  // written back as strings: no tool holds them as integers
  const auto cytoscape = kg::read_cytoscape_text(
      R"({"elements": {"nodes": [{"data": {"id": "18446744073709551617", "value": 18446744073709551617}},
                                 {"data": {"id": "b"}}],
                       "edges": [{"data": {"source": "18446744073709551617", "target": "b"}}]}})",
      "t.cyjs");
  REQUIRE_MESSAGE(cytoscape.graph, all(cytoscape));
  CHECK(cytoscape.graph->entity_key(0) == "18446744073709551617");
  CHECK(cytoscape.graph->relation_count() == 1);
  // A number beyond 64 bits that is not an id stays refused, at its place.
  check_problem(kg::read_cytoscape_text(
                    R"({"elements": {"nodes": [{"data": {"id": "a", "n": 18446744073709551617}}], "edges": []}})",
                    "t.cyjs"),
                1, 51, "integer out of range");
}

// The same 16 MiB limit on strings as kg JSON, in every reader (node-link,
// JSON Lines and CSV applied none), located.
TEST_CASE("interchange readers: strings longer than 16 MiB are refused in every reader") {
  const std::string huge(kg::kMaxStringBytes + 1, 'x');
  check_problem(kg::read_node_link_text("{\"nodes\": [{\"id\": \"a\"}, {\"id\": \"b\", \"note\": \"" + huge +
                                            "\"}], \"links\": []}",
                                        "t.json"),
                1, 45, "a string longer than 16 MiB");
  check_problem(kg::read_jsonl_text("{\"id\": \"a\"}\n{\"id\": \"b\", \"name\": \"" + huge + "\"}\n", "t.jsonl"), 2, 21,
                "a string longer than 16 MiB");
  check_problem(kg::read_csv_texts("id,name\na," + huge + "\n", ""), 2, 3, "a field longer than 16 MiB");
  check_problem(kg::read_edgelist_text("a " + huge + "\n", "t.edges"), 1, 3, "a column longer than 16 MiB");
  // At the limit, accepted.
  const std::string largest(kg::kMaxStringBytes, 'x');
  CHECK(kg::read_jsonl_text("{\"id\": \"a\", \"name\": \"" + largest + "\"}\n", "t.jsonl").graph);
}

// An edge's "label" is its relation type when it has no "type" (Gephi,
// NetworkX users); --relation-type-column names another key instead.
TEST_CASE("GraphML reader: relation types from type, label, or the key named by the read option") {
  const std::string text =
      R"(<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><key id="l" for="edge" attr.name="label"/>)"
      R"(<key id="k" for="edge" attr.name="kind"/><key id="t" for="edge" attr.name="type"/>)"
      R"(<graph edgedefault="directed"><node id="a"/><node id="b"/>)"
      R"(<edge source="a" target="b"><data key="l">funded</data><data key="k">money</data></edge>)"
      R"(<edge source="a" target="b"><data key="l">x</data><data key="t">met</data></edge></graph></graphml>)";
  const auto plain = kg::read_graphml_text(text, "t.graphml");
  REQUIRE_MESSAGE(plain.graph, all(plain));
  CHECK(plain.graph->relation_type_name(plain.graph->relation_type(0)) == "funded");
  CHECK(plain.graph->relation_type_name(plain.graph->relation_type(1)) == "met");  // type wins over label
  kg::ReadOptions options;
  options.csv.relation_type = "kind";
  const auto chosen = kg::read_graphml_text(text, "t.graphml", options);
  REQUIRE_MESSAGE(chosen.graph, all(chosen));
  CHECK(chosen.graph->relation_type_name(chosen.graph->relation_type(0)) == "money");
  CHECK(chosen.graph->relation_type_name(chosen.graph->relation_type(1)) == "related");  // no kind: the default
  // "type" is then an ordinary attribute.
  CHECK(chosen.graph->str(chosen.graph->relation_attributes(1)[1].key) == "type");
}
