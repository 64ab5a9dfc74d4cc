#pragma once
// Filtered views of a graph, shared by every query: relation types to follow
// or exclude, entity types, a time window, hubs to avoid, and the direction
// in which relations may be walked.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "graph/date.hpp"
#include "graph/graph.hpp"

namespace kg {

// Out follows relations from source to target, In against them, Any both
// ways. A relation of a symmetric type (relation_types: symmetric), and every
// relation of an undirected graph, is walked both ways whatever the direction.
enum class Direction : std::uint8_t { Out, In, Any };

// What a filter does with undated relations. They have no known start, so
// every window keeps them by default (DESIGN.md's rule); Exclude leaves them
// out, Only keeps nothing else.
enum class Undated : std::uint8_t { Include, Exclude, Only };

struct Filter {
  std::vector<std::string> relation_types;          // follow only these (all when empty)
  std::vector<std::string> exclude_relation_types;  // never follow these
  std::vector<std::string> entity_types;            // keep only these entity types (all when empty)
  std::optional<DateWindow> window;                 // keep relations active in it
  Undated undated = Undated::Include;               // and undated relations or not
  std::vector<std::string> avoid;                   // entity names to leave out
  std::optional<std::size_t> max_degree;            // leave out entities with more relations (in + out)

  // Throws InvalidArgument naming the bad field: an unknown type name (with
  // "did you mean"). Names in `avoid` are resolved by View and throw
  // NameNotFound.
  void validate(const Graph& graph) const;
  bool empty() const;
};

// A graph seen through a filter. Cheap to query: one bit per entity and one
// per relation, worked out once.
class View {
 public:
  // The whole graph.
  explicit View(const Graph& graph);
  View(const Graph& graph, const Filter& filter);

  const Graph& graph() const { return *graph_; }
  bool keeps_entity(EntityId e) const { return entities_.empty() || entities_[e]; }
  // A kept relation has a kept type, is active in the window, and joins two
  // kept entities.
  bool keeps_relation(RelationId r) const { return relations_.empty() || relations_[r]; }
  bool filters_anything() const { return !entities_.empty() || !relations_.empty(); }

  // Calls f(relation, neighbour, forward) for each kept relation at `e` that
  // may be walked in `direction`; forward is true when the walk goes from
  // the relation's source to its target.
  template <typename F>
  void for_each_step(EntityId e, Direction direction, F&& f) const {
    const Graph& g = *graph_;
    if (direction != Direction::In || has_symmetric_) {
      const auto relations = g.out_relations(e);
      const auto neighbors = g.out_neighbors(e);
      for (std::size_t i = 0; i < relations.size(); ++i) {
        const RelationId r = relations[i];
        if (!keeps_relation(r)) continue;
        if (direction == Direction::In && !symmetric(r)) continue;
        f(r, neighbors[i], true);
      }
    }
    if (direction != Direction::Out || has_symmetric_) {
      for (const RelationId r : g.in_relations(e)) {
        if (!keeps_relation(r)) continue;
        if (direction == Direction::Out && !symmetric(r)) continue;
        f(r, g.source(r), false);
      }
    }
  }

  bool symmetric(RelationId r) const { return symmetric_types_[graph_->relation_type(r)]; }
  // Whether any relation type is symmetric: when none is, a directed walk
  // never needs the relations on the other side.
  bool has_symmetric_types() const { return has_symmetric_; }

 private:
  const Graph* graph_;
  std::vector<bool> entities_;   // empty: all kept
  std::vector<bool> relations_;  // empty: all kept
  std::vector<bool> symmetric_types_;
  bool has_symmetric_ = false;
};

// The steps of a view in one direction, materialised as CSR: for traversals
// that repeat (many queries, centrality), a flat array beats testing filters
// on every edge. Step i of entity e is (neighbors[k], relations[k]) for k in
// [offsets[e], offsets[e+1]); forward is graph.source(relation) == e.
struct Adjacency {
  std::vector<std::uint64_t> offsets;
  std::vector<EntityId> neighbors;
  std::vector<RelationId> relations;

  std::size_t entity_count() const { return offsets.size() - 1; }
  std::size_t degree(EntityId e) const { return offsets[e + 1] - offsets[e]; }
};

Adjacency build_adjacency(const View& view, Direction direction);
// The same, built once per graph and direction for a view that filters
// nothing (building it is a pass over every relation, 10 ms on a graph of a
// million: more than a path search), and for the call otherwise.
std::shared_ptr<const Adjacency> shared_adjacency(const View& view, Direction direction);

// How many relations the view keeps that have no date: answers say it, since
// a window keeps them whatever its dates.
std::size_t count_kept_undated(const View& view);

}  // namespace kg
