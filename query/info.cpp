#include "query/info.hpp"

#include <fmt/core.h>

#include <algorithm>

#include "query/printable.hpp"

namespace kg::query {
namespace {

// Largest first, then by name: the order a reader scans for "what is here".
std::vector<TypeCount> sorted(std::vector<TypeCount> counts) {
  std::sort(counts.begin(), counts.end(), [](const TypeCount& a, const TypeCount& b) {
    return a.count != b.count ? a.count > b.count : a.name < b.name;
  });
  return counts;
}

// Types with no count are shown only when nothing is filtered out.
template <typename NameOf>
std::vector<TypeCount> type_counts(const std::vector<std::size_t>& counts, bool all, NameOf name_of) {
  std::vector<TypeCount> types;
  for (TypeId t = 0; t < counts.size(); ++t) {
    if (all || counts[t]) types.push_back({std::string(name_of(t)), counts[t]});
  }
  return sorted(std::move(types));
}

void count_relation(const Graph& graph, RelationId r, InfoAnswer& answer) {
  ++answer.relations;
  const Date date = graph.date(r);
  if (date.empty()) ++answer.undated_relations;
  for (const Date d : {date, graph.until(r)}) {
    if (d.empty()) continue;
    // Packed dates order by their first day, and a date in a year before the
    // last one's ends before it: most relations are settled without the calendar.
    if (answer.first.empty() || (d < answer.first && d.first_day() < answer.first.first_day())) answer.first = d;
    if (answer.last.empty() || (d.year() >= answer.last.year() && d.last_day() > answer.last.last_day())) {
      answer.last = d;
    }
  }
  std::vector<std::uint32_t> cited;
  for (const auto& evidence : graph.evidence(r)) {
    if (std::find(cited.begin(), cited.end(), evidence.source) == cited.end()) cited.push_back(evidence.source);
  }
  for (const auto source : cited) ++answer.citations[source];
}

std::string counts_text(const char* title, const std::vector<TypeCount>& counts) {
  std::string text = fmt::format("{}:\n", title);
  std::vector<std::string> names;
  std::size_t width = 0;
  for (const auto& c : counts) {
    names.push_back(printable(c.name));
    width = std::max(width, names.back().size());
  }
  for (std::size_t i = 0; i < counts.size(); ++i) text += fmt::format("  {:<{}}  {:>8}\n", names[i], width, counts[i].count);
  return text;
}

void write_counts(JsonSink& json, const char* key, const std::vector<TypeCount>& counts) {
  json.Key(key);
  json.StartObject();
  for (const auto& c : counts) {
    write_string(json, c.name);
    json.Uint64(c.count);
  }
  json.EndObject();
}

double per_relation(std::size_t bytes, const Graph& graph) {
  return graph.relation_count() ? static_cast<double>(bytes) / static_cast<double>(graph.relation_count()) : 0.0;
}

}  // namespace

InfoAnswer run(const InfoRequest& request, QueryContext& context) {
  request.validate();
  const View view = context.view(request.view);
  const Graph& graph = context.graph();
  InfoAnswer answer;
  std::vector<std::size_t> entity_counts(graph.entity_type_count());
  for (EntityId e = 0; e < graph.entity_count(); ++e) {
    if (!view.keeps_entity(e)) continue;
    ++entity_counts[graph.entity_type(e)];
    ++answer.entities;
  }
  std::vector<std::size_t> relation_counts(graph.relation_type_count());
  answer.citations.assign(graph.sources().size(), 0);
  for (RelationId r = 0; r < graph.relation_count(); ++r) {
    if (!view.keeps_relation(r)) continue;
    ++relation_counts[graph.relation_type(r)];
    count_relation(graph, r, answer);
  }
  const bool all = !view.filters_anything();
  answer.entity_types = type_counts(entity_counts, all, [&](TypeId t) { return graph.entity_type_name(t); });
  answer.relation_types = type_counts(relation_counts, all, [&](TypeId t) { return graph.relation_type_name(t); });
  if (request.stats) answer.memory = MemoryStats{graph.memory_bytes(), graph.evidence_bytes()};
  context.computed();
  return answer;
}

std::string to_text(const InfoAnswer& answer, const Graph& graph) {
  std::string text;
  if (!graph.name().empty()) text += printable(graph.name()) + "\n";
  text += fmt::format("{} entities, {} relations{}", answer.entities, answer.relations,
                      graph.directed() ? "" : " (undirected)");
  if (answer.entities != graph.entity_count() || answer.relations != graph.relation_count()) {
    text += fmt::format(" kept by the filters (of {} and {})", graph.entity_count(), graph.relation_count());
  }
  text += "\n";
  if (!answer.first.empty()) {
    text += fmt::format("dates: {} .. {}", answer.first.to_string(), answer.last.to_string());
    if (answer.undated_relations) text += fmt::format(" ({} relations undated)", answer.undated_relations);
    text += "\n";
  } else if (graph.relation_count()) {
    text += "dates: none\n";
  }
  text += counts_text("entity types", answer.entity_types);
  text += counts_text("relation types", answer.relation_types);
  if (!graph.sources().empty()) {
    text += "sources:\n";
    for (std::size_t s = 0; s < graph.sources().size(); ++s) {
      const auto& source = graph.sources()[s];
      text += fmt::format("  {}  {} relations", printable(graph.str(source.id)), answer.citations[s]);
      if (!graph.str(source.title).empty()) text += "  " + printable(graph.str(source.title));
      if (!graph.str(source.url).empty()) text += "  <" + printable(graph.str(source.url)) + ">";
      text += "\n";
    }
  }
  if (answer.memory && graph.relation_count()) {
    const std::size_t without_evidence = answer.memory->bytes - answer.memory->evidence_bytes;
    text += fmt::format("memory: {} bytes, {:.1f} bytes per relation\n", answer.memory->bytes,
                        per_relation(answer.memory->bytes, graph));
    text += fmt::format("without evidence: {} bytes, {:.1f} bytes per relation\n", without_evidence,
                        per_relation(without_evidence, graph));
  }
  return text;
}

void to_json(const InfoAnswer& answer, const Graph& graph, JsonSink& json) {
  json.StartObject();
  json.Key("name");
  write_string(json, graph.name());
  json.Key("entities");
  json.Uint64(answer.entities);
  json.Key("relations");
  json.Uint64(answer.relations);
  json.Key("directed");
  json.Bool(graph.directed());
  write_counts(json, "entity_types", answer.entity_types);
  write_counts(json, "relation_types", answer.relation_types);
  json.Key("dates");
  json.StartObject();
  json.Key("first");
  write_date(json, answer.first);
  json.Key("last");
  write_date(json, answer.last);
  json.Key("undated_relations");
  json.Uint64(answer.undated_relations);
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
    write_date(json, source.date);
    json.Key("cited_by");
    json.Uint64(answer.citations[s]);
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
  if (answer.memory) {
    const std::size_t without_evidence = answer.memory->bytes - answer.memory->evidence_bytes;
    json.Key("memory_bytes");
    json.Uint64(answer.memory->bytes);
    json.Key("bytes_per_relation");
    json.Double(per_relation(answer.memory->bytes, graph));
    json.Key("memory_bytes_without_evidence");
    json.Uint64(without_evidence);
    json.Key("bytes_per_relation_without_evidence");
    json.Double(per_relation(without_evidence, graph));
  }
  json.EndObject();
}

}  // namespace kg::query
