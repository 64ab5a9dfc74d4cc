#include "export/timeline.hpp"

#include <cstdio>
#include <ostream>

#include "export/csv.hpp"
#include "export/escape.hpp"
#include "export/mermaid.hpp"

namespace kg {
namespace {

// Events are separated by ':' in Mermaid's timeline grammar.
std::string event_text(std::string_view text) {
  std::string out;
  for (const char c : mermaid_text(text)) {
    if (c == ':') {
      out += "#58;";
    } else {
      out += c;
    }
  }
  return out;
}

std::string event(const Graph& graph, RelationId r) {
  std::string type(graph.relation_type_name(graph.relation_type(r)));
  for (char& c : type) {
    if (c == '_') c = ' ';
  }
  return std::string(graph.entity_name(graph.source(r))) + " " + type + " " +
         std::string(graph.entity_name(graph.target(r)));
}

}  // namespace

std::string timeline_period(Date date) {
  if (date.empty()) return "undated";
  if (date.precision() == Date::Precision::Year) return std::to_string(date.year());
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02d", date.year(), date.month());
  return text;
}

void write_timeline_csv(const Graph& graph, const Timeline& timeline, std::ostream& out, const CsvOptions& options) {
  out << "date,until,source,type,target,evidence_source,quote\n";
  const auto row = [&](RelationId r, std::string_view source, std::string_view quote) {
    out << graph.date(r).to_string() << ',' << graph.until(r).to_string() << ',';
    write_csv_field(out, graph.entity_key(graph.source(r)), options);
    out << ',';
    write_csv_field(out, graph.relation_type_name(graph.relation_type(r)), options);
    out << ',';
    write_csv_field(out, graph.entity_key(graph.target(r)), options);
    out << ',';
    write_csv_field(out, source, options);
    out << ',';
    write_csv_field(out, quote, options);
    out << '\n';
  };
  for (const auto* relations : {&timeline.dated, &timeline.undated}) {
    for (const RelationId r : *relations) {
      const auto evidence = graph.evidence(r);
      if (evidence.empty()) row(r, "", "");
      for (const Evidence& e : evidence) row(r, graph.str(graph.sources()[e.source].id), graph.str(e.quote));
    }
  }
}

void write_timeline_mermaid(const Graph& graph, const Timeline& timeline, std::ostream& out) {
  out << "timeline\n";
  if (!graph.name().empty()) out << "  title " << event_text(graph.name()) << '\n';
  std::string period;
  for (const auto* relations : {&timeline.dated, &timeline.undated}) {
    for (const RelationId r : *relations) {
      const std::string this_period = timeline_period(graph.date(r));
      if (this_period != period) {
        out << "  " << this_period << " : " << event_text(event(graph, r)) << '\n';
        period = this_period;
      } else {
        out << "    : " << event_text(event(graph, r)) << '\n';
      }
    }
  }
}

}  // namespace kg

namespace kg {

std::string write_timeline_dot(const Graph& graph, const Timeline& timeline, const Style& style) {
  std::string out = "digraph timeline {\n  graph [rankdir=\"LR\", newrank=\"true\", nodesep=\"0.12\", ranksep=\"0.35\", "
                    "labelloc=\"t\", fontname=\"Helvetica\", fontsize=\"16\"";
  if (!graph.name().empty()) out += ", label=<<B>" + dot::html_text(dot::clean_utf8(graph.name())) + "</B>>";
  out += "];\n  node [shape=\"box\", style=\"rounded,filled\", fillcolor=\"white\", fontname=\"Helvetica\", "
         "fontsize=\"10\", margin=\"0.1,0.04\"];\n  edge [style=\"invis\"];\n";
  // Columns: the period's label, then its relations top to bottom, held in
  // order by invisible edges within the column.
  std::vector<std::string> periods;
  std::vector<std::vector<RelationId>> columns;
  for (const auto* relations : {&timeline.dated, &timeline.undated}) {
    for (const RelationId r : *relations) {
      const std::string period = timeline_period(graph.date(r));
      if (periods.empty() || periods.back() != period) {
        periods.push_back(period);
        columns.emplace_back();
      }
      columns.back().push_back(r);
    }
  }
  for (std::size_t p = 0; p < periods.size(); ++p) {
    const std::string head = "\"p" + std::to_string(p) + "\"";
    out += "  " + head + " [label=" + dot::quoted(periods[p]) +
           ", shape=\"plaintext\", style=\"\", fontsize=\"14\"];\n";
    std::string column = head;
    for (const RelationId r : columns[p]) {
      const DotAttributes look = style.relation_attributes(graph, graph.relation_type(r));
      const auto color = look.find("color");
      std::string tooltip = event(graph, r);
      for (const Evidence& e : graph.evidence(r)) tooltip += "\n\u201c" + std::string(graph.str(e.quote)) + "\u201d";
      const std::string id = "\"r" + std::to_string(r) + "\"";
      std::string type(graph.relation_type_name(graph.relation_type(r)));
      out += "  " + id + " [label=<" + dot::html_text(dot::clean_utf8(graph.entity_name(graph.source(r)))) +
             "<BR/><B>" + dot::html_text(dot::clean_utf8(type)) + "</B> " +
             dot::html_text(dot::clean_utf8(graph.entity_name(graph.target(r)))) +
             ">, tooltip=" + dot::quoted_tooltip(dot::clean_utf8(tooltip));
      if (color != look.end()) out += ", color=" + dot::quoted(color->second);
      out += "];\n";
      column += " -> " + id;
    }
    out += "  { rank=\"same\"; " + column + "; }\n";
  }
  // The axis: each period's label before the next.
  for (std::size_t p = 0; p + 1 < periods.size(); ++p) {
    out += "  \"p" + std::to_string(p) + "\" -> \"p" + std::to_string(p + 1) +
           "\" [style=\"solid\", color=\"#9e9e9e\", arrowhead=\"vee\"];\n";
  }
  out += "}\n";
  return out;
}

}  // namespace kg
