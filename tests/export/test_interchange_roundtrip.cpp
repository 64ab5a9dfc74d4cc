// Interchange round trips: kg -> format -> kg gives back the same graph for
// every format that can carry it, and NetworkX/igraph read what kg writes
// with the same entities, relations and attributes.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <sstream>
#include <tuple>

#include "export/csv.hpp"
#include "export/cytoscape.hpp"
#include "export/gexf.hpp"
#include "export/graphml.hpp"
#include "export/interchange.hpp"
#include "export/jsonl.hpp"
#include "export/kg_json_writer.hpp"
#include "export/node_link.hpp"
#include "ingest/csv.hpp"
#include "ingest/format.hpp"
#include "ingest/gexf.hpp"
#include "ingest/graphml.hpp"
#include "ingest/jsonl.hpp"
#include "ingest/kg_json.hpp"
#include "ingest/node_link.hpp"
#include "tests/support/support.hpp"

namespace {

using kg::Graph;

// Hostile on purpose: markup and quoting characters everywhere, non-ASCII
// text, a user attribute named like a kg field, parallel relations, dated
// and undated, evidence, declarations.
//
//   alice --funded(2015-12..2018)--> acme      (twice: parallel)
//   alice --met------------------>  bob        (undated, symmetric type)
const char* kHostile = R"({
  "kg": 1, "name": "Tricky <graph> & \"quotes\"", "description": "line one\nline two, with comma",
  "sources": [{"id": "s1", "title": "A <title>", "url": "https://x.org/?a=1&b=2", "date": "2024-03"},
              {"id": "s2"}],
  "entities": [
    {"id": "alice", "name": "Alice \"Al\" O'Neil, <CEO> & co", "type": "person", "aliases": ["Al", "A|l"],
     "attributes": {"age": 40, "height": 1.5, "active": true, "note": "naïve café\nsecond line", "name": "shadow",
                    "attribute:x": "prefixed", "empty": ""}},
    {"id": "acme", "name": "Acme Ünïcode 株式会社", "type": "company", "attributes": {"age": 12, "height": 2.5}},
    {"id": "bob", "type": "person"},
    {"id": "x-1 end", "name": "end", "type": "lab"}
  ],
  "relations": [
    {"source": "alice", "target": "acme", "type": "funded", "date": "2015-12", "until": "2018",
     "attributes": {"amount_usd": 1000000000, "share": 0.25, "tag": "a,b\"c"},
     "evidence": [{"source": "s1", "quote": "She said \"yes\" <b>, & left"}, {"source": "s2", "quote": "q2"}]},
    {"source": "alice", "target": "acme", "type": "funded", "date": "2016-02-29"},
    {"source": "alice", "target": "bob", "type": "met"},
    {"source": "bob", "target": "x-1 end", "type": "joined", "date": "2017", "attributes": {"amount_usd": 5}}
  ],
  "relation_types": {"met": {"symmetric": true}, "funded": {"polarity": "positive", "description": "gave money"}}
})";

std::string value_text(const Graph& g, const kg::Value& v) {
  return std::to_string(static_cast<int>(v.kind())) + ":" + kg::interchange::value_text(g, v);
}

std::map<std::string, std::string> attributes(const Graph& g, kg::Span<kg::Attribute> list) {
  std::map<std::string, std::string> out;
  for (const auto& a : list) out[std::string(g.str(a.key))] = value_text(g, a.value);
  return out;
}

struct Carries {
  bool sources = true;         // titles, urls and dates of sources
  bool declarations = true;    // relation_types
  bool graph_fields = true;    // name and graph attributes
  bool empty_attributes = true;
};

