#include "export/graphml.hpp"

#include <ostream>

#include "export/interchange.hpp"

namespace kg {
namespace {

using interchange::AttributeColumn;
using interchange::ValueType;
using interchange::write_xml_escaped;

const char* graphml_type(ValueType type) {
  switch (type) {
    case ValueType::Boolean: return "boolean";
    case ValueType::Integer: return "long";
    case ValueType::Real: return "double";
    default: return "string";
  }
}

class GraphmlWriter {
 public:
  GraphmlWriter(const View& view, std::ostream& out) : view_(view), graph_(view.graph()), out_(out) {}

  void write() {
    const auto entity_columns = interchange::entity_columns(view_);
    const auto relation_columns = interchange::relation_columns(view_);
    const auto graph_columns = interchange::graph_columns(graph_);
    out_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
            "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
            "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
            "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
    // kg's own fields first, then the attributes: g* for the graph, n* for
    // nodes, e* for edges.
    key("g0", "graph", "name", "string");
    key("g1", "graph", "sources", "string");
    key("g2", "graph", "relation_types", "string");
    for (std::size_t i = 0; i < graph_columns.size(); ++i) {
      key("g" + std::to_string(i + 3), "graph", graph_columns[i].name, graphml_type(graph_columns[i].type));
    }
    key("n0", "node", "name", "string");
    key("n1", "node", "type", "string");
    key("n2", "node", "aliases", "string");
    for (std::size_t i = 0; i < entity_columns.size(); ++i) {
      key("n" + std::to_string(i + 3), "node", entity_columns[i].name, graphml_type(entity_columns[i].type));
    }
    key("e0", "edge", "type", "string");
    key("e1", "edge", "date", "string");
    key("e2", "edge", "until", "string");
    key("e3", "edge", "evidence", "string");
    for (std::size_t i = 0; i < relation_columns.size(); ++i) {
      key("e" + std::to_string(i + 4), "edge", relation_columns[i].name, graphml_type(relation_columns[i].type));
    }

    // Per-edge direction is not written: NetworkX refuses a directed="false"
    // edge in a directed graph. Symmetric types travel in relation_types.
    out_ << "  <graph id=\"G\" edgedefault=\"" << (graph_.directed() ? "directed" : "undirected") << "\">\n";
    data(2, "g0", graph_.name());
    data(2, "g1", interchange::sources_json(graph_));
    data(2, "g2", interchange::relation_types_json(graph_));
    for (const Attribute& attribute : graph_.graph_attributes()) {
      data(2, "g" + std::to_string(index_of(graph_columns, attribute.key) + 3),
           interchange::value_text(graph_, attribute.value), true);
    }

    for (EntityId e = 0; e < graph_.entity_count(); ++e) {
      if (!view_.keeps_entity(e)) continue;
      out_ << "    <node id=\"";
      write_xml_escaped(out_, graph_.entity_key(e));
      out_ << "\">\n";
      data(3, "n0", graph_.entity_name(e));
      data(3, "n1", graph_.entity_type_name(graph_.entity_type(e)));
      data(3, "n2", interchange::aliases_json(graph_, e));
      for (const Attribute& attribute : graph_.entity_attributes(e)) {
        data(3, "n" + std::to_string(index_of(entity_columns, attribute.key) + 3),
             interchange::value_text(graph_, attribute.value), true);
      }
      out_ << "    </node>\n";
    }
    for (RelationId r = 0; r < graph_.relation_count(); ++r) {
      if (!view_.keeps_relation(r)) continue;
      out_ << "    <edge id=\"e" << r << "\" source=\"";
      write_xml_escaped(out_, graph_.entity_key(graph_.source(r)));
      out_ << "\" target=\"";
      write_xml_escaped(out_, graph_.entity_key(graph_.target(r)));
      out_ << "\">\n";
      data(3, "e0", graph_.relation_type_name(graph_.relation_type(r)));
      data(3, "e1", graph_.date(r).to_string());
      data(3, "e2", graph_.until(r).to_string());
      data(3, "e3", interchange::evidence_json(graph_, r));
      for (const Attribute& attribute : graph_.relation_attributes(r)) {
        data(3, "e" + std::to_string(index_of(relation_columns, attribute.key) + 4),
             interchange::value_text(graph_, attribute.value), true);
      }
      out_ << "    </edge>\n";
    }
    out_ << "  </graph>\n</graphml>\n";
  }

 private:
  void key(const std::string& id, const char* domain, const std::string& name, const char* type) {
    out_ << "  <key id=\"" << id << "\" for=\"" << domain << "\" attr.name=\"";
    write_xml_escaped(out_, name);
    out_ << "\" attr.type=\"" << type << "\"/>\n";
  }

  // kg's fields are left out when empty (the key's absence means "none");
  // attributes are written whatever their value.
  void data(int depth, const std::string& key, std::string_view value, bool even_empty = false) {
    if (value.empty() && !even_empty) return;
    out_ << std::string(static_cast<std::size_t>(depth) * 2, ' ') << "<data key=\"" << key << "\">";
    write_xml_escaped(out_, value);
    out_ << "</data>\n";
  }

  static std::size_t index_of(const std::vector<AttributeColumn>& columns, StringId key) {
    for (std::size_t i = 0; i < columns.size(); ++i) {
      if (columns[i].key == key) return i;
    }
    return columns.size();
  }

  const View& view_;
  const Graph& graph_;
  std::ostream& out_;
};

}  // namespace

void write_graphml(const View& view, std::ostream& out) { GraphmlWriter(view, out).write(); }

}  // namespace kg
