#pragma once
// What changed: between two dates in one graph (relations that started,
// ended or stayed active, entities that appeared or left), or between two
// versions of a graph (entities and relations added, removed or changed).
// kg diff prints these results and kg render --diff draws the first.
#include <string>
#include <vector>

#include "graph/view.hpp"

namespace kg {

// One relation active at some time in [from, to].
struct RelationChange {
  RelationId relation;
  bool started;  // its date begins after `from` ends
  bool ended;    // its until ends before `to` begins
  bool stayed() const { return !started && !ended; }
};

struct DateDiff {
  Date from, to;
  std::vector<RelationChange> relations;  // every kept relation active in [from, to], in input order
  std::vector<EntityId> appeared;  // in a relation active on `to`, in none active on `from`
  std::vector<EntityId> left;      // in a relation active on `from`, in none active on `to`

  std::size_t started_count() const;
  std::size_t ended_count() const;
  std::size_t stayed_count() const;
};

// Throws InvalidArgument naming "dates" when either date is absent or the
// first is after the second. The view must not filter by date: its window
// would hide the changes.
DateDiff diff_dates(const View& view, Date from, Date to);

// Two versions of a graph. Entities are matched by id. Relations are
// matched by their key (source id, type, target id, date); relations that
// share a key are matched in input order (the first with the first).
struct ChangedEntity {
  EntityId before, after;
  std::vector<std::string> fields;  // "name", "type", "aliases", "attributes"
};
struct ChangedRelation {
  RelationId before, after;
  std::vector<std::string> fields;  // "until", "attributes", "evidence"
};
struct GraphDiff {
  std::vector<EntityId> added_entities;      // in `after`
  std::vector<EntityId> removed_entities;    // in `before`
  std::vector<ChangedEntity> changed_entities;
  std::vector<RelationId> added_relations;   // in `after`
  std::vector<RelationId> removed_relations;  // in `before`
  std::vector<ChangedRelation> changed_relations;

  bool empty() const;
};

GraphDiff diff_graphs(const Graph& before, const Graph& after);

}  // namespace kg