// Entities by id and relations in order, every field compared.
void check_same_graph(const Graph& a, const Graph& b, const Carries& carries = {}) {
  REQUIRE(a.entity_count() == b.entity_count());
  REQUIRE(a.relation_count() == b.relation_count());
  for (kg::EntityId e = 0; e < a.entity_count(); ++e) {
    CAPTURE(a.entity_key(e));
    const auto other = b.find_entity(a.entity_key(e));
    REQUIRE(other);
    CHECK(a.entity_name(e) == b.entity_name(*other));
    CHECK(a.entity_type_name(a.entity_type(e)) == b.entity_type_name(b.entity_type(*other)));
    std::vector<std::string_view> aliases_a, aliases_b;
    for (auto s : a.entity_aliases(e)) aliases_a.push_back(a.str(s));
    for (auto s : b.entity_aliases(*other)) aliases_b.push_back(b.str(s));
    CHECK(aliases_a == aliases_b);
    auto attributes_a = attributes(a, a.entity_attributes(e));
    if (!carries.empty_attributes) {
      for (auto it = attributes_a.begin(); it != attributes_a.end();) {
        it = it->second == "0:" ? attributes_a.erase(it) : std::next(it);
      }
    }
    CHECK(attributes_a == attributes(b, b.entity_attributes(*other)));
  }
  for (kg::RelationId r = 0; r < a.relation_count(); ++r) {
    CAPTURE(r);
    CHECK(a.entity_key(a.source(r)) == b.entity_key(b.source(r)));
    CHECK(a.entity_key(a.target(r)) == b.entity_key(b.target(r)));
    CHECK(a.relation_type_name(a.relation_type(r)) == b.relation_type_name(b.relation_type(r)));
    CHECK(a.date(r) == b.date(r));
    CHECK(a.until(r) == b.until(r));
    CHECK(attributes(a, a.relation_attributes(r)) == attributes(b, b.relation_attributes(r)));
    REQUIRE(a.evidence(r).size() == b.evidence(r).size());
    for (std::size_t i = 0; i < a.evidence(r).size(); ++i) {
      CHECK(a.str(a.sources()[a.evidence(r)[i].source].id) == b.str(b.sources()[b.evidence(r)[i].source].id));
      CHECK(a.str(a.evidence(r)[i].quote) == b.str(b.evidence(r)[i].quote));
    }
  }
  if (carries.sources) {
    REQUIRE(a.sources().size() == b.sources().size());
    for (std::size_t i = 0; i < a.sources().size(); ++i) {
      CHECK(a.str(a.sources()[i].id) == b.str(b.sources()[i].id));
      CHECK(a.str(a.sources()[i].title) == b.str(b.sources()[i].title));
      CHECK(a.str(a.sources()[i].url) == b.str(b.sources()[i].url));
      CHECK(a.sources()[i].date == b.sources()[i].date);
    }
  }
  if (carries.declarations) {
    for (kg::TypeId t = 0; t < a.relation_type_count(); ++t) {
      CAPTURE(a.relation_type_name(t));
      const auto other = b.find_relation_type(a.relation_type_name(t));
      REQUIRE(other);
      CHECK(a.relation_type_info(t).symmetric == b.relation_type_info(*other).symmetric);
      CHECK(a.relation_type_info(t).polarity == b.relation_type_info(*other).polarity);
      CHECK(a.str(a.relation_type_info(t).description) == b.str(b.relation_type_info(*other).description));
    }
  }
  if (carries.graph_fields) {
    CHECK(a.name() == b.name());
    CHECK(attributes(a, a.graph_attributes()) == attributes(b, b.graph_attributes()));
  }
}

Graph sample() {
  const auto result = kg::read_graph(kg::test::source_dir() + "/samples/openai.json");
  REQUIRE(result.graph);
  return *result.graph;
}

template <typename Write>
std::string written(const Graph& graph, Write&& write) {
  std::ostringstream out;
  write(kg::View(graph), out);
  return out.str();
}

Graph must_read(const kg::ReadResult& result) {
  std::string problems;
  for (const auto& p : result.problems) problems += p.to_string() + "\n";
  REQUIRE_MESSAGE(result.graph, problems);
  return *result.graph;
}

}  // namespace

