#pragma once
// GraphML's <key> declarations as the GraphML reader keeps them: each key's
// name, domain and value type, its default, and which of kg's own fields
// (name, type, date, evidence, ...) it holds, worked out once per key rather
// than once per value.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "ingest/interchange.hpp"

namespace kg::graphml {

enum class Domain : std::uint8_t { Node, Edge, Graph, All };

// kg's own fields among the keys, by attr.name.
enum class OwnField : std::uint8_t { None, Name, EntityType, Aliases, RelationType, Date, Until, Evidence,
                                     GraphName, Sources, RelationTypes };

struct Key {
  std::string name;
  Domain domain;
  interchange::TextType type;
  bool has_default = false;
  std::string default_value;
  // Worked out once per key rather than once per value.
  OwnField node_field = OwnField::None, edge_field = OwnField::None;
  // A node's "label" (Gephi, yEd) or "id" (igraph keeps a GraphML node id
  // so) names it when "name" is absent; an edge's "label" is its relation
  // type when "type" is absent.
  bool label = false;
  bool id = false;
};

// The field of kg's that a key of this name holds in this domain.
OwnField field_of(Domain domain, std::string_view name);

class GraphmlKeys {
 public:
  // `relation_type_key`: the edge key (by attr.name) that holds the relation
  // type, in place of "type" or "label"; empty for those.
  explicit GraphmlKeys(std::string relation_type_key) : relation_type_key_(std::move(relation_type_key)) {}

  // Declares a key from its <key> element's attributes (each may be null);
  // returns the problem with it, empty when it is declared.
  std::string declare(std::size_t offset, const char* id, const char* domain, const char* name, const char* type);
  // The text of a <default> inside the key declared last.
  void set_default(const std::string& text);

  // The index of the key with this id, or size() when none has it.
  std::size_t find(const char* id) const;
  std::size_t size() const { return keys_.size(); }
  const Key& operator[](std::size_t index) const { return keys_[index]; }
  // Whether an edge key was named to hold the relation type.
  bool relation_type_named() const { return !relation_type_key_.empty(); }
  // Keys of types kg does not interpret, each (offset, "'name' (type)").
  const std::vector<std::pair<std::size_t, std::string>>& uninterpreted() const { return uninterpreted_; }

 private:
  std::string relation_type_key_;
  std::vector<Key> keys_;
  std::unordered_map<std::string, std::size_t> index_;
  std::vector<std::pair<std::size_t, std::string>> uninterpreted_;
};

}  // namespace kg::graphml
