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

  CentralityScores expand(const std::vector<double>& compact_values) const {
    CentralityScores scores;
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
  void accumulate(std::vector<double>& entity_sum, std::vector<double>& arc_sum) {
    const std::uint32_t* const visit = order.data();
    const std::uint64_t* const begin = dag_begin.data();
    const std::uint32_t* const heads = dag_heads.data();
    const std::uint64_t* const arcs = dag_arcs.data();
    const double* const count = paths.data();
    double* const coeff = coefficient.data();
    double* const sums = entity_sum.data();
    double* const arc_sums = arc_sum.data();
    const bool track_arcs = with_arcs;
    for (std::size_t i = reached; i-- > 0;) {
      const std::uint32_t v = visit[i];
      const double via_v = count[v];
      double through = 0.0;
      const std::uint64_t end = begin[i + 1];
      for (std::uint64_t k = begin[i]; k < end; ++k) {
        const double c = coeff[heads[k]];
        through += c;
        if (track_arcs) arc_sums[arcs[k]] += via_v * c;
      }
      const double dependency = via_v * through;
      if (i > 0) sums[v] += dependency;
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
  } else if (options.should_stop) {
    // Whatever prefix gets done before a stop is then a fair sample.
    std::shuffle(sources.begin(), sources.end(), std::mt19937_64(0));
  }
  std::atomic<bool> stopped{false};
  std::atomic<std::size_t> done{0};

  // Each thread sums into its own arrays; they are added in thread order.
  // Small graphs stay on one thread: waking others costs more than they save.
  const bool small = static_cast<double>(sources.size()) * static_cast<double>(g.arc_count() + n) < 1e6;
  const int threads = small ? 1 : std::max(1, omp_get_max_threads());
  std::vector<std::vector<double>> entity_sums(threads), arc_sums(threads);
  const auto source_count = static_cast<std::int64_t>(sources.size());
#pragma omp parallel num_threads(threads)
  {
    const int thread = omp_get_thread_num();
    std::vector<double>& entity_sum = entity_sums[thread];
    std::vector<double>& arc_sum = arc_sums[thread];
    entity_sum.assign(n, 0.0);
    if (options.relations) arc_sum.assign(g.arc_count(), 0.0);
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
  const bool cut = stopped && done < sources.size();

  const bool directed = options.direction != Direction::Any;
  const double nd = static_cast<double>(n);
  const std::size_t used = cut ? done.load() : sources.size();
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

  std::vector<double> entity_total(n, 0.0);
  for (const auto& sum : entity_sums) {
    for (std::size_t v = 0; v < n; ++v) entity_total[v] += sum[v];
  }
  for (double& b : entity_total) b *= entity_scale;

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
      double total = 0.0;
      for (const auto& sum : arc_sums) total += sum[a];
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
// `should_stop` is asked before each batch; the result says which sources
// were done (all when it never said stop).
template <typename Reached>
std::vector<bool> multi_source_bfs(const SimpleGraph& g, std::size_t n, const ShouldStop& should_stop,
                                   Reached reached) {
  const auto batches = static_cast<std::int64_t>((n + 63) / 64);
  std::vector<char> batch_done(static_cast<std::size_t>(batches), 0);
  std::atomic<bool> stopped{false};
#pragma omp parallel if (batches > 1)
  {
    std::vector<std::uint64_t> seen(n), frontier(n), next(n, 0);
    std::array<std::uint32_t, 64> count;
#pragma omp for schedule(dynamic, 1)
    for (std::int64_t batch = 0; batch < batches; ++batch) {
      if (stopped.load(std::memory_order_relaxed)) continue;
      if (should_stop && should_stop()) {
        stopped = true;
        continue;
      }
      const std::size_t first = static_cast<std::size_t>(batch) * 64;
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
      batch_done[static_cast<std::size_t>(batch)] = 1;
    }
  }
  std::vector<bool> source_done(n);
  for (std::size_t u = 0; u < n; ++u) source_done[u] = batch_done[u / 64] != 0;
  return source_done;
}

// Scores of sources a stop left undone become NaN, as if left out.
CentralityScores answer_so_far(const Compact& compact, std::vector<double> values, const std::vector<bool>& done) {
  bool cut = false;
  for (std::size_t u = 0; u < values.size(); ++u) {
    if (done[u]) continue;
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
  const auto done = multi_source_bfs(g, n, options.should_stop,
                                     [&](std::size_t u, std::uint32_t distance, std::uint32_t count) {
                                       total[u] += static_cast<double>(distance) * count;
                                       reached[u] += count;
                                     });
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
  const auto done = multi_source_bfs(g, compact.size(), options.should_stop,
                                     [&values](std::size_t u, std::uint32_t distance, std::uint32_t count) {
                                       values[u] += static_cast<double>(count) / distance;
                                     });
  return answer_so_far(compact, std::move(values), done);
}

void PageRankOptions::validate() const {
  if (!(damping >= 0 && damping < 1)) throw InvalidArgument(Field{"damping"}, "must be in [0, 1)");
  if (!(tolerance > 0 && std::isfinite(tolerance))) throw InvalidArgument(Field{"tolerance"}, "must be a number > 0");
  if (max_iterations == 0) throw InvalidArgument(Field{"max_iterations"}, "must be > 0");
}

CentralityScores pagerank(const View& view, const PageRankOptions& options) {
  options.validate();
  const Compact compact(view);
  const std::size_t n = compact.size();
  if (n == 0) return compact.expand({});
  const InArcs in = multigraph_in_arcs(view, compact, options.direction, options.weight_attribute);
  const double nd = static_cast<double>(n);

  std::vector<double> teleport(n, 1.0 / nd);
  if (!options.personalize.empty()) {
    std::fill(teleport.begin(), teleport.end(), 0.0);
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

  // Each iteration spreads share[u] = rank[u] / out_weight[u] along u's arcs.
  std::vector<double> rank(n, 1.0 / nd), share(n);
  const auto count = static_cast<std::int64_t>(n);
  for (std::size_t iteration = 0; iteration < options.max_iterations; ++iteration) {
    double dangling = 0.0;
    for (std::size_t u = 0; u < n; ++u) {
      if (in.out_weight[u] > 0) {
        share[u] = rank[u] / in.out_weight[u];
      } else {
        share[u] = 0.0;
        dangling += rank[u];
      }
    }
    double change = 0.0;
#pragma omp parallel for schedule(static, 4096) reduction(+ : change) if (in.sources.size() > 100000)
    for (std::int64_t v = 0; v < count; ++v) {
      double inflow = 0.0;
      if (in.weights.empty()) {
        for (std::uint64_t k = in.offsets[v]; k < in.offsets[v + 1]; ++k) inflow += share[in.sources[k]];
      } else {
        for (std::uint64_t k = in.offsets[v]; k < in.offsets[v + 1]; ++k) inflow += share[in.sources[k]] * in.weights[k];
      }
      const double next = options.damping * (inflow + dangling * teleport[v]) + (1 - options.damping) * teleport[v];
      change += std::fabs(next - rank[v]);
      rank[v] = next;
    }
    if (change < nd * options.tolerance) return compact.expand(rank);
    if (options.should_stop && options.should_stop()) {
      CentralityScores so_far = compact.expand(rank);
      so_far.cut = true;
      return so_far;
    }
  }
  throw NotConverged("PageRank did not converge in " + std::to_string(options.max_iterations) +
                     " iterations (tolerance " + std::to_string(options.tolerance) + ")");
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
