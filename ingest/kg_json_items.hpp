#pragma once
// The items of a kg JSON document (sources, entities, relations with their
// evidence, relation types) as they are read member by member, and their
// hand-over to the graph builder once complete, with where each came from
// so that the builder's problems can be placed in the file.
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "graph/builder.hpp"
#include "ingest/kg_json_shape.hpp"
#include "ingest/kg_json_values.hpp"

namespace kg::kg_json {

using Attributes = std::vector<std::pair<std::string, OwnedScalar>>;

// Whether an attribute of this name was read already.
bool has_attribute(const Attributes& attributes, const std::string& key);

struct SourceItem {
  std::string id, title, url;
  Date date;
  bool has_id = false;
};

struct EntityItem {
  std::string id, name, type;
  std::vector<std::string> aliases;
  Attributes attributes;
  bool has_id = false;
  // Empties the item keeping its buffers: entities come by the million.
  void clear();
};

struct RelationItem {
  // Interned when the relation is added, so that strings are interned in
  // the order the builder is given them; their slots in the builder's
  // strings are fetched as they are read (StringInterner::prefetch).
  std::string source, target, type;
  Date date, until;
  Attributes attributes;
  std::vector<std::pair<std::string, std::string>> evidence;  // source id, quote
  std::pair<std::string, std::string> current_evidence;
  bool has_source = false, has_target = false, has_type = false;
  bool evidence_has_source = false, evidence_has_quote = false;
  void clear();
  void clear_evidence_item();
};

struct RelationTypeItem {
  std::string name;
  bool symmetric = false;
  Polarity polarity = Polarity::Neutral;
  std::string description;
};

// Where each item handed to the builder came from: the offset of its '{'
// and its index in the document's array (items refused before the builder
// saw them leave gaps in the builder's numbering, not here).
struct ItemOrigins {
  std::vector<std::size_t> offsets;
  std::vector<std::uint32_t> indices;
  void add(std::size_t offset, std::size_t index) {
    offsets.push_back(offset);
    indices.push_back(static_cast<std::uint32_t>(index));
  }
};

// The item being read of each kind, and the builder it goes to.
class ItemAssembler {
 public:
  explicit ItemAssembler(Builder& builder) : builder_(builder) {}

  SourceItem source;
  EntityItem entity;
  RelationItem relation;
  RelationTypeItem relation_type;

  // A scalar for member `field` (its index in fields_of(), or kNoMember
  // for a name kept as text: `key`) of the object being read, taken into
  // its item. Each returns the problem with the value, empty when taken.
  std::string top_member(int field, const std::string& key, const Scalar& value);
  std::string source_field(int field, const Scalar& value);
  std::string entity_field(int field, const Scalar& value);
  std::string relation_field(int field, const Scalar& value);
  std::string evidence_field(int field, const Scalar& value);
  std::string relation_type_field(int field, const Scalar& value);

  // Hand the item read over; `offset` and `index` say where it was.
  void add_source(std::size_t offset, std::size_t index);
  void add_entity(std::size_t offset, std::size_t index);
  void add_relation(std::size_t offset, std::size_t index);
  void add_relation_type();

  const ItemOrigins& sources() const { return sources_; }
  const ItemOrigins& entities() const { return entities_; }
  const ItemOrigins& relations() const { return relations_; }

 private:
  std::string take_relation_name(const Scalar& value, std::string& out, bool& present);

  Builder& builder_;
  ItemOrigins sources_, entities_, relations_;
};

}  // namespace kg::kg_json
