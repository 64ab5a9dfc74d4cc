#include "algorithms/centrality.hpp"

#include <omp.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>

#include "graph/exception.hpp"

namespace kg {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr std::uint32_t kLeftOut = UINT32_MAX;

// The kept entities numbered 0..n-1, so that hot loops index dense arrays
// and n is the entity count NetworkX would see.
struct Compact {
  std::vector<EntityId> entity;       // compact index -> EntityId
  std::vector<std::uint32_t> index;   // EntityId -> compact index, kLeftOut when left out

  explicit Compact(const View& view) : index(view.graph().entity_count(), kLeftOut) {
    for (EntityId e = 0; e < view.graph().entity_count(); ++e) {
      if (!view.keeps_entity(e)) continue;
      index[e] = static_cast<std::uint32_t>(entity.size());
      entity.push_back(e);
    }
  }
  std::size_t size() const { return entity.size(); }

  CentralityScores expand(std::vector<double> compact_values) const {
    CentralityScores scores;
    // Every entity kept: compact index i is entity i, the values are the scores as they are.
    if (entity.size() == index.size()) {
      scores.values = std::move(compact_values);
      return scores;
    }
    scores.values.assign(index.size(), kNaN);
    for (std::size_t i = 0; i < entity.size(); ++i) scores.values[entity[i]] = compact_values[i];
    return scores;
  }
};

Direction reverse(Direction direction) {
  return direction == Direction::Out ? Direction::In : direction == Direction::In ? Direction::Out : Direction::Any;
}

// The simple graph of a view (nx.DiGraph / nx.Graph): one arc per ordered
// pair of distinct neighbours, whatever the number of relations making it.
// With relations, arc a remembers them: relations[relation_offsets[a] ..
// relation_offsets[a+1]).
struct SimpleGraph {
  std::vector<std::uint64_t> offsets;
  std::vector<std::uint32_t> targets;
  std::vector<std::uint64_t> relation_offsets;
  std::vector<RelationId> relations;

