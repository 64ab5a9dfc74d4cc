#include "query/find.hpp"

#include <fmt/core.h>

#include <algorithm>

#include "query/printable.hpp"
#include "query/text.hpp"

namespace kg::query {
namespace {

SearchOptions search_options(const FindRequest& request) {
  SearchOptions options;
  options.text = request.text;
  options.regex = request.regex;
  options.scope = request.scope;
  options.entity_type = request.entity_type;
  return options;
}

// Items [offset, offset + limit) of `items` (all past offset when limit is 0).
template <typename T>
void keep_page(std::vector<T>& items, std::size_t offset, std::size_t limit) {
  const std::size_t begin = std::min(offset, items.size());
  const std::size_t end = limit == 0 ? items.size() : std::min(items.size(), begin + limit);
  items.erase(items.begin() + static_cast<std::ptrdiff_t>(end), items.end());
  items.erase(items.begin(), items.begin() + static_cast<std::ptrdiff_t>(begin));
}

// The same, counting an entity's matched name and aliases as one item;
// returns how many entities there were.
std::size_t keep_entity_page(std::vector<NameHit>& hits, std::size_t offset, std::size_t limit) {
  std::vector<std::vector<NameHit>> by_entity;
  for (NameHit& hit : hits) {
    if (by_entity.empty() || by_entity.back().front().entity != hit.entity) by_entity.emplace_back();
    by_entity.back().push_back(std::move(hit));
  }
  const std::size_t entities = by_entity.size();
  keep_page(by_entity, offset, limit);
  hits.clear();
  for (auto& group : by_entity) {
    for (NameHit& hit : group) hits.push_back(std::move(hit));
  }
  return entities;
}

std::string_view matched_text(const Graph& graph, const NameHit& hit) {
  return hit.alias < 0 ? graph.entity_name(hit.entity) : graph.str(graph.entity_aliases(hit.entity)[hit.alias]);
}

// `text` with each span marked.
std::string marked(std::string_view text, const std::vector<TextSpan>& spans, Marks marks) {
  const char* open = marks == Marks::Bold ? "\x1b[1m" : "[[";
  const char* close = marks == Marks::Bold ? "\x1b[0m" : "]]";
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

// [[begin, end], ...] byte offsets.
void write_spans(JsonSink& json, const std::vector<TextSpan>& spans) {
  json.StartArray();
  for (const TextSpan& span : spans) {
    json.StartArray();
    json.Uint64(span.begin);
    json.Uint64(span.end);
    json.EndArray();
  }
  json.EndArray();
}

const char* reason_name(RelationReason reason) {
  switch (reason) {
    case RelationReason::Endpoint: return "endpoint";
    case RelationReason::Between: return "between";
    case RelationReason::Type: return "type";
  }
  return "";
}

void write_entities(JsonSink& json, const Graph& graph, const std::vector<NameHit>& hits) {
  json.StartArray();
  for (std::size_t i = 0; i < hits.size();) {
    const EntityId e = hits[i].entity;
    json.StartObject();
    write_entity_members(json, graph, e);
    json.Key("matches");
    json.StartArray();
    for (; i < hits.size() && hits[i].entity == e; ++i) {
      json.StartObject();
      json.Key("field");
      json.String(hits[i].alias < 0 ? "name" : "alias");
      json.Key("text");
      write_string(json, matched_text(graph, hits[i]));
      json.Key("spans");
      write_spans(json, hits[i].spans);
      json.EndObject();
    }
    json.EndArray();
    json.EndObject();
  }
  json.EndArray();
}

void write_quotes(JsonSink& json, const Graph& graph, const std::vector<QuoteHit>& hits) {
  json.StartArray();
  for (const QuoteHit& hit : hits) {
    const Evidence& evidence = graph.evidence(hit.relation)[hit.evidence];
    json.StartObject();
    json.Key("relation");
    json.StartObject();
    write_relation_members(json, graph, hit.relation);
    json.EndObject();
    json.Key("source");
    write_string(json, graph.str(graph.sources()[evidence.source].id));
    json.Key("quote");
    write_string(json, graph.str(evidence.quote));
    json.Key("spans");
    write_spans(json, hit.spans);
    json.EndObject();
  }
  json.EndArray();
}

}  // namespace

const char* scope_name(SearchScope scope) {
  switch (scope) {
    case SearchScope::Names: return "names";
    case SearchScope::Quotes: return "quotes";
    case SearchScope::All: return "all";
  }
  return "";
}

void FindRequest::validate() const {
  search_options(*this).validate();
  view.validate();
}

FindAnswer run(const FindRequest& request, QueryContext& context) {
  request.validate();
  const View view = context.view(request.view);
  SearchOptions options = search_options(request);
  options.should_stop = context.should_stop();
  FindAnswer answer;
  answer.hits = search(view, options);
  context.computed();
  answer.text = request.text;
  answer.regex = request.regex;
  answer.scope = request.scope;
  answer.offset = request.offset;
  answer.limit = request.limit;
  answer.cut = answer.hits.cut;
  answer.total_entities = keep_entity_page(answer.hits.entities, request.offset, request.limit);
  answer.total_relations = answer.hits.relations.size();
  keep_page(answer.hits.relations, request.offset, request.limit);
  answer.total_quotes = answer.hits.quotes.size();
  keep_page(answer.hits.quotes, request.offset, request.limit);
  return answer;
}

std::string to_text(const FindAnswer& answer, const Graph& graph, Marks marks) {
  const SearchResult& hits = answer.hits;
  std::string text;
  if (answer.scope != SearchScope::Quotes) {
    text += fmt::format("entities ({}):\n", hits.entities.size());
    for (const NameHit& hit : hits.entities) {
      const EntityId e = hit.entity;
      text += fmt::format("  {} ({}, {}): {}{}\n", printable(graph.entity_name(e)), printable(graph.entity_key(e)),
                          printable(graph.entity_type_name(graph.entity_type(e))), hit.alias < 0 ? "name " : "alias ",
                          marked(matched_text(graph, hit), hit.spans, marks));
    }
    text += fmt::format("\nrelations ({}):\n", hits.relations.size());
    for (const RelationHit& hit : hits.relations) {
      text += fmt::format("  {}{}\n", relation_text(graph, hit.relation, graph.source(hit.relation)),
                          hit.reason == RelationReason::Between ? "  (between two matches)"
                          : hit.reason == RelationReason::Type  ? "  (its type)"
                                                                : "");
    }
  }
  if (answer.scope != SearchScope::Names) {
    if (answer.scope != SearchScope::Quotes) text += "\n";
    text += fmt::format("quotes ({}):\n", hits.quotes.size());
    RelationId previous = UINT32_MAX;
    for (const QuoteHit& hit : hits.quotes) {
      if (hit.relation != previous) text += fmt::format("  {}\n", relation_text(graph, hit.relation, graph.source(hit.relation)));
      previous = hit.relation;
      const Evidence& evidence = graph.evidence(hit.relation)[hit.evidence];
      text += fmt::format("    \"{}\" ({})\n", marked(graph.str(evidence.quote), hit.spans, marks),
                          printable(graph.str(graph.sources()[evidence.source].id)));
    }
  }
  if (answer.paged()) {
    text += fmt::format("\n(a page: from item {} of each list{}; in all {}, {}, {})\n", answer.offset,
                        answer.limit == 0 ? std::string() : ", at most " + std::to_string(answer.limit),
                        counted(answer.total_entities, "entity", "entities"),
                        counted(answer.total_relations, "relation", "relations"),
                        counted(answer.total_quotes, "quote", "quotes"));
  }
  return text;
}

void to_json(const FindAnswer& answer, const Graph& graph, JsonSink& json) {
  json.StartObject();
  json.Key("text");
  write_string(json, answer.text);
  json.Key("regex");
  json.Bool(answer.regex);
  json.Key("in");
  json.String(scope_name(answer.scope));
  json.Key("entities");
  write_entities(json, graph, answer.hits.entities);
  json.Key("relations");
  json.StartArray();
  for (const RelationHit& hit : answer.hits.relations) {
    json.StartObject();
    write_relation_members(json, graph, hit.relation);
    json.Key("reason");
    json.String(reason_name(hit.reason));
    write_evidence_member(json, graph, hit.relation);
    json.EndObject();
  }
  json.EndArray();
  json.Key("quotes");
  write_quotes(json, graph, answer.hits.quotes);
  if (answer.paged()) {
    json.Key("offset");
    json.Uint64(answer.offset);
    json.Key("limit");
    json.Uint64(answer.limit);
    json.Key("total");
    json.StartObject();
    json.Key("entities");
    json.Uint64(answer.total_entities);
    json.Key("relations");
    json.Uint64(answer.total_relations);
    json.Key("quotes");
    json.Uint64(answer.total_quotes);
    json.EndObject();
  }
  write_cut(json, answer.cut);
  json.EndObject();
}

}  // namespace kg::query
