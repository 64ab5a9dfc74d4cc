#include "tests/support/support.hpp"

#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "graph/exception.hpp"
#include "ingest/kg_json.hpp"

namespace kg::test {
namespace {

struct TempRoot {
  std::filesystem::path path;
  TempRoot() {
    std::string pattern = (std::filesystem::temp_directory_path() / "kg-tests-XXXXXX").string();
    if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    path = pattern;
  }
  ~TempRoot() {
    std::error_code ignored;
    std::filesystem::remove_all(path, ignored);
  }
};

}  // namespace

std::string source_dir() { return KG_SOURCE_DIR; }
std::string kg_binary() { return KG_BINARY; }

std::string temp_dir() {
  static TempRoot root;
  static int counter = 0;
  const auto dir = root.path / std::to_string(++counter);
  std::filesystem::create_directories(dir);
  return dir.string();
}

void write_file(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  REQUIRE_MESSAGE(out.good(), "cannot write " << path);
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "cannot read " << path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::string> names_in(const std::string& dir) {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

std::string shell_quote(const std::string& text) {
  std::string quoted = "'";
  for (char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

CommandResult run(const std::string& command_line) {
  const std::string dir = temp_dir();
  const std::string out = dir + "/stdout", err = dir + "/stderr";
  const int status = std::system((command_line + " >" + out + " 2>" + err + " </dev/null").c_str());
  return {WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status), read_file(out), read_file(err)};
}

CommandResult run_kg(const std::string& arguments) { return run(shell_quote(kg_binary()) + " " + arguments); }

rapidjson::Document run_oracle(const std::string& script, const std::string& arguments) {
  const CommandResult result =
      run("/usr/bin/python3 " + shell_quote(source_dir() + "/tests/oracle/" + script) + " " + arguments);
  REQUIRE_MESSAGE(result.exit_code == 0, script << " failed: " << result.err);
  rapidjson::Document document;
  document.Parse(result.out.c_str());
  REQUIRE_MESSAGE(!document.HasParseError(), script << " printed no JSON: " << result.out);
  return document;
}

Graph graph_from_json(const std::string& json) {
  ReadResult result = read_kg_json_text(json, "<test>");
  std::string problems;
  for (const auto& p : result.problems) problems += p.to_string() + "\n";
  REQUIRE_MESSAGE(result.problems.empty(), problems);
  return std::move(*result.graph);
}

rapidjson::Document parse_json(const std::string& text) {
  rapidjson::Document document;
  document.Parse(text.c_str());
  REQUIRE_MESSAGE(!document.HasParseError(), text);
  return document;
}

std::string invalid_field(const std::function<void()>& call) {
  try {
    call();
  } catch (const InvalidArgument& error) {
    return error.field();
  }
  return "";
}

}  // namespace kg::test