  std::size_t arc_count() const { return targets.size(); }
};

SimpleGraph simple_graph(const View& view, const Compact& compact, Direction direction, bool with_relations) {
  SimpleGraph g;
  g.offsets.reserve(compact.size() + 1);
  g.offsets.push_back(0);
  if (with_relations) g.relation_offsets.push_back(0);
  std::vector<std::pair<std::uint32_t, RelationId>> steps;
  for (std::uint32_t u = 0; u < compact.size(); ++u) {
    steps.clear();
    view.for_each_step(compact.entity[u], direction, [&](RelationId r, EntityId neighbor, bool) {
      const std::uint32_t v = compact.index[neighbor];
      if (v != u) steps.emplace_back(v, r);
    });
    std::sort(steps.begin(), steps.end());
    for (std::size_t i = 0; i < steps.size(); ++i) {
      if (i == 0 || steps[i].first != steps[i - 1].first) {
        if (with_relations && i > 0) g.relation_offsets.push_back(g.relations.size());
        g.targets.push_back(steps[i].first);
      }
      if (with_relations) g.relations.push_back(steps[i].second);
    }
    if (with_relations && !steps.empty()) g.relation_offsets.push_back(g.relations.size());
    g.offsets.push_back(g.targets.size());
  }
  return g;
}

// The value of `attribute` on every relation (1 where absent), checked.
std::vector<double> relation_weights(const View& view, const std::string& attribute) {
  const Graph& graph = view.graph();
  std::vector<double> weights(graph.relation_count(), 1.0);
  bool seen = false;
  for (RelationId r = 0; r < graph.relation_count(); ++r) {
    if (!view.keeps_relation(r)) continue;
    for (const Attribute& a : graph.relation_attributes(r)) {
      if (graph.str(a.key) != attribute) continue;
      const auto where = [&] {
        return std::string(graph.entity_key(graph.source(r))) + " " + std::string(graph.relation_type_name(graph.relation_type(r))) +
               " " + std::string(graph.entity_key(graph.target(r)));
      };
      if (!a.value.is_number()) {
        throw InvalidArgument(Field{"weight_attribute"}, "attribute '" + attribute + "' of relation " + where() + " is not a number");
      }
      const double w = a.value.as_number();
      if (!(w >= 0) || std::isinf(w)) {
        throw InvalidArgument(Field{"weight_attribute"}, "attribute '" + attribute + "' of relation " + where() +
                              " must be a finite number >= 0");
      }
      weights[r] = w;
      seen = true;
    }
  }
  if (!seen) throw InvalidArgument(Field{"weight_attribute"}, "no relation has a numeric attribute '" + attribute + "'");
  return weights;
}

// The weighted multigraph of a view as arcs grouped by their head: arc k
// goes sources[k] -> v for k in [offsets[v], offsets[v+1]), with weight
// weights[k] (all 1, and weights empty, when unweighted). Parallel relations
// stay separate arcs: their weights add.
struct InArcs {
  std::vector<std::uint64_t> offsets;
  std::vector<std::uint32_t> sources;
  std::vector<double> weights;
  std::vector<double> out_weight;  // per tail: the sum of its arcs' weights
};

InArcs multigraph_in_arcs(const View& view, const Compact& compact, Direction direction,
                          const std::string& weight_attribute) {
  const Graph& graph = view.graph();
  std::vector<double> relation_weight;
  if (!weight_attribute.empty()) relation_weight = relation_weights(view, weight_attribute);
  InArcs in;
  in.offsets.assign(compact.size() + 1, 0);
  in.out_weight.assign(compact.size(), 0.0);
  // Calls arc(tail, head, relation) for each arc a kept relation makes.
  const auto for_each_arc = [&](auto&& arc) {
    for (RelationId r = 0; r < graph.relation_count(); ++r) {
      if (!view.keeps_relation(r)) continue;
      std::uint32_t tail = compact.index[graph.source(r)], head = compact.index[graph.target(r)];
      if (tail == kLeftOut || head == kLeftOut) continue;
      if (direction == Direction::In) std::swap(tail, head);
      arc(tail, head, r);
      // Undirected, a self-loop is one entry of the adjacency matrix (as in
      // NetworkX); directed, a symmetric self-loop is two arcs like any other.
      if (direction == Direction::Any ? tail != head : view.symmetric(r)) arc(head, tail, r);
    }
  };
  for_each_arc([&](std::uint32_t tail, std::uint32_t head, RelationId r) {
    ++in.offsets[head + 1];
    in.out_weight[tail] += relation_weight.empty() ? 1.0 : relation_weight[r];
  });
  std::partial_sum(in.offsets.begin(), in.offsets.end(), in.offsets.begin());
  in.sources.resize(in.offsets.back());
  if (!relation_weight.empty()) in.weights.resize(in.offsets.back());
  std::vector<std::uint64_t> slot(in.offsets.begin(), in.offsets.end() - 1);
  for_each_arc([&](std::uint32_t tail, std::uint32_t head, RelationId r) {
    if (!relation_weight.empty()) in.weights[slot[head]] = relation_weight[r];
    in.sources[slot[head]++] = tail;
  });
  return in;
}

double sort_key(double score) {
  if (score == 0 || !std::isfinite(score)) return score;
  const double scale = std::pow(10.0, 11 - std::floor(std::log10(std::fabs(score))));
  return std::round(score * scale) / scale;
}

// For each entity, what a search from it may cost at most: the entities
// and arcs of its weakly connected component in g (1 when it has no arc
// out). Used to deal sources out so that the shares balance.
std::vector<double> search_costs(const SimpleGraph& g, std::size_t n) {
  std::vector<std::uint32_t> parent(n);
  std::iota(parent.begin(), parent.end(), 0);
  const auto find = [&parent](std::uint32_t u) {
    while (parent[u] != u) u = parent[u] = parent[parent[u]];
    return u;
  };
  for (std::uint32_t u = 0; u < n; ++u) {
    for (std::uint64_t a = g.offsets[u]; a < g.offsets[u + 1]; ++a) {
      const std::uint32_t x = find(u), y = find(g.targets[a]);
      if (x != y) parent[std::max(x, y)] = std::min(x, y);
    }
  }
  std::vector<double> component(n, 0.0);
  for (std::uint32_t u = 0; u < n; ++u) component[find(u)] += 1.0 + static_cast<double>(g.offsets[u + 1] - g.offsets[u]);
  std::vector<double> cost(n);
  for (std::uint32_t u = 0; u < n; ++u) cost[u] = g.offsets[u + 1] == g.offsets[u] ? 1.0 : component[find(u)];
  return cost;
}

// Per-thread state of Brandes' algorithm from one source. The forward BFS
// counts shortest paths and records the arcs of the shortest-path DAG,
// grouped by tail in visit order, so that the backward pass walks only them.
struct Brandes {
  std::vector<std::int32_t> distance;
  std::vector<double> paths;
  std::vector<double> coefficient;  // (1 + dependency) / paths, once final
  std::vector<std::uint32_t> order;
  std::size_t reached = 0;               // order[0, reached): this source's visit order
  std::vector<std::uint64_t> dag_begin;  // by visit position
  std::vector<std::uint32_t> dag_heads;  // sized for every arc: no bounds to grow
  std::vector<std::uint64_t> dag_arcs;   // only when relations are scored
  bool with_arcs;

