// Mermaid output checked against the grammar of the flowchart subset kg
// writes (docs/INTERCHANGE.md, "Mermaid"):
//   document  := ["%% " comment "\n"] "flowchart LR\n" line*
//   line      := "  " (node | edge | class) "\n"
//   node      := id "[\"" label "\"]"
//   edge      := id " -->|\"" label "\"| " id
//   class     := "class " id ("," id)* " " id
//   id        := [A-Za-z][A-Za-z0-9_]*, not a flowchart keyword, not
//                starting with "o" or "x" (read as arrow heads after "--")
//   label     := characters other than " | < > # ` and control characters,
//                entity codes "#" name ";" , and "<br>"
// Mermaid's own parser for flowcharts ships only inside the browser bundle
// of the mermaid package; @mermaid-js/parser does not cover flowcharts.
#include <doctest/doctest.h>

#include <filesystem>
#include <regex>
#include <set>
#include <sstream>

#include "export/mermaid.hpp"
#include "tests/support/support.hpp"

namespace {

const std::string kId = "[A-Za-z][A-Za-z0-9_]*";
const std::string kLabel = "(?:[^\"|<>#`\\x00-\\x1f]|#[a-z0-9]+;|<br>)*";

// Undoes the entity codes of a label.
std::string decoded(const std::string& label) {
  static const std::pair<const char*, const char*> codes[] = {
      {"#quot;", "\""}, {"#35;", "#"}, {"#amp;", "&"}, {"#lt;", "<"},
      {"#gt;", ">"},    {"#124;", "|"}, {"#96;", "`"}, {"<br>", "\n"}};
  std::string text;
  for (std::size_t i = 0; i < label.size();) {
    bool replaced = false;
    for (const auto& [code, plain] : codes) {
      if (label.compare(i, std::string(code).size(), code) == 0) {
        text += plain;
        i += std::string(code).size();
        replaced = true;
        break;
      }
    }
    if (!replaced) text += label[i++];
  }
  return text;
}

}  // namespace

TEST_CASE("Mermaid: hostile names and ids give a flowchart within the grammar, labels decoding to the text") {
  const kg::Graph g = kg::test::graph_from_json(R"({"kg": 1, "name": "a \"graph\"\nwith | pipes",
    "entities": [
      {"id": "end", "name": "The \"end\" <b>#1</b> | `code` & more\nline two"},
      {"id": "o-ring", "name": "o"}, {"id": "x", "name": "x"}, {"id": "x_", "name": "same id after cleaning"},
      {"id": "日本", "name": "日本語"}, {"id": "1abc", "type": "odd type!"}],
    "relations": [
      {"source": "end", "target": "o-ring", "type": "a|b \"c\"", "date": "2016", "until": "2017-03"},
      {"source": "x", "target": "x_", "type": "t", "until": "2018"},
      {"source": "日本", "target": "1abc", "type": "t"}]})");
  std::ostringstream out;
  kg::write_mermaid(kg::View(g), out);
  const std::string text = out.str();
  CAPTURE(text);

  const std::regex node("  (" + kId + ")\\[\"(" + kLabel + ")\"\\]");
  const std::regex edge("  (" + kId + ") -->\\|\"(" + kLabel + ")\"\\| (" + kId + ")");
  const std::regex klass("  class (" + kId + "(?:," + kId + ")*) (" + kId + ")");
  const std::set<std::string> keywords = {"end", "graph", "flowchart", "subgraph", "style", "class", "classDef",
                                          "click", "linkStyle", "direction"};
  std::istringstream lines(text);
  std::string line;
  std::getline(lines, line);
  CHECK(line.rfind("%% ", 0) == 0);
  CHECK(line.find('\n') == std::string::npos);
  std::getline(lines, line);
  CHECK(line == "flowchart LR");
  std::vector<std::string> ids, names;
  std::size_t edges = 0, classes = 0;
  while (std::getline(lines, line)) {
    std::smatch m;
    if (std::regex_match(line, m, node)) {
      ids.push_back(m[1]);
      names.push_back(decoded(m[2]));
    } else if (std::regex_match(line, m, edge)) {
      CHECK(std::find(ids.begin(), ids.end(), m[1].str()) != ids.end());
      CHECK(std::find(ids.begin(), ids.end(), m[3].str()) != ids.end());
      ++edges;
    } else if (std::regex_match(line, m, klass)) {
      ++classes;
    } else {
      FAIL_CHECK("line outside the grammar: " << line);
    }
  }
  REQUIRE(ids.size() == g.entity_count());
  CHECK(std::set<std::string>(ids.begin(), ids.end()).size() == ids.size());  // unique
  for (std::size_t e = 0; e < ids.size(); ++e) {
    CHECK(keywords.count(ids[e]) == 0);
    CHECK(ids[e][0] != 'o');
    CHECK(ids[e][0] != 'x');
    CHECK(names[e] == g.entity_name(static_cast<kg::EntityId>(e)));
  }
  CHECK(edges == g.relation_count());
  CHECK(classes == g.entity_type_count());
  CHECK(text.find("-->|\"a#124;b #quot;c#quot; 2016..2017-03\"|") != std::string::npos);
}

TEST_CASE("Mermaid: mermaid.parse accepts the sample and hostile names (when installed)") {
  const std::string checker = kg::test::source_dir() + "/tests/oracle/mermaid";
  if (!std::filesystem::exists(checker + "/node_modules/mermaid") || kg::test::run("node --version").exit_code != 0) {
    MESSAGE("skipped: run scripts/install-deps.sh --mermaid to check with Mermaid's own parser");
    return;
  }
  const std::string dir = kg::test::temp_dir();
  const std::pair<const char*, std::string> cases[] = {
      {"sample", kg::test::source_dir() + "/samples/openai.json"},
      {"hostile", dir + "/hostile.json"},
  };
  kg::test::write_file(dir + "/hostile.json", R"({"kg": 1, "name": "a \"graph\"\nwith | pipes",
    "entities": [{"id": "end", "name": "The \"end\" <b>#1</b> | `code` & more\nline two"},
                 {"id": "o-ring", "name": "o"}, {"id": "graph", "name": "[x] (y) {z}"}],
    "relations": [{"source": "end", "target": "o-ring", "type": "a|b \"c\" -->", "date": "2016"},
                  {"source": "graph", "target": "end", "type": "%% not a comment"}]})");
  std::string files;
  for (const auto& [name, input] : cases) {
    const std::string out = dir + "/" + name + ".mmd";
    REQUIRE(kg::test::run_kg("export " + kg::test::shell_quote(input) + " --to mermaid -o " + out).exit_code == 0);
    files += " " + out;
  }
  const auto result = kg::test::run("node " + kg::test::shell_quote(checker + "/check.mjs") + files);
  std::istringstream lines(result.out);
  std::string line;
  std::size_t accepted = 0;
  while (std::getline(lines, line)) {
    CHECK_MESSAGE(line.find("\"ok\":true") != std::string::npos, line << result.err);
    accepted += line.find("\"ok\":true") != std::string::npos;
  }
  CHECK(accepted == 2);
}
