#include "ingest/graphml_keys.hpp"

namespace kg::graphml {

using interchange::TextType;

OwnField field_of(Domain domain, std::string_view name) {
  switch (domain) {
    case Domain::Node:
      if (name == "name") return OwnField::Name;
      if (name == "type") return OwnField::EntityType;
      if (name == "aliases") return OwnField::Aliases;
      return OwnField::None;
    case Domain::Edge:
      if (name == "type") return OwnField::RelationType;
      if (name == "date") return OwnField::Date;
      if (name == "until") return OwnField::Until;
      if (name == "evidence") return OwnField::Evidence;
      return OwnField::None;
    case Domain::Graph:
      if (name == "name") return OwnField::GraphName;
      if (name == "sources") return OwnField::Sources;
      if (name == "relation_types") return OwnField::RelationTypes;
      return OwnField::None;
    default: return OwnField::None;
  }
}

std::string GraphmlKeys::declare(std::size_t offset, const char* id, const char* domain, const char* name,
                                 const char* type) {
  if (!id) return "<key> has no id";
  Key key;
  key.name = name ? name : id;
  const std::string_view d = domain ? domain : "all";
  if (d == "node") key.domain = Domain::Node;
  else if (d == "edge") key.domain = Domain::Edge;
  else if (d == "graph") key.domain = Domain::Graph;
  else if (d == "all") key.domain = Domain::All;
  else {
    // Keys for ports, hyperedges and the document say nothing kg keeps.
    key.domain = Domain::All;
  }
  const std::string_view t = type ? type : "string";
  if (t == "boolean") key.type = TextType::Boolean;
  else if (t == "int" || t == "long") key.type = TextType::Integer;
  else if (t == "float" || t == "double") key.type = TextType::Real;
  else if (t == "string") key.type = TextType::String;
  else {
    // graph-tool's vector_float, python_object, ...: kept as their text.
    key.type = TextType::String;
    uninterpreted_.push_back({offset, "'" + key.name + "' (" + std::string(t) + ")"});
  }
  if (index_.count(id)) return std::string("key '") + id + "' declared twice";
  key.node_field = key.domain == Domain::Node || key.domain == Domain::All ? field_of(Domain::Node, key.name)
                                                                           : OwnField::None;
  key.edge_field = key.domain == Domain::Edge || key.domain == Domain::All ? field_of(Domain::Edge, key.name)
                                                                           : OwnField::None;
  if (!relation_type_key_.empty() && key.edge_field != OwnField::None) {
    key.edge_field = key.name == relation_type_key_ ? OwnField::RelationType
                     : key.edge_field == OwnField::RelationType ? OwnField::None
                                                             : key.edge_field;
  } else if (!relation_type_key_.empty() && key.name == relation_type_key_ &&
             (key.domain == Domain::Edge || key.domain == Domain::All)) {
    key.edge_field = OwnField::RelationType;
  }
  key.label = key.name == "label";
  key.id = key.name == "id";
  index_[id] = keys_.size();
  keys_.push_back(std::move(key));
  return {};
}

void GraphmlKeys::set_default(const std::string& text) {
  if (keys_.empty()) return;
  keys_.back().has_default = true;
  keys_.back().default_value = text;
}

std::size_t GraphmlKeys::find(const char* id) const {
  const auto it = index_.find(id);
  return it == index_.end() ? keys_.size() : it->second;
}

}  // namespace kg::graphml
