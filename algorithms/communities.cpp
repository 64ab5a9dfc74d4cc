#include "algorithms/communities.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>
#include <unordered_map>
#include <utility>

#include "graph/exception.hpp"
#include "graph/stop.hpp"

namespace kg {
namespace {

// An undirected weighted graph of one Louvain level, as CSR: merged edges
// to other nodes (each edge listed at both ends) and self-loop weight apart.
struct LevelGraph {
  std::vector<std::uint64_t> offsets;
  std::vector<std::uint32_t> neighbors;
  std::vector<double> weights;
  std::vector<double> loops;   // weight of edges from a node to itself, each counted once
  std::vector<double> degree;  // neighbour weights + twice the loops
  double total_weight = 0.0;   // m: every edge once

  std::size_t size() const { return loops.size(); }
};

struct Edge {
  std::uint32_t u, v;  // u != v
  double weight;
};

struct KeptEntities {
  std::vector<EntityId> entity;
  std::vector<std::uint32_t> index;  // UINT32_MAX when left out
};

KeptEntities kept_entities(const View& view) {
  KeptEntities kept;
  kept.index.assign(view.graph().entity_count(), UINT32_MAX);
  for (EntityId e = 0; e < view.graph().entity_count(); ++e) {
    if (!view.keeps_entity(e)) continue;
    kept.index[e] = static_cast<std::uint32_t>(kept.entity.size());
    kept.entity.push_back(e);
  }
  return kept;
}

// The level graph of undirected `edges` (parallel ones merged, weights
// summed) and self-loop weights `loops`.
LevelGraph level_graph(std::vector<double> loops, const std::vector<Edge>& edges) {
  const std::size_t n = loops.size();
  std::vector<std::uint64_t> start(n + 1, 0);
  for (const Edge& e : edges) {
    ++start[e.u + 1];
    ++start[e.v + 1];
  }
  std::partial_sum(start.begin(), start.end(), start.begin());
  std::vector<std::pair<std::uint32_t, double>> arcs(start.back());
  std::vector<std::uint64_t> slot(start.begin(), start.end() - 1);
  for (const Edge& e : edges) {
    arcs[slot[e.u]++] = {e.v, e.weight};
    arcs[slot[e.v]++] = {e.u, e.weight};
  }
  LevelGraph g;
  g.loops = std::move(loops);
  g.offsets.assign(n + 1, 0);
  g.degree.assign(n, 0.0);
  g.neighbors.reserve(arcs.size());
  g.weights.reserve(arcs.size());
  for (std::size_t u = 0; u < n; ++u) {
    const auto first = arcs.begin() + static_cast<std::ptrdiff_t>(start[u]);
    const auto last = arcs.begin() + static_cast<std::ptrdiff_t>(start[u + 1]);
    std::sort(first, last, [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto it = first; it != last; ++it) {
      if (g.neighbors.size() > g.offsets[u] && g.neighbors.back() == it->first) {
        g.weights.back() += it->second;
      } else {
        g.neighbors.push_back(it->first);
        g.weights.push_back(it->second);
      }
      g.degree[u] += it->second;
    }
    g.offsets[u + 1] = g.neighbors.size();
    g.degree[u] += 2 * g.loops[u];
    g.total_weight += g.degree[u] / 2;
  }
  return g;
}

LevelGraph base_graph(const View& view, const KeptEntities& kept) {
  const Graph& graph = view.graph();
  std::vector<double> loops(kept.entity.size(), 0.0);
  std::vector<Edge> edges;
  for (RelationId r = 0; r < graph.relation_count(); ++r) {
    if (!view.keeps_relation(r)) continue;
    const std::uint32_t u = kept.index[graph.source(r)], v = kept.index[graph.target(r)];
    if (u == UINT32_MAX || v == UINT32_MAX) continue;
    if (u == v) {
      loops[u] += 1;
    } else {
      edges.push_back({u, v, 1.0});
    }
  }
  return level_graph(std::move(loops), edges);
}

double level_modularity(const LevelGraph& g, const std::vector<std::uint32_t>& community, double resolution) {
  if (g.total_weight <= 0) return 0.0;
  const std::uint32_t count = community.empty() ? 0 : *std::max_element(community.begin(), community.end()) + 1;
  std::vector<double> inside(count, 0.0), total(count, 0.0);
  for (std::size_t u = 0; u < g.size(); ++u) {
    const std::uint32_t c = community[u];
    total[c] += g.degree[u];
    inside[c] += g.loops[u];
    for (std::uint64_t k = g.offsets[u]; k < g.offsets[u + 1]; ++k) {
      if (community[g.neighbors[k]] == c) inside[c] += g.weights[k] / 2;
    }
  }
  const double m = g.total_weight;
  double q = 0.0;
  for (std::uint32_t c = 0; c < count; ++c) q += inside[c] / m - resolution * (total[c] / (2 * m)) * (total[c] / (2 * m));
  return q;
}

// Moves nodes to the neighbouring community of best modularity gain until
// none moves, or until `stop` says so (each node is asked about, so a large
// level stops within a few thousand moves: the partition is valid at every
// move); returns whether any moved, and the communities numbered densely.
bool one_level(const LevelGraph& g, double resolution, std::mt19937_64& random, std::vector<std::uint32_t>& community,
               StopPoller& stop) {
  const std::size_t n = g.size();
  const double m = g.total_weight;
  community.resize(n);
  std::iota(community.begin(), community.end(), 0);
  std::vector<double> total(g.degree);
  std::vector<std::uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::shuffle(order.begin(), order.end(), random);
  std::vector<double> weight_to(n, 0.0);
  std::vector<std::uint32_t> touched;
  bool improved = false;
  for (std::size_t moves = 1; moves > 0 && !stop.stopped();) {
    moves = 0;
    for (const std::uint32_t u : order) {
      if (stop.tick()) break;
      touched.clear();
      for (std::uint64_t k = g.offsets[u]; k < g.offsets[u + 1]; ++k) {
        const std::uint32_t c = community[g.neighbors[k]];
        if (weight_to[c] == 0.0) touched.push_back(c);
        weight_to[c] += g.weights[k];
      }
      const std::uint32_t current = community[u];
      const double k = g.degree[u];
      total[current] -= k;
      const double remove_cost = -weight_to[current] / m + resolution * total[current] * k / (2 * m * m);
      double best_gain = 0.0;
      std::uint32_t best = current;
      for (const std::uint32_t c : touched) {
        const double gain = remove_cost + weight_to[c] / m - resolution * total[c] * k / (2 * m * m);
        if (gain > best_gain) {
          best_gain = gain;
          best = c;
        }
      }
      for (const std::uint32_t c : touched) weight_to[c] = 0.0;
      total[best] += k;
      if (best != current) {
        community[u] = best;
        ++moves;
        improved = true;
      }
    }
  }
  std::vector<std::uint32_t> renumber(n, UINT32_MAX);
  std::uint32_t next = 0;
  for (auto& c : community) {
    if (renumber[c] == UINT32_MAX) renumber[c] = next++;
    c = renumber[c];
  }
  return improved;
}

LevelGraph aggregate(const LevelGraph& g, const std::vector<std::uint32_t>& community) {
  const std::uint32_t count = *std::max_element(community.begin(), community.end()) + 1;
  std::vector<double> loops(count, 0.0);
  std::vector<Edge> edges;
  for (std::uint32_t u = 0; u < g.size(); ++u) {
    const std::uint32_t cu = community[u];
    loops[cu] += g.loops[u];
    for (std::uint64_t k = g.offsets[u]; k < g.offsets[u + 1]; ++k) {
      const std::uint32_t v = g.neighbors[k];
      if (v < u) continue;  // each edge once
      const std::uint32_t cv = community[v];
      if (cu == cv) {
        loops[cu] += g.weights[k];
      } else {
        edges.push_back({cu, cv, g.weights[k]});
      }
    }
  }
  return level_graph(std::move(loops), edges);
}

}  // namespace

void LouvainOptions::validate() const {
  if (!(resolution > 0 && resolution <= kMostResolution)) {
    throw InvalidArgument("resolution: must be above 0 and at most 1e6");
  }
  if (!(threshold >= 0 && std::isfinite(threshold))) throw InvalidArgument("threshold: must be a number >= 0");
}

CommunitiesResult louvain_communities(const View& view, const LouvainOptions& options) {
  options.validate();
  const KeptEntities kept = kept_entities(view);
  const LevelGraph base = base_graph(view, kept);
  LevelGraph g = base;
  std::vector<std::uint32_t> node_of(kept.entity.size());  // kept entity -> node of the current level
  std::iota(node_of.begin(), node_of.end(), 0);

  bool cut = false;
  if (g.total_weight > 0) {
    std::mt19937_64 random(options.seed);
    std::vector<std::uint32_t> community;
    double quality = level_modularity(g, node_of, options.resolution);
    StopPoller stop(options.should_stop);
    for (bool first = true;; first = false) {
      if (!one_level(g, options.resolution, random, community, stop) && !first) break;
      for (auto& node : node_of) node = community[node];
      if (stop.stopped()) {
        cut = true;
        break;
      }
      const double next_quality = level_modularity(g, community, options.resolution);
      if (next_quality - quality <= options.threshold) break;
      quality = next_quality;
      // A small level asks too few times for the poller: ask before the next.
      if (options.should_stop && options.should_stop()) {
        cut = true;
        break;
      }
      g = aggregate(g, community);
    }
  }

  // Largest first, ties by smallest member, as components.
  std::vector<std::vector<EntityId>> members(kept.entity.empty() ? 0 : *std::max_element(node_of.begin(), node_of.end()) + 1);
  for (std::size_t i = 0; i < kept.entity.size(); ++i) members[node_of[i]].push_back(kept.entity[i]);
  std::sort(members.begin(), members.end(), [](const auto& a, const auto& b) {
    return a.size() != b.size() ? a.size() > b.size() : a.front() < b.front();
  });
  CommunitiesResult result;
  result.community.assign(view.graph().entity_count(), CommunitiesResult::kNoCommunity);
  for (std::uint32_t c = 0; c < members.size(); ++c) {
    for (EntityId e : members[c]) result.community[e] = c;
  }
  result.members = std::move(members);
  result.modularity = level_modularity(base, node_of, options.resolution);
  result.cut = cut;
  return result;
}

double modularity(const View& view, const std::vector<std::uint32_t>& community, double resolution) {
  const KeptEntities kept = kept_entities(view);
  const LevelGraph g = base_graph(view, kept);
  std::unordered_map<std::uint32_t, std::uint32_t> dense;
  std::vector<std::uint32_t> level(kept.entity.size());
  for (std::size_t i = 0; i < kept.entity.size(); ++i) {
    const auto [it, added] = dense.emplace(community.at(kept.entity[i]), static_cast<std::uint32_t>(dense.size()));
    level[i] = it->second;
  }
  return level_modularity(g, level, resolution);
}

}  // namespace kg
