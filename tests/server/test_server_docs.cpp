// The curl examples of docs/SERVER.md are run against a server on the
// sample, like the README's console examples: in a ```console block, a line
// "$ curl -s URL" (URL on 127.0.0.1:8080, optionally in single quotes) is a
// request, and the lines after it are the body it must answer.
#include <doctest/doctest.h>

#include <sstream>
#include <vector>

#include "tests/server/server_process.hpp"
#include "tests/support/support.hpp"

namespace kg {
namespace {

struct CurlExample {
  std::size_t line;
  std::string target;  // path and query
  std::string expected;
};

std::vector<CurlExample> curl_examples(const std::string& text) {
  const std::string prefix = "$ curl -s ";
  const std::string origin = "http://127.0.0.1:8080";
  std::vector<CurlExample> examples;
  std::istringstream lines(text);
  std::string line;
  bool in_console = false;
  std::size_t number = 0;
  while (std::getline(lines, line)) {
    ++number;
    if (line.rfind("```", 0) == 0) {
      in_console = !in_console && line == "```console";
      continue;
    }
    if (!in_console) continue;
    if (line.rfind(prefix, 0) == 0) {
      std::string url = line.substr(prefix.size());
      if (url.size() >= 2 && url.front() == '\'' && url.back() == '\'') url = url.substr(1, url.size() - 2);
      REQUIRE_MESSAGE(url.rfind(origin, 0) == 0, "docs/SERVER.md:" << number << ": not on " << origin);
      examples.push_back({number, url.substr(origin.size()), ""});
    } else if (line.rfind("$ ", 0) == 0) {
      examples.push_back({number, "", ""});  // another command: checked elsewhere
    } else if (!examples.empty() && !line.empty()) {
      examples.back().expected += line + "\n";
    }
  }
  return examples;
}

TEST_CASE("the curl examples in docs/SERVER.md answer what they show") {
  const auto examples = curl_examples(test::read_file(test::source_dir() + "/docs/SERVER.md"));
  test::ServerProcess server("samples/openai.json --quiet");
  std::size_t checked = 0;
  for (const auto& example : examples) {
    if (example.target.empty()) continue;
    CAPTURE(example.line);
    CHECK(server.get(example.target).body == example.expected);
    ++checked;
  }
  CHECK(checked >= 4);
  CHECK(server.stop() == 0);
}

}  // namespace
}  // namespace kg
