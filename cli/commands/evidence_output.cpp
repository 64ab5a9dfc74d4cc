#include "cli/commands/evidence_output.hpp"

#include <fmt/core.h>
#include <unistd.h>

#include <cstdio>

#include "cli/text.hpp"
#include "query/text.hpp"

namespace kg::cli {

void print_evidence(const Graph& graph, RelationId r, std::string_view indent) {
  print_text(query::evidence_text(graph, r, indent));
}

void print_unnamed_endpoints_note(const Graph& graph, const EntityMentions& mentions, RelationId r,
                                  std::string_view indent) {
  if (endpoint_coverage(graph, mentions, r) != EndpointCoverage::Neither) return;
  fmt::print("{}(no quote names {} or {})\n", indent, printable(graph.entity_name(graph.source(r))),
             printable(graph.entity_name(graph.target(r))));
}

void write_evidence(JsonWriter& json, const Graph& graph, RelationId r) {
  json.Key("evidence");
  json.StartArray();
  for (const auto& e : graph.evidence(r)) {
    json.StartObject();
    json.Key("source");
    write_string(json, graph.str(graph.sources()[e.source].id));
    json.Key("quote");
    write_string(json, graph.str(e.quote));
    json.EndObject();
  }
  json.EndArray();
}

std::string marked(std::string_view text, const std::vector<TextSpan>& spans, bool terminal) {
  const char* open = terminal ? "\x1b[1m" : "[[";
  const char* close = terminal ? "\x1b[0m" : "]]";
  std::string out;
  std::size_t at = 0;
  // Each piece is escaped on its own: the spans are offsets into the raw text.
  for (const TextSpan& span : spans) {
    out += printable(text.substr(at, span.begin - at));
    out += open;
    out += printable(text.substr(span.begin, span.end - span.begin));
    out += close;
    at = span.end;
  }
  out += printable(text.substr(at));
  return out;
}

void write_spans(JsonWriter& json, const std::vector<TextSpan>& spans) {
  json.StartArray();
  for (const TextSpan& span : spans) {
    json.StartArray();
    json.Uint64(span.begin);
    json.Uint64(span.end);
    json.EndArray();
  }
  json.EndArray();
}

bool stdout_is_terminal() { return isatty(fileno(stdout)) == 1; }

}  // namespace kg::cli