TEST_CASE("interchange round trip: kg JSON, GraphML, node-link, Cytoscape and JSON Lines carry everything") {
  for (const Graph& original : {kg::test::graph_from_json(kHostile), sample()}) {
    SUBCASE("kg JSON") {
      check_same_graph(original, must_read(kg::read_kg_json_text(written(original, kg::write_kg_json), "t.json")));
    }
    SUBCASE("GraphML") {
      check_same_graph(original, must_read(kg::read_graphml_text(written(original, kg::write_graphml), "t.graphml")));
    }
    SUBCASE("node-link") {
      check_same_graph(original,
                       must_read(kg::read_node_link_text(written(original, kg::write_node_link), "t.json")));
    }
    SUBCASE("Cytoscape") {
      check_same_graph(original,
                       must_read(kg::read_cytoscape_text(written(original, kg::write_cytoscape), "t.cyjs")));
    }
    SUBCASE("JSON Lines") {
      check_same_graph(original, must_read(kg::read_jsonl_text(written(original, kg::write_jsonl), "t.jsonl")));
    }
  }
}

TEST_CASE("interchange round trip: CSV carries entities, relations, attributes and evidence") {
  // Neo4j's tables have no place for the graph's name, sources' titles or
  // relation type declarations, and an empty cell is no property.
  const Carries csv{false, false, false, false};
  for (const Graph& original : {kg::test::graph_from_json(kHostile), sample()}) {
    const kg::View view(original);
    std::ostringstream entities, relations;
    kg::write_entities_csv(view, entities);
    kg::write_relations_csv(view, relations);
    check_same_graph(original, must_read(kg::read_csv_texts(entities.str(), relations.str())), csv);
  }
  SUBCASE("through a directory, as kg export -o DIR writes it") {
    const Graph original = sample();
    const std::string dir = kg::test::temp_dir() + "/csv";
    kg::write_csv_directory(kg::View(original), dir);
    check_same_graph(original, must_read(kg::read_graph(dir)), csv);
  }
}