  Brandes(std::size_t n, std::size_t arcs, bool with_arcs)
      : distance(n, -1), paths(n, 0.0), coefficient(n, 0.0), order(n), dag_begin(n + 1), dag_heads(arcs),
        dag_arcs(with_arcs ? arcs : 0), with_arcs(with_arcs) {}

  // Raw pointers: the hot loop then needs no reloads through the vectors.
  void run(const SimpleGraph& g, std::uint32_t source) {
    std::int32_t* const dist = distance.data();
    double* const count = paths.data();
    std::uint32_t* const visit = order.data();
    std::uint32_t* const heads = dag_heads.data();
    std::uint64_t* const arcs = dag_arcs.data();
    std::uint64_t* const begin = dag_begin.data();
    const std::uint64_t* const offsets = g.offsets.data();
    const std::uint32_t* const targets = g.targets.data();
    for (std::size_t i = 0; i < reached; ++i) {
      dist[visit[i]] = -1;
      count[visit[i]] = 0.0;
    }
    dist[source] = 0;
    count[source] = 1.0;
    visit[0] = source;
    const bool track_arcs = with_arcs;
    std::size_t visited = 1, dag = 0;
    for (std::size_t i = 0; i < visited; ++i) {
      const std::uint32_t v = visit[i];
      begin[i] = dag;
      const std::int32_t next = dist[v] + 1;
      const double via_v = count[v];
      const std::uint64_t end = offsets[v + 1];
      for (std::uint64_t a = offsets[v]; a < end; ++a) {
        const std::uint32_t w = targets[a];
        std::int32_t dw = dist[w];
        if (dw < 0) {
          dist[w] = dw = next;
          visit[visited++] = w;
        }
        if (dw == next) {
          count[w] += via_v;
          if (track_arcs) arcs[dag] = a;
          heads[dag++] = w;
        }
      }
    }
    begin[visited] = dag;
    reached = visited;
  }

  // Dependencies flow back from the farthest entities: v's share through a
  // successor w is paths(v) / paths(w) * (1 + dependency(w)).
  void accumulate(std::vector<FixedSum>& entity_sum, std::vector<FixedSum>& arc_sum) {
    const std::uint32_t* const visit = order.data();
    const std::uint64_t* const begin = dag_begin.data();
    const std::uint32_t* const heads = dag_heads.data();
    const std::uint64_t* const arcs = dag_arcs.data();
    const double* const count = paths.data();
    double* const coeff = coefficient.data();
    FixedSum* const sums = entity_sum.data();
    FixedSum* const arc_sums = arc_sum.data();
    const bool track_arcs = with_arcs;
    for (std::size_t i = reached; i-- > 0;) {
      const std::uint32_t v = visit[i];
      const double via_v = count[v];
      double through = 0.0;
      const std::uint64_t end = begin[i + 1];
      for (std::uint64_t k = begin[i]; k < end; ++k) {
        const double c = coeff[heads[k]];
        through += c;
        if (track_arcs) arc_sums[arcs[k]].add(via_v * c);
      }
      const double dependency = via_v * through;
      if (i > 0) sums[v].add(dependency);
      coeff[v] = (1.0 + dependency) / via_v;
    }
  }
};

}  // namespace

std::vector<EntityId> ranked_entities(const View& view, const CentralityScores& scores, std::size_t limit) {
  std::vector<std::pair<double, EntityId>> keyed;
  for (EntityId e = 0; e < scores.values.size(); ++e) {
    if (view.keeps_entity(e) && !std::isnan(scores.values[e])) keyed.emplace_back(sort_key(scores.values[e]), e);
  }
  const Graph& graph = view.graph();
  const auto before = [&graph](const std::pair<double, EntityId>& a, const std::pair<double, EntityId>& b) {
    if (a.first != b.first) return a.first > b.first;
    return graph.entity_key(a.second) < graph.entity_key(b.second);
  };
  const std::size_t count = limit == 0 ? keyed.size() : std::min(limit, keyed.size());
  std::partial_sort(keyed.begin(), keyed.begin() + static_cast<std::ptrdiff_t>(count), keyed.end(), before);
  std::vector<EntityId> ranked;
  for (std::size_t i = 0; i < count; ++i) ranked.push_back(keyed[i].second);
  return ranked;
}

