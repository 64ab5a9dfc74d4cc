#include "export/timeline.hpp"

#include <cstdio>
#include <ostream>

#include "export/csv.hpp"
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

void write_timeline_csv(const Graph& graph, const Timeline& timeline, std::ostream& out) {
  out << "date,until,source,type,target,evidence_source,quote\n";
  const auto row = [&](RelationId r, std::string_view source, std::string_view quote) {
    out << graph.date(r).to_string() << ',' << graph.until(r).to_string() << ',';
    write_csv_field(out, graph.entity_key(graph.source(r)));
    out << ',';
    write_csv_field(out, graph.relation_type_name(graph.relation_type(r)));
    out << ',';
    write_csv_field(out, graph.entity_key(graph.target(r)));
    out << ',';
    write_csv_field(out, source);
    out << ',';
    write_csv_field(out, quote);
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
