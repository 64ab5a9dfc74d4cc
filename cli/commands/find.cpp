#include "cli/commands/find.hpp"

#include <fmt/core.h>

#include <memory>

#include "cli/commands/evidence_output.hpp"
#include "cli/text.hpp"
#include "graph/exception.hpp"
#include "query/text.hpp"

namespace kg::cli {
namespace {

const char* scope_name(SearchScope scope) {
  switch (scope) {
    case SearchScope::Names: return "names";
    case SearchScope::Quotes: return "quotes";
    case SearchScope::All: return "all";
  }
  return "";
}

std::string_view matched_text(const Graph& graph, const NameHit& hit) {
  return hit.alias < 0 ? graph.entity_name(hit.entity) : graph.str(graph.entity_aliases(hit.entity)[hit.alias]);
}

void print_text(const Graph& graph, const SearchResult& result, const FindOptions& options) {
  const bool terminal = stdout_is_terminal();
  if (options.scope != SearchScope::Quotes) {
    fmt::print("entities ({}):\n", result.entities.size());
    for (const NameHit& hit : result.entities) {
      const EntityId e = hit.entity;
      fmt::print("  {} ({}, {}): {}{}\n", printable(graph.entity_name(e)), printable(graph.entity_key(e)),
                 printable(graph.entity_type_name(graph.entity_type(e))), hit.alias < 0 ? "name " : "alias ",
                 marked(matched_text(graph, hit), hit.spans, terminal));
    }
    fmt::print("\nrelations ({}):\n", result.relations.size());
    for (const RelationHit& hit : result.relations) {
      fmt::print("  {}{}\n", query::relation_text(graph, hit.relation, graph.source(hit.relation)),
                 hit.reason == RelationReason::Between ? "  (between two matches)"
                 : hit.reason == RelationReason::Type  ? "  (its type)"
                                                       : "");
    }
  }
  if (options.scope != SearchScope::Names) {
    if (options.scope != SearchScope::Quotes) fmt::print("\n");
    fmt::print("quotes ({}):\n", result.quotes.size());
    RelationId previous = UINT32_MAX;
    for (const QuoteHit& hit : result.quotes) {
      if (hit.relation != previous) fmt::print("  {}\n", query::relation_text(graph, hit.relation, graph.source(hit.relation)));
      previous = hit.relation;
      const Evidence& evidence = graph.evidence(hit.relation)[hit.evidence];
      fmt::print("    \"{}\" ({})\n", marked(graph.str(evidence.quote), hit.spans, terminal),
                 printable(graph.str(graph.sources()[evidence.source].id)));
    }
  }
}

void print_json_answer(const Graph& graph, const SearchResult& result, const FindOptions& options) {
  print_json([&](JsonWriter& json) {
    json.StartObject();
    json.Key("text");
    write_string(json, options.text);
    json.Key("regex");
    json.Bool(options.regex);
    json.Key("in");
    json.String(scope_name(options.scope));
    json.Key("entities");
    json.StartArray();
    for (std::size_t i = 0; i < result.entities.size();) {
      const EntityId e = result.entities[i].entity;
      json.StartObject();
      json.Key("id");
      write_string(json, graph.entity_key(e));
      json.Key("name");
      write_string(json, graph.entity_name(e));
      json.Key("type");
      write_string(json, graph.entity_type_name(graph.entity_type(e)));
      json.Key("matches");
      json.StartArray();
      for (; i < result.entities.size() && result.entities[i].entity == e; ++i) {
        const NameHit& hit = result.entities[i];
        json.StartObject();
        json.Key("field");
        json.String(hit.alias < 0 ? "name" : "alias");
        json.Key("text");
        write_string(json, matched_text(graph, hit));
        json.Key("spans");
        write_spans(json, hit.spans);
        json.EndObject();
      }
      json.EndArray();
      json.EndObject();
    }
    json.EndArray();
    json.Key("relations");
    json.StartArray();
    for (const RelationHit& hit : result.relations) {
      json.StartObject();
      write_relation_members(json, graph, hit.relation);
      json.Key("reason");
      json.String(hit.reason == RelationReason::Endpoint  ? "endpoint"
                  : hit.reason == RelationReason::Between ? "between"
                                                          : "type");
      write_evidence(json, graph, hit.relation);
      json.EndObject();
    }
    json.EndArray();
    json.Key("quotes");
    json.StartArray();
    for (const QuoteHit& hit : result.quotes) {
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
    write_cut(json, result.cut);
    json.EndObject();
  });
}

}  // namespace

void setup_find(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<FindOptions>();
  auto* command = app.add_subcommand(
      "find", "Entities whose name or alias contains TEXT, their relations, and the quotes that mention it");
  add_graph_input(*command, options->input);
  command->add_option("text", options->text,
                      "What to look for; case, accents and curly apostrophes do not matter")
      ->required();
  add_output_format(*command, options->format);
  add_choice<SearchScope>(*command, "--in", options->scope,
                          {{"names", SearchScope::Names}, {"quotes", SearchScope::Quotes}, {"all", SearchScope::All}},
                          "Look in entity names and aliases, in quotes, or both");
  command->add_option("--type", options->entity_type, "Only entities of this type match by name");
  command->add_flag("--regex", options->regex,
                    "TEXT is a regular expression (ECMAScript), matched against lower-case text without accents");
  add_filter_options(*command, options->filters);
  add_time_limit(*command, options->time_limit);
  command->callback([options, &exit_code] { exit_code = run_find(*options); });
}

int run_find(const FindOptions& options) {
  const Graph graph = load_graph(options.input);
  const View view(graph, options.filters.to_filter());
  SearchOptions search_options;
  search_options.text = options.text;
  search_options.regex = options.regex;
  search_options.scope = options.scope;
  search_options.entity_type = options.entity_type;
  search_options.should_stop = options.time_limit.should_stop();
  SearchResult result;
  try {
    result = search(view, search_options);
  } catch (const InvalidArgument& error) {
    // The library names its fields; the command line names its arguments.
    std::string message = error.what();
    if (message.rfind("text: ", 0) == 0) message = "TEXT: " + message.substr(6);
    if (message.rfind("entity type: ", 0) == 0) message = "--type: " + message.substr(13);
    throw InvalidArgument(message);
  }
  if (options.format == OutputFormat::Json) {
    print_json_answer(graph, result, options);
  } else {
    print_text(graph, result, options);
  }
  const bool found = !result.entities.empty() || !result.relations.empty() || !result.quotes.empty();
  if (result.cut) {
    options.time_limit.report_cut("the matches found so far");
    return kExitNo;
  }
  return found ? kExitOk : kExitNo;
}

}  // namespace kg::cli