std::vector<RelationId> ranked_relations(const View& view, const std::vector<double>& scores, std::size_t limit) {
  std::vector<std::pair<double, RelationId>> keyed;
  for (RelationId r = 0; r < scores.size(); ++r) {
    if (view.keeps_relation(r)) keyed.emplace_back(sort_key(scores[r]), r);
  }
  const auto before = [](const std::pair<double, RelationId>& a, const std::pair<double, RelationId>& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  };
  const std::size_t count = limit == 0 ? keyed.size() : std::min(limit, keyed.size());
  std::partial_sort(keyed.begin(), keyed.begin() + static_cast<std::ptrdiff_t>(count), keyed.end(), before);
  std::vector<RelationId> ranked;
  for (std::size_t i = 0; i < count; ++i) ranked.push_back(keyed[i].second);
  return ranked;
}

CentralityScores degree_centrality(const View& view, const DegreeOptions& options) {
  options.validate();
  const Compact compact(view);
  std::vector<double> weights;
  if (!options.weight_attribute.empty()) weights = relation_weights(view, options.weight_attribute);
  std::vector<double> degree(compact.size(), 0.0);
  for (std::uint32_t u = 0; u < compact.size(); ++u) {
    view.for_each_step(compact.entity[u], options.direction,
                       [&](RelationId r, EntityId, bool) { degree[u] += weights.empty() ? 1.0 : weights[r]; });
  }
  if (options.normalized) {
    const std::size_t n = compact.size();
    for (double& d : degree) d = n <= 1 ? 1.0 : d / static_cast<double>(n - 1);
  }
  return compact.expand(degree);
}

BetweennessResult betweenness_centrality(const View& view, const BetweennessOptions& options) {
  options.validate();
  const Compact compact(view);
  const std::size_t n = compact.size();
  const SimpleGraph g = simple_graph(view, compact, options.direction, options.relations);

  std::vector<std::uint32_t> sources(n);
  std::iota(sources.begin(), sources.end(), 0);
  const bool sampled = options.samples > 0 && options.samples < n;
  if (sampled) {
    std::mt19937_64 random(options.seed);
    for (std::size_t i = 0; i < options.samples; ++i) {
      std::uniform_int_distribution<std::size_t> pick(i, n - 1);
      std::swap(sources[i], sources[pick(random)]);
    }
    sources.resize(options.samples);
    std::sort(sources.begin(), sources.end());
  }
  // This share's sources, costliest first so that the threads' dynamic
  // schedule ends evenly.
  const std::size_t all_sources = sources.size();
  {
    const std::vector<double> cost = search_costs(g, n);
    std::vector<double> source_cost(sources.size());
    for (std::size_t i = 0; i < sources.size(); ++i) source_cost[i] = cost[sources[i]];
    std::vector<std::uint32_t> mine;
    for (std::uint32_t i : deal(source_cost, options.split.parts, options.split.part)) mine.push_back(sources[i]);
    sources = std::move(mine);
  }
  if (options.should_stop) {
    // Whatever prefix gets done before a stop is then a fair sample.
    std::shuffle(sources.begin(), sources.end(), std::mt19937_64(options.split.part));
  }
  std::atomic<bool> stopped{false};
  std::atomic<std::size_t> done{0};

  // Each thread sums into its own arrays, in fixed point: the total is the
  // same whichever thread or process did a source.
  // Small graphs stay on one thread: waking others costs more than they save.
  const bool small = static_cast<double>(sources.size()) * static_cast<double>(g.arc_count() + n) < 1e6;
  const int threads = small ? 1 : std::max(1, omp_get_max_threads());
  std::vector<std::vector<FixedSum>> entity_sums(threads), arc_sums(threads);
  const auto source_count = static_cast<std::int64_t>(sources.size());
#pragma omp parallel num_threads(threads)
  {
    const int thread = omp_get_thread_num();
    std::vector<FixedSum>& entity_sum = entity_sums[thread];
    std::vector<FixedSum>& arc_sum = arc_sums[thread];
    entity_sum.assign(n, FixedSum{});
    if (options.relations) arc_sum.assign(g.arc_count(), FixedSum{});
    Brandes brandes(n, g.arc_count(), options.relations);
#pragma omp for schedule(dynamic, 8)
    for (std::int64_t i = 0; i < source_count; ++i) {
      if (stopped.load(std::memory_order_relaxed)) continue;
      if (options.should_stop && options.should_stop()) {
        stopped = true;
        continue;
      }
      brandes.run(g, sources[i]);
      brandes.accumulate(entity_sum, arc_sum);
      ++done;
    }
  }
  // The share's sums: the entities' first, then the arcs'.
  PartSums part;
  part.sums.assign(n + (options.relations ? g.arc_count() : 0), FixedSum{});
  for (int t = 0; t < threads; ++t) {
    for (std::size_t v = 0; v < n; ++v) part.sums[v].add(entity_sums[t][v]);
    for (std::size_t a = 0; a < arc_sums[t].size(); ++a) part.sums[n + a].add(arc_sums[t][a]);
  }
  part.count = done;
  part.cut = stopped;
  if (!options.split.whole()) options.split.combine(part);
  const bool cut = part.cut && part.count < all_sources;

  const bool directed = options.direction != Direction::Any;
  const double nd = static_cast<double>(n);
  const std::size_t used = cut ? part.count : all_sources;
  const double sample_scale = (sampled || cut) && used > 0 ? nd / static_cast<double>(used) : 1.0;
  double entity_scale = 1.0, relation_scale = 1.0;
  if (options.normalized) {
    if (n > 2) entity_scale = 1.0 / ((nd - 1) * (nd - 2));
    if (n > 1) relation_scale = 1.0 / (nd * (nd - 1));
  } else if (!directed) {
    entity_scale = relation_scale = 0.5;
  }
  entity_scale *= sample_scale;
  relation_scale *= sample_scale;

  std::vector<double> entity_total(n);
  for (std::size_t v = 0; v < n; ++v) entity_total[v] = part.sums[v].value() * entity_scale;

  BetweennessResult result;
  result.entities = compact.expand(entity_total);
  result.entities.cut = cut;
  result.sources = used;
  if (options.relations) {
    const Graph& graph = view.graph();
    result.relations.assign(graph.relation_count(), kNaN);
    for (RelationId r = 0; r < graph.relation_count(); ++r) {
      if (view.keeps_relation(r)) result.relations[r] = 0.0;
    }
    for (std::size_t a = 0; a < g.arc_count(); ++a) {
      const double total = part.sums[n + a].value();
      const std::uint64_t first = g.relation_offsets[a], last = g.relation_offsets[a + 1];
      const double share = total * relation_scale / static_cast<double>(last - first);
      for (std::uint64_t k = first; k < last; ++k) result.relations[g.relations[k]] += share;
    }
  }
  return result;
}

