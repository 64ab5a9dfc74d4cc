#include "graph/view.hpp"

#include "graph/exception.hpp"
#include "graph/lookup.hpp"

namespace kg {
namespace {

std::vector<std::string_view> relation_type_names(const Graph& graph) {
  std::vector<std::string_view> names;
  for (TypeId t = 0; t < graph.relation_type_count(); ++t) names.push_back(graph.relation_type_name(t));
  return names;
}

std::vector<std::string_view> entity_type_names(const Graph& graph) {
  std::vector<std::string_view> names;
  for (TypeId t = 0; t < graph.entity_type_count(); ++t) names.push_back(graph.entity_type_name(t));
  return names;
}

// The type ids of `names` in `known`; throws naming the field on a miss.
std::vector<bool> type_set(const std::vector<std::string>& names, const std::vector<std::string_view>& known,
                           const char* field) {
  std::vector<bool> set(known.size(), false);
  for (const auto& name : names) {
    bool found = false;
    for (std::size_t t = 0; t < known.size(); ++t) {
      if (known[t] == name) set[t] = found = true;
    }
    if (found) continue;
    std::string message = "no type '" + name + "' in this graph";
    const auto close = closest_matches(name, known, 3);
    if (!close.empty()) {
      message += "; did you mean";
      for (std::size_t i = 0; i < close.size(); ++i) message += (i ? ", '" : " '") + close[i] + "'";
      message += "?";
    } else {
      message += " (types: ";
      for (std::size_t i = 0; i < known.size(); ++i) message += (i ? ", " : "") + std::string(known[i]);
      message += ")";
    }
    throw InvalidArgument(Field{field}, message);
  }
  return set;
}

}  // namespace

void Filter::validate(const Graph& graph) const {
  type_set(relation_types, relation_type_names(graph), "relation_types");
  type_set(exclude_relation_types, relation_type_names(graph), "exclude_relation_types");
  type_set(entity_types, entity_type_names(graph), "entity_types");
}

bool Filter::empty() const {
  return relation_types.empty() && exclude_relation_types.empty() && entity_types.empty() && !window &&
         undated == Undated::Include && avoid.empty() && !max_degree;
}

View::View(const Graph& graph) : graph_(&graph) {
  symmetric_types_.resize(graph.relation_type_count());
  for (TypeId t = 0; t < graph.relation_type_count(); ++t) {
    symmetric_types_[t] = graph.both_ways(t);
    has_symmetric_ = has_symmetric_ || symmetric_types_[t];
  }
}

View::View(const Graph& graph, const Filter& filter) : View(graph) {
  filter.validate(graph);
  if (filter.empty()) return;

  entities_.assign(graph.entity_count(), true);
  if (!filter.entity_types.empty()) {
    const auto kept_types = type_set(filter.entity_types, entity_type_names(graph), "entity_types");
    for (EntityId e = 0; e < graph.entity_count(); ++e) entities_[e] = kept_types[graph.entity_type(e)];
  }
  if (!filter.avoid.empty()) {
    const EntityLookup lookup(graph);
    for (const auto& name : filter.avoid) entities_[lookup.resolve(name)] = false;
  }
  if (filter.max_degree) {
    for (EntityId e = 0; e < graph.entity_count(); ++e) {
      if (graph.in_degree(e) + graph.out_degree(e) > *filter.max_degree) entities_[e] = false;
    }
  }

  std::vector<bool> kept_relation_types(graph.relation_type_count(), true);
  if (!filter.relation_types.empty()) {
    kept_relation_types = type_set(filter.relation_types, relation_type_names(graph), "relation_types");
  }
  const auto excluded = type_set(filter.exclude_relation_types, relation_type_names(graph), "exclude_relation_types");
  for (TypeId t = 0; t < excluded.size(); ++t) {
    if (excluded[t]) kept_relation_types[t] = false;
  }
  relations_.assign(graph.relation_count(), true);
  for (RelationId r = 0; r < graph.relation_count(); ++r) {
    const bool dated = !graph.date(r).empty();
    const bool undated_kept = filter.undated == Undated::Include || (filter.undated == Undated::Only) != dated;
    relations_[r] = kept_relation_types[graph.relation_type(r)] && entities_[graph.source(r)] &&
                    entities_[graph.target(r)] && undated_kept &&
                    (!filter.window || active_in(graph.date(r), graph.until(r), *filter.window));
  }
}

Adjacency build_adjacency(const View& view, Direction direction) {
  const Graph& graph = view.graph();
  Adjacency adjacency;
  // Nothing filtered and nothing walked against its direction: each
  // entity's steps are its CSR slices as they are, appended without the
  // per-step tests and without zero-filling first (a third of the time on
  // a graph of a million relations).
  if (!view.filters_anything() && !view.has_symmetric_types()) {
    const bool out = direction != Direction::In, in = direction != Direction::Out;
    const std::size_t steps = (out ? graph.relation_count() : 0) + (in ? graph.relation_count() : 0);
    adjacency.offsets.reserve(graph.entity_count() + 1);
    adjacency.offsets.push_back(0);
    adjacency.neighbors.reserve(steps);
    adjacency.relations.reserve(steps);
    for (EntityId e = 0; e < graph.entity_count(); ++e) {
      if (out) {
        const auto neighbors = graph.out_neighbors(e), relations = graph.out_relations(e);
        adjacency.neighbors.insert(adjacency.neighbors.end(), neighbors.begin(), neighbors.end());
        adjacency.relations.insert(adjacency.relations.end(), relations.begin(), relations.end());
      }
      if (in) {
        // The graph keeps relation ids only for this direction: the
        // neighbour is the relation's source.
        const auto relations = graph.in_relations(e);
        const std::size_t at = adjacency.neighbors.size();
        adjacency.neighbors.resize(at + relations.size());
        for (std::size_t i = 0; i < relations.size(); ++i) adjacency.neighbors[at + i] = graph.source(relations[i]);
        adjacency.relations.insert(adjacency.relations.end(), relations.begin(), relations.end());
      }
      adjacency.offsets.push_back(adjacency.neighbors.size());
    }
    return adjacency;
  }
  adjacency.offsets.assign(graph.entity_count() + 1, 0);
  for (EntityId e = 0; e < graph.entity_count(); ++e) {
    std::uint64_t steps = 0;
    view.for_each_step(e, direction, [&steps](RelationId, EntityId, bool) { ++steps; });
    adjacency.offsets[e + 1] = adjacency.offsets[e] + steps;
  }
  adjacency.neighbors.resize(adjacency.offsets.back());
  adjacency.relations.resize(adjacency.offsets.back());
  for (EntityId e = 0; e < graph.entity_count(); ++e) {
    std::uint64_t slot = adjacency.offsets[e];
    view.for_each_step(e, direction, [&](RelationId r, EntityId neighbor, bool) {
      adjacency.neighbors[slot] = neighbor;
      adjacency.relations[slot] = r;
      ++slot;
    });
  }
  return adjacency;
}

std::shared_ptr<const Adjacency> shared_adjacency(const View& view, Direction direction) {
  const auto build = [&view, direction] { return std::make_shared<const Adjacency>(build_adjacency(view, direction)); };
  if (view.filters_anything()) return build();
  return view.graph().kept_adjacency(static_cast<std::size_t>(direction), build);
}

std::size_t count_kept_undated(const View& view) {
  const Graph& graph = view.graph();
  if (!view.filters_anything()) return graph.undated_relation_count();
  std::size_t count = 0;
  for (RelationId r = 0; r < graph.relation_count(); ++r) {
    if (view.keeps_relation(r) && graph.date(r).empty()) ++count;
  }
  return count;
}

}  // namespace kg
