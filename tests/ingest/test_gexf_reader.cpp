// The GEXF reader: Gephi's and NetworkX's files become the graph they
// describe (direction, labels, typed attvalues, spells), kg's own GEXF
// reads back whole, and every problem has its file:line:column.
#include <doctest/doctest.h>

#include <sstream>
#include <string>

#include "export/gexf.hpp"
#include "graph/view.hpp"
#include "ingest/gexf.hpp"
#include "ingest/kg_json.hpp"
#include "tests/support/support.hpp"

namespace {

std::string all(const kg::ReadResult& result) {
  std::string text;
  for (const auto& p : result.problems) text += p.to_string() + "\n";
  return text;
}

void check_problem(const kg::ReadResult& result, std::size_t line, std::size_t column, const std::string& words) {
  CHECK_FALSE(result.graph);
  REQUIRE_MESSAGE(!result.problems.empty(), "no problem reported");
  const auto& p = result.problems.front();
  CHECK_MESSAGE(p.line == line, all(result));
  CHECK_MESSAGE(p.column == column, all(result));
  CHECK_MESSAGE(p.message.find(words) != std::string::npos, all(result));
}

// A Gephi-style file: viz markup, a liststring, a mutual edge, spells.
//   (a) --cites--> (b)       spells 2001..2003 and 2010..2012 (first kept)
//   (a) --knows--  (c)       mutual: walked both ways
const char* kGephi = R"(<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">
  <meta lastmodifieddate="2024-01-01"><creator>Gephi 0.10</creator><title>papers</title></meta>
  <graph defaultedgetype="directed" mode="dynamic" timeformat="date">
    <attributes class="node">
      <attribute id="0" title="year" type="integer"><default>1999</default></attribute>
      <attribute id="1" title="tags" type="liststring"/>
      <attribute id="2" title="type" type="string"/>
    </attributes>
    <attributes class="edge">
      <attribute id="w2" title="strong" type="boolean"/>
    </attributes>
    <nodes>
      <node id="a" label="Alice"><attvalues><attvalue for="0" value="2001"/><attvalue for="1" value="[x, y]"/>
        <attvalue for="2" value="person"/></attvalues><viz:color r="1" g="2" b="3"/><viz:size value="4"/></node>
      <node id="b" label="Bob"/>
      <node id="c" label="Carol"/>
    </nodes>
    <edges>
      <edge id="0" source="a" target="b" label="cites" weight="2.5"><attvalues><attvalue for="w2" value="true"/></attvalues>
        <spells><spell start="2001-02-03" end="2003"/><spell start="2010" end="2012"/></spells></edge>
      <edge id="1" source="a" target="c" type="mutual" label="knows"/>
    </edges>
  </graph>
</gexf>
)";

}  // namespace

TEST_CASE("GEXF reader: a Gephi file with attvalues, viz, liststring, mutual edges and spells") {
  const auto result = kg::read_gexf_text(kGephi, "g.gexf");
  REQUIRE_MESSAGE(result.graph, all(result));
  const kg::Graph& g = *result.graph;
  CHECK(g.name() == "papers");
  CHECK(g.directed());
  REQUIRE(g.entity_count() == 3);
  const kg::EntityId a = *g.find_entity("a"), b = *g.find_entity("b");
  CHECK(g.entity_name(a) == "Alice");
  CHECK(g.entity_type_name(g.entity_type(a)) == "person");
  REQUIRE(g.entity_attributes(a).size() == 2);
  CHECK(g.entity_attributes(a)[0].value.as_integer() == 2001);
  CHECK(g.str(g.entity_attributes(a)[1].value.as_string()) == "[x, y]");  // liststring: its text
  REQUIRE(g.entity_attributes(b).size() == 1);
  CHECK(g.entity_attributes(b)[0].value.as_integer() == 1999);  // the default
  REQUIRE(g.relation_count() == 2);
  CHECK(g.relation_type_name(g.relation_type(0)) == "cites");
  CHECK(g.date(0).to_string() == "2001-02-03");  // the first spell
  CHECK(g.until(0).to_string() == "2003");
  REQUIRE(g.relation_attributes(0).size() == 2);
  CHECK(g.relation_attributes(0)[0].value.as_real() == 2.5);
  CHECK(g.relation_attributes(0)[1].value.as_boolean());
  CHECK_FALSE(g.both_ways(g.relation_type(0)));
  CHECK(g.both_ways(g.relation_type(1)));  // mutual
  // One warning naming both: the liststring and the spells beyond the first.
  REQUIRE(result.warnings.size() == 1);
  CHECK(result.warnings[0].line == 7);
  CHECK(result.warnings[0].message.find("'tags' (liststring)") != std::string::npos);
  CHECK(result.warnings[0].message.find("several spells") != std::string::npos);
}

