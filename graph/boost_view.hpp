#pragma once
// A filtered, dated kg::View walked in one Direction, as a Boost.Graph model
// (VertexListGraph, EdgeListGraph, IncidenceGraph, BidirectionalGraph,
// AdjacencyGraph, with vertex_index and edge_index property maps), so any
// BGL algorithm runs on exactly the graph kg's own kernels see.
//
//   ViewGraph<Direction::Out>  directed: relations from source to target,
//   ViewGraph<Direction::In>   directed: the reverse graph,
//   ViewGraph<Direction::Any>  undirected: each kept relation is one edge.
// Relations of a symmetric type are walked both ways in every direction: in
// a directed view they are two arcs (one each way), as View::for_each_step
// walks them.
//
// As boost::filtered_graph does, vertices() yields only the entities the
// view keeps while num_vertices() is the entity count of the whole graph,
// so that vertex-indexed arrays BGL sizes by num_vertices() can take any
// entity id. num_edges() is the number of edges edges() yields; edge_index
// values are below edge_index_bound(), not below num_edges().
//
// The graph is a multigraph: parallel relations are parallel edges and a
// self-loop is an edge (in the undirected view it is listed twice among its
// entity's out_edges, as in an undirected boost::adjacency_list).
#include <boost/graph/graph_traits.hpp>
#include <boost/graph/properties.hpp>
#include <boost/iterator/counting_iterator.hpp>
#include <boost/iterator/filter_iterator.hpp>
#include <boost/iterator/iterator_facade.hpp>
#include <boost/property_map/property_map.hpp>
#include <cstdint>
#include <utility>

#include "graph/view.hpp"

namespace kg {

// One step along a relation: forward when it goes from the relation's
// source to its target.
struct ViewArc {
  RelationId relation = 0;
  bool forward = true;
};

// Edge descriptors. In a directed view the two arcs of a symmetric relation
// are distinct edges; in the undirected view an edge seen from either end is
// the same edge.
struct DirectedViewEdge : ViewArc {
  friend bool operator==(DirectedViewEdge a, DirectedViewEdge b) {
    return a.relation == b.relation && a.forward == b.forward;
  }
  friend bool operator!=(DirectedViewEdge a, DirectedViewEdge b) { return !(a == b); }
};
struct UndirectedViewEdge : ViewArc {
  friend bool operator==(UndirectedViewEdge a, UndirectedViewEdge b) { return a.relation == b.relation; }
  friend bool operator!=(UndirectedViewEdge a, UndirectedViewEdge b) { return !(a == b); }
};

struct ViewGraphTraversalCategory : boost::vertex_list_graph_tag,
                                    boost::edge_list_graph_tag,
                                    boost::bidirectional_graph_tag,
                                    boost::adjacency_graph_tag {};

template <Direction D>
class ViewGraph {
 public:
  using Edge = std::conditional_t<D == Direction::Any, UndirectedViewEdge, DirectedViewEdge>;

  // The view must outlive this object.
  explicit ViewGraph(const View& view) : view_(&view) {
    const Graph& g = view.graph();
    for (RelationId r = 0; r < g.relation_count(); ++r) {
      if (!view.keeps_relation(r)) continue;
      edge_count_ += (D != Direction::Any && view.symmetric(r)) ? 2 : 1;
    }
  }

  const View& view() const { return *view_; }
  const Graph& graph() const { return view_->graph(); }
  std::size_t edge_count() const { return edge_count_; }
  // Every edge_index value is below this: relation ids, and in a directed
  // view relation_count() + id for the second arc of a symmetric relation.
  std::size_t edge_index_bound() const {
    return D == Direction::Any ? graph().relation_count() : 2 * graph().relation_count();
  }
  std::size_t edge_index(Edge e) const {
    if (D == Direction::Any || e.forward == (D == Direction::Out)) return e.relation;
    return graph().relation_count() + e.relation;
  }
  EntityId source(Edge e) const { return e.forward ? graph().source(e.relation) : graph().target(e.relation); }
  EntityId target(Edge e) const { return e.forward ? graph().target(e.relation) : graph().source(e.relation); }