namespace {

// Breadth-first searches from 64 sources at once, bit i of a word standing
// for source i of the batch (Then et al., "The More the Merrier: Efficient
// Multi-Source Graph Traversal", VLDB 2014): one pass over the arcs per level
// serves all 64. Calls reached(source, distance, count) for each distance
// at which `source` finds `count` new entities. Parallel over batches; calls
// for one source come from one thread.
// Only the batches of `split`'s share are searched.
// `should_stop` is asked before each batch; the result says which sources
// were done (all those of the share when it never said stop), 1 or 0.
template <typename Reached>
std::vector<double> multi_source_bfs(const SimpleGraph& g, std::size_t n, const ShouldStop& should_stop,
                                     const SourceSplit& split, Reached reached) {
  const std::size_t batch_count = (n + 63) / 64;
  // A batch costs about its costliest search times the levels it walks.
  const std::vector<double> source_cost = search_costs(g, n);
  std::vector<double> batch_cost(batch_count, 0.0);
  for (std::size_t u = 0; u < n; ++u) batch_cost[u / 64] = std::max(batch_cost[u / 64], source_cost[u]);
  const std::vector<std::uint32_t> mine = deal(batch_cost, split.parts, split.part);
  const auto batches = static_cast<std::int64_t>(mine.size());
  std::vector<char> batch_done(batch_count, 0);
  std::atomic<bool> stopped{false};
#pragma omp parallel if (batches > 1)
  {
    std::vector<std::uint64_t> seen(n), frontier(n), next(n, 0);
    std::array<std::uint32_t, 64> count;
#pragma omp for schedule(dynamic, 1)
    for (std::int64_t i = 0; i < batches; ++i) {
      const std::size_t batch = mine[static_cast<std::size_t>(i)];
      if (stopped.load(std::memory_order_relaxed)) continue;
      if (should_stop && should_stop()) {
        stopped = true;
        continue;
      }
      const std::size_t first = batch * 64;
      const std::size_t size = std::min<std::size_t>(64, n - first);
      std::fill(seen.begin(), seen.end(), 0);
      std::fill(frontier.begin(), frontier.end(), 0);
      for (std::size_t i = 0; i < size; ++i) seen[first + i] = frontier[first + i] = std::uint64_t{1} << i;
      for (std::uint32_t distance = 1;; ++distance) {
        for (std::size_t v = 0; v < n; ++v) {
          const std::uint64_t bits = frontier[v];
          if (bits == 0) continue;
          for (std::uint64_t a = g.offsets[v]; a < g.offsets[v + 1]; ++a) next[g.targets[a]] |= bits;
        }
        count.fill(0);
        bool any = false;
        for (std::size_t w = 0; w < n; ++w) {
          std::uint64_t fresh = next[w] & ~seen[w];
          next[w] = 0;
          frontier[w] = fresh;
          if (fresh == 0) continue;
          seen[w] |= fresh;
          any = true;
          for (; fresh; fresh &= fresh - 1) ++count[__builtin_ctzll(fresh)];
        }
        if (!any) break;
        for (std::size_t i = 0; i < size; ++i) {
          if (count[i]) reached(first + i, distance, count[i]);
        }
      }
      batch_done[batch] = 1;
    }
  }
  std::vector<double> source_done(n);
  for (std::size_t u = 0; u < n; ++u) source_done[u] = batch_done[u / 64];
  return source_done;
}

// Adds up the shares' per-entity columns (each entity's written by the one
// share that searched from it, zero elsewhere: exact) and their done flags.
void combine_columns(const SourceSplit& split, std::vector<std::vector<double>*> columns, std::vector<double>& done) {
  if (split.whole()) return;
  const std::size_t n = done.size();
  PartSums part;
  for (const auto* column : columns) part.owned.insert(part.owned.end(), column->begin(), column->end());
  part.owned.insert(part.owned.end(), done.begin(), done.end());
  split.combine(part);
  for (std::size_t c = 0; c < columns.size(); ++c) {
    std::copy_n(part.owned.begin() + static_cast<std::ptrdiff_t>(c * n), n, columns[c]->begin());
  }
  std::copy_n(part.owned.begin() + static_cast<std::ptrdiff_t>(columns.size() * n), n, done.begin());
}

// Scores of sources a stop left undone become NaN, as if left out.
CentralityScores answer_so_far(const Compact& compact, std::vector<double> values, const std::vector<double>& done) {
  bool cut = false;
  for (std::size_t u = 0; u < values.size(); ++u) {
    if (done[u] != 0) continue;
    values[u] = kNaN;
    cut = true;
  }
  CentralityScores scores = compact.expand(values);
  scores.cut = cut;
  return scores;
}

}  // namespace

