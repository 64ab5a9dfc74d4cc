#include "ingest/kg_json_items.hpp"

#include <algorithm>

namespace kg::kg_json {
namespace {

// A member its item cannot do without: taken, and noted as present.
std::string take_required(const Scalar& value, std::string& out, bool& present) {
  std::string problem = take_string(value, out);
  present = problem.empty();
  return problem;
}

}  // namespace

bool has_attribute(const Attributes& attributes, const std::string& key) {
  return std::any_of(attributes.begin(), attributes.end(), [&key](const auto& a) { return a.first == key; });
}

void EntityItem::clear() {
  id.clear();
  name.clear();
  type.clear();
  aliases.clear();
  attributes.clear();
  has_id = false;
}

void RelationItem::clear() {
  source.clear();
  target.clear();
  type.clear();
  date = until = Date();
  attributes.clear();
  evidence.clear();
  has_source = has_target = has_type = false;
}

void RelationItem::clear_evidence_item() {
  current_evidence.first.clear();
  current_evidence.second.clear();
  evidence_has_source = evidence_has_quote = false;
}

std::string ItemAssembler::top_member(int field, const std::string& key, const Scalar& value) {
  if (field == kNoMember) {  // any other member is kept as a graph attribute
    switch (value.kind) {
      case Scalar::Kind::Null: builder_.add_graph_json_attribute(key, "null"); break;
      case Scalar::Kind::Boolean: builder_.add_graph_attribute(key, value.boolean); break;
      case Scalar::Kind::Integer: builder_.add_graph_attribute(key, value.integer); break;
      case Scalar::Kind::Real: builder_.add_graph_attribute(key, value.real); break;
      case Scalar::Kind::String: builder_.add_graph_attribute(key, value.text); break;
    }
    return {};
  }
  switch (field) {
    case 0: return check_format_version(value);
    case 1: {
      std::string name;
      std::string problem = take_string(value, name);
      if (problem.empty()) builder_.set_name(name);
      return problem;
    }
    case 5: return expected("an object", kind_name(value.kind));
    case 6:
      if (value.kind != Scalar::Kind::Boolean) return expected("true or false", kind_name(value.kind));
      builder_.set_directed(value.boolean);
      return {};
    default: return expected("an array", kind_name(value.kind));
  }
}

std::string ItemAssembler::source_field(int field, const Scalar& value) {
  switch (field) {
    case 0: return take_required(value, source.id, source.has_id);
    case 1: return take_string(value, source.title);
    case 2: return take_string(value, source.url);
    case 3: return take_date(value, source.date);
    default: return {};
  }
}

std::string ItemAssembler::entity_field(int field, const Scalar& value) {
  switch (field) {
    case 0: return take_required(value, entity.id, entity.has_id);
    case 1: return take_string(value, entity.name);
    case 2: return take_string(value, entity.type);
    case 3: return expected("an array of strings", kind_name(value.kind));
    case 4: return expected("an object", kind_name(value.kind));
    default: return {};
  }
}

std::string ItemAssembler::relation_field(int field, const Scalar& value) {
  switch (field) {
    case 0: return take_relation_name(value, relation.source, relation.has_source);
    case 1: return take_relation_name(value, relation.target, relation.has_target);
    case 2: return take_relation_name(value, relation.type, relation.has_type);
    case 3: return take_date(value, relation.date);
    case 4: return take_date(value, relation.until);
    case 5: return expected("an object", kind_name(value.kind));
    case 6: return expected("an array of objects", kind_name(value.kind));
    default: return {};
  }
}

// A relation's source, target or type (names of entities and of a type):
// its slot in the builder's strings
// is fetched as it is read, to be in the cache when the relation is added.
std::string ItemAssembler::take_relation_name(const Scalar& value, std::string& out, bool& present) {
  std::string problem = take_required(value, out, present);
  if (present) builder_.prefetch(out);
  return problem;
}

std::string ItemAssembler::evidence_field(int field, const Scalar& value) {
  switch (field) {
    case 0: return take_required(value, relation.current_evidence.first, relation.evidence_has_source);
    case 1: return take_required(value, relation.current_evidence.second, relation.evidence_has_quote);
    default: return {};
  }
}

std::string ItemAssembler::relation_type_field(int field, const Scalar& value) {
  switch (field) {
    case 0:
      if (value.kind != Scalar::Kind::Boolean) return expected("a boolean", kind_name(value.kind));
      relation_type.symmetric = value.boolean;
      return {};
    case 1: return take_polarity(value, relation_type.polarity);
    case 2: return take_string(value, relation_type.description);
    default: return {};
  }
}

void ItemAssembler::add_source(std::size_t offset, std::size_t index) {
  sources_.add(offset, index);
  builder_.add_source(source.id, source.title, source.url, source.date);
}

void ItemAssembler::add_entity(std::size_t offset, std::size_t index) {
  entities_.add(offset, index);
  builder_.add_entity(entity.id, entity.name, entity.type);
  for (const auto& alias : entity.aliases) builder_.add_alias(alias);
  for (const auto& [key, value] : entity.attributes) builder_.add_entity_attribute(key, value.input());
}

void ItemAssembler::add_relation(std::size_t offset, std::size_t index) {
  relations_.add(offset, index);
  builder_.add_relation(relation.source, relation.target, relation.type, relation.date, relation.until);
  for (const auto& [key, value] : relation.attributes) builder_.add_relation_attribute(key, value.input());
  for (const auto& [source_id, quote] : relation.evidence) builder_.add_evidence(source_id, quote);
}

void ItemAssembler::add_relation_type() {
  builder_.declare_relation_type(relation_type.name, relation_type.symmetric, relation_type.polarity,
                                 relation_type.description);
}

}  // namespace kg::kg_json
