// The path answer's presenters, text and JSON, both able to write the paths
// as they come.
#include <fmt/core.h>

#include "query/path.hpp"
#include "query/printable.hpp"
#include "query/text.hpp"

namespace kg::query {
namespace {

std::string hops(std::size_t n) { return counted(n, "hop", "hops"); }

// `indent(no quote names A or B)` when the relation has quotes and none of
// them names either endpoint (algorithms/evidence.hpp).
std::string unnamed_endpoints_text(const Graph& graph, const EntityMentions& mentions, RelationId r,
                                   std::string_view indent) {
  if (endpoint_coverage(graph, mentions, r) != EndpointCoverage::Neither) return "";
  return fmt::format("{}(no quote names {} or {})\n", indent, printable(graph.entity_name(graph.source(r))),
                     printable(graph.entity_name(graph.target(r))));
}

void write_head(JsonSink& json, const Graph& graph, EntityId from, EntityId to) {
  json.StartObject();
  json.Key("from");
  write_string(json, graph.entity_key(from));
  json.Key("to");
  write_string(json, graph.entity_key(to));
  json.Key("paths");
  json.StartArray();
}

void write_path(JsonSink& json, const Graph& graph, const Path& path, const std::vector<double>* weights) {
  json.StartObject();
  json.Key("length");
  json.Uint64(path.length());
  if (weights) {
    json.Key("weight");
    json.Double(path.weight);
  }
  json.Key("steps");
  json.StartArray();
  for (const auto& step : path.steps) {
    json.StartObject();
    write_relation_members(json, graph, step.relation);
    json.Key("forward");
    json.Bool(step.forward);
    if (weights) {
      json.Key("weight");
      json.Double((*weights)[step.relation]);
    }
    write_evidence_member(json, graph, step.relation);
    json.EndObject();
  }
  json.EndArray();
  json.EndObject();
}

void write_tail(JsonSink& json, const PathAnswer& answer, const FieldNamer& namer) {
  json.EndArray();
  if (answer.truncated) {
    json.Key("truncated");
    json.Bool(true);
  }
  write_cut(json, answer.cut);
  if (answer.reason) {
    json.Key("reason");
    write_string(json, answer.reason->worded(namer));
  }
  json.Key("undated_relations");
  json.Uint64(answer.undated_relations);
  json.EndObject();
}

}  // namespace

PathTextWriter::PathTextWriter(const Graph& graph, TextOut out, FieldNamer namer)
    : graph_(graph), out_(std::move(out)), namer_(std::move(namer)), mentions_(graph) {}

void PathTextWriter::begin(const PathAnswer& head) {
  weights_ = head.weighted ? head.relation_weights : nullptr;
  mark_undated_ = head.mark_undated;
  count_ = 0;
  held_.reset();
}

void PathTextWriter::path(const Path& path) {
  ++count_;
  // One path is written bare; several are numbered, so the first waits for
  // the second. A weighted path always says its weight in the heading.
  if (count_ == 1 && !weights_) {
    held_ = path;
    return;
  }
  if (held_) {
    write_numbered(*held_, 1);
    held_.reset();
  }
  write_numbered(path, count_);
}

void PathTextWriter::end(const PathAnswer& answer) {
  if (held_) write_steps(*held_);
  held_.reset();
  if (answer.reason) out_(answer.reason->worded(namer_) + "\n");
  if (answer.truncated) {
    out_(Message{"\n(stopped at ", Field{"limit"}, fmt::format(" {}; more paths exist)\n", answer.limit)}.worded(namer_));
  }
}

void PathTextWriter::write_numbered(const Path& path, std::size_t number) {
  std::string heading = fmt::format("{}path {}: {}", number > 1 ? "\n" : "", number, hops(path.length()));
  if (weights_) heading += fmt::format(", weight {}", path.weight);
  out_(heading + "\n");
  write_steps(path);
}

void PathTextWriter::write_steps(const Path& path) {
  if (path.steps.empty()) {
    out_(fmt::format("{} is {}\n", printable(graph_.entity_name(path.start)), printable(graph_.entity_name(path.end()))));
  }
  for (const auto& step : path.steps) {
    std::string text = relation_text(graph_, step.relation, step.from, mark_undated_);
    if (weights_) text += fmt::format("  (weight {})", (*weights_)[step.relation]);
    text += "\n";
    text += evidence_text(graph_, step.relation, "    ");
    text += unnamed_endpoints_text(graph_, mentions_, step.relation, "    ");
    out_(text);
  }
}

PathJsonWriter::PathJsonWriter(const Graph& graph, TextOut out, FieldNamer namer)
    : graph_(graph), out_(std::move(out)), namer_(std::move(namer)), json_(buffer_) {}

void PathJsonWriter::begin(const PathAnswer& head) {
  weights_ = head.weighted ? head.relation_weights : nullptr;
  buffer_.Clear();
  json_.Reset(buffer_);
  write_head(json_, graph_, head.from, head.to);
}

void PathJsonWriter::path(const Path& path) {
  write_path(json_, graph_, path, weights_.get());
  flush();
}

void PathJsonWriter::end(const PathAnswer& answer) {
  write_tail(json_, answer, namer_);
  buffer_.Put('\n');
  flush();
}

void PathJsonWriter::flush() {
  out_(std::string_view(buffer_.GetString(), buffer_.GetSize()));
  buffer_.Clear();
}

std::string to_text(const PathAnswer& answer, const Graph& graph, const FieldNamer& namer) {
  std::string text;
  PathTextWriter writer(graph, [&text](std::string_view piece) { text += piece; }, namer);
  writer.begin(answer);
  for (const Path& path : answer.paths) writer.path(path);
  writer.end(answer);
  return text;
}

void to_json(const PathAnswer& answer, const Graph& graph, JsonSink& json, const FieldNamer& namer) {
  const std::vector<double>* weights = answer.weighted ? answer.relation_weights.get() : nullptr;
  write_head(json, graph, answer.from, answer.to);
  for (const Path& path : answer.paths) write_path(json, graph, path, weights);
  write_tail(json, answer, namer);
}

}  // namespace kg::query
