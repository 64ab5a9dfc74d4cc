#include "query/timeline.hpp"

#include <fmt/core.h>

#include <sstream>

#include "export/timeline.hpp"
#include "query/text.hpp"

namespace kg::query {
namespace {

// The relations from i on that fall in `period`; i ends past them.
void write_period(JsonSink& json, const Graph& graph, const std::vector<RelationId>& relations, std::size_t& i,
                  const std::string& period) {
  json.StartArray();
  for (; i < relations.size() && timeline_period(graph.date(relations[i])) == period; ++i) {
    json.StartObject();
    write_relation_members(json, graph, relations[i]);
    write_evidence_member(json, graph, relations[i]);
    json.EndObject();
  }
  json.EndArray();
}

}  // namespace

TimelineAnswer run(const TimelineRequest& request, QueryContext& context) {
  request.validate();
  TimelineOptions options;
  for (const auto& name : request.entities) options.entities.push_back(context.resolve(name));
  const View view = context.view(request.view);
  options.should_stop = context.should_stop();
  TimelineAnswer answer;
  answer.timeline = timeline(view, options);
  context.computed();
  answer.entities = std::move(options.entities);
  answer.cut = answer.timeline.cut;
  return answer;
}

std::string to_text(const TimelineAnswer& answer, const Graph& graph) {
  const Timeline& timeline = answer.timeline;
  std::string text, year, period;
  for (const RelationId r : timeline.dated) {
    const Date date = graph.date(r);
    const std::string this_year = std::to_string(date.year()), this_period = timeline_period(date);
    if (this_year != year) {
      text += fmt::format("{}{}\n", year.empty() ? "" : "\n", this_year);
      year = period = this_year;
    }
    if (this_period != period) {
      text += fmt::format("  {}\n", this_period);
      period = this_period;
    }
    const std::string indent = period == year ? "  " : "    ";
    text += indent + relation_text(graph, r, graph.source(r)) + "\n";
    text += evidence_text(graph, r, indent + "    ");
  }
  if (timeline.undated.empty()) return text;
  text += timeline.dated.empty() ? "undated\n" : "\nundated\n";
  for (const RelationId r : timeline.undated) {
    text += "  " + relation_text(graph, r, graph.source(r)) + "\n";
    text += evidence_text(graph, r, "      ");
  }
  return text;
}

void to_json(const TimelineAnswer& answer, const Graph& graph, JsonSink& json) {
  const Timeline& timeline = answer.timeline;
  json.StartObject();
  json.Key("entities");
  json.StartArray();
  for (const EntityId e : answer.entities) write_string(json, graph.entity_key(e));
  json.EndArray();
  json.Key("periods");
  json.StartArray();
  for (std::size_t i = 0; i < timeline.dated.size();) {
    const std::string period = timeline_period(graph.date(timeline.dated[i]));
    json.StartObject();
    json.Key("period");
    write_string(json, period);
    json.Key("relations");
    write_period(json, graph, timeline.dated, i, period);
    json.EndObject();
  }
  json.EndArray();
  json.Key("undated");
  std::size_t i = 0;
  write_period(json, graph, timeline.undated, i, "undated");
  write_cut(json, answer.cut);
  json.EndObject();
}

std::string to_csv(const TimelineAnswer& answer, const Graph& graph, const CsvOptions& options) {
  std::ostringstream out;
  write_timeline_csv(graph, answer.timeline, out, options);
  return out.str();
}

std::string to_mermaid(const TimelineAnswer& answer, const Graph& graph) {
  std::ostringstream out;
  write_timeline_mermaid(graph, answer.timeline, out);
  return out.str();
}

}  // namespace kg::query