CentralityScores closeness_centrality(const View& view, const ClosenessOptions& options) {
  options.validate();
  const Compact compact(view);
  const std::size_t n = compact.size();
  // Distances to u are distances from u in the reverse graph.
  const SimpleGraph g = simple_graph(view, compact, reverse(options.direction), false);
  std::vector<double> total(n, 0.0), reached(n, 0.0);
  auto done = multi_source_bfs(g, n, options.should_stop, options.split,
                               [&](std::size_t u, std::uint32_t distance, std::uint32_t count) {
                                 total[u] += static_cast<double>(distance) * count;
                                 reached[u] += count;
                               });
  combine_columns(options.split, {&total, &reached}, done);
  std::vector<double> values(n, 0.0);
  for (std::size_t u = 0; u < n; ++u) {
    if (total[u] <= 0 || n <= 1) continue;
    values[u] = reached[u] / total[u];
    if (options.wf_improved) values[u] *= reached[u] / static_cast<double>(n - 1);
  }
  return answer_so_far(compact, std::move(values), done);
}

CentralityScores harmonic_centrality(const View& view, const HarmonicOptions& options) {
  options.validate();
  const Compact compact(view);
  const SimpleGraph g = simple_graph(view, compact, reverse(options.direction), false);
  std::vector<double> values(compact.size(), 0.0);
  auto done = multi_source_bfs(g, compact.size(), options.should_stop, options.split,
                               [&values](std::size_t u, std::uint32_t distance, std::uint32_t count) {
                                 values[u] += static_cast<double>(count) / distance;
                               });
  combine_columns(options.split, {&values}, done);
  return answer_so_far(compact, std::move(values), done);
}

void PageRankOptions::validate() const {
  if (!(damping >= 0 && damping < 1)) throw InvalidArgument(Field{"damping"}, "must be in [0, 1)");
  if (!(tolerance > 0 && std::isfinite(tolerance))) throw InvalidArgument(Field{"tolerance"}, "must be a number > 0");
  if (max_iterations == 0) throw InvalidArgument(Field{"max_iterations"}, "must be > 0");
}

struct PowerIteration {
  std::vector<double> rank;
  bool cut = false;
};

// Below this many arcs an iteration takes a few milliseconds on one thread
// (1.5 ms for a million), about what a thread descheduled at the loop's
// barrier costs on a shared machine: on M, 2 threads took 18-28 ms where
// one took 6 (load average 1.6, docs/PERFORMANCE.md "Kernels at the
// bandwidth bound").
constexpr std::size_t kParallelPullArcs = 8'000'000;

