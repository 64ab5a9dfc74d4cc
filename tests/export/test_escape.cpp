// Safe DOT: every string from the graph reaches Graphviz intact. Hostile
// names, ids, types, attributes and evidence go through write_dot, and
// Graphviz's own parser (agmemread) and SVG renderer read them back.
#include <cgraph.h>
#include <doctest/doctest.h>

#include <memory>

#include "export/dot.hpp"
#include "export/escape.hpp"
#include "export/render.hpp"
#include "tests/support/support.hpp"

namespace kg {
namespace {

// An HTML-like label as kg writes it, back to plain text: tags dropped
// (<BR/> is a newline), entities decoded, \\ made one backslash.
std::string decode_html_label(const std::string& label) {
  std::string text;
  for (std::size_t i = 0; i < label.size(); ++i) {
    if (label[i] == '<') {
      const std::size_t end = label.find('>', i);
      if (label.compare(i, 3, "<BR") == 0) text += '\n';
      i = end;
    } else if (label[i] == '&') {
      const std::size_t end = label.find(';', i);
      const std::string entity = label.substr(i, end - i + 1);
      text += entity == "&amp;" ? "&" : entity == "&lt;" ? "<" : entity == "&gt;" ? ">" : entity == "&quot;" ? "\"" : "'";
      REQUIRE_MESSAGE((entity == "&amp;" || entity == "&lt;" || entity == "&gt;" || entity == "&quot;" || entity == "&#39;"), entity);
      i = end;
    } else if (label[i] == '\\') {
      REQUIRE_MESSAGE(label[i + 1] == '\\', "a lone backslash would be a Graphviz escape: " << label);
      text += '\\';
      ++i;
    } else {
      text += label[i];
    }
  }
  return text;
}

// A tooltip value as kg writes it, back to plain text.
std::string decode_tooltip(const std::string& value) {
  std::string text;
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (value.compare(i, 4, "\\\\\\\\") == 0) {
      text += '\\';
      i += 3;
    } else if (value.compare(i, 2, "\\n") == 0) {
      text += '\n';
      ++i;
    } else if (value.compare(i, 5, "&amp;") == 0) {
      text += '&';
      i += 4;
    } else {
      REQUIRE_MESSAGE(value[i] != '\\', "a lone backslash would be a Graphviz escape: " << value);
      text += value[i];
    }
  }
  return text;
}

// Six entities whose ids, names, types, attributes and evidence try to
// break DOT, HTML labels, Graphviz escapes and SVG.
const char* const kHostile = R"({
  "kg": 1, "name": "hostile \"graph\" <i>\\G</i>",
  "sources": [{"id": "s", "title": "T & \"t\" <t>", "url": "http://x.test/?a=1&b=\"2\"<s>' \\ é"}],
  "entities": [
    {"id": "a\"b", "name": "Say \"hi\" & <b>bold</b>", "type": "person",
     "attributes": {"note\"": "x\"];evil=1;[\"", "n": 1.5}},
    {"id": "back\\slash", "name": "ends with backslash\\", "type": "co\"mpany"},
    {"id": "#1", "name": "\\N \\G \\E \\T \\H \\L \\n \\l \\\\ \\", "type": "<lab>"},
    {"id": "evil\";x=1;\"", "name": "line one\nline two\r\nline three", "type": "person"},
    {"id": "中文", "name": "中文 Ελληνικά 🙂 Y Combinator’s", "type": "lab"},
    {"id": "-> --", "name": "]; node [shape=box] -- }", "type": "lab", "aliases": ["\\\"alias"]}
  ],
  "relations": [
    {"source": "a\"b", "target": "#1", "type": "fun\"ded", "date": "2016",
     "evidence": [{"source": "s", "quote": "q \\N \"q\" <q> & \\\\"}]},
    {"source": "back\\slash", "target": "中文", "type": "<script>", "date": "2017-03", "until": "2018"},
    {"source": "evil\";x=1;\"", "target": "-> --", "type": "fun\"ded"},
    {"source": "-> --", "target": "a\"b", "type": "rivals"},
    {"source": "中文", "target": "-> --", "type": "rivals"}
  ],
  "relation_types": {"rivals": {"symmetric": true, "polarity": "negative"}}
})";

using GraphPtr = std::unique_ptr<Agraph_t, int (*)(Agraph_t*)>;

GraphPtr parse(const std::string& dot) {
  GraphPtr graph(agmemread(dot.c_str()), agclose);
  REQUIRE_MESSAGE(graph != nullptr, dot);
  return graph;
}

std::string attribute(void* object, const char* name) {
  const char* value = agget(object, const_cast<char*>(name));
  return value ? value : "";
}

}  // namespace

