#pragma once
// The immutable knowledge graph: entities and relations in columns, with CSR
// out- and in-adjacency. Built by graph::Builder or loaded from a snapshot;
// graph/boost_graph.hpp makes it a Boost.Graph model.
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string_view>
#include <vector>

#include "graph/date.hpp"
#include "graph/span.hpp"
#include "graph/string_pool.hpp"
#include "graph/value.hpp"

namespace kg {

using EntityId = std::uint32_t;
using RelationId = std::uint32_t;
using TypeId = std::uint32_t;
using Offset = std::uint32_t;

enum class Polarity : std::uint8_t { Neutral, Positive, Negative };

struct Adjacency;  // graph/view.hpp

struct RelationTypeInfo {
  StringId name;
  StringId description;  // the empty string when none is given
  Polarity polarity = Polarity::Neutral;
  bool symmetric = false;
};

struct SourceInfo {
  StringId id;
  StringId title;  // empty strings when absent
  StringId url;
  Date date;
};

struct Evidence {
  std::uint32_t source;  // index into Graph::sources()
  StringId quote;
};

// Everything a graph stores, as plain columns. Builder fills it, snapshots
// save and load it; Graph checks it and derives the adjacency from it.
struct GraphData {
  StringPool strings;
  StringId name = 0;
  // Whether relations have a direction. An undirected graph (NetworkX's
  // nx.Graph, GraphML edgedefault="undirected") walks every relation both
  // ways, as if each relation type were symmetric.
  bool directed = true;
  // Whether every entity id is the decimal text of an integer that the
  // input gave as a number (NetworkX's integer node ids in node-link and
  // Cytoscape JSON), so that writers whose format can say so write numbers.
  bool integer_ids = false;
  std::vector<Attribute> graph_attributes;
  std::vector<SourceInfo> sources;
  std::vector<StringId> entity_type_names;
  std::vector<RelationTypeInfo> relation_type_infos;

  std::vector<StringId> entity_keys;
  std::vector<StringId> entity_names;
  std::vector<TypeId> entity_types;
  std::vector<Offset> alias_offsets{0};  // entity e: aliases[alias_offsets[e], alias_offsets[e+1])
  std::vector<StringId> aliases;
  std::vector<Offset> entity_attribute_offsets{0};
  std::vector<Attribute> entity_attributes;

  std::vector<EntityId> relation_sources;
  std::vector<EntityId> relation_targets;
  std::vector<TypeId> relation_types;
  std::vector<std::uint32_t> relation_dates;   // Date::pack()
  std::vector<std::uint32_t> relation_untils;  // Date::pack(), 0 when open
  std::vector<Offset> relation_attribute_offsets{0};
  std::vector<Attribute> relation_attributes;
  std::vector<Offset> evidence_offsets{0};
  std::vector<Evidence> evidence;
};

// Read-only spans over every column of a graph, wherever the columns are
// held: a Graph's own vectors, or a snapshot file mapped in place.
struct StringColumn {
  std::string_view bytes;
  Span<std::uint64_t> offsets;  // string i is bytes[offsets[i], offsets[i+1])

  std::string_view view(StringId id) const {
    return std::string_view(bytes.data() + offsets[id], offsets[id + 1] - offsets[id]);
  }
  std::size_t size() const { return offsets.empty() ? 0 : offsets.size() - 1; }
};

struct GraphColumns {
  StringColumn strings;
  StringId name = 0;
  bool directed = true;
  bool integer_ids = false;
  Span<Attribute> graph_attributes;
  Span<SourceInfo> sources;
  Span<StringId> entity_type_names;
  Span<RelationTypeInfo> relation_type_infos;

  Span<StringId> entity_keys;
  Span<StringId> entity_names;
  Span<TypeId> entity_types;
  Span<Offset> alias_offsets;
  Span<StringId> aliases;
  Span<Offset> entity_attribute_offsets;
  Span<Attribute> entity_attributes;

  Span<EntityId> relation_sources;
  Span<EntityId> relation_targets;
  Span<TypeId> relation_types;
  Span<std::uint32_t> relation_dates;
  // Empty when no relation has an until, and when none has attributes: a
  // column as long as the relations that most graphs would fill with zeros.
  Span<std::uint32_t> relation_untils;
  Span<Offset> relation_attribute_offsets;
  Span<Attribute> relation_attributes;
  Span<Offset> evidence_offsets;
  Span<Evidence> evidence;
};

// The columns of `data`, which must outlive them.
GraphColumns columns_of(const GraphData& data);
// A copy of the columns as vectors, the absent ones filled in.
GraphData copy_of(const GraphColumns& columns);

// The adjacency a graph keeps, as compressed sparse rows: the relations
// leaving (out) and entering (in) each entity in input order, and the
// targets of the relations leaving. Walking in, the other end is the
// relation's source column: one column fewer, four bytes a relation.
struct AdjacencyColumns {
  Span<Offset> out_offsets;
  Span<RelationId> out_relations;
  Span<EntityId> out_neighbors;
  Span<Offset> in_offsets;
  Span<RelationId> in_relations;
};

class Graph {
 public:
  // Checks every invariant of the columns (sizes agree, offsets never
  // decrease, every index in range) and throws InvalidArgument naming the
  // first one broken; then builds the adjacency.
  explicit Graph(GraphData data);
  // A graph over columns and adjacency that `storage` holds (a snapshot
  // mapped in place), used where they lie. Checks the columns as above and
  // that the adjacency is exactly the one they imply.
  Graph(std::shared_ptr<const void> storage, const GraphColumns& columns, const AdjacencyColumns& adjacency);

  std::size_t entity_count() const { return c_.entity_keys.size(); }
  std::size_t relation_count() const { return c_.relation_sources.size(); }

