#include "graph/graph.hpp"

#include <algorithm>
#include <string>

#include "graph/exception.hpp"

namespace kg {
namespace {

void require(bool condition, const char* what) {
  if (!condition) throw InvalidArgument(std::string("graph data: ") + what);
}

template <typename T>
void check_offsets(const std::vector<Offset>& offsets, std::size_t owners, const std::vector<T>& items,
                   const char* what) {
  require(offsets.size() == owners + 1 && offsets.front() == 0 && offsets.back() == items.size(), what);
  for (std::size_t i = 1; i < offsets.size(); ++i) require(offsets[i - 1] <= offsets[i], what);
}

void check_attributes(const std::vector<Attribute>& attributes, std::size_t strings) {
  for (const auto& a : attributes) {
    require(a.key < strings, "attribute key out of range");
    const auto kind = a.value.kind();
    require(kind <= Value::Kind::Json, "attribute kind out of range");
    if (kind == Value::Kind::String || kind == Value::Kind::Json) {
      require(a.value.as_string() < strings, "attribute string out of range");
    }
  }
}

// Decimal integer text as JSON writes it: no sign but '-', no leading zero.
bool integer_text(std::string_view text) {
  if (!text.empty() && text.front() == '-') text.remove_prefix(1);
  if (text.empty() || (text.front() == '0' && text.size() > 1)) return false;
  return std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool valid_date_code(std::uint32_t code) {
  try {
    Date::unpack(code);
    return true;
  } catch (const InvalidArgument&) {
    return false;
  }
}

// Counting sort of relations by one endpoint: offsets per entity, then the
// relation ids and the opposite endpoints in input order.
void build_csr(const std::vector<EntityId>& keys, const std::vector<EntityId>& others, std::size_t entities,
               std::vector<Offset>& offsets, std::vector<RelationId>& relations, std::vector<EntityId>& neighbors) {
  offsets.assign(entities + 1, 0);
  for (EntityId k : keys) ++offsets[k + 1];
  for (std::size_t e = 0; e < entities; ++e) offsets[e + 1] += offsets[e];
  relations.resize(keys.size());
  neighbors.resize(keys.size());
  std::vector<Offset> next(offsets.begin(), offsets.end() - 1);
  for (RelationId r = 0; r < keys.size(); ++r) {
    const Offset slot = next[keys[r]]++;
    relations[slot] = r;
    neighbors[slot] = others[r];
  }
}

template <typename T>
std::size_t bytes_of(const std::vector<T>& v) {
  return v.capacity() * sizeof(T);
}

}  // namespace

Graph::Graph(GraphData data) : data_(std::move(data)) {
  check_invariants();
  shrink_columns();
  build_adjacency();
  for (RelationId r = 0; r < relation_count(); ++r) undated_relations_ += date(r).empty();
}

// Columns a builder grew by doubling hold up to twice their size; a graph
// lives long and large, so it gives the slack back before the adjacency
// takes memory of its own (19 bytes a relation on the L graph).
void Graph::shrink_columns() {
  auto& d = data_;
  const auto shrink = [](auto&... columns) { (columns.shrink_to_fit(), ...); };
  shrink(d.graph_attributes, d.sources, d.entity_type_names, d.relation_type_infos, d.entity_keys, d.entity_names,
         d.entity_types, d.alias_offsets, d.aliases, d.entity_attribute_offsets, d.entity_attributes,
         d.relation_sources, d.relation_targets, d.relation_types, d.relation_dates, d.relation_untils,
         d.relation_attribute_offsets, d.relation_attributes, d.evidence_offsets, d.evidence);
}

void Graph::check_invariants() const {
  const auto& d = data_;
  const std::size_t strings = d.strings.size();
  const auto string_ok = [strings](StringId id) { return id < strings; };
  require(string_ok(d.name), "graph name out of range");
  check_attributes(d.graph_attributes, strings);
  for (const auto& s : d.sources) {
    require(string_ok(s.id) && string_ok(s.title) && string_ok(s.url), "source string out of range");
    require(valid_date_code(s.date.pack()), "source date invalid");
  }
  require(std::all_of(d.entity_type_names.begin(), d.entity_type_names.end(), string_ok),
          "entity type name out of range");
  for (const auto& t : d.relation_type_infos) {
    require(string_ok(t.name) && string_ok(t.description), "relation type string out of range");
    require(t.polarity <= Polarity::Negative, "relation type polarity out of range");
  }

  const std::size_t n = d.entity_keys.size();
  require(n < UINT32_MAX, "too many entities");
  require(d.entity_names.size() == n && d.entity_types.size() == n, "entity columns differ in length");
  require(std::all_of(d.entity_keys.begin(), d.entity_keys.end(), string_ok), "entity key out of range");
  require(std::all_of(d.entity_names.begin(), d.entity_names.end(), string_ok), "entity name out of range");
  for (TypeId t : d.entity_types) require(t < d.entity_type_names.size(), "entity type out of range");
  check_offsets(d.alias_offsets, n, d.aliases, "alias offsets inconsistent");
  require(std::all_of(d.aliases.begin(), d.aliases.end(), string_ok), "alias out of range");
  check_offsets(d.entity_attribute_offsets, n, d.entity_attributes, "entity attribute offsets inconsistent");
  check_attributes(d.entity_attributes, strings);
  if (d.integer_ids) {
    for (StringId key : d.entity_keys) require(integer_text(d.strings.view(key)), "integer ids flagged, an id is not one");
  }

  const std::size_t m = d.relation_sources.size();
  require(m < UINT32_MAX, "too many relations");
  require(d.relation_targets.size() == m && d.relation_types.size() == m && d.relation_dates.size() == m &&
              d.relation_untils.size() == m,
          "relation columns differ in length");
  for (std::size_t r = 0; r < m; ++r) {
    require(d.relation_sources[r] < n && d.relation_targets[r] < n, "relation endpoint out of range");
    require(d.relation_types[r] < d.relation_type_infos.size(), "relation type out of range");
    require(valid_date_code(d.relation_dates[r]) && valid_date_code(d.relation_untils[r]), "relation date invalid");
  }
  check_offsets(d.relation_attribute_offsets, m, d.relation_attributes, "relation attribute offsets inconsistent");
  check_attributes(d.relation_attributes, strings);
  check_offsets(d.evidence_offsets, m, d.evidence, "evidence offsets inconsistent");
  for (const auto& e : d.evidence) {
    require(e.source < d.sources.size() && string_ok(e.quote), "evidence out of range");
  }
}

void Graph::build_adjacency() {
  const std::size_t n = entity_count();
  build_csr(data_.relation_sources, data_.relation_targets, n, out_offsets_, out_relations_, out_neighbors_);
  build_csr(data_.relation_targets, data_.relation_sources, n, in_offsets_, in_relations_, in_neighbors_);
}

std::optional<EntityId> Graph::find_entity(std::string_view key) const {
  auto& sorted = key_index_->sorted;
  std::call_once(key_index_->built, [this, &sorted] {
    sorted.resize(entity_count());
    for (EntityId e = 0; e < entity_count(); ++e) sorted[e] = e;
    std::sort(sorted.begin(), sorted.end(), [this](EntityId a, EntityId b) { return entity_key(a) < entity_key(b); });
  });
  const auto it = std::lower_bound(sorted.begin(), sorted.end(), key,
                                   [this](EntityId e, std::string_view k) { return entity_key(e) < k; });
  if (it == sorted.end() || entity_key(*it) != key) return std::nullopt;
  return *it;
}

std::shared_ptr<const Adjacency> Graph::kept_adjacency(
    std::size_t slot, const std::function<std::shared_ptr<const Adjacency>()>& build) const {
  const std::lock_guard<std::mutex> lock(kept_adjacency_->mutex);
  auto& kept = kept_adjacency_->by_slot[slot];
  if (!kept) kept = build();
  return kept;
}

std::optional<TypeId> Graph::find_entity_type(std::string_view name) const {
  for (TypeId t = 0; t < entity_type_count(); ++t) {
    if (entity_type_name(t) == name) return t;
  }
  return std::nullopt;
}

std::optional<TypeId> Graph::find_relation_type(std::string_view name) const {
  for (TypeId t = 0; t < relation_type_count(); ++t) {
    if (relation_type_name(t) == name) return t;
  }
  return std::nullopt;
}

std::size_t Graph::memory_bytes() const {
  const auto& d = data_;
  return d.strings.bytes() + bytes_of(d.graph_attributes) + bytes_of(d.sources) + bytes_of(d.entity_type_names) +
         bytes_of(d.relation_type_infos) + bytes_of(d.entity_keys) + bytes_of(d.entity_names) +
         bytes_of(d.entity_types) + bytes_of(d.alias_offsets) + bytes_of(d.aliases) +
         bytes_of(d.entity_attribute_offsets) + bytes_of(d.entity_attributes) + bytes_of(d.relation_sources) +
         bytes_of(d.relation_targets) + bytes_of(d.relation_types) + bytes_of(d.relation_dates) +
         bytes_of(d.relation_untils) + bytes_of(d.relation_attribute_offsets) + bytes_of(d.relation_attributes) +
         bytes_of(d.evidence_offsets) + bytes_of(d.evidence) + bytes_of(out_offsets_) + bytes_of(in_offsets_) +
         bytes_of(out_relations_) + bytes_of(in_relations_) + bytes_of(out_neighbors_) + bytes_of(in_neighbors_) +
         bytes_of(key_index_->sorted);
}

std::size_t Graph::evidence_bytes() const {
  const auto& d = data_;
  // A quote cited twice is stored once (interned); a quote that is also
  // some other string (rare) is counted here too.
  std::vector<bool> quote(d.strings.size(), false);
  std::size_t text = 0;
  for (const auto& e : d.evidence) {
    if (quote[e.quote]) continue;
    quote[e.quote] = true;
    text += str(e.quote).size() + sizeof(std::uint64_t);  // its bytes and its pool offset
  }
  return text + bytes_of(d.evidence_offsets) + bytes_of(d.evidence);
}

}  // namespace kg
