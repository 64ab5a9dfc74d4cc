#include "cli/common.hpp"

#include <cstdio>
#include <iostream>

#include "graph/exception.hpp"

namespace kg::cli {

void add_graph_input(CLI::App& command, GraphInput& input) {
  command.add_option("graph", input.path, "Graph file: kg JSON (.json), or any format of --from")->required();
  command.add_option("--from", input.from, "Input format, when the extension does not tell");
}

void add_output_format(CLI::App& command, OutputFormat& format) {
  command
      .add_option("--format", format, "Answer as text (for people) or json (for programs)")
      ->transform(CLI::CheckedTransformer(std::map<std::string, OutputFormat>{{"text", OutputFormat::Text},
                                                                              {"json", OutputFormat::Json}}))
      ->default_str("text");
}

void print_error(const std::string& message) { std::cerr << "kg: " << message << '\n'; }

Graph load_graph(const GraphInput& input) {
  ReadResult result = read_graph(input.path, input.from);
  if (!result.problems.empty()) {
    for (const auto& problem : result.problems) print_error(problem.to_string());
    throw CommandFailed(kExitInput);
  }
  return std::move(*result.graph);
}

void print_json(const std::function<void(JsonWriter&)>& write) {
  rapidjson::StringBuffer buffer;
  JsonWriter json(buffer);
  write(json);
  std::fwrite(buffer.GetString(), 1, buffer.GetSize(), stdout);
  std::fputc('\n', stdout);
}

void write_string(JsonWriter& json, std::string_view text) {
  json.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
}

}  // namespace kg::cli