  std::string_view str(StringId id) const { return c_.strings.view(id); }
  std::string_view name() const { return str(c_.name); }
  bool directed() const { return c_.directed; }
  bool integer_ids() const { return c_.integer_ids; }
  Span<Attribute> graph_attributes() const { return c_.graph_attributes; }
  Span<SourceInfo> sources() const { return c_.sources; }

  // Entities.
  std::string_view entity_key(EntityId e) const { return str(c_.entity_keys[e]); }
  std::string_view entity_name(EntityId e) const { return str(c_.entity_names[e]); }
  TypeId entity_type(EntityId e) const { return c_.entity_types[e]; }
  Span<StringId> entity_aliases(EntityId e) const { return slice(c_.aliases, c_.alias_offsets, e); }
  Span<Attribute> entity_attributes(EntityId e) const {
    return slice(c_.entity_attributes, c_.entity_attribute_offsets, e);
  }
  // The entity whose id is exactly `key` (case-sensitive); see lookup.hpp for
  // the forgiving resolution of names users type.
  std::optional<EntityId> find_entity(std::string_view key) const;

  // Relations.
  EntityId source(RelationId r) const { return c_.relation_sources[r]; }
  EntityId target(RelationId r) const { return c_.relation_targets[r]; }
  TypeId relation_type(RelationId r) const { return c_.relation_types[r]; }
  // The columns were checked once, so their codes are not checked again.
  Date date(RelationId r) const { return Date::from_checked_code(c_.relation_dates[r]); }
  Date until(RelationId r) const {
    return c_.relation_untils.empty() ? Date() : Date::from_checked_code(c_.relation_untils[r]);
  }
  // Relations without a date, counted once: every answer over the whole
  // graph reports them, and a server answers many.
  std::size_t undated_relation_count() const { return undated_relations_; }

  // The adjacency of the unfiltered graph in `slot` (a direction), from
  // `build` on first use and then kept: a server or a notebook walks one
  // graph many times (graph/view.hpp, shared_adjacency). Copies of a graph
  // share what is kept; thread-safe.
  std::shared_ptr<const Adjacency> kept_adjacency(std::size_t slot,
                                                  const std::function<std::shared_ptr<const Adjacency>()>& build) const;
  Span<Attribute> relation_attributes(RelationId r) const {
    if (c_.relation_attribute_offsets.empty()) return {};
    return slice(c_.relation_attributes, c_.relation_attribute_offsets, r);
  }
  Span<Evidence> evidence(RelationId r) const { return slice(c_.evidence, c_.evidence_offsets, r); }

  // Adjacency: the relations leaving / entering an entity, in input order;
  // the entities at the other end of those leaving, index for index (those
  // entering start at source(r)).
  Span<RelationId> out_relations(EntityId e) const { return slice(a_.out_relations, a_.out_offsets, e); }
  Span<EntityId> out_neighbors(EntityId e) const { return slice(a_.out_neighbors, a_.out_offsets, e); }
  Span<RelationId> in_relations(EntityId e) const { return slice(a_.in_relations, a_.in_offsets, e); }
  std::size_t out_degree(EntityId e) const { return a_.out_offsets[e + 1] - a_.out_offsets[e]; }
  std::size_t in_degree(EntityId e) const { return a_.in_offsets[e + 1] - a_.in_offsets[e]; }

  // Vocabularies.
  std::size_t entity_type_count() const { return c_.entity_type_names.size(); }
  std::string_view entity_type_name(TypeId t) const { return str(c_.entity_type_names[t]); }
  std::optional<TypeId> find_entity_type(std::string_view name) const;
  std::size_t relation_type_count() const { return c_.relation_type_infos.size(); }
  std::string_view relation_type_name(TypeId t) const { return str(c_.relation_type_infos[t].name); }
  const RelationTypeInfo& relation_type_info(TypeId t) const { return c_.relation_type_infos[t]; }
  std::optional<TypeId> find_relation_type(std::string_view name) const;
  // Whether relations of this type go both ways: the type is symmetric or
  // the graph undirected.
  bool both_ways(TypeId t) const { return !directed() || relation_type_info(t).symmetric; }

  // The columns and the adjacency, for snapshots and exporters that walk
  // them wholesale.
  const GraphColumns& columns() const { return c_; }
  const AdjacencyColumns& adjacency() const { return a_; }

  // Bytes held by the graph's structure and properties, evidence included.
  std::size_t memory_bytes() const;
  // The part of memory_bytes() that evidence takes: its columns and the
  // text of its quotes. Evidence grows with the sources, not the structure,
  // so memory_bytes() - evidence_bytes() is what a relation costs.
  std::size_t evidence_bytes() const;

 private:
  template <typename T>
  static Span<T> slice(Span<T> items, Span<Offset> offsets, std::uint32_t i) {
    return Span<T>(items.data() + offsets[i], offsets[i + 1] - offsets[i]);
  }
  void count_undated();

  // What holds the columns: the graph's own vectors, or a mapped file.
  // Copies of a graph share it, and the columns never change.
  std::shared_ptr<const void> storage_;
  GraphColumns c_;
  AdjacencyColumns a_;
  std::size_t undated_relations_ = 0;
  // Entities sorted by key for find_entity, built on its first call as most
  // uses of a graph never look an id up. Copies of a graph share it.
  struct KeyIndex {
    std::once_flag built;
    std::vector<EntityId> sorted;
  };
  std::shared_ptr<KeyIndex> key_index_ = std::make_shared<KeyIndex>();
  struct KeptAdjacency {
    std::mutex mutex;
    std::shared_ptr<const Adjacency> by_slot[3];
  };
  std::shared_ptr<KeptAdjacency> kept_adjacency_ = std::make_shared<KeptAdjacency>();
};

}  // namespace kg
