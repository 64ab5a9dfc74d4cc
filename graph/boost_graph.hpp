#pragma once
// kg::Graph as a Boost.Graph model: VertexListGraph, EdgeListGraph,
// IncidenceGraph, BidirectionalGraph and AdjacencyGraph, with vertex_index
// and edge_index property maps, so BGL algorithms run on it directly.
// Vertices are entity ids; edges wrap relation ids.
#include <boost/graph/graph_traits.hpp>
#include <boost/graph/properties.hpp>
#include <boost/iterator/counting_iterator.hpp>
#include <boost/iterator/iterator_adaptor.hpp>
#include <boost/property_map/property_map.hpp>
#include <functional>

#include "graph/graph.hpp"

namespace kg {

// A relation seen as a BGL edge: its own type, so that edge and vertex
// descriptors (both 32-bit ids underneath) cannot be confused.
struct RelationEdge {
  RelationId id = 0;
  friend bool operator==(RelationEdge a, RelationEdge b) { return a.id == b.id; }
  friend bool operator!=(RelationEdge a, RelationEdge b) { return a.id != b.id; }
  friend bool operator<(RelationEdge a, RelationEdge b) { return a.id < b.id; }
};

// Walks a run of relation ids (an adjacency slice) as edges.
class RelationEdgeIterator
    : public boost::iterator_adaptor<RelationEdgeIterator, const RelationId*, RelationEdge,
                                     boost::random_access_traversal_tag, RelationEdge> {
 public:
  RelationEdgeIterator() = default;
  explicit RelationEdgeIterator(const RelationId* p) : iterator_adaptor_(p) {}

 private:
  friend class boost::iterator_core_access;
  RelationEdge dereference() const { return RelationEdge{*base()}; }
};

// Every relation id in order, as edges.
class AllRelationsIterator
    : public boost::iterator_adaptor<AllRelationsIterator, boost::counting_iterator<RelationId>, RelationEdge,
                                     boost::random_access_traversal_tag, RelationEdge> {
 public:
  AllRelationsIterator() = default;
  explicit AllRelationsIterator(RelationId r) : iterator_adaptor_(boost::counting_iterator<RelationId>(r)) {}

 private:
  friend class boost::iterator_core_access;
  RelationEdge dereference() const { return RelationEdge{*base()}; }
};

struct GraphTraversalCategory : boost::vertex_list_graph_tag,
                                boost::edge_list_graph_tag,
                                boost::bidirectional_graph_tag,
                                boost::adjacency_graph_tag {};

// The edge_index map: a relation's id.
struct RelationIndexMap {
  using key_type = RelationEdge;
  using value_type = RelationId;
  using reference = RelationId;
  using category = boost::readable_property_map_tag;
};
inline RelationId get(RelationIndexMap, RelationEdge e) { return e.id; }

}  // namespace kg

template <>
struct std::hash<kg::RelationEdge> {
  std::size_t operator()(kg::RelationEdge e) const noexcept { return std::hash<kg::RelationId>()(e.id); }
};

namespace boost {

template <>
struct graph_traits<kg::Graph> {
  using vertex_descriptor = kg::EntityId;
  using edge_descriptor = kg::RelationEdge;
  using directed_category = directed_tag;
  using edge_parallel_category = allow_parallel_edge_tag;
  using traversal_category = kg::GraphTraversalCategory;

  using vertex_iterator = counting_iterator<kg::EntityId>;
  using vertices_size_type = std::size_t;
  using edge_iterator = kg::AllRelationsIterator;
  using edges_size_type = std::size_t;
  using out_edge_iterator = kg::RelationEdgeIterator;
  using in_edge_iterator = kg::RelationEdgeIterator;
  using degree_size_type = std::size_t;
  using adjacency_iterator = const kg::EntityId*;

  static vertex_descriptor null_vertex() { return UINT32_MAX; }
};

template <>
struct property_map<kg::Graph, vertex_index_t> {
  using type = typed_identity_property_map<kg::EntityId>;
  using const_type = type;
};

template <>
struct property_map<kg::Graph, edge_index_t> {
  using type = kg::RelationIndexMap;
  using const_type = type;
};

}  // namespace boost

namespace kg {

// Free functions of the BGL concepts, found by argument-dependent lookup.
inline std::pair<boost::counting_iterator<EntityId>, boost::counting_iterator<EntityId>> vertices(const Graph& g) {
  return {boost::counting_iterator<EntityId>(0),
          boost::counting_iterator<EntityId>(static_cast<EntityId>(g.entity_count()))};
}
inline std::size_t num_vertices(const Graph& g) { return g.entity_count(); }
inline EntityId vertex(std::size_t i, const Graph&) { return static_cast<EntityId>(i); }

inline std::pair<AllRelationsIterator, AllRelationsIterator> edges(const Graph& g) {
  return {AllRelationsIterator(0), AllRelationsIterator(static_cast<RelationId>(g.relation_count()))};
}
inline std::size_t num_edges(const Graph& g) { return g.relation_count(); }
inline EntityId source(RelationEdge e, const Graph& g) { return g.source(e.id); }
inline EntityId target(RelationEdge e, const Graph& g) { return g.target(e.id); }

inline std::pair<RelationEdgeIterator, RelationEdgeIterator> out_edges(EntityId v, const Graph& g) {
  const auto slice = g.out_relations(v);
  return {RelationEdgeIterator(slice.begin()), RelationEdgeIterator(slice.end())};
}
inline std::size_t out_degree(EntityId v, const Graph& g) { return g.out_degree(v); }

inline std::pair<RelationEdgeIterator, RelationEdgeIterator> in_edges(EntityId v, const Graph& g) {
  const auto slice = g.in_relations(v);
  return {RelationEdgeIterator(slice.begin()), RelationEdgeIterator(slice.end())};
}
inline std::size_t in_degree(EntityId v, const Graph& g) { return g.in_degree(v); }
inline std::size_t degree(EntityId v, const Graph& g) { return g.in_degree(v) + g.out_degree(v); }

inline std::pair<const EntityId*, const EntityId*> adjacent_vertices(EntityId v, const Graph& g) {
  const auto slice = g.out_neighbors(v);
  return {slice.begin(), slice.end()};
}

inline boost::typed_identity_property_map<EntityId> get(boost::vertex_index_t, const Graph&) { return {}; }
inline RelationIndexMap get(boost::edge_index_t, const Graph&) { return {}; }

}  // namespace kg
