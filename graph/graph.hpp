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

class Graph {
 public:
  // Checks every invariant of the columns (sizes agree, offsets never
  // decrease, every index in range) and throws InvalidArgument naming the
  // first one broken; then builds the adjacency.
  explicit Graph(GraphData data);

  std::size_t entity_count() const { return data_.entity_keys.size(); }
  std::size_t relation_count() const { return data_.relation_sources.size(); }

  std::string_view str(StringId id) const { return data_.strings.view(id); }
  std::string_view name() const { return str(data_.name); }
  bool directed() const { return data_.directed; }
  bool integer_ids() const { return data_.integer_ids; }
  Span<Attribute> graph_attributes() const { return span(data_.graph_attributes); }
  Span<SourceInfo> sources() const { return span(data_.sources); }

  // Entities.
  std::string_view entity_key(EntityId e) const { return str(data_.entity_keys[e]); }
  std::string_view entity_name(EntityId e) const { return str(data_.entity_names[e]); }
  TypeId entity_type(EntityId e) const { return data_.entity_types[e]; }
  Span<StringId> entity_aliases(EntityId e) const {
    return slice(data_.aliases, data_.alias_offsets, e);
  }
  Span<Attribute> entity_attributes(EntityId e) const {
    return slice(data_.entity_attributes, data_.entity_attribute_offsets, e);
  }
  // The entity whose id is exactly `key` (case-sensitive); see lookup.hpp for
  // the forgiving resolution of names users type.
  std::optional<EntityId> find_entity(std::string_view key) const;

  // Relations.
  EntityId source(RelationId r) const { return data_.relation_sources[r]; }
  EntityId target(RelationId r) const { return data_.relation_targets[r]; }
  TypeId relation_type(RelationId r) const { return data_.relation_types[r]; }
  Date date(RelationId r) const { return Date::unpack(data_.relation_dates[r]); }
  Date until(RelationId r) const { return Date::unpack(data_.relation_untils[r]); }
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
    return slice(data_.relation_attributes, data_.relation_attribute_offsets, r);
  }
  Span<Evidence> evidence(RelationId r) const {
    return slice(data_.evidence, data_.evidence_offsets, r);
  }

  // Adjacency: the relations leaving / entering an entity, in input order,
  // and the entities at their other ends, index for index.
  Span<RelationId> out_relations(EntityId e) const { return slice(out_relations_, out_offsets_, e); }
  Span<EntityId> out_neighbors(EntityId e) const { return slice(out_neighbors_, out_offsets_, e); }
  Span<RelationId> in_relations(EntityId e) const { return slice(in_relations_, in_offsets_, e); }
  Span<EntityId> in_neighbors(EntityId e) const { return slice(in_neighbors_, in_offsets_, e); }
  std::size_t out_degree(EntityId e) const { return out_offsets_[e + 1] - out_offsets_[e]; }
  std::size_t in_degree(EntityId e) const { return in_offsets_[e + 1] - in_offsets_[e]; }

  // Vocabularies.
  std::size_t entity_type_count() const { return data_.entity_type_names.size(); }
  std::string_view entity_type_name(TypeId t) const { return str(data_.entity_type_names[t]); }
  std::optional<TypeId> find_entity_type(std::string_view name) const;
  std::size_t relation_type_count() const { return data_.relation_type_infos.size(); }
  std::string_view relation_type_name(TypeId t) const { return str(data_.relation_type_infos[t].name); }
  const RelationTypeInfo& relation_type_info(TypeId t) const { return data_.relation_type_infos[t]; }
  std::optional<TypeId> find_relation_type(std::string_view name) const;
  // Whether relations of this type go both ways: the type is symmetric or
  // the graph undirected.
  bool both_ways(TypeId t) const { return !directed() || relation_type_info(t).symmetric; }

  // The columns, for snapshots and exporters that walk them wholesale.
  const GraphData& data() const { return data_; }

  // Bytes held by the graph's structure and properties, evidence included.
  std::size_t memory_bytes() const;
  // The part of memory_bytes() that evidence takes: its columns and the
  // text of its quotes. Evidence grows with the sources, not the structure,
  // so memory_bytes() - evidence_bytes() is what a relation costs.
  std::size_t evidence_bytes() const;

 private:
  template <typename T>
  static Span<T> span(const std::vector<T>& v) { return Span<T>(v.data(), v.size()); }
  template <typename T>
  static Span<T> slice(const std::vector<T>& v, const std::vector<Offset>& offsets, std::uint32_t i) {
    return Span<T>(v.data() + offsets[i], offsets[i + 1] - offsets[i]);
  }
  void check_invariants() const;
  void shrink_columns();
  void build_adjacency();

  GraphData data_;
  std::vector<Offset> out_offsets_, in_offsets_;
  std::vector<RelationId> out_relations_, in_relations_;
  std::vector<EntityId> out_neighbors_, in_neighbors_;
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