  // Walks the relations at one entity (its out-relations, then its
  // in-relations) and yields those the view keeps and the walk may take:
  // leaving the entity for out_edges, reaching it for in_edges.
  template <bool Incoming>
  class IncidentIterator
      : public boost::iterator_facade<IncidentIterator<Incoming>, Edge, boost::forward_traversal_tag, Edge> {
   public:
    IncidentIterator() = default;
    IncidentIterator(const View* view, EntityId e, bool at_end) : view_(view) {
      const Graph& g = view->graph();
      const auto out = g.out_relations(e), in = g.in_relations(e);
      // Without symmetric types a directed walk stays on one side.
      const bool one_way = !view->has_symmetric_types() && walk() != Direction::Any;
      const bool use_out = !one_way || walk() == Direction::Out;
      const bool use_in = !one_way || walk() == Direction::In;
      out_end_ = use_out ? out.end() : out.begin();
      in_begin_ = in.begin();
      in_end_ = use_in ? in.end() : in.begin();
      in_out_slice_ = !at_end && out.begin() != out_end_;
      cursor_ = at_end ? in_end_ : in_out_slice_ ? out.begin() : in_begin_;
      skip_unwalkable();
    }

   private:
    friend class boost::iterator_core_access;

    // The walk that leaves the entity: in_edges of a directed view are the
    // steps of the reverse walk.
    static constexpr Direction walk() {
      if (!Incoming || D == Direction::Any) return D;
      return D == Direction::Out ? Direction::In : Direction::Out;
    }
    bool walkable() const {
      const RelationId r = *cursor_;
      if (!view_->keeps_relation(r)) return false;
      if (walk() == Direction::Any) return true;
      if ((walk() == Direction::Out) == in_out_slice_) return true;
      return view_->symmetric(r);
    }
    void advance() {
      ++cursor_;
      if (in_out_slice_ && cursor_ == out_end_) {
        in_out_slice_ = false;
        cursor_ = in_begin_;
      }
    }
    // The two slices live in different arrays, so a position is the
    // pointer and the slice it is in.
    bool done() const { return !in_out_slice_ && cursor_ == in_end_; }
    void skip_unwalkable() {
      while (!done() && !walkable()) advance();
    }
    void increment() {
      advance();
      skip_unwalkable();
    }
    bool equal(const IncidentIterator& other) const {
      return cursor_ == other.cursor_ && in_out_slice_ == other.in_out_slice_;
    }
    Edge dereference() const {
      Edge edge;
      edge.relation = *cursor_;
      edge.forward = in_out_slice_ != Incoming;
      return edge;
    }

    const View* view_ = nullptr;
    const RelationId* cursor_ = nullptr;
    const RelationId* out_end_ = nullptr;
    const RelationId* in_begin_ = nullptr;
    const RelationId* in_end_ = nullptr;
    bool in_out_slice_ = false;
  };
  using OutEdgeIterator = IncidentIterator<false>;
  using InEdgeIterator = IncidentIterator<true>;

  // Every edge once: slot r is relation r taken forward in Out and Any
  // views and backward in In views; slot relation_count() + r its other arc
  // when r is symmetric (directed views only).
  class EdgeIterator : public boost::iterator_facade<EdgeIterator, Edge, boost::forward_traversal_tag, Edge> {
   public:
    EdgeIterator() = default;
    EdgeIterator(const View* view, bool at_end) : view_(view) {
      relation_count_ = static_cast<std::uint32_t>(view->graph().relation_count());
      end_ = D == Direction::Any ? relation_count_ : 2 * relation_count_;
      slot_ = at_end ? end_ : 0;
      skip_absent();
    }

   private:
    friend class boost::iterator_core_access;
    RelationId relation() const { return slot_ < relation_count_ ? slot_ : slot_ - relation_count_; }
    bool present() const {
      const RelationId r = relation();
      return view_->keeps_relation(r) && (slot_ < relation_count_ || view_->symmetric(r));
    }
    void skip_absent() {
      while (slot_ < end_ && !present()) ++slot_;
    }
    void increment() {
      ++slot_;
      skip_absent();
    }
    bool equal(const EdgeIterator& other) const { return slot_ == other.slot_; }
    Edge dereference() const {
      Edge edge;
      edge.relation = relation();
      edge.forward = (slot_ < relation_count_) == (D != Direction::In);
      return edge;
    }

