#include "export/gexf.hpp"

#include <cstdio>
#include <ostream>
#include <unordered_map>

#include "export/interchange.hpp"

namespace kg {
namespace {

using interchange::AttributeColumn;
using interchange::ValueType;
using interchange::write_xml_escaped;

const char* gexf_type(ValueType type) {
  switch (type) {
    case ValueType::Boolean: return "boolean";
    case ValueType::Integer: return "long";
    case ValueType::Real: return "double";
    default: return "string";
  }
}

bool leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && leap(year) ? 29 : days[month - 1];
}

std::string iso_day(int year, int month, int day) {
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d", year, month, day);
  return text;
}

// A partial date covers its whole year or month: an edge starts on its
// first day and ends on the last day of its until.
std::string first_day(Date date) {
  return iso_day(date.year(), date.month() == 0 ? 1 : date.month(), date.day() == 0 ? 1 : date.day());
}

std::string last_day(Date date) {
  const int month = date.month() == 0 ? 12 : date.month();
  return iso_day(date.year(), month, date.day() == 0 ? days_in_month(date.year(), month) : date.day());
}

class GexfWriter {
 public:
  GexfWriter(const View& view, std::ostream& out, GexfVersion version)
      : view_(view), graph_(view.graph()), out_(out), version_(version) {}

  void write() {
    const auto entity_columns = interchange::entity_columns(view_);
    const auto relation_columns = interchange::relation_columns(view_);
    bool dated = false;
    for (RelationId r = 0; r < graph_.relation_count() && !dated; ++r) {
      dated = view_.keeps_relation(r) && (!graph_.date(r).empty() || !graph_.until(r).empty());
    }
    const bool draft = version_ == GexfVersion::V1_2draft;
    const char* space = draft ? "http://www.gexf.net/1.2draft" : "http://gexf.net/1.3";
    out_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         << "<gexf xmlns=\"" << space << "\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
         << "xsi:schemaLocation=\"" << space << " " << space << "/gexf.xsd\" version=\"" << (draft ? "1.2" : "1.3")
         << "\">\n  <meta>\n    <creator>kg</creator>\n";
    if (!graph_.name().empty()) {
      out_ << "    <title>";
      write_xml_escaped(out_, graph_.name());
      out_ << "</title>\n";
    }
    // No per-edge type: NetworkX refuses an edge whose type differs from
    // the default. Symmetric types are kg's own business.
    out_ << "  </meta>\n  <graph defaultedgetype=\"" << (graph_.directed() ? "directed" : "undirected") << '"';
    out_ << (dated ? " mode=\"dynamic\" timeformat=\"date\" timerepresentation=\"interval\">\n" : " mode=\"static\">\n");

    // kg's fields are columns 0-2 (nodes) and 0-3 (edges); attributes follow.
    out_ << "    <attributes class=\"node\" mode=\"static\">\n";
    column("0", "type", "string");
    column("1", "aliases", "string");
    for (std::size_t i = 0; i < entity_columns.size(); ++i) {
      column(std::to_string(i + 2), entity_columns[i].name, gexf_type(entity_columns[i].type));
      entity_index_[entity_columns[i].key] = i + 2;
    }
    out_ << "    </attributes>\n    <attributes class=\"edge\" mode=\"static\">\n";
    column("0", "type", "string");
    column("1", "date", "string");
    column("2", "until", "string");
    column("3", "evidence", "string");
    for (std::size_t i = 0; i < relation_columns.size(); ++i) {
      column(std::to_string(i + 4), relation_columns[i].name, gexf_type(relation_columns[i].type));
      relation_index_[relation_columns[i].key] = i + 4;
    }
    out_ << "    </attributes>\n    <nodes>\n";
    for (EntityId e = 0; e < graph_.entity_count(); ++e) {
      if (!view_.keeps_entity(e)) continue;
      out_ << "      <node id=\"";
      write_xml_escaped(out_, graph_.entity_key(e));
      out_ << "\" label=\"";
      write_xml_escaped(out_, graph_.entity_name(e));
      out_ << "\">\n        <attvalues>\n";
      value("0", graph_.entity_type_name(graph_.entity_type(e)));
      value("1", interchange::aliases_json(graph_, e));
      for (const Attribute& attribute : graph_.entity_attributes(e)) {
        value(std::to_string(entity_index_[attribute.key]), interchange::value_text(graph_, attribute.value), true);
      }
      out_ << "        </attvalues>\n      </node>\n";
    }
    out_ << "    </nodes>\n    <edges>\n";
    for (RelationId r = 0; r < graph_.relation_count(); ++r) {
      if (!view_.keeps_relation(r)) continue;
      const std::string_view type = graph_.relation_type_name(graph_.relation_type(r));
      out_ << "      <edge id=\"e" << r << "\" source=\"";
      write_xml_escaped(out_, graph_.entity_key(graph_.source(r)));
      out_ << "\" target=\"";
      write_xml_escaped(out_, graph_.entity_key(graph_.target(r)));
      out_ << "\" label=\"";
      write_xml_escaped(out_, type);
      out_ << '"';
      if (!graph_.date(r).empty()) out_ << " start=\"" << first_day(graph_.date(r)) << '"';
      if (!graph_.until(r).empty()) out_ << " end=\"" << last_day(graph_.until(r)) << '"';
      out_ << ">\n        <attvalues>\n";
      value("0", type);
      value("1", graph_.date(r).to_string());
      value("2", graph_.until(r).to_string());
      value("3", interchange::evidence_json(graph_, r));
      for (const Attribute& attribute : graph_.relation_attributes(r)) {
        value(std::to_string(relation_index_[attribute.key]), interchange::value_text(graph_, attribute.value), true);
      }
      out_ << "        </attvalues>\n      </edge>\n";
    }
    out_ << "    </edges>\n  </graph>\n</gexf>\n";
  }

 private:
  void column(const std::string& id, const std::string& title, const char* type) {
    out_ << "      <attribute id=\"" << id << "\" title=\"";
    write_xml_escaped(out_, title);
    out_ << "\" type=\"" << type << "\"/>\n";
  }

  void value(const std::string& id, std::string_view text, bool even_empty = false) {
    if (text.empty() && !even_empty) return;
    out_ << "          <attvalue for=\"" << id << "\" value=\"";
    write_xml_escaped(out_, text);
    out_ << "\"/>\n";
  }

  const View& view_;
  const Graph& graph_;
  std::ostream& out_;
  GexfVersion version_;
  std::unordered_map<StringId, std::size_t> entity_index_, relation_index_;
};

}  // namespace

void write_gexf(const View& view, std::ostream& out, GexfVersion version) { GexfWriter(view, out, version).write(); }
void write_gexf_1_2draft(const View& view, std::ostream& out) { write_gexf(view, out, GexfVersion::V1_2draft); }
void write_gexf_1_3(const View& view, std::ostream& out) { write_gexf(view, out, GexfVersion::V1_3); }

}  // namespace kg