TEST_CASE("interchange writers: typed keys, escaping, unique edge ids") {
  const Graph g = kg::test::graph_from_json(kHostile);
  const std::string graphml = written(g, kg::write_graphml);
  CHECK(graphml.find(R"(attr.name="age" attr.type="long")") != std::string::npos);
  CHECK(graphml.find(R"(attr.name="height" attr.type="double")") != std::string::npos);
  CHECK(graphml.find(R"(attr.name="active" attr.type="boolean")") != std::string::npos);
  CHECK(graphml.find(R"(attr.name="attribute:name")") != std::string::npos);
  CHECK(graphml.find(R"(attr.name="attribute:attribute:x")") != std::string::npos);
  CHECK(graphml.find("Alice &quot;Al&quot; O&apos;Neil, &lt;CEO&gt; &amp; co") != std::string::npos);
  CHECK(graphml.find(R"(<edge id="e0")") != std::string::npos);
  CHECK(graphml.find(R"(<edge id="e1")") != std::string::npos);

  const std::string gexf = written(g, kg::write_gexf_1_2draft);
  CHECK(gexf.find(R"(mode="dynamic" timeformat="date")") != std::string::npos);
  // 2015-12 .. 2018 lives from its first day to the last day of its until.
  CHECK(gexf.find(R"(start="2015-12-01" end="2018-12-31")") != std::string::npos);
  CHECK(gexf.find(R"(start="2016-02-29")") != std::string::npos);

  const std::string node_link = written(g, kg::write_node_link);
  CHECK(node_link.rfind(R"({"directed":true,"multigraph":true,"graph":{"name":)", 0) == 0);
  // Parallel relations get keys 0 and 1, as NetworkX numbers them.
  CHECK(node_link.find(R"("source":"alice","target":"acme","key":0})") != std::string::npos);
  CHECK(node_link.find(R"("source":"alice","target":"acme","key":1})") != std::string::npos);

  const std::string cytoscape = written(g, kg::write_cytoscape);
  // "value" is what nx.cytoscape_graph keys nodes by; "key" keeps parallel
  // relations apart in its multigraph.
  CHECK(cytoscape.find(R"("elements":{"nodes":[{"data":{"id":"alice","value":"alice","name":)") != std::string::npos);
  CHECK(cytoscape.find(R"({"data":{"id":"e1","source":"alice","target":"acme","key":1,"type":"funded")") !=
        std::string::npos);

  std::ostringstream entities, relations;
  kg::write_entities_csv(kg::View(g), entities);
  kg::write_relations_csv(kg::View(g), relations);
  CHECK(entities.str().rfind("id:ID,name,:LABEL,aliases:string[],age:long,height:double,active:boolean,", 0) == 0);
  CHECK(entities.str().find(R"(alice,"Alice ""Al"" O'Neil, <CEO> & co",person,Al;A|l,40,1.5,true,)") !=
        std::string::npos);
  CHECK(relations.str().rfind(":START_ID,:END_ID,:TYPE,date,until,evidence,amount_usd:long,share:double,tag:string\n",
                              0) == 0);
}

TEST_CASE("interchange: NetworkX reads kg's GraphML, GEXF and node-link with every entity, relation and attribute") {
  const Graph g = kg::test::graph_from_json(kHostile);
  const std::string dir = kg::test::temp_dir();
  const std::pair<const char*, void (*)(const kg::View&, std::ostream&)> formats[] = {
      {"graphml", kg::write_graphml}, {"gexf", kg::write_gexf_1_2draft}, {"node-link", kg::write_node_link}};
  for (const auto& [format, write] : formats) {
    CAPTURE(format);
    const std::string path = dir + "/g." + format;
    kg::test::write_file(path, written(g, write));
    const auto nx = kg::test::run_oracle("networkx_interchange.py", std::string("read ") + format + " " + path);
    CHECK(nx["directed"].GetBool());
    CHECK(nx["multigraph"].GetBool());
    REQUIRE(nx["nodes"].MemberCount() == g.entity_count());
    REQUIRE(nx["edges"].Size() == g.relation_count());
    const bool gexf = std::string(format) == "gexf";
    for (kg::EntityId e = 0; e < g.entity_count(); ++e) {
      const std::string id(g.entity_key(e));
      CAPTURE(id);
      REQUIRE(nx["nodes"].HasMember(id.c_str()));
      const auto& node = nx["nodes"][id.c_str()];
      CHECK(std::string(node[gexf ? "label" : "name"].GetString()) == g.entity_name(e));
      CHECK(std::string(node["type"].GetString()) == g.entity_type_name(g.entity_type(e)));
      for (const auto& a : g.entity_attributes(e)) {
        const std::string key = kg::interchange::exported_attribute_name(g.str(a.key));
        CAPTURE(key);
        // NetworkX's GraphML reader drops empty <data> (documented in
        // docs/INTERCHANGE.md).
        if (a.value.kind() == kg::Value::Kind::String && g.str(a.value.as_string()).empty()) continue;
        REQUIRE(node.HasMember(key.c_str()));
        const auto& v = node[key.c_str()];
        switch (a.value.kind()) {
          case kg::Value::Kind::Integer: CHECK(v.GetInt64() == a.value.as_integer()); break;
          case kg::Value::Kind::Real: CHECK(v.GetDouble() == a.value.as_real()); break;
          case kg::Value::Kind::Boolean: CHECK(v.GetBool() == a.value.as_boolean()); break;
          default: CHECK(std::string(v.GetString()) == g.str(a.value.as_string())); break;
        }
      }
    }
    // Edges come back in file order (NetworkX groups them by source node,
    // which here is the same order).
    for (kg::RelationId r = 0; r < g.relation_count(); ++r) {
      const auto& edge = nx["edges"][r];
      CHECK(std::string(edge[0].GetString()) == g.entity_key(g.source(r)));
      CHECK(std::string(edge[1].GetString()) == g.entity_key(g.target(r)));
      CHECK(std::string(edge[2]["type"].GetString()) == g.relation_type_name(g.relation_type(r)));
      if (!g.date(r).empty()) CHECK(std::string(edge[2]["date"].GetString()) == g.date(r).to_string());
      for (const auto& a : g.relation_attributes(r)) {
        const std::string key(g.str(a.key));
        REQUIRE(edge[2].HasMember(key.c_str()));
        if (a.value.kind() == kg::Value::Kind::Integer) CHECK(edge[2][key.c_str()].GetInt64() == a.value.as_integer());
      }
    }
  }
}

TEST_CASE("interchange: igraph reads kg's GraphML") {
  const Graph g = sample();
  const std::string path = kg::test::temp_dir() + "/sample.graphml";
  kg::test::write_file(path, written(g, kg::write_graphml));
  const auto ig = kg::test::run_oracle("networkx_interchange.py", "igraph " + path);
  CHECK(ig["vertices"].GetUint64() == g.entity_count());
  CHECK(ig["edges"].GetUint64() == g.relation_count());
  CHECK(ig["directed"].GetBool());
  std::vector<std::string> vertex_attributes;
  for (const auto& a : ig["vertex_attributes"].GetArray()) vertex_attributes.emplace_back(a.GetString());
  for (const char* expected : {"name", "type", "aliases", "role"}) {
    CHECK(std::find(vertex_attributes.begin(), vertex_attributes.end(), expected) != vertex_attributes.end());
  }
  for (kg::RelationId r = 0; r < g.relation_count(); ++r) {
    CHECK(std::string(ig["edge_list"][r][0].GetString()) == g.entity_key(g.source(r)));
    CHECK(std::string(ig["edge_list"][r][1].GetString()) == g.entity_key(g.target(r)));
  }
}

TEST_CASE("interchange: NetworkX's GraphML and node-link of its shipped graphs read into kg with the same counts") {
  const std::string dir = kg::test::temp_dir();
  const auto nx = kg::test::run_oracle("networkx_interchange.py", "write " + dir);
  for (const auto& member : nx.GetObject()) {
    const std::string name = member.name.GetString();
    CAPTURE(name);
    for (const char* extension : {".graphml", ".json"}) {
      CAPTURE(extension);
      const Graph g = must_read(kg::read_graph(dir + "/" + name + extension));
      CHECK(g.entity_count() == member.value["nodes"].GetUint64());
      CHECK(g.relation_count() == member.value["edges"].GetUint64());
      // Undirected graphs stay undirected.
      REQUIRE(g.relation_type_count() == 1);
      CHECK(g.relation_type_name(0) == "related");
      CHECK_FALSE(g.directed());
      for (const auto& attribute : member.value["node_attributes"].GetArray()) {
        bool found = false;
        for (const auto& a : g.entity_attributes(0)) found = found || g.str(a.key) == attribute.GetString();
        CHECK_MESSAGE(found, attribute.GetString());
      }
    }
  }
}

TEST_CASE("interchange: what typed columns and Neo4j arrays lose, as documented") {
  // An attribute holding integers and reals is a real column in GraphML and
  // CSV; Neo4j's array delimiter splits an alias holding ';'.
  const Graph g = kg::test::graph_from_json(R"({"entities": [
    {"id": "a", "aliases": ["x;y"], "attributes": {"n": 1}}, {"id": "b", "attributes": {"n": 2.5}}], "relations": []})");
  const Graph back = must_read(kg::read_graphml_text(written(g, kg::write_graphml), "t.graphml"));
  REQUIRE(back.entity_attributes(0).size() == 1);
  CHECK(back.entity_attributes(0)[0].value.kind() == kg::Value::Kind::Real);
  CHECK(back.entity_attributes(0)[0].value.as_real() == 1.0);
  std::ostringstream entities;
  kg::write_entities_csv(kg::View(g), entities);
  const Graph from_csv = must_read(kg::read_csv_texts(entities.str(), ""));
  CHECK(from_csv.entity_aliases(0).size() == 2);
}