    const View* view_ = nullptr;
    std::uint32_t relation_count_ = 0, end_ = 0, slot_ = 0;
  };

  // Keeps the entities the view keeps (a null view keeps nothing, for
  // default-constructed iterators).
  struct KeepsEntity {
    const View* view = nullptr;
    bool operator()(EntityId e) const { return view && view->keeps_entity(e); }
  };
  using VertexIterator = boost::filter_iterator<KeepsEntity, boost::counting_iterator<EntityId>>;

  // The entity at the far end of each out-edge.
  class AdjacencyIterator
      : public boost::iterator_facade<AdjacencyIterator, EntityId, boost::forward_traversal_tag, EntityId> {
   public:
    AdjacencyIterator() = default;
    AdjacencyIterator(const ViewGraph* graph, OutEdgeIterator edge) : graph_(graph), edge_(edge) {}

   private:
    friend class boost::iterator_core_access;
    void increment() { ++edge_; }
    bool equal(const AdjacencyIterator& other) const { return edge_ == other.edge_; }
    EntityId dereference() const { return graph_->target(*edge_); }

    const ViewGraph* graph_ = nullptr;
    OutEdgeIterator edge_;
  };

  // What boost::graph_traits reads (for ViewGraph and const ViewGraph alike).
  using vertex_descriptor = EntityId;
  using edge_descriptor = Edge;
  using directed_category = std::conditional_t<D == Direction::Any, boost::undirected_tag, boost::directed_tag>;
  using edge_parallel_category = boost::allow_parallel_edge_tag;
  using traversal_category = ViewGraphTraversalCategory;
  using vertex_iterator = VertexIterator;
  using vertices_size_type = std::size_t;
  using edge_iterator = EdgeIterator;
  using edges_size_type = std::size_t;
  using out_edge_iterator = OutEdgeIterator;
  using in_edge_iterator = InEdgeIterator;
  using degree_size_type = std::size_t;
  using adjacency_iterator = AdjacencyIterator;
  static vertex_descriptor null_vertex() { return UINT32_MAX; }

 private:
  const View* view_;
  std::size_t edge_count_ = 0;
};

using OutViewGraph = ViewGraph<Direction::Out>;
using InViewGraph = ViewGraph<Direction::In>;
using UndirectedViewGraph = ViewGraph<Direction::Any>;

// The edge_index map of a view graph: see ViewGraph::edge_index.
template <Direction D>
struct ViewEdgeIndexMap {
  using key_type = typename ViewGraph<D>::Edge;
  using value_type = std::size_t;
  using reference = std::size_t;
  using category = boost::readable_property_map_tag;
  const ViewGraph<D>* graph = nullptr;
};
template <Direction D>
std::size_t get(const ViewEdgeIndexMap<D>& map, typename ViewGraph<D>::Edge e) {
  return map.graph->edge_index(e);
}

}  // namespace kg

namespace boost {

template <kg::Direction D>
struct property_map<kg::ViewGraph<D>, vertex_index_t> {
  using type = typed_identity_property_map<kg::EntityId>;
  using const_type = type;
};
template <kg::Direction D>
struct property_map<const kg::ViewGraph<D>, vertex_index_t> : property_map<kg::ViewGraph<D>, vertex_index_t> {};

template <kg::Direction D>
struct property_map<kg::ViewGraph<D>, edge_index_t> {
  using type = kg::ViewEdgeIndexMap<D>;
  using const_type = type;
};
template <kg::Direction D>
struct property_map<const kg::ViewGraph<D>, edge_index_t> : property_map<kg::ViewGraph<D>, edge_index_t> {};

}  // namespace boost

