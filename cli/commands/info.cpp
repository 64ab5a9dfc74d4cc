#include "cli/commands/info.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <memory>

#include "cli/text.hpp"

namespace kg::cli {
namespace {

struct Count {
  std::string_view name;
  std::size_t count;
};

// Largest first, then by name: the order a reader scans for "what is here".
std::vector<Count> sorted(std::vector<Count> counts) {
  std::sort(counts.begin(), counts.end(), [](const Count& a, const Count& b) {
    return a.count != b.count ? a.count > b.count : a.name < b.name;
  });
  return counts;
}

struct Summary {
  std::size_t entities = 0, relations = 0;  // kept by the filters
  std::vector<Count> entity_types;
  std::vector<Count> relation_types;
  Date first, last;  // over relation dates and untils
  std::size_t undated = 0;
  std::vector<std::size_t> citations;  // per source: relations citing it
};

// Types that the filters leave with no entity or relation are left out.
Summary summarize(const View& view) {
  const Graph& graph = view.graph();
  Summary summary;
  std::vector<std::size_t> entity_counts(graph.entity_type_count());
  for (EntityId e = 0; e < graph.entity_count(); ++e) {
    if (!view.keeps_entity(e)) continue;
    ++entity_counts[graph.entity_type(e)];
    ++summary.entities;
  }
  std::vector<std::size_t> relation_counts(graph.relation_type_count());
  summary.citations.assign(graph.sources().size(), 0);
  for (RelationId r = 0; r < graph.relation_count(); ++r) {
    if (!view.keeps_relation(r)) continue;
    ++relation_counts[graph.relation_type(r)];
    ++summary.relations;
    const Date date = graph.date(r);
    if (date.empty()) ++summary.undated;
    for (const Date d : {date, graph.until(r)}) {
      if (d.empty()) continue;
      if (summary.first.empty() || d.first_day() < summary.first.first_day()) summary.first = d;
      if (summary.last.empty() || d.last_day() > summary.last.last_day()) summary.last = d;
    }
    std::vector<std::uint32_t> cited;
    for (const auto& evidence : graph.evidence(r)) {
      if (std::find(cited.begin(), cited.end(), evidence.source) == cited.end()) cited.push_back(evidence.source);
    }
    for (const auto source : cited) ++summary.citations[source];
  }
  const bool all = !view.filters_anything();
  for (TypeId t = 0; t < entity_counts.size(); ++t) {
    if (all || entity_counts[t]) summary.entity_types.push_back({graph.entity_type_name(t), entity_counts[t]});
  }
  for (TypeId t = 0; t < relation_counts.size(); ++t) {
    if (all || relation_counts[t]) summary.relation_types.push_back({graph.relation_type_name(t), relation_counts[t]});
  }
  summary.entity_types = sorted(std::move(summary.entity_types));
  summary.relation_types = sorted(std::move(summary.relation_types));
  return summary;
}

void print_counts(const char* title, const std::vector<Count>& counts) {
  fmt::print("{}:\n", title);
  std::vector<std::string> names;
  std::size_t width = 0;
  for (const auto& c : counts) {
    names.push_back(printable(c.name));
    width = std::max(width, names.back().size());
  }
  for (std::size_t i = 0; i < counts.size(); ++i) fmt::print("  {:<{}}  {:>8}\n", names[i], width, counts[i].count);
}

void print_text(const Graph& graph, const Summary& summary, const InfoOptions& options) {
  if (!graph.name().empty()) fmt::print("{}\n", printable(graph.name()));
  fmt::print("{} entities, {} relations{}", summary.entities, summary.relations,
             graph.directed() ? "" : " (undirected)");
  if (summary.entities != graph.entity_count() || summary.relations != graph.relation_count()) {
    fmt::print(" kept by the filters (of {} and {})", graph.entity_count(), graph.relation_count());
  }
  fmt::print("\n");
  if (!summary.first.empty()) {
    fmt::print("dates: {} .. {}", summary.first.to_string(), summary.last.to_string());
    if (summary.undated) fmt::print(" ({} relations undated)", summary.undated);
    fmt::print("\n");
  } else if (graph.relation_count()) {
    fmt::print("dates: none\n");
  }
  print_counts("entity types", summary.entity_types);
  print_counts("relation types", summary.relation_types);
  if (!graph.sources().empty()) {
    fmt::print("sources:\n");
    for (std::size_t s = 0; s < graph.sources().size(); ++s) {
      const auto& source = graph.sources()[s];
      fmt::print("  {}  {} relations", printable(graph.str(source.id)), summary.citations[s]);
      if (!graph.str(source.title).empty()) fmt::print("  {}", printable(graph.str(source.title)));
      if (!graph.str(source.url).empty()) fmt::print("  <{}>", printable(graph.str(source.url)));
      fmt::print("\n");
    }
  }
  if (options.stats && graph.relation_count()) {
    const auto relations = static_cast<double>(graph.relation_count());
    const std::size_t without_evidence = graph.memory_bytes() - graph.evidence_bytes();
    fmt::print("memory: {} bytes, {:.1f} bytes per relation\n", graph.memory_bytes(),
               static_cast<double>(graph.memory_bytes()) / relations);
    fmt::print("without evidence: {} bytes, {:.1f} bytes per relation\n", without_evidence,
               static_cast<double>(without_evidence) / relations);
  }
}

void write_counts(JsonWriter& json, const char* key, const std::vector<Count>& counts) {
  json.Key(key);
  json.StartObject();
  for (const auto& c : counts) {
    write_string(json, c.name);
    json.Uint64(c.count);
  }
  json.EndObject();
}

void print_json_summary(const Graph& graph, const Summary& summary, const InfoOptions& options) {
  print_json([&](JsonWriter& json) {
    json.StartObject();
    json.Key("name");
    write_string(json, graph.name());
    json.Key("entities");
    json.Uint64(summary.entities);
    json.Key("relations");
    json.Uint64(summary.relations);
    json.Key("directed");
    json.Bool(graph.directed());
    write_counts(json, "entity_types", summary.entity_types);
    write_counts(json, "relation_types", summary.relation_types);
    json.Key("dates");
    json.StartObject();
    json.Key("first");
    summary.first.empty() ? json.Null() : json.String(summary.first.to_string().c_str());
    json.Key("last");
    summary.last.empty() ? json.Null() : json.String(summary.last.to_string().c_str());
    json.Key("undated_relations");
    json.Uint64(summary.undated);
    json.EndObject();
    json.Key("sources");
    json.StartArray();
    for (std::size_t s = 0; s < graph.sources().size(); ++s) {
      const auto& source = graph.sources()[s];
      json.StartObject();
      json.Key("id");
      write_string(json, graph.str(source.id));
      json.Key("title");
      write_string(json, graph.str(source.title));
      json.Key("url");
      write_string(json, graph.str(source.url));
      json.Key("date");
      source.date.empty() ? json.Null() : json.String(source.date.to_string().c_str());
      json.Key("cited_by");
      json.Uint64(summary.citations[s]);
      json.EndObject();
    }
    json.EndArray();
    json.Key("unfiltered");
    json.StartObject();
    json.Key("entities");
    json.Uint64(graph.entity_count());
    json.Key("relations");
    json.Uint64(graph.relation_count());
    json.EndObject();
    if (options.stats) {
      json.Key("memory_bytes");
      json.Uint64(graph.memory_bytes());
      json.Key("bytes_per_relation");
      json.Double(graph.relation_count() ? static_cast<double>(graph.memory_bytes()) /
                                               static_cast<double>(graph.relation_count())
                                         : 0.0);
      const std::size_t without_evidence = graph.memory_bytes() - graph.evidence_bytes();
      json.Key("memory_bytes_without_evidence");
      json.Uint64(without_evidence);
      json.Key("bytes_per_relation_without_evidence");
      json.Double(graph.relation_count() ? static_cast<double>(without_evidence) /
                                               static_cast<double>(graph.relation_count())
                                         : 0.0);
    }
    json.EndObject();
  });
}

}  // namespace

void setup_info(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<InfoOptions>();
  auto* command = app.add_subcommand("info", "Counts by entity and relation type, date range, sources");
  add_graph_input(*command, options->input);
  add_output_format(*command, options->format);
  command->add_flag("--stats", options->stats, "Also report the memory the graph takes");
  add_filter_options(*command, options->filters);
  command->callback([options, &exit_code] { exit_code = run_info(*options); });
}

int run_info(const InfoOptions& options) {
  const Graph graph = load_graph(options.input);
  const Summary summary = summarize(View(graph, options.filters.to_filter()));
  if (options.format == OutputFormat::Json) {
    print_json_summary(graph, summary, options);
  } else {
    print_text(graph, summary, options);
  }
  return kExitOk;
}

}  // namespace kg::cli