// NetworkX -> kg -> NetworkX with the calls users type on both sides: the
// graph read back is what NetworkX reads from its own file (same
// is_directed(), node ids of the same Python type, same betweenness; the
// karate club's node 0 scores 0.4376).
TEST_CASE("interchange: NetworkX graphs come back from kg with their direction, ids and betweenness") {
  const std::string dir = kg::test::temp_dir();
  const auto originals = kg::test::run_oracle("networkx_interchange.py", "sources " + dir);
  CHECK(originals["karate"]["betweenness"]["0"].GetDouble() == doctest::Approx(0.4376).epsilon(1e-4));
  CHECK_FALSE(originals["karate"]["directed"].GetBool());
  CHECK(originals["directed"]["directed"].GetBool());
  const std::pair<const char*, const char*> formats[] = {
      {"graphml", "graphml"}, {"json", "node-link"}, {"cyjs", "cytoscape"}, {"gexf", "gexf"}};
  for (const char* name : {"karate", "directed", "multi"}) {
    for (const auto& [extension, format] : formats) {
      if (std::string(name) == "multi" && std::string(format) != "gexf") continue;  // written as GEXF only
      CAPTURE(name);
      CAPTURE(format);
      const std::string source = dir + "/" + name + "." + extension;
      const std::string copy = dir + "/" + name + "-kg." + extension;
      const auto converted = kg::test::run_kg("convert " + source + " " + copy + " --to " + format);
      REQUIRE_MESSAGE(converted.exit_code == 0, converted.err);
      const auto expected = kg::test::run_oracle("networkx_interchange.py", std::string("summary ") + format + " " + source);
      const auto actual = kg::test::run_oracle("networkx_interchange.py", std::string("summary ") + format + " " + copy);
      CHECK(actual["directed"] == originals[name]["directed"]);
      CHECK(actual["ids"] == expected["ids"]);
      for (const auto& member : expected["betweenness"].GetObject()) {
        CAPTURE(member.name.GetString());
        REQUIRE(actual["betweenness"].HasMember(member.name));
        CHECK(actual["betweenness"][member.name].GetDouble() == doctest::Approx(member.value.GetDouble()));
      }
    }
  }
  // Node-link and Cytoscape keep NetworkX's integer ids as integers.
  const auto node_link = kg::test::run_oracle("networkx_interchange.py", "summary node-link " + dir + "/karate-kg.json");
  CHECK(std::string(node_link["ids"]["0"].GetString()) == "int");
  // The dated multigraph keeps its parallel edges, start and end
  // (networkx_interchange.py's sources).
  const auto multi = kg::read_gexf_file(dir + "/multi.gexf");
  REQUIRE(multi.graph);
  REQUIRE(multi.graph->relation_count() == 4);
  CHECK(multi.graph->directed());
  CHECK(multi.graph->date(0).to_string() == "2001-02-03");
  CHECK(multi.graph->until(0).to_string() == "2003-04-05");
  CHECK(multi.graph->date(1).to_string() == "2005-06-07");
  CHECK(multi.graph->date(2).empty());
  CHECK(multi.graph->date(3).to_string() == "2010-01-01");
}

