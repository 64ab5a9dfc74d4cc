// Names, quotes and sources reach a terminal with their control characters
// escaped (docs/CLI.md, "Text output"); JSON escapes them itself.
#include <doctest/doctest.h>
#include <rapidjson/document.h>

#include "cli/text.hpp"
#include "tests/support/support.hpp"

using kg::cli::printable;
using kg::test::run_kg;
using kg::test::shell_quote;

TEST_CASE("printable escapes controls, DEL, C1 controls and bidirectional overrides") {
  CHECK(printable("Elon Musk") == "Elon Musk");
  CHECK(printable("Sam Altman很慌 – “Manhattan Project”") == "Sam Altman很慌 – “Manhattan Project”");
  CHECK(printable("a\x1b]0;pwned\x07z") == "a\\e]0;pwned\\x07z");
  CHECK(printable("\x1b[31mred\x1b[0m") == "\\e[31mred\\e[0m");
  CHECK(printable("tab\tline\nreturn\r") == "tab\\tline\\nreturn\\r");
  CHECK(printable(std::string("nul\0x", 5)) == "nul\\x00x");
  CHECK(printable("del\x7f") == "del\\x7f");
  CHECK(printable("c1\xc2\x85\xc2\x9b") == "c1\\u0085\\u009b");            // NEL, CSI
  CHECK(printable("evil\xe2\x80\xae" "gnp.exe") == "evil\\u202egnp.exe");  // RIGHT-TO-LEFT OVERRIDE
  CHECK(printable("\xe2\x80\xaa\xe2\x80\xac\xe2\x81\xa6\xe2\x81\xa9") == "\\u202a\\u202c\\u2066\\u2069");
  CHECK(printable("\xe2\x80\xa8") == "\\u2028");  // LINE SEPARATOR
  // Neighbours of the escaped ranges pass: U+2029 escaped, U+202F and U+2065 not.
  CHECK(printable("\xe2\x80\xaf") == "\xe2\x80\xaf");
  CHECK(printable("\xe2\x81\xa5") == "\xe2\x81\xa5");
  CHECK(printable("back\\slash") == "back\\slash");
  CHECK(printable("bad\xff\xc3") == "bad\\xff\\xc3");  // not UTF-8
  CHECK(printable("\xc0\xaf") == "\\xc0\\xaf");        // overlong
}

namespace {

// One entity whose name retitles the terminal and one with a bidi override;
// a quote with a colour code; a source id with a bell.
std::string hostile_graph() {
  static const std::string path = [] {
    const std::string file = kg::test::temp_dir() + "/hostile.json";
    kg::test::write_file(file, R"({"kg": 1, "name": "net\u001b]0;owned\u0007work",
      "sources": [{"id": "s\u0007", "title": "t\u001b[2J"}],
      "entities": [{"id": "a", "name": "A\u001b]0;owned\u0007", "type": "person"},
                   {"id": "b\u202e", "name": "B\u202egnp", "type": "company"}],
      "relations": [{"source": "a", "target": "b\u202e", "type": "funded", "date": "2015",
                     "evidence": [{"source": "s\u0007", "quote": "\u001b[31mred\u001b[0m"}]}]})");
    return file;
  }();
  return shell_quote(path);
}

bool has_raw_control(const std::string& text) {
  for (const char c : text) {
    if (c == '\x1b' || c == '\x07') return true;
  }
  return text.find("\xe2\x80\xae") != std::string::npos;
}

}  // namespace

TEST_CASE("every text answer escapes control characters in names, quotes and sources") {
  const auto path = run_kg("path " + hostile_graph() + " a " + shell_quote("b\u202e"));
  REQUIRE(path.exit_code == 0);
  CHECK(path.out == "A\\e]0;owned\\x07 -[funded 2015]-> B\\u202egnp\n    \"\\e[31mred\\e[0m\" (s\\x07)\n"
                    "    (no quote names A\\e]0;owned\\x07 or B\\u202egnp)\n");
  for (const std::string& command : {std::string("find ") + hostile_graph() + " red", std::string("timeline ") + hostile_graph(),
                                     std::string("diff ") + hostile_graph() + " 2014 2016"}) {
    CAPTURE(command);
    const auto result = run_kg(command);
    REQUIRE(result.exit_code == 0);
    CHECK_FALSE(has_raw_control(result.out));
  }
  for (const std::string command : {"info", "neighbors a", "rank", "components", "communities"}) {
    CAPTURE(command);
    const auto result = run_kg(command.substr(0, command.find(' ')) + " " + hostile_graph() +
                               (command.find(' ') == std::string::npos ? "" : command.substr(command.find(' '))));
    REQUIRE(result.exit_code == 0);
    CHECK_FALSE(has_raw_control(result.out));
    if (command != "info") CHECK(result.out.find("\\u202e") != std::string::npos);  // info names no entity
  }
  const auto info = run_kg("info " + hostile_graph());
  CHECK(info.out.rfind("net\\e]0;owned\\x07work\n", 0) == 0);
  CHECK(info.out.find("  s\\x07  1 relations  t\\e[2J\n") != std::string::npos);
}

TEST_CASE("errors on stderr escape the names they quote") {
  const auto missing = run_kg("path " + hostile_graph() + " a " + shell_quote("x\x1b[2J"));
  CHECK(missing.exit_code == 2);
  CHECK_FALSE(has_raw_control(missing.err));
  CHECK(missing.err.find("x\\e[2J") != std::string::npos);
}

TEST_CASE("JSON answers keep the exact text, escaped the JSON way") {
  const auto json = run_kg("neighbors " + hostile_graph() + " a --format json");
  REQUIRE(json.exit_code == 0);
  CHECK(json.out.find('\x1b') == std::string::npos);
  CHECK(json.out.find('\x07') == std::string::npos);
  rapidjson::Document document;
  document.Parse(json.out.c_str());
  REQUIRE_FALSE(document.HasParseError());
  CHECK(std::string(document["entities"][0]["name"].GetString()) == "A\x1b]0;owned\x07");
}
