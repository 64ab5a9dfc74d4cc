#pragma once
// GEXF's attribute declarations (<attributes class="node|edge">) as the GEXF
// reader keeps them: each column's title, value type and default, and which
// of kg's own fields (type, aliases, name, date, evidence, ...) it holds,
// worked out once per column rather than once per value.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "ingest/interchange.hpp"

namespace kg::gexf {

// kg's own fields among the declared attributes, by title.
enum class OwnField : std::uint8_t { None, EntityType, Aliases, Name, RelationType, Date, Until, Evidence };

struct Column {
  std::string title;
  interchange::TextType type;
  bool has_default = false;
  std::string default_value;
  OwnField field = OwnField::None;
};

enum class Class : std::uint8_t { Node, Edge };

class GexfColumns {
 public:
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

  // `relation_type_column`: the edge attribute (by title) that holds the
  // relation type, in place of "type"; empty for that.
  explicit GexfColumns(std::string relation_type_column) : relation_type_column_(std::move(relation_type_column)) {}

  // Declares a column from its <attribute> (id, title, type may be null);
  // returns the problem, empty when declared. A type kg does not interpret
  // is kept as text and named in `uninterpreted` ("'title' (type)").
  std::string declare(Class of, const char* id, const char* title, const char* type, std::string& uninterpreted);
  // The text of a <default> inside the column declared last.
  void set_default(Class of, const std::string& text);

  // kind: 0 node, 1 edge. The column with this id, or npos.
  std::size_t find(int kind, const char* id) const;
  const std::vector<Column>& of(int kind) const { return columns_[kind]; }
  // Whether an edge attribute was named to hold the relation type.
  bool relation_type_named() const { return !relation_type_column_.empty(); }

 private:
  OwnField field_of(Class of, std::string_view title) const;

  std::string relation_type_column_;
  std::vector<Column> columns_[2];  // node, edge
  std::unordered_map<std::string, std::size_t> index_[2];
};

}  // namespace kg::gexf