// graph-tool's own GraphML (g.save): vector_* keys and inf values load; the
// vector is kept as its text with one warning; kg's GraphML of it loads in
// graph_tool.load_graph(..., fmt="graphml") with the infinity intact.
TEST_CASE("interchange: graph-tool's GraphML loads, and graph-tool loads kg's") {
  const std::string dir = kg::test::temp_dir();
  const std::string original = dir + "/gt.graphml";
  const auto wrote = kg::test::run("/usr/bin/python3 " + kg::test::source_dir() +
                                   "/tests/oracle/graph_tool_interchange.py write " + original);
  REQUIRE_MESSAGE(wrote.exit_code == 0, wrote.err);
  const auto converted = kg::test::run_kg("convert " + original + " " + dir + "/kg.graphml");
  REQUIRE_MESSAGE(converted.exit_code == 0, converted.err);
  // One warning, naming the key and its type.
  CHECK(converted.err.find("warning: ") != std::string::npos);
  CHECK(converted.err.find("'pos' (vector_float)") != std::string::npos);
  CHECK(converted.err.find("warning: ", converted.err.find("warning: ") + 1) == std::string::npos);
  const Graph g = must_read(kg::read_graph(original));
  CHECK_FALSE(g.directed());
  REQUIRE(g.entity_count() == 3);
  CHECK(g.entity_name(0) == "a");
  CHECK(g.str(g.entity_attributes(0)[0].value.as_string()) == "1.5, 2");
  CHECK(std::isinf(g.relation_attributes(0)[0].value.as_real()));
  CHECK(g.relation_attributes(1)[0].value.as_real() == 0.1);

  const auto gt = kg::test::run_oracle("graph_tool_interchange.py", "read " + dir + "/kg.graphml");
  CHECK_FALSE(gt["directed"].GetBool());
  CHECK(gt["vertices"].GetInt() == 3);
  CHECK(gt["edges"].GetInt() == 2);
  CHECK(std::string(gt["vertex_properties"]["name"][1].GetString()) == "b");
  CHECK(std::string(gt["edge_properties"]["weight"][0].GetString()) == "inf");
  CHECK(gt["edge_properties"]["weight"][1].GetDouble() == 0.1);
}