TEST_CASE("GEXF reader: defaultedgetype and edge types, 1.1draft and 1.2draft namespaces") {
  const auto read = [](const std::string& space, const std::string& graph, const std::string& edges) {
    const auto result = kg::read_gexf_text("<gexf xmlns=\"" + space + "\"><graph " + graph +
                                               "><nodes><node id=\"1\" label=\"one\"/><node id=\"2\"/></nodes><edges>" +
                                               edges + "</edges></graph></gexf>",
                                           "t.gexf");
    REQUIRE_MESSAGE(result.graph, all(result));
    return *result.graph;
  };
  const std::string plain = R"(<edge source="1" target="2"/>)";
  CHECK_FALSE(read("http://www.gexf.net/1.2draft", "", plain).directed());  // GEXF's default
  CHECK_FALSE(read("http://www.gexf.net/1.1draft", "defaultedgetype=\"undirected\"", plain).directed());
  CHECK(read("http://gexf.net/1.3", "defaultedgetype=\"directed\"", plain).directed());
  CHECK(read("http://gexf.net/1.3", "defaultedgetype=\"directed\"", "").directed());
  const kg::Graph mixed = read("http://gexf.net/1.3", "", plain + R"(<edge source="2" target="1" type="directed" label="x"/>)");
  CHECK(mixed.directed());
  CHECK(mixed.both_ways(*mixed.find_relation_type("related")));
  CHECK_FALSE(mixed.both_ways(*mixed.find_relation_type("x")));
  const kg::Graph g = read("http://gexf.net/1.3", "", plain);
  CHECK(g.entity_name(*g.find_entity("1")) == "one");
  CHECK(g.entity_name(*g.find_entity("2")) == "2");  // no label: named by its id
}

TEST_CASE("GEXF reader: the relation type attribute can be named, as for GraphML") {
  const std::string text = R"(<gexf xmlns="http://gexf.net/1.3"><graph><attributes class="edge">
<attribute id="k" title="kind" type="string"/></attributes><nodes><node id="a"/></nodes>
<edges><edge source="a" target="a" label="L"><attvalues><attvalue for="k" value="K"/></attvalues></edge></edges></graph></gexf>)";
  const auto plain = kg::read_gexf_text(text, "t.gexf");
  REQUIRE_MESSAGE(plain.graph, all(plain));
  CHECK(plain.graph->relation_type_name(plain.graph->relation_type(0)) == "L");
  kg::ReadOptions options;
  options.csv.relation_type = "kind";
  const auto named = kg::read_gexf_text(text, "t.gexf", options);
  REQUIRE_MESSAGE(named.graph, all(named));
  CHECK(named.graph->relation_type_name(named.graph->relation_type(0)) == "K");
}

TEST_CASE("GEXF reader: kg's own GEXF, 1.2draft and 1.3, reads back whole") {
  const auto original = kg::read_kg_json_file(std::string(KG_SOURCE_DIR) + "/samples/openai.json");
  REQUIRE(original.graph);
  const kg::Graph& g = *original.graph;
  const kg::View view(g);
  for (const auto version : {kg::GexfVersion::V1_2draft, kg::GexfVersion::V1_3}) {
    std::ostringstream out;
    kg::write_gexf(view, out, version);
    const auto back = kg::read_gexf_text(out.str(), "back.gexf");
    REQUIRE_MESSAGE(back.graph, all(back));
    const kg::Graph& h = *back.graph;
    CHECK(h.directed() == g.directed());
    REQUIRE(h.entity_count() == g.entity_count());
    REQUIRE(h.relation_count() == g.relation_count());
    for (kg::EntityId e = 0; e < g.entity_count(); ++e) {
      CHECK(h.entity_key(e) == g.entity_key(e));
      CHECK(h.entity_name(e) == g.entity_name(e));
      CHECK(h.entity_type_name(h.entity_type(e)) == g.entity_type_name(g.entity_type(e)));
      CHECK(h.entity_aliases(e).size() == g.entity_aliases(e).size());
    }
    for (kg::RelationId r = 0; r < g.relation_count(); ++r) {
      CHECK(h.entity_key(h.source(r)) == g.entity_key(g.source(r)));
      CHECK(h.entity_key(h.target(r)) == g.entity_key(g.target(r)));
      CHECK(h.relation_type_name(h.relation_type(r)) == g.relation_type_name(g.relation_type(r)));
      CHECK(h.date(r).to_string() == g.date(r).to_string());
      CHECK(h.until(r).to_string() == g.until(r).to_string());
      REQUIRE(h.evidence(r).size() == g.evidence(r).size());
      for (std::size_t i = 0; i < g.evidence(r).size(); ++i) {  // sources by id only: GEXF has no sources
        CHECK(h.str(h.sources()[h.evidence(r)[i].source].id) == g.str(g.sources()[g.evidence(r)[i].source].id));
        CHECK(h.str(h.evidence(r)[i].quote) == g.str(g.evidence(r)[i].quote));
      }
    }
  }
}