namespace kg {

// Free functions of the BGL concepts, found by argument-dependent lookup.
template <Direction D>
std::pair<typename ViewGraph<D>::VertexIterator, typename ViewGraph<D>::VertexIterator> vertices(
    const ViewGraph<D>& g) {
  using Keeps = typename ViewGraph<D>::KeepsEntity;
  const auto n = static_cast<EntityId>(g.graph().entity_count());
  const Keeps keeps{&g.view()};
  return {boost::make_filter_iterator(keeps, boost::counting_iterator<EntityId>(0), boost::counting_iterator<EntityId>(n)),
          boost::make_filter_iterator(keeps, boost::counting_iterator<EntityId>(n), boost::counting_iterator<EntityId>(n))};
}
template <Direction D>
std::size_t num_vertices(const ViewGraph<D>& g) {
  return g.graph().entity_count();
}
template <Direction D>
EntityId vertex(std::size_t i, const ViewGraph<D>&) {
  return static_cast<EntityId>(i);
}

template <Direction D>
std::pair<typename ViewGraph<D>::EdgeIterator, typename ViewGraph<D>::EdgeIterator> edges(const ViewGraph<D>& g) {
  return {typename ViewGraph<D>::EdgeIterator(&g.view(), false), typename ViewGraph<D>::EdgeIterator(&g.view(), true)};
}
template <Direction D>
std::size_t num_edges(const ViewGraph<D>& g) {
  return g.edge_count();
}
template <Direction D>
EntityId source(typename ViewGraph<D>::Edge e, const ViewGraph<D>& g) {
  return g.source(e);
}
template <Direction D>
EntityId target(typename ViewGraph<D>::Edge e, const ViewGraph<D>& g) {
  return g.target(e);
}

template <Direction D>
std::pair<typename ViewGraph<D>::OutEdgeIterator, typename ViewGraph<D>::OutEdgeIterator> out_edges(
    EntityId v, const ViewGraph<D>& g) {
  using It = typename ViewGraph<D>::OutEdgeIterator;
  return {It(&g.view(), v, false), It(&g.view(), v, true)};
}
template <Direction D>
std::pair<typename ViewGraph<D>::InEdgeIterator, typename ViewGraph<D>::InEdgeIterator> in_edges(
    EntityId v, const ViewGraph<D>& g) {
  using It = typename ViewGraph<D>::InEdgeIterator;
  return {It(&g.view(), v, false), It(&g.view(), v, true)};
}
template <Direction D>
std::size_t out_degree(EntityId v, const ViewGraph<D>& g) {
  const auto range = out_edges(v, g);
  return static_cast<std::size_t>(std::distance(range.first, range.second));
}
template <Direction D>
std::size_t in_degree(EntityId v, const ViewGraph<D>& g) {
  const auto range = in_edges(v, g);
  return static_cast<std::size_t>(std::distance(range.first, range.second));
}
// Directed: in + out; undirected: the out-degree, as BGL's undirected
// adjacency_list counts it.
template <Direction D>
std::size_t degree(EntityId v, const ViewGraph<D>& g) {
  return D == Direction::Any ? out_degree(v, g) : out_degree(v, g) + in_degree(v, g);
}

template <Direction D>
std::pair<typename ViewGraph<D>::AdjacencyIterator, typename ViewGraph<D>::AdjacencyIterator> adjacent_vertices(
    EntityId v, const ViewGraph<D>& g) {
  using It = typename ViewGraph<D>::AdjacencyIterator;
  const auto range = out_edges(v, g);
  return {It(&g, range.first), It(&g, range.second)};
}

template <Direction D>
boost::typed_identity_property_map<EntityId> get(boost::vertex_index_t, const ViewGraph<D>&) {
  return {};
}
template <Direction D>
ViewEdgeIndexMap<D> get(boost::edge_index_t, const ViewGraph<D>& g) {
  return {&g};
}
template <Direction D>
EntityId get(boost::vertex_index_t, const ViewGraph<D>&, EntityId v) {
  return v;
}
template <Direction D>
std::size_t get(boost::edge_index_t, const ViewGraph<D>& g, typename ViewGraph<D>::Edge e) {
  return g.edge_index(e);
}

}  // namespace kg