// PageRank's power iteration over n entities, given the arcs into each
// head as inflow(v, share): the sum of share[u] * weight over its arcs u -> v,
// added in NetworkX's order. Each iteration reads share[u] = rank[u] /
// out_weight[u] (0 for a dangling u) and writes the next iteration's shares
// as it goes, so that it streams the arcs and the per-entity arrays once.
// Only the convergence test sums across threads: scores are the same bits
// whatever the thread count. prepare(share) runs before each iteration's
// inflows are asked for (a push along the arcs fills them there).
template <typename Inflow, typename Prepare>
PowerIteration pagerank_power(const std::vector<double>& out_weight, const std::vector<double>& teleport,
                              std::size_t arc_count, const PageRankOptions& options, const Inflow& inflow,
                              const Prepare& prepare) {
  const std::size_t n = out_weight.size();
  const double nd = static_cast<double>(n);
  const double uniform = 1.0 / nd;
  std::vector<std::uint32_t> dangling_entities;
  for (std::uint32_t u = 0; u < n; ++u) {
    if (!(out_weight[u] > 0)) dangling_entities.push_back(u);
  }
  PowerIteration result;
  std::vector<double>& rank = result.rank;
  rank.assign(n, uniform);
  std::vector<double> share(n), next_share(n);
  for (std::size_t u = 0; u < n; ++u) share[u] = out_weight[u] > 0 ? rank[u] / out_weight[u] : 0.0;
  // Summed in entity order, as the scores' bits depend on it.
  const auto dangling_rank = [&] {
    double sum = 0.0;
    for (std::uint32_t u : dangling_entities) sum += rank[u];
    return sum;
  };
  const auto count = static_cast<std::int64_t>(n);
  for (std::size_t iteration = 0; iteration < options.max_iterations; ++iteration) {
    const double dangling = dangling_rank();
    prepare(share);
    double change = 0.0;
#pragma omp parallel for schedule(static, 4096) reduction(+ : change) if (arc_count >= kParallelPullArcs)
    for (std::int64_t v = 0; v < count; ++v) {
      const double jump = teleport.empty() ? uniform : teleport[v];
      const double next = options.damping * (inflow(v, share) + dangling * jump) + (1 - options.damping) * jump;
      change += std::fabs(next - rank[v]);
      rank[v] = next;
      next_share[v] = out_weight[v] > 0 ? next / out_weight[v] : 0.0;
    }
    share.swap(next_share);
    if (change < nd * options.tolerance) return result;
    if (options.should_stop && options.should_stop()) {
      result.cut = true;
      return result;
    }
  }
  throw NotConverged("PageRank did not converge in " + std::to_string(options.max_iterations) +
                     " iterations (tolerance " + std::to_string(options.tolerance) + ")");
}