// XML Schema's INF, -INF and NaN are doubles; JSON has none, so JSON
// writers carry them as that text.
TEST_CASE("interchange: GraphML doubles INF, -INF and NaN are read, and written back") {
  const auto result = kg::read_graphml_text(
      R"(<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><key id="w" for="node" attr.name="w" attr.type="double"/>)"
      R"(<graph edgedefault="directed"><node id="a"><data key="w">INF</data></node><node id="b"><data key="w">-INF</data></node>)"
      R"(<node id="c"><data key="w">NaN</data></node></graph></graphml>)",
      "t.graphml");
  REQUIRE(result.graph);
  const Graph& g = *result.graph;
  CHECK(g.entity_attributes(0)[0].value.as_real() == std::numeric_limits<double>::infinity());
  CHECK(g.entity_attributes(1)[0].value.as_real() == -std::numeric_limits<double>::infinity());
  CHECK(std::isnan(g.entity_attributes(2)[0].value.as_real()));
  const std::string graphml = written(g, kg::write_graphml);
  CHECK(graphml.find(">INF</data>") != std::string::npos);
  CHECK(graphml.find(">-INF</data>") != std::string::npos);
  CHECK(graphml.find(">NaN</data>") != std::string::npos);
  const std::string node_link = written(g, kg::write_node_link);
  CHECK(node_link.find(R"("w":"-INF")") != std::string::npos);
  const Graph again = must_read(kg::read_node_link_text(node_link, "t.json"));  // valid JSON, read back
  CHECK(again.entity_count() == 3);
}

// The XML declaration's encoding is honoured (Expat converts to UTF-8).
TEST_CASE("interchange: GraphML declared ISO-8859-1 is read in that encoding") {
  const std::string latin1 = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n"
                             "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">"
                             "<key id=\"n\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>"
                             "<graph edgedefault=\"directed\"><node id=\"z\"><data key=\"n\">Z\xfcrich caf\xe9</data></node>"
                             "</graph></graphml>";
  const Graph g = must_read(kg::read_graphml_text(latin1, "t.graphml"));
  CHECK(g.entity_name(0) == "Z\xc3\xbcrich caf\xc3\xa9");
  // Undeclared, the same bytes are not UTF-8: refused, located.
  const auto undeclared = kg::read_graphml_text(latin1.substr(latin1.find('\n') + 1), "t.graphml");
  CHECK_FALSE(undeclared.graph);
  REQUIRE_FALSE(undeclared.problems.empty());
  CHECK(undeclared.problems[0].message.find("invalid XML") != std::string::npos);
}

// igraph's GraphML (g.write_graphml): vertices named through the "name"
// attribute, direction kept.
//   alice --2.5--> bob --1.0--> carol
TEST_CASE("interchange: igraph's GraphML reads with its vertex names and direction") {
  const std::string path = kg::test::temp_dir() + "/igraph.graphml";
  kg::test::run_oracle("networkx_interchange.py", "igraph-write " + path);
  const Graph g = must_read(kg::read_graph(path));
  CHECK(g.directed());
  REQUIRE(g.entity_count() == 3);
  CHECK(g.entity_name(0) == "alice");
  CHECK(g.entity_name(2) == "carol");
  REQUIRE(g.relation_count() == 2);
  CHECK(g.entity_name(g.source(1)) == "bob");
  CHECK(g.entity_name(g.target(1)) == "carol");
  CHECK(g.relation_attributes(0)[0].value.as_real() == 2.5);
}
