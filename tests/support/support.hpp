#pragma once
// Helpers shared by the test files: temporary files, running the kg binary
// and the Python oracles (NetworkX/igraph from Debian's packages), reading
// graphs from text.
#include <rapidjson/document.h>

#include <functional>
#include <string>
#include <vector>

#include "graph/graph.hpp"

namespace kg::test {

// The repository root and the kg binary under test.
std::string source_dir();
std::string kg_binary();

// A fresh directory under the system's temporary directory, removed at exit.
std::string temp_dir();
void write_file(const std::string& path, const std::string& text);
std::string read_file(const std::string& path);
// The names in a directory (dot files included), sorted.
std::vector<std::string> names_in(const std::string& dir);

struct CommandResult {
  int exit_code;
  std::string out;  // stdout
  std::string err;  // stderr
};
// Runs a shell command line, capturing both streams.
CommandResult run(const std::string& command_line);
// Runs kg with the arguments (already shell-quoted where needed).
CommandResult run_kg(const std::string& arguments);

// Runs tests/oracle/SCRIPT with /usr/bin/python3 (the interpreter Debian's
// NetworkX is installed for) and parses the JSON it prints. Fails the test
// when the script fails.
rapidjson::Document run_oracle(const std::string& script, const std::string& arguments);

// Reads a kg JSON document held in a string; fails the test on problems.
Graph graph_from_json(const std::string& json);

std::string shell_quote(const std::string& text);

// A JSON document held in a string (a presenter's output); fails the test
// when it does not parse.
rapidjson::Document parse_json(const std::string& text);

// The field of the InvalidArgument `call` throws; "" when it throws none.
std::string invalid_field(const std::function<void()>& call);
// The field a request's validate() names, or "" when it accepts the request.
template <typename Request>
std::string refused_field(const Request& request) {
  return invalid_field([&] { request.validate(); });
}

}  // namespace kg::test