TEST_CASE("GEXF reader: problems are located") {
  const std::string head = "<gexf xmlns=\"http://gexf.net/1.3\">\n<graph>\n<attributes class=\"edge\">"
                           "<attribute id=\"n\" title=\"n\" type=\"long\"/></attributes>\n<nodes><node id=\"a\"/></nodes>\n";
  const auto edges = [&](const std::string& body) {
    return kg::read_gexf_text(head + "<edges>\n" + body + "\n</edges></graph></gexf>\n", "t.gexf");
  };
  check_problem(edges(R"(<edge source="a" target="zz"/>)"), 6, 1, "zz");
  check_problem(edges(R"(<edge source="a" target="a"><attvalues><attvalue for="n" value="99999999999999999999"/></attvalues></edge>)"),
                6, 40, "expected an integer");
  check_problem(edges(R"(<edge source="a" target="a"><attvalues><attvalue for="n" value="1"/><attvalue for="n" value="2"/></attvalues></edge>)"),
                6, 69, "second value for attribute 'n'");
  check_problem(edges(R"(<edge source="a" target="a"><attvalues><attvalue for="q" value="1"/></attvalues></edge>)"), 6, 40,
                "undeclared edge attribute 'q'");
  check_problem(edges(R"(<edge source="a" target="a" start="soon"/>)"), 6, 1, "invalid start 'soon'");
  check_problem(edges(R"(<edge source="a" target="a" weight="heavy"/>)"), 6, 1, "weight: expected a number");
  check_problem(edges(R"(<edge source="a" target="a" type="sideways"/>)"), 6, 1, "type 'sideways'");
  check_problem(edges(R"(<edge source="a" target="a"><nodes/></edge>)"), 6, 29, "<nodes> is not allowed here");
  // An <attvalue> straight inside an <edge>, naming a node attribute (found
  // by fuzzing: the edge read it as one of its own columns and crashed).
  check_problem(kg::read_gexf_text("<gexf xmlns=\"http://gexf.net/1.3\">\n<graph>\n<attributes class=\"node\">"
                                   "<attribute id=\"k\" title=\"k\" type=\"long\"/></attributes>\n"
                                   "<nodes><node id=\"a\"/></nodes>\n<edges>\n"
                                   "<edge source=\"a\" target=\"a\"><attvalue for=\"k\" value=\"1\"/></edge>\n"
                                   "</edges></graph></gexf>\n",
                                   "t.gexf"),
                6, 29, "<attvalue> is not allowed here");
  check_problem(kg::read_gexf_text("<gexf>\n<graph>\n<nodes>\n</gexf>\n", "t.gexf"), 4, 3,
                "invalid XML: mismatched tag");
  check_problem(kg::read_gexf_text("<?xml version=\"1.0\"?>\n<!DOCTYPE g [<!ENTITY a \"aaaa\">]>\n<gexf/>", "t.gexf"), 2,
                25, "entity declarations are not supported");
  check_problem(kg::read_gexf_text("<gexf xmlns=\"http://gexf.net/1.3\"/>", "t.gexf"), 1, 1, "no <graph> element");
  check_problem(kg::read_gexf_text("<gexf><graph><nodes><node id=\"a\"><nodes/></node></nodes></graph></gexf>", "t.gexf"),
                1, 34, "nested nodes are not supported");
}