CentralityScores pagerank(const View& view, const PageRankOptions& options) {
  options.validate();
  const Compact compact(view);
  const std::size_t n = compact.size();
  if (n == 0) return compact.expand({});

  // Empty when uniform (1 / n for every entity).
  std::vector<double> teleport;
  if (!options.personalize.empty()) {
    teleport.assign(n, 0.0);
    std::vector<std::uint32_t> chosen;
    for (EntityId e : options.personalize) {
      if (e >= compact.index.size() || compact.index[e] == kLeftOut) {
        throw InvalidArgument(Field{"personalize"}, "entity '" +
                              (e < compact.index.size() ? std::string(view.graph().entity_key(e)) : std::to_string(e)) +
                              "' is left out by the filters");
      }
      chosen.push_back(compact.index[e]);
    }
    std::sort(chosen.begin(), chosen.end());
    chosen.erase(std::unique(chosen.begin(), chosen.end()), chosen.end());
    for (std::uint32_t u : chosen) teleport[u] = 1.0 / static_cast<double>(chosen.size());
  }

  PowerIteration power;
  const auto nothing_to_prepare = [](const std::vector<double>&) {};
  const Graph& graph = view.graph();
  // With nothing filtered, no relation walked both ways and no weights, the
  // arcs are the graph's own relations in its CSR, whose per-entity lists
  // are in relation order like multigraph_in_arcs's: building those would
  // be most of the time (15 ms of 20 on a graph of a million relations).
  if (!view.filters_anything() && !view.has_symmetric_types() && options.direction != Direction::Any &&
      options.weight_attribute.empty()) {
    const bool out = options.direction == Direction::Out;
    std::vector<double> out_weight(n);
    for (EntityId u = 0; u < n; ++u) out_weight[u] = static_cast<double>(out ? graph.out_degree(u) : graph.in_degree(u));
    const AdjacencyColumns& csr = graph.adjacency();
    if (out) {
      // The in-adjacency holds relation ids only, so the shares are pushed
      // along the relation columns, read in order, instead of pulled: each
      // head's inflow is added up in relation order as the pull over its
      // in-list would, so the sums are the same bits (reading each tail
      // through the source column made the pull twice as slow).
      std::vector<double> pushed(n);
      const auto push = [&pushed, &graph](const std::vector<double>& share) {
        std::fill(pushed.begin(), pushed.end(), 0.0);
        const GraphColumns& columns = graph.columns();
        for (RelationId r = 0; r < columns.relation_sources.size(); ++r) {
          pushed[columns.relation_targets[r]] += share[columns.relation_sources[r]];
        }
      };
      power = pagerank_power(out_weight, teleport, graph.relation_count(), options,
                             [&pushed](std::int64_t v, const std::vector<double>&) { return pushed[v]; }, push);
    } else {
      power = pagerank_power(out_weight, teleport, graph.relation_count(), options,
                             [&csr](std::int64_t v, const std::vector<double>& share) {
                               double inflow = 0.0;
                               for (Offset k = csr.out_offsets[v]; k < csr.out_offsets[v + 1]; ++k) {
                                 inflow += share[csr.out_neighbors[k]];
                               }
                               return inflow;
                             },
                             nothing_to_prepare);
    }
  } else {
    const InArcs in = multigraph_in_arcs(view, compact, options.direction, options.weight_attribute);
    if (in.weights.empty()) {
      power = pagerank_power(in.out_weight, teleport, in.sources.size(), options,
                             [&in](std::int64_t v, const std::vector<double>& share) {
                               double inflow = 0.0;
                               for (std::uint64_t k = in.offsets[v]; k < in.offsets[v + 1]; ++k) inflow += share[in.sources[k]];
                               return inflow;
                             },
                             nothing_to_prepare);
    } else {
      power = pagerank_power(in.out_weight, teleport, in.sources.size(), options,
                             [&in](std::int64_t v, const std::vector<double>& share) {
                               double inflow = 0.0;
                               for (std::uint64_t k = in.offsets[v]; k < in.offsets[v + 1]; ++k) {
                                 inflow += share[in.sources[k]] * in.weights[k];
                               }
                               return inflow;
                             },
                             nothing_to_prepare);
    }
  }
  CentralityScores scores = compact.expand(std::move(power.rank));
  scores.cut = power.cut;
  return scores;
}

void EigenvectorOptions::validate() const {
  if (!(tolerance > 0 && std::isfinite(tolerance))) throw InvalidArgument(Field{"tolerance"}, "must be a number > 0");
  if (max_iterations == 0) throw InvalidArgument(Field{"max_iterations"}, "must be > 0");
}

CentralityScores eigenvector_centrality(const View& view, const EigenvectorOptions& options) {
  options.validate();
  const Compact compact(view);
  const std::size_t n = compact.size();
  if (n == 0) return compact.expand({});
  const InArcs in = multigraph_in_arcs(view, compact, options.direction, options.weight_attribute);
  const double nd = static_cast<double>(n);

  std::vector<double> x(n, 1.0 / nd), last(n);
  for (std::size_t iteration = 0; iteration < options.max_iterations; ++iteration) {
    std::swap(x, last);
    double norm = 0.0;
    for (std::size_t v = 0; v < n; ++v) {
      double value = last[v];
      for (std::uint64_t k = in.offsets[v]; k < in.offsets[v + 1]; ++k) {
        value += last[in.sources[k]] * (in.weights.empty() ? 1.0 : in.weights[k]);
      }
      x[v] = value;
      norm += value * value;
    }
    norm = std::sqrt(norm);
    if (norm == 0) norm = 1;
    double change = 0.0;
    for (std::size_t v = 0; v < n; ++v) {
      x[v] /= norm;
      change += std::fabs(x[v] - last[v]);
    }
    if (change < nd * options.tolerance) return compact.expand(x);
    if (options.should_stop && options.should_stop()) {
      CentralityScores so_far = compact.expand(x);
      so_far.cut = true;
      return so_far;
    }
  }
  throw NotConverged(Field{"max_iterations"},
                     Message{"eigenvector centrality did not converge in " + std::to_string(options.max_iterations) +
                                 " iterations (tolerance " + std::to_string(options.tolerance) +
                                 "); the graph may have no dominant eigenvector (try ",
                             Field{"measure"}, " pagerank, or ", Field{"direction"}, " any)"});
}

}  // namespace kg
