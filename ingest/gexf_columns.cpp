#include "ingest/gexf_columns.hpp"

namespace kg::gexf {

using interchange::TextType;

std::string GexfColumns::declare(Class of, const char* id, const char* title, const char* type,
                                 std::string& uninterpreted) {
  if (!id) return "<attribute> has no id";
  auto& index = index_[static_cast<int>(of)];
  if (index.count(id)) return std::string("attribute '") + id + "' declared twice";
  Column column;
  column.title = title ? title : id;
  const std::string_view t = type ? type : "string";
  if (t == "boolean") column.type = TextType::Boolean;
  else if (t == "integer" || t == "long" || t == "short" || t == "byte") column.type = TextType::Integer;
  else if (t == "float" || t == "double") column.type = TextType::Real;
  else if (t == "string") column.type = TextType::String;
  else {
    // liststring, date, anyURI, ...: kept as their text.
    column.type = TextType::String;
    uninterpreted = "'" + column.title + "' (" + std::string(t) + ")";
  }
  column.field = field_of(of, column.title);
  index[id] = columns_[static_cast<int>(of)].size();
  columns_[static_cast<int>(of)].push_back(std::move(column));
  return {};
}

void GexfColumns::set_default(Class of, const std::string& text) {
  auto& columns = columns_[static_cast<int>(of)];
  if (columns.empty()) return;
  columns.back().has_default = true;
  columns.back().default_value = text;
}

std::size_t GexfColumns::find(int kind, const char* id) const {
  const auto it = index_[kind].find(id);
  return it == index_[kind].end() ? npos : it->second;
}

OwnField GexfColumns::field_of(Class of, std::string_view title) const {
  if (of == Class::Node) {
    if (title == "type") return OwnField::EntityType;
    if (title == "aliases") return OwnField::Aliases;
    if (title == "name") return OwnField::Name;
    return OwnField::None;
  }
  if (!relation_type_column_.empty()) {
    if (title == relation_type_column_) return OwnField::RelationType;
    if (title == "type") return OwnField::None;
  } else if (title == "type") {
    return OwnField::RelationType;
  }
  if (title == "date") return OwnField::Date;
  if (title == "until") return OwnField::Until;
  if (title == "evidence") return OwnField::Evidence;
  return OwnField::None;
}

}  // namespace kg::gexf