TEST_CASE("escape: each kind of DOT string, by hand") {
  CHECK(dot::quoted("a\"b") == "\"a\\\"b\"");
  CHECK(dot::quoted("a\\") == "\"a\\\\\"");
  CHECK(dot::html_text("<b>&\"'\\N\nx") == "&lt;b&gt;&amp;&quot;&#39;\\\\N<BR/>x");
  CHECK(dot::quoted_tooltip("a\\N\n&\"") == "\"a\\\\\\\\N\\n&amp;\\\"\"");
  CHECK(dot::quoted_url("http://x/?a=1&b=\"2\" é") == "\"http://x/?a=1&amp;b=%222%22%20%C3%A9\"");
  // Invalid UTF-8 becomes U+FFFD, control characters spaces; CJK stays.
  CHECK(dot::clean_utf8("a\xff" "b\x01" "c\r\n中") == "a\xEF\xBF\xBD" "b c\n中");
  CHECK(dot::clean_utf8("\xC0\xAF") == "\xEF\xBF\xBD\xEF\xBF\xBD");  // overlong '/'
  CHECK(dot::clean_utf8("\xED\xA0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // a surrogate
  CHECK(dot::usable_as_id("中文 -> x"));
  CHECK_FALSE(dot::usable_as_id("a\\b"));
  CHECK_FALSE(dot::usable_as_id("#1"));
  CHECK_FALSE(dot::usable_as_id("a\nb"));
  CHECK_FALSE(dot::usable_as_id(""));
}

TEST_CASE("escape: hostile names, ids and attributes come back from Graphviz's parser") {
  const Graph graph = test::graph_from_json(kHostile);
  DotOptions options;
  options.clustering = Clustering::EntityType;
  const std::string dot = write_dot(whole_diagram(View(graph), false), options);
  const GraphPtr parsed = parse(dot);

  // The entities, plus the legend; no attribute or node was injected.
  CHECK(agnnodes(parsed.get()) == static_cast<int>(graph.entity_count()) + 1);
  CHECK(agnedges(parsed.get()) == static_cast<int>(graph.relation_count()));
  for (EntityId e = 0; e < graph.entity_count(); ++e) {
    const std::string id = dot_node_id(graph, e);
    CAPTURE(id);
    Agnode_t* node = agnode(parsed.get(), const_cast<char*>(id.c_str()), 0);
    REQUIRE(node != nullptr);
    const std::string name = dot::clean_utf8(graph.entity_name(e));
    CHECK(decode_html_label(attribute(node, "label")) == name);
    const std::string tooltip = decode_tooltip(attribute(node, "tooltip"));
    CHECK(tooltip.find(name) == 0);
    CHECK(tooltip.find("id: " + std::string(graph.entity_key(e))) != std::string::npos);
    CHECK(attribute(node, "evil").empty());
    CHECK(attribute(node, "x").empty());
  }
  // Ids Graphviz keeps exactly are used as they are; the others get "#<index>".
  CHECK(dot_node_id(graph, 0) == "a\"b");
  CHECK(dot_node_id(graph, 1) == "#1");  // a backslash
  CHECK(dot_node_id(graph, 2) == "#2");  // starts with '#'
  CHECK(dot_node_id(graph, 4) == "中文");

  Agnode_t* source = agnode(parsed.get(), const_cast<char*>("a\"b"), 0);
  Agedge_t* edge = agfstout(parsed.get(), source);
  REQUIRE(edge != nullptr);
  CHECK(decode_html_label(attribute(edge, "label")) == "fun\"ded\n2016");
  CHECK(decode_tooltip(attribute(edge, "tooltip")) ==
        "Say \"hi\" & <b>bold</b> fun\"ded \\N \\G \\E \\T \\H \\L \\n \\l \\\\ \\ (2016)\n"
        "\u201cq \\N \"q\" <q> & \\\\\u201d \u2014 T & \"t\" <t>");
  CHECK(attribute(edge, "URL") == "http://x.test/?a=1&amp;b=%222%22%3Cs%3E%27%20%5C%20%C3%A9");
}

TEST_CASE("escape: hostile text reaches SVG verbatim and the SVG is well-formed") {
  const Graph graph = test::graph_from_json(kHostile);
  const std::string dot = write_dot(whole_diagram(View(graph), false));
  const std::string svg = render_dot(dot, LayoutEngine::Dot, ImageFormat::Svg).bytes;
  const std::string dir = test::temp_dir();
  test::write_file(dir + "/hostile.svg", svg);
  // Python's XML parser lists every text line and link title of the SVG.
  const auto result = test::run(
      "PYTHONIOENCODING=utf-8 /usr/bin/python3 -c \"import sys,json,xml.etree.ElementTree as E; r=E.parse(sys.argv[1]).getroot(); "
      "print(json.dumps([t.text or '' for t in r.iter('{http://www.w3.org/2000/svg}text')] + "
      "[a.get('{http://www.w3.org/1999/xlink}title') for a in r.iter('{http://www.w3.org/2000/svg}a')], ensure_ascii=False))\" " +
      test::shell_quote(dir + "/hostile.svg"));
  REQUIRE_MESSAGE(result.exit_code == 0, result.err);
  for (EntityId e = 0; e < graph.entity_count(); ++e) {
    const std::string name = dot::clean_utf8(graph.entity_name(e));
    std::size_t start = 0;
    while (start <= name.size()) {  // one SVG text element per line
      std::size_t end = name.find('\n', start);
      if (end == std::string::npos) end = name.size();
      std::string line = name.substr(start, end - start);
      // The JSON list escapes " and \ ; search the JSON form of the line.
      std::string json;
      for (const char c : line) json += c == '"' || c == '\\' ? std::string("\\") + c : std::string(1, c);
      CHECK_MESSAGE(result.out.find("\"" + json) != std::string::npos, line << " in " << result.out);
      start = end + 1;
    }
  }
  // \N and friends stay literal: no node name was substituted.
  CHECK(result.out.find("\\\\N \\\\G \\\\E \\\\T \\\\H \\\\L \\\\n \\\\l \\\\\\\\ \\\\") != std::string::npos);
  CHECK(result.out.find("q \\\\N \\\"q\\\" <q> & \\\\\\\\") != std::string::npos);
  // Links carry the evidence as their title, never the label's markup.
  CHECK(result.out.find("POINT-SIZE") == std::string::npos);
}

}  // namespace kg
