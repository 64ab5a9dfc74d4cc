#include "query/validate.hpp"

#include <fmt/core.h>

#include <fstream>
#include <sstream>

#include "algorithms/evidence.hpp"
#include "graph/exception.hpp"
#include "ingest/json_location.hpp"

namespace kg::query {
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
std::vector<Diagnostic> evidence_warnings(const Graph& graph, const GraphSource& source) {
  std::vector<Diagnostic> warnings;
  for (const RelationId r : poorly_evidenced(graph, EndpointCoverage::Neither)) {
    Diagnostic warning;
    warning.file = source.path;
    warning.path = "relations[" + std::to_string(r) + "]";
    warning.message = fmt::format("warning: no quote names {} or {} ({} {} {})", graph.entity_name(graph.source(r)),
                                  graph.entity_name(graph.target(r)), graph.entity_key(graph.source(r)),
                                  graph.relation_type_name(graph.relation_type(r)), graph.entity_key(graph.target(r)));
    warnings.push_back(std::move(warning));
  }
  if (!warnings.empty() && !source.format) locate_relations(source.path, warnings);
  return warnings;
}

void write_diagnostics(JsonSink& json, const std::vector<Diagnostic>& diagnostics) {
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
    write_string(json, problem.message);
    // A CSV directory's problems are in entities.csv or relations.csv.
    json.Key("file");
    write_string(json, problem.file);
    json.EndObject();
  }
  json.EndArray();
}

}  // namespace

void ValidateRequest::validate() const {
  if (max_problems == 0) throw InvalidArgument(Field{"max_problems"}, "must be at least 1");
}

ValidateAnswer run(const ValidateRequest& request, const Callbacks& callbacks) {
  request.validate();
  ReadOptions options;
  options.csv = request.source.csv;
  options.max_problems = request.max_problems;
  options.progress = callbacks.load_progress;
  ReadResult result = read_graph(request.source.path, request.source.format, options);
  ValidateAnswer answer;
  answer.file = request.source.path;
  answer.problem_count = result.problem_count();
  answer.problems = std::move(result.problems);
  answer.read_warnings = std::move(result.warnings);
  if (result.graph) {
    answer.entities = result.graph->entity_count();
    answer.relations = result.graph->relation_count();
    if (request.evidence) answer.warnings = evidence_warnings(*result.graph, request.source);
  }
  answer.evidence_checked = request.evidence;
  const bool warned = !answer.warnings.empty() || !answer.read_warnings.empty();
  answer.passed = answer.problem_count == 0 && !(request.strict && warned);
  return answer;
}

std::string to_text(const ValidateAnswer& answer) {
  if (answer.problem_count != 0) {
    return fmt::format("{}: {} problem{}\n", answer.file, answer.problem_count, answer.problem_count == 1 ? "" : "s");
  }
  const std::size_t entities = answer.entities.value_or(0), relations = answer.relations.value_or(0);
  std::string text = fmt::format("{}: valid: {} entit{}, {} relation{}", answer.file, entities,
                                 entities == 1 ? "y" : "ies", relations, relations == 1 ? "" : "s");
  if (answer.evidence_checked) {
    text += fmt::format("; {} evidence warning{}", answer.warnings.size(), answer.warnings.size() == 1 ? "" : "s");
  }
  if (!answer.read_warnings.empty()) {
    const std::size_t count = answer.read_warnings.size();
    text += fmt::format("; {} reader warning{}", count, count == 1 ? "" : "s");
  }
  return text + "\n";
}

void to_json(const ValidateAnswer& answer, JsonSink& json) {
  json.StartObject();
  json.Key("file");
  write_string(json, answer.file);
  json.Key("valid");
  json.Bool(answer.problem_count == 0);
  if (answer.entities) {
    json.Key("entities");
    json.Uint64(*answer.entities);
    json.Key("relations");
    json.Uint64(answer.relations.value_or(0));
  }
  json.Key("problems");
  write_diagnostics(json, answer.problems);
  if (answer.evidence_checked) {
    json.Key("warnings");
    write_diagnostics(json, answer.warnings);
  }
  if (!answer.read_warnings.empty()) {
    json.Key("read_warnings");
    write_diagnostics(json, answer.read_warnings);
  }
  json.Key("problem_count");
  json.Uint64(answer.problem_count);
  json.EndObject();
}

}  // namespace kg::query
