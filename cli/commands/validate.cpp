#include "cli/commands/validate.hpp"

#include <fmt/core.h>

#include <memory>

#include "graph/exception.hpp"

namespace kg::cli {

void setup_validate(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<ValidateOptions>();
  auto* command = app.add_subcommand(
      "validate", "Check a graph file and report every problem with file:line:column; exit 1 if any");
  add_graph_input(*command, options->input);
  add_output_format(*command, options->format);
  command->callback([options, &exit_code] { exit_code = run_validate(*options); });
}

int run_validate(const ValidateOptions& options) {
  const ReadResult result = read_graph(options.input.path, options.input.from);
  if (options.format == OutputFormat::Json) {
    print_json([&](JsonWriter& json) {
      json.StartObject();
      json.Key("file");
      write_string(json, options.input.path);
      json.Key("valid");
      json.Bool(result.problems.empty());
      if (result.graph) {
        json.Key("entities");
        json.Uint64(result.graph->entity_count());
        json.Key("relations");
        json.Uint64(result.graph->relation_count());
      }
      json.Key("problems");
      json.StartArray();
      for (const auto& problem : result.problems) {
        json.StartObject();
        json.Key("line");
        json.Uint64(problem.line);
        json.Key("column");
        json.Uint64(problem.column);
        json.Key("path");
        write_string(json, problem.path);
        json.Key("message");
        write_string(json, problem.message);
        json.EndObject();
      }
      json.EndArray();
      json.EndObject();
    });
  } else {
    for (const auto& problem : result.problems) print_error(problem.to_string());
    if (result.problems.empty()) {
      const auto entities = result.graph->entity_count();
      const auto relations = result.graph->relation_count();
      fmt::print("{}: valid: {} entit{}, {} relation{}\n", options.input.path, entities, entities == 1 ? "y" : "ies",
                 relations, relations == 1 ? "" : "s");
    } else {
      fmt::print("{}: {} problem{}\n", options.input.path, result.problems.size(),
                 result.problems.size() == 1 ? "" : "s");
    }
  }
  return result.problems.empty() ? kExitOk : kExitNo;
}

}  // namespace kg::cli
