#include "algorithms/explain.hpp"

#include <algorithm>
#include <deque>

namespace kg {
namespace {

constexpr std::uint32_t kUnreached = UINT32_MAX;

// Breadth-first search on the simple graph of a view: distances, numbers
// of shortest paths, and for each entity reached one relation that reaches
// it on a shortest path.
struct Search {
  std::vector<std::uint32_t> distance;
  std::vector<double> paths;
  std::vector<RelationId> via;
  std::vector<EntityId> parent;
};

Search search_from(const View& view, EntityId start, Direction direction) {
  const std::size_t n = view.graph().entity_count();
  Search s{std::vector<std::uint32_t>(n, kUnreached), std::vector<double>(n, 0.0), std::vector<RelationId>(n, 0),
           std::vector<EntityId>(n, 0)};
  s.distance[start] = 0;
  s.paths[start] = 1;
  std::deque<EntityId> queue{start};
  std::vector<EntityId> seen_from_here;
  std::vector<bool> counted(n, false);
  while (!queue.empty()) {
    const EntityId u = queue.front();
    queue.pop_front();
    // Parallel relations make one edge of the simple graph: count each
    // neighbour once.
    seen_from_here.clear();
    view.for_each_step(u, direction, [&](RelationId r, EntityId w, bool) {
      if (w == u || counted[w]) return;
      counted[w] = true;
      seen_from_here.push_back(w);
      if (s.distance[w] == kUnreached) {
        s.distance[w] = s.distance[u] + 1;
        s.via[w] = r;
        s.parent[w] = u;
        queue.push_back(w);
      }
      if (s.distance[w] == s.distance[u] + 1) s.paths[w] += s.paths[u];
    });
    for (const EntityId w : seen_from_here) counted[w] = false;
  }
  return s;
}

// The relations of the search tree's path from its start to `end`.
std::vector<RelationId> tree_path(const Search& s, EntityId end) {
  std::vector<RelationId> relations;
  for (EntityId e = end; s.distance[e] != 0; e = s.parent[e]) relations.push_back(s.via[e]);
  std::reverse(relations.begin(), relations.end());
  return relations;
}

void sort_contributions(std::vector<Contribution>& contributions) {
  std::stable_sort(contributions.begin(), contributions.end(),
                   [](const Contribution& a, const Contribution& b) { return a.amount > b.amount; });
}

}  // namespace

std::vector<BetweennessExplanation> explain_betweenness(const View& view, const std::vector<EntityId>& entities,
                                                        Direction direction) {
  const Graph& graph = view.graph();
  std::vector<BetweennessExplanation> explanations;
  std::vector<Search> from_entity;
  for (const EntityId v : entities) {
    explanations.push_back({v, {}, {}});
    from_entity.push_back(view.keeps_entity(v) ? search_from(view, v, direction) : Search{});
  }
  for (EntityId s = 0; s < graph.entity_count(); ++s) {
    if (!view.keeps_entity(s)) continue;
    const Search from_s = search_from(view, s, direction);
    for (std::size_t k = 0; k < entities.size(); ++k) {
      const EntityId v = entities[k];
      if (s == v || !view.keeps_entity(v) || from_s.distance[v] == kUnreached) continue;
      const Search& from_v = from_entity[k];
      for (EntityId t = 0; t < graph.entity_count(); ++t) {
        if (t == v || t == s || !view.keeps_entity(t)) continue;
        if (direction == Direction::Any && t < s) continue;
        if (from_v.distance[t] == kUnreached || from_s.distance[t] == kUnreached) continue;
        if (from_s.distance[v] + from_v.distance[t] != from_s.distance[t]) continue;
        explanations[k].pairs.push_back({s, t, from_s.paths[v] * from_v.paths[t], from_s.paths[t]});
      }
    }
  }
  for (std::size_t k = 0; k < entities.size(); ++k) {
    BetweennessExplanation& x = explanations[k];
    std::stable_sort(x.pairs.begin(), x.pairs.end(),
                     [](const CarriedPair& a, const CarriedPair& b) { return a.fraction() > b.fraction(); });
    if (x.pairs.empty()) continue;
    const CarriedPair& top = x.pairs.front();
    x.example = tree_path(search_from(view, top.source, direction), x.entity);
    const auto rest = tree_path(from_entity[k], top.target);
    x.example.insert(x.example.end(), rest.begin(), rest.end());
  }
  return explanations;
}

std::vector<Contribution> explain_degree(const View& view, EntityId entity, Direction direction) {
  const Graph& graph = view.graph();
  std::vector<Contribution> contributions;
  if (!view.keeps_entity(entity)) return contributions;
  for (RelationId r = 0; r < graph.relation_count(); ++r) {
    if (!view.keeps_relation(r)) continue;
    const bool out = graph.source(r) == entity && direction != Direction::In;
    const bool in = graph.target(r) == entity && direction != Direction::Out;
    if (out || in) contributions.push_back({r, static_cast<double>(out) + static_cast<double>(in)});
  }
  sort_contributions(contributions);
  return contributions;
}

std::vector<Contribution> explain_pagerank(const View& view, EntityId entity, Direction direction, double damping,
                                           const std::vector<double>& ranks) {
  const Graph& graph = view.graph();
  std::vector<Contribution> contributions;
  if (!view.keeps_entity(entity)) return contributions;
  // The arcs PageRank walks (as algorithms/centrality.cpp builds them):
  // each relation source to target (reversed for In), both ways when
  // undirected or symmetric; an undirected self-loop is one arc.
  const auto for_each_arc = [&](auto&& arc) {
    for (RelationId r = 0; r < graph.relation_count(); ++r) {
      if (!view.keeps_relation(r)) continue;
      EntityId tail = graph.source(r), head = graph.target(r);
      if (direction == Direction::In) std::swap(tail, head);
      arc(tail, head, r);
      if (direction == Direction::Any ? tail != head : view.symmetric(r)) arc(head, tail, r);
    }
  };
  std::vector<double> out_arcs(graph.entity_count(), 0.0);
  for_each_arc([&](EntityId tail, EntityId, RelationId) { out_arcs[tail] += 1; });
  std::vector<double> amount(graph.relation_count(), 0.0);
  std::vector<bool> touches(graph.relation_count(), false);
  for_each_arc([&](EntityId tail, EntityId head, RelationId r) {
    if (head != entity) return;
    amount[r] += damping * ranks[tail] / out_arcs[tail];
    touches[r] = true;
  });
  for (RelationId r = 0; r < graph.relation_count(); ++r) {
    if (touches[r]) contributions.push_back({r, amount[r]});
  }
  sort_contributions(contributions);
  return contributions;
}

}  // namespace kg
