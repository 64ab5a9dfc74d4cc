#include "graph/graph.hpp"

#include <algorithm>
#include <array>
#include <random>
#include <string>

#include "graph/exception.hpp"

namespace kg {
namespace {

void require(bool condition, const char* what) {
  if (!condition) throw InvalidArgument(std::string("graph data: ") + what);
}

void check_offsets(Span<Offset> offsets, std::size_t owners, std::size_t items, const char* what) {
  require(offsets.size() == owners + 1 && offsets[0] == 0 && offsets[owners] == items, what);
  for (std::size_t i = 1; i < offsets.size(); ++i) require(offsets[i - 1] <= offsets[i], what);
}

void check_attributes(Span<Attribute> attributes, std::size_t strings) {
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

// Date::is_code with the codes seen remembered: a graph of a million
// relations holds a few thousand distinct dates, and checking one takes
// divisions and a calendar.
class DateCodeCheck {
 public:
  bool operator()(std::uint32_t code) {
    std::uint32_t& seen = seen_[(code * 0x9E3779B1u) >> 20];
    if (seen == code) return true;
    if (!Date::is_code(code)) return false;
    seen = code;
    return true;
  }

 private:
  std::array<std::uint32_t, 4096> seen_{};  // 0, the absent date, is a code
};

void check_columns(const GraphColumns& d) {
  const std::size_t strings = d.strings.size();
  require(strings > 0 || d.strings.offsets.size() == 1, "string offsets missing");
  require(d.strings.offsets[0] == 0 && d.strings.offsets[strings] == d.strings.bytes.size(),
          "string offsets inconsistent");
  for (std::size_t i = 1; i <= strings; ++i) {
    require(d.strings.offsets[i - 1] <= d.strings.offsets[i], "string offsets inconsistent");
  }
  const auto string_ok = [strings](StringId id) { return id < strings; };
  DateCodeCheck date_ok;
  require(string_ok(d.name), "graph name out of range");
  check_attributes(d.graph_attributes, strings);
  for (const auto& s : d.sources) {
    require(string_ok(s.id) && string_ok(s.title) && string_ok(s.url), "source string out of range");
    require(date_ok(s.date.pack()), "source date invalid");
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
  check_offsets(d.alias_offsets, n, d.aliases.size(), "alias offsets inconsistent");
  require(std::all_of(d.aliases.begin(), d.aliases.end(), string_ok), "alias out of range");
  check_offsets(d.entity_attribute_offsets, n, d.entity_attributes.size(), "entity attribute offsets inconsistent");
  check_attributes(d.entity_attributes, strings);
  if (d.integer_ids) {
    for (StringId key : d.entity_keys) require(integer_text(d.strings.view(key)), "integer ids flagged, an id is not one");
  }

  const std::size_t m = d.relation_sources.size();
  require(m < UINT32_MAX, "too many relations");
  require(d.relation_targets.size() == m && d.relation_types.size() == m && d.relation_dates.size() == m &&
              (d.relation_untils.empty() || d.relation_untils.size() == m),
          "relation columns differ in length");
  // Accumulated rather than tested one by one: a snapshot of millions of
  // relations is checked on every open.
  const std::size_t types = d.relation_type_infos.size();
  bool ends_in_range = true, types_in_range = true, dates_valid = true;
  for (std::size_t r = 0; r < m; ++r) {
    ends_in_range &= d.relation_sources[r] < n && d.relation_targets[r] < n;
    types_in_range &= d.relation_types[r] < types;
  }
  for (std::uint32_t date : d.relation_dates) dates_valid &= date_ok(date);
  for (std::uint32_t until : d.relation_untils) dates_valid &= date_ok(until);
  require(ends_in_range, "relation endpoint out of range");
  require(types_in_range, "relation type out of range");
  require(dates_valid, "relation date invalid");
  if (d.relation_attribute_offsets.empty()) {
    require(d.relation_attributes.empty(), "relation attribute offsets missing");
  } else {
    check_offsets(d.relation_attribute_offsets, m, d.relation_attributes.size(),
                  "relation attribute offsets inconsistent");
  }
  check_attributes(d.relation_attributes, strings);
  check_offsets(d.evidence_offsets, m, d.evidence.size(), "evidence offsets inconsistent");
  for (const auto& e : d.evidence) {
    require(e.source < d.sources.size() && string_ok(e.quote), "evidence out of range");
  }
}

// Whether a stored adjacency is exactly the one the relation columns imply.
// Each slice must list relation ids in increasing order, and the entries of
// a direction must be the same multiset of (relation, end, neighbour) as the
// columns hold, compared by a sum of keyed hashes with a key drawn for this
// check: a file cannot be made to agree under a key it never saw, and two
// different multisets agree with a chance of about 2^-64. Both sums are
// sequential passes; looking each entry up in the columns instead is a
// random read per relation (330 ms of a 640 ms open of the L snapshot).
class AdjacencyCheck {
 public:
  AdjacencyCheck() {
    std::random_device device;
    key_ = std::uint64_t{device()} << 32 | device();
  }

  void check(const GraphColumns& d, const AdjacencyColumns& a) const {
    const std::size_t n = d.entity_keys.size();
    const std::size_t m = d.relation_sources.size();
    check_offsets(a.out_offsets, n, m, "out-adjacency inconsistent");
    check_offsets(a.in_offsets, n, m, "in-adjacency inconsistent");
    require(a.out_relations.size() == m && a.out_neighbors.size() == m, "out-adjacency inconsistent");
    require(a.in_relations.size() == m, "in-adjacency inconsistent");

    std::uint64_t out_columns = 0, in_columns = 0;
    for (RelationId r = 0; r < m; ++r) {
      out_columns += entry(r, d.relation_sources[r], d.relation_targets[r]);
      in_columns += entry(r, d.relation_targets[r], 0);
    }
    std::uint64_t out_stored = 0, in_stored = 0;
    bool out_ordered = true, in_ordered = true;
    for (EntityId e = 0; e < n; ++e) {
      for (Offset i = a.out_offsets[e]; i < a.out_offsets[e + 1]; ++i) {
        out_ordered &= i == a.out_offsets[e] || a.out_relations[i - 1] < a.out_relations[i];
        out_stored += entry(a.out_relations[i], e, a.out_neighbors[i]);
      }
      for (Offset i = a.in_offsets[e]; i < a.in_offsets[e + 1]; ++i) {
        in_ordered &= i == a.in_offsets[e] || a.in_relations[i - 1] < a.in_relations[i];
        in_stored += entry(a.in_relations[i], e, 0);
      }
    }
    require(out_ordered && out_stored == out_columns, "out-adjacency inconsistent");
    require(in_ordered && in_stored == in_columns, "in-adjacency inconsistent");
  }

 private:
  // One multiplication and shift a step: millions of entries are hashed on
  // every open, and the key, not the mixing, is what a crafted file cannot
  // know.
  static std::uint64_t mix(std::uint64_t x) {
    x *= 0x9E3779B97F4A7C15ull;
    return x ^ (x >> 29);
  }
  std::uint64_t entry(RelationId r, EntityId end, EntityId neighbor) const {
    return mix(mix((std::uint64_t{r} << 32 | end) ^ key_) + neighbor);
  }

  std::uint64_t key_;
};

template <typename T>
Span<T> span_of(const std::vector<T>& v) {
  return Span<T>(v.data(), v.size());
}

template <typename T>
std::vector<T> vector_of(Span<T> s) {
  return std::vector<T>(s.begin(), s.end());
}

template <typename T>
std::size_t bytes_of(Span<T> s) {
  return s.size() * sizeof(T);
}

// A graph's own columns and the adjacency built from them.
struct OwnedColumns {
  GraphData data;
  std::vector<Offset> out_offsets, in_offsets;
  std::vector<RelationId> out_relations, in_relations;
  std::vector<EntityId> out_neighbors;
};

// Counting sort of relations by one endpoint: offsets per entity, then the
// relation ids in input order, and when `others` is given the opposite
// endpoints beside them (written in the same pass: gathering them after
// would be a random read per relation).
void build_csr(const std::vector<EntityId>& keys, std::size_t entities, std::vector<Offset>& offsets,
               std::vector<RelationId>& relations, const std::vector<EntityId>* others = nullptr,
               std::vector<EntityId>* neighbors = nullptr) {
  offsets.assign(entities + 1, 0);
  for (EntityId k : keys) ++offsets[k + 1];
  for (std::size_t e = 0; e < entities; ++e) offsets[e + 1] += offsets[e];
  relations.resize(keys.size());
  if (neighbors) neighbors->resize(keys.size());
  std::vector<Offset> next(offsets.begin(), offsets.end() - 1);
  for (RelationId r = 0; r < keys.size(); ++r) {
    const Offset slot = next[keys[r]]++;
    relations[slot] = r;
    if (neighbors) (*neighbors)[slot] = (*others)[r];
  }
}

// Columns a builder grew by doubling hold up to twice their size; a graph
// lives long and large, so it gives the slack back before the adjacency
// takes memory of its own (19 bytes a relation on the L graph). Columns of
// nothing but defaults go altogether.
void compact(GraphData& d) {
  if (std::all_of(d.relation_untils.begin(), d.relation_untils.end(), [](std::uint32_t u) { return u == 0; })) {
    d.relation_untils.clear();
  }
  if (d.relation_attributes.empty()) d.relation_attribute_offsets.clear();
  const auto shrink = [](auto&... columns) { (columns.shrink_to_fit(), ...); };
  shrink(d.graph_attributes, d.sources, d.entity_type_names, d.relation_type_infos, d.entity_keys, d.entity_names,
         d.entity_types, d.alias_offsets, d.aliases, d.entity_attribute_offsets, d.entity_attributes,
         d.relation_sources, d.relation_targets, d.relation_types, d.relation_dates, d.relation_untils,
         d.relation_attribute_offsets, d.relation_attributes, d.evidence_offsets, d.evidence);
}

}  // namespace

GraphColumns columns_of(const GraphData& d) {
  GraphColumns c;
  c.strings = {d.strings.data(), span_of(d.strings.offsets())};
  c.name = d.name;
  c.directed = d.directed;
  c.integer_ids = d.integer_ids;
  c.graph_attributes = span_of(d.graph_attributes);
  c.sources = span_of(d.sources);
  c.entity_type_names = span_of(d.entity_type_names);
  c.relation_type_infos = span_of(d.relation_type_infos);
  c.entity_keys = span_of(d.entity_keys);
  c.entity_names = span_of(d.entity_names);
  c.entity_types = span_of(d.entity_types);
  c.alias_offsets = span_of(d.alias_offsets);
  c.aliases = span_of(d.aliases);
  c.entity_attribute_offsets = span_of(d.entity_attribute_offsets);
  c.entity_attributes = span_of(d.entity_attributes);
  c.relation_sources = span_of(d.relation_sources);
  c.relation_targets = span_of(d.relation_targets);
  c.relation_types = span_of(d.relation_types);
  c.relation_dates = span_of(d.relation_dates);
  c.relation_untils = span_of(d.relation_untils);
  c.relation_attribute_offsets = span_of(d.relation_attribute_offsets);
  c.relation_attributes = span_of(d.relation_attributes);
  c.evidence_offsets = span_of(d.evidence_offsets);
  c.evidence = span_of(d.evidence);
  return c;
}

GraphData copy_of(const GraphColumns& c) {
  GraphData d;
  d.strings = StringPool::from_columns(std::string(c.strings.bytes), vector_of(c.strings.offsets));
  d.name = c.name;
  d.directed = c.directed;
  d.integer_ids = c.integer_ids;
  d.graph_attributes = vector_of(c.graph_attributes);
  d.sources = vector_of(c.sources);
  d.entity_type_names = vector_of(c.entity_type_names);
  d.relation_type_infos = vector_of(c.relation_type_infos);
  d.entity_keys = vector_of(c.entity_keys);
  d.entity_names = vector_of(c.entity_names);
  d.entity_types = vector_of(c.entity_types);
  d.alias_offsets = vector_of(c.alias_offsets);
  d.aliases = vector_of(c.aliases);
  d.entity_attribute_offsets = vector_of(c.entity_attribute_offsets);
  d.entity_attributes = vector_of(c.entity_attributes);
  d.relation_sources = vector_of(c.relation_sources);
  d.relation_targets = vector_of(c.relation_targets);
  d.relation_types = vector_of(c.relation_types);
  d.relation_dates = vector_of(c.relation_dates);
  const std::size_t m = c.relation_sources.size();
  d.relation_untils = c.relation_untils.empty() ? std::vector<std::uint32_t>(m, 0) : vector_of(c.relation_untils);
  d.relation_attribute_offsets =
      c.relation_attribute_offsets.empty() ? std::vector<Offset>(m + 1, 0) : vector_of(c.relation_attribute_offsets);
  d.relation_attributes = vector_of(c.relation_attributes);
  d.evidence_offsets = vector_of(c.evidence_offsets);
  d.evidence = vector_of(c.evidence);
  return d;
}

Graph::Graph(GraphData data) {
  auto owned = std::make_shared<OwnedColumns>();
  GraphData& d = owned->data;
  d = std::move(data);
  check_columns(columns_of(d));
  compact(d);
  build_csr(d.relation_sources, d.entity_keys.size(), owned->out_offsets, owned->out_relations, &d.relation_targets,
            &owned->out_neighbors);
  build_csr(d.relation_targets, d.entity_keys.size(), owned->in_offsets, owned->in_relations);
  c_ = columns_of(d);
  a_ = {span_of(owned->out_offsets), span_of(owned->out_relations), span_of(owned->out_neighbors),
        span_of(owned->in_offsets), span_of(owned->in_relations)};
  storage_ = std::move(owned);
  count_undated();
}

Graph::Graph(std::shared_ptr<const void> storage, const GraphColumns& columns, const AdjacencyColumns& adjacency)
    : storage_(std::move(storage)), c_(columns), a_(adjacency) {
  check_columns(c_);
  AdjacencyCheck().check(c_, a_);
  count_undated();
}

void Graph::count_undated() {
  undated_relations_ = static_cast<std::size_t>(
      std::count(c_.relation_dates.begin(), c_.relation_dates.end(), std::uint32_t{0}));
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
  const auto& d = c_;
  return d.strings.bytes.size() + bytes_of(d.strings.offsets) + bytes_of(d.graph_attributes) + bytes_of(d.sources) +
         bytes_of(d.entity_type_names) + bytes_of(d.relation_type_infos) + bytes_of(d.entity_keys) +
         bytes_of(d.entity_names) + bytes_of(d.entity_types) + bytes_of(d.alias_offsets) + bytes_of(d.aliases) +
         bytes_of(d.entity_attribute_offsets) + bytes_of(d.entity_attributes) + bytes_of(d.relation_sources) +
         bytes_of(d.relation_targets) + bytes_of(d.relation_types) + bytes_of(d.relation_dates) +
         bytes_of(d.relation_untils) + bytes_of(d.relation_attribute_offsets) + bytes_of(d.relation_attributes) +
         bytes_of(d.evidence_offsets) + bytes_of(d.evidence) + bytes_of(a_.out_offsets) + bytes_of(a_.in_offsets) +
         bytes_of(a_.out_relations) + bytes_of(a_.in_relations) + bytes_of(a_.out_neighbors) +
         key_index_->sorted.size() * sizeof(EntityId);
}

std::size_t Graph::evidence_bytes() const {
  const auto& d = c_;
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
