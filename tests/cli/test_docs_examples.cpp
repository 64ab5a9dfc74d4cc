// The examples in README.md and docs/*.md are run as tests, so the docs
// never drift from what kg prints. In a ```console block, a line starting
// with "$ kg " is a command (run from the repository root, stderr merged into
// stdout); the lines after it are its expected output, where a line "..."
// (indented or not) stands for any number of lines.
#include <doctest/doctest.h>

#include <filesystem>
#include <sstream>

#include "tests/support/support.hpp"

namespace {

struct Example {
  std::string file;
  std::size_t line;
  std::string command;  // after "$ kg "
  std::vector<std::string> expected;
};

std::vector<Example> examples_in(const std::string& path, const std::string& shown_name) {
  std::vector<Example> examples;
  std::istringstream text(kg::test::read_file(path));
  std::string line;
  bool in_console = false;
  std::size_t number = 0;
  while (std::getline(text, line)) {
    ++number;
    if (line.rfind("```", 0) == 0) {
      in_console = !in_console && line == "```console";
      continue;
    }
    if (!in_console) continue;
    if (line.rfind("$ kg ", 0) == 0) {
      examples.push_back({shown_name, number, line.substr(5), {}});
    } else if (line.rfind("$ ", 0) == 0) {
      examples.push_back({shown_name, number, "", {}});  // not a kg command: not checked
    } else if (!examples.empty()) {
      examples.back().expected.push_back(line);
    }
  }
  // A blank line separates one command's output from the next command.
  for (auto& example : examples) {
    while (!example.expected.empty() && example.expected.back().empty()) example.expected.pop_back();
  }
  return examples;
}

// Whether `actual` lines match `expected`, where "..." skips any lines.
bool matches(const std::vector<std::string>& expected, std::size_t e, const std::vector<std::string>& actual,
             std::size_t a) {
  if (e == expected.size()) return a == actual.size();
  if (expected[e].find_first_not_of(' ') != std::string::npos &&
      expected[e].substr(expected[e].find_first_not_of(' ')) == "...") {
    for (std::size_t skip = a; skip <= actual.size(); ++skip) {
      if (matches(expected, e + 1, actual, skip)) return true;
    }
    return false;
  }
  return a < actual.size() && actual[a] == expected[e] && matches(expected, e + 1, actual, a + 1);
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) lines.push_back(line);
  return lines;
}

}  // namespace

TEST_CASE("console examples in README.md and docs/ print what they show") {
  const std::string root = kg::test::source_dir();
  std::vector<Example> examples = examples_in(root + "/README.md", "README.md");
  for (const auto& entry : std::filesystem::directory_iterator(root + "/docs")) {
    if (entry.path().extension() != ".md") continue;
    auto more = examples_in(entry.path().string(), "docs/" + entry.path().filename().string());
    examples.insert(examples.end(), more.begin(), more.end());
  }
  std::size_t checked = 0;
  for (const auto& example : examples) {
    if (example.command.empty()) continue;
    CAPTURE(example.file);
    CAPTURE(example.line);
    CAPTURE(example.command);
    const std::string command = "cd " + kg::test::shell_quote(root) + " && " +
                                kg::test::shell_quote(kg::test::kg_binary()) + " " + example.command + " 2>&1";
    const auto result = kg::test::run("sh -c " + kg::test::shell_quote(command));
    const auto actual = lines_of(result.out);
    CHECK_MESSAGE(matches(example.expected, 0, actual, 0), "kg printed:\n" << result.out);
    ++checked;
  }
  CHECK(checked >= 3);
}
