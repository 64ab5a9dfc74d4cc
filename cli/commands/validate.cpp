#include "cli/commands/validate.hpp"

#include <fmt/core.h>

#include <fstream>
#include <iostream>
#include <limits>
#include <memory>
#include <sstream>

#include "algorithms/evidence.hpp"
#include "cli/fields.hpp"
#include "cli/progress.hpp"
#include "graph/exception.hpp"
#include "ingest/json_location.hpp"

namespace kg::cli {
namespace {

// Where relations[i] starts in a kg JSON file; its readers keep relations
// in file order. Other formats get warnings without a place.
void locate_relations(const std::string& path, std::vector<Diagnostic>& warnings) {
  if (choose_input_format(path, std::nullopt).name != "kg-json") return;
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  const TextPositions positions(content.str());
  const std::string& text = positions.text();
  std::size_t root = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
  while (root < text.size() && text[root] != '{') ++root;
  for (Diagnostic& warning : warnings) {
    const std::size_t offset = locate_json_path(text, root, parse_json_path(warning.path));
    if (offset == root) continue;
    std::tie(warning.line, warning.column) = positions.locate(offset);
  }
}

// A warning for each relation none of whose quotes names either endpoint.
std::vector<Diagnostic> evidence_warnings(const Graph& graph, const ValidateOptions& options) {
  std::vector<Diagnostic> warnings;
  for (const RelationId r : poorly_evidenced(graph, EndpointCoverage::Neither)) {
    Diagnostic warning;
    warning.file = options.input.path;
    warning.path = "relations[" + std::to_string(r) + "]";
    warning.message = fmt::format("warning: no quote names {} or {} ({} {} {})", graph.entity_name(graph.source(r)),
                                  graph.entity_name(graph.target(r)), graph.entity_key(graph.source(r)),
                                  graph.relation_type_name(graph.relation_type(r)), graph.entity_key(graph.target(r)));
    warnings.push_back(std::move(warning));
  }
  if (!warnings.empty() && !options.input.from) locate_relations(options.input.path, warnings);
  return warnings;
}

void write_diagnostics(JsonWriter& json, const std::vector<Diagnostic>& diagnostics) {
  json.StartArray();
  for (const auto& problem : diagnostics) {
    json.StartObject();
    json.Key("line");
    json.Uint64(problem.line);
    json.Key("column");
    json.Uint64(problem.column);
    json.Key("path");
    write_string(json, problem.path);
    json.Key("message");
    write_string(json, problem.worded_message(flag_for));
    // A CSV directory's problems are in entities.csv or relations.csv.
    json.Key("file");
    write_string(json, problem.file);
    json.EndObject();
  }
  json.EndArray();
}

}  // namespace

void setup_validate(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<ValidateOptions>();
  auto* command = app.add_subcommand(
      "validate", "Check a graph file and report every problem with file:line:column; exit 1 if any");
  add_graph_input(*command, options->input);
  add_output_format(*command, options->format);
  command->add_option("--max-problems", options->max_problems,
                      "Show at most N problems (all are counted; default " + std::to_string(options->max_problems) + ")")
      ->check(CLI::Range(std::size_t{1}, std::numeric_limits<std::size_t>::max()));
  command->add_flag("--evidence", options->evidence,
                    "Also warn about relations whose quotes name neither endpoint (by id, name or alias)");
  command->add_flag("--strict", options->strict, "Exit 1 when there are warnings, as for problems");
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
  const std::vector<Diagnostic> warnings =
      options.evidence && result.graph ? evidence_warnings(*result.graph, options) : std::vector<Diagnostic>{};
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
      write_diagnostics(json, result.problems);
      if (options.evidence) {
        json.Key("warnings");
        write_diagnostics(json, warnings);
      }
      json.Key("problem_count");
      json.Uint64(total);
      json.EndObject();
    });
  } else {
    print_problems(result);
    for (const auto& warning : warnings) print_error(warning.to_string());
    if (total == 0) {
      const auto entities = result.graph->entity_count();
      const auto relations = result.graph->relation_count();
      fmt::print("{}: valid: {} entit{}, {} relation{}", options.input.path, entities, entities == 1 ? "y" : "ies",
                 relations, relations == 1 ? "" : "s");
      if (options.evidence) fmt::print("; {} evidence warning{}", warnings.size(), warnings.size() == 1 ? "" : "s");
      fmt::print("\n");
    } else {
      fmt::print("{}: {} problem{}\n", options.input.path, total, total == 1 ? "" : "s");
    }
  }
  if (total != 0 || (options.strict && !warnings.empty())) return kExitNo;
  return kExitOk;
}

}  // namespace kg::cli
