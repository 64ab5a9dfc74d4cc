#include "cli/commands/validate.hpp"

#include <fmt/core.h>

#include <iostream>
#include <limits>
#include <memory>

#include "cli/progress.hpp"
#include "graph/exception.hpp"

namespace kg::cli {

void setup_validate(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<ValidateOptions>();
  auto* command = app.add_subcommand(
      "validate", "Check a graph file and report every problem with file:line:column; exit 1 if any");
  add_graph_input(*command, options->input);
  add_output_format(*command, options->format);
  command->add_option("--max-problems", options->max_problems,
                      "Show at most N problems (all are counted; default " + std::to_string(options->max_problems) + ")")
      ->check(CLI::Range(std::size_t{1}, std::numeric_limits<std::size_t>::max()));
  command->callback([options, &exit_code] { exit_code = run_validate(*options); });
}

int run_validate(const ValidateOptions& options) {
  ProgressBar bar("reading " + options.input.path, ProgressUnit::Bytes,
                  progress_wanted(options.input.quiet) ? &std::cerr : nullptr);
  ReadOptions read_options = options.input.read_options();
  read_options.max_problems = options.max_problems;
  read_options.progress = bar.callback();
  const ReadResult result = read_graph(options.input.path, options.input.from, read_options);
  bar.finish();
  const std::size_t total = result.problem_count();
  if (options.format == OutputFormat::Json) {
    print_json([&](JsonWriter& json) {
      json.StartObject();
      json.Key("file");
      write_string(json, options.input.path);
      json.Key("valid");
      json.Bool(total == 0);
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
        // A CSV directory's problems are in entities.csv or relations.csv.
        json.Key("file");
        write_string(json, problem.file);
        json.EndObject();
      }
      json.EndArray();
      json.Key("problem_count");
      json.Uint64(total);
      json.EndObject();
    });
  } else {
    print_problems(result);
    if (total == 0) {
      const auto entities = result.graph->entity_count();
      const auto relations = result.graph->relation_count();
      fmt::print("{}: valid: {} entit{}, {} relation{}\n", options.input.path, entities, entities == 1 ? "y" : "ies",
                 relations, relations == 1 ? "" : "s");
    } else {
      fmt::print("{}: {} problem{}\n", options.input.path, total, total == 1 ? "" : "s");
    }
  }
  return total == 0 ? kExitOk : kExitNo;
}

}  // namespace kg::cli
