#include "export/csv.hpp"

#include <ostream>
#include <sstream>
#include <unordered_map>

#include "base/output_file.hpp"
#include "export/interchange.hpp"
#include "graph/exception.hpp"

namespace kg {
namespace {

using interchange::AttributeColumn;
using interchange::ValueType;

const char* neo4j_type(ValueType type) {
  switch (type) {
    case ValueType::Boolean: return "boolean";
    case ValueType::Integer: return "long";
    case ValueType::Real: return "double";
    default: return "string";
  }
}

bool starts_formula(std::string_view text) {
  return !text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos;
}

}  // namespace

void write_csv_field(std::ostream& out, std::string_view text, const CsvOptions& options) {
  const bool formula = options.formula_safe && starts_formula(text);
  if (!formula && text.find_first_of(",\"\r\n") == std::string_view::npos) {
    out << text;
    return;
  }
  out << '"';
  if (formula) out << '\'';
  for (const char c : text) {
    if (c == '"') out << '"';
    out << c;
  }
  out << '"';
}

namespace {

// One row's attribute values in the columns' order; empty cells for the
// attributes a row does not have (Neo4j stores no property for them).
void attribute_cells(std::ostream& out, const Graph& graph, Span<Attribute> attributes,
                     const std::vector<AttributeColumn>& columns,
                     const std::unordered_map<StringId, std::size_t>& index, const CsvOptions& options) {
  if (columns.empty()) return;
  std::vector<const Value*> cells(columns.size(), nullptr);
  for (const Attribute& attribute : attributes) cells[index.at(attribute.key)] = &attribute.value;
  for (const Value* value : cells) {
    out << ',';
    if (value) write_csv_field(out, interchange::value_text(graph, *value), options);
  }
}

void attribute_header(std::ostream& out, const std::vector<AttributeColumn>& columns,
                      std::unordered_map<StringId, std::size_t>& index, const CsvOptions& options) {
  for (std::size_t i = 0; i < columns.size(); ++i) {
    out << ',';
    // The type is always written, so a name holding ':' still reads back.
    write_csv_field(out, columns[i].name + ":" + neo4j_type(columns[i].type), options);
    index[columns[i].key] = i;
  }
  out << '\n';
}

}  // namespace

void write_entities_csv(const View& view, std::ostream& out, const CsvOptions& options) {
  const Graph& graph = view.graph();
  const auto columns = interchange::entity_columns(view);
  std::unordered_map<StringId, std::size_t> index;
  out << "id:ID,name,:LABEL,aliases:string[]";
  attribute_header(out, columns, index, options);
  std::string aliases;
  for (EntityId e = 0; e < graph.entity_count(); ++e) {
    if (!view.keeps_entity(e)) continue;
    write_csv_field(out, graph.entity_key(e), options);
    out << ',';
    write_csv_field(out, graph.entity_name(e), options);
    out << ',';
    write_csv_field(out, graph.entity_type_name(graph.entity_type(e)), options);
    out << ',';
    aliases.clear();
    for (const StringId alias : graph.entity_aliases(e)) {
      if (!aliases.empty()) aliases += ';';
      aliases += graph.str(alias);
    }
    write_csv_field(out, aliases, options);
    attribute_cells(out, graph, graph.entity_attributes(e), columns, index, options);
    out << '\n';
  }
}

void write_relations_csv(const View& view, std::ostream& out, const CsvOptions& options) {
  const Graph& graph = view.graph();
  const auto columns = interchange::relation_columns(view);
  std::unordered_map<StringId, std::size_t> index;
  out << ":START_ID,:END_ID,:TYPE,date,until,evidence";
  attribute_header(out, columns, index, options);
  for (RelationId r = 0; r < graph.relation_count(); ++r) {
    if (!view.keeps_relation(r)) continue;
    write_csv_field(out, graph.entity_key(graph.source(r)), options);
    out << ',';
    write_csv_field(out, graph.entity_key(graph.target(r)), options);
    out << ',';
    write_csv_field(out, graph.relation_type_name(graph.relation_type(r)), options);
    out << ',' << graph.date(r).to_string() << ',' << graph.until(r).to_string() << ',';
    write_csv_field(out, interchange::evidence_json(graph, r), options);
    attribute_cells(out, graph, graph.relation_attributes(r), columns, index, options);
    out << '\n';
  }
}

void write_csv(const View& view, std::ostream& out, const CsvOptions& options) {
  write_entities_csv(view, out, options);
  out << '\n';
  write_relations_csv(view, out, options);
}

void write_csv_directory(const View& view, const std::string& directory, const CsvOptions& options) {
  write_directory_atomically(directory,
                             {{"entities.csv", [&](std::ostream& out) { write_entities_csv(view, out, options); }},
                              {"relations.csv", [&](std::ostream& out) { write_relations_csv(view, out, options); }}});
}

void write_entities_csv(const View& view, std::ostream& out) { write_entities_csv(view, out, CsvOptions{}); }
void write_relations_csv(const View& view, std::ostream& out) { write_relations_csv(view, out, CsvOptions{}); }
void write_csv(const View& view, std::ostream& out) { write_csv(view, out, CsvOptions{}); }
void write_csv_directory(const View& view, const std::string& directory) {
  write_csv_directory(view, directory, CsvOptions{});
}

}  // namespace kg
