#include "cli/commands/rank_explain.hpp"

#include <fmt/core.h>

#include <map>

#include "algorithms/explain.hpp"
#include "cli/commands/evidence_output.hpp"
#include "cli/text.hpp"
#include "graph/exception.hpp"
#include "query/text.hpp"

namespace kg::cli {
namespace {

// Lines of explanation per entity: enough to see the pattern.
constexpr std::size_t kMostShown = 10;
constexpr std::size_t kMostTypes = 5;

std::string score_text(double score) { return fmt::format("{:.6g}", score); }

void print_betweenness(const View& view, EntityId e, double score, const BetweennessExplanation& x) {
  const Graph& graph = view.graph();
  double raw = 0;
  for (const CarriedPair& pair : x.pairs) raw += pair.fraction();
  fmt::print("{} ({}): betweenness {} (raw {}): on shortest paths of {} pair{}\n", printable(graph.entity_name(e)),
             printable(graph.entity_key(e)), score_text(score), score_text(raw), x.pairs.size(), x.pairs.size() == 1 ? "" : "s");
  for (std::size_t i = 0; i < x.pairs.size() && i < kMostShown; ++i) {
    const CarriedPair& pair = x.pairs[i];
    fmt::print("  {} .. {}: {} of {} shortest path{}\n", printable(graph.entity_name(pair.source)), printable(graph.entity_name(pair.target)),
               score_text(pair.through), score_text(pair.shortest), pair.shortest == 1 ? "" : "s");
  }
  if (x.pairs.size() > kMostShown) fmt::print("  ... and {} more pairs\n", x.pairs.size() - kMostShown);
  if (x.example.empty()) return;
  fmt::print("  for example {} .. {}:\n", printable(graph.entity_name(x.pairs.front().source)),
             printable(graph.entity_name(x.pairs.front().target)));
  EntityId at = x.pairs.front().source;
  for (const RelationId r : x.example) {
    fmt::print("    {}\n", query::relation_text(graph, r, at));
    print_evidence(graph, r, "        ");
    at = graph.source(r) == at ? graph.target(r) : graph.source(r);
  }
}

void print_contributions(const View& view, EntityId e, double score, const char* measure,
                         const std::vector<Contribution>& contributions) {
  const Graph& graph = view.graph();
  double total = 0;
  std::map<std::string_view, double> by_type;
  for (const Contribution& c : contributions) {
    total += c.amount;
    by_type[graph.relation_type_name(graph.relation_type(c.relation))] += c.amount;
  }
  std::vector<std::pair<std::string_view, double>> types(by_type.begin(), by_type.end());
  std::stable_sort(types.begin(), types.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  std::string type_text;
  for (std::size_t i = 0; i < types.size() && i < kMostTypes; ++i) {
    type_text += fmt::format("{}{} {}", type_text.empty() ? "" : ", ", types[i].first, score_text(types[i].second));
  }
  if (types.size() > kMostTypes) type_text += ", ...";
  fmt::print("{} ({}): {} {}; {} relation{} add {}{}{}\n", printable(graph.entity_name(e)), printable(graph.entity_key(e)), measure,
             score_text(score), contributions.size(), contributions.size() == 1 ? "" : "s", score_text(total),
             type_text.empty() ? "" : ": ", type_text);
  for (std::size_t i = 0; i < contributions.size() && i < kMostShown; ++i) {
    const RelationId r = contributions[i].relation;
    fmt::print("  {:>10}  {}\n", score_text(contributions[i].amount), query::relation_text(graph, r, graph.source(r)));
  }
  if (contributions.size() > kMostShown) fmt::print("  ... and {} more relations\n", contributions.size() - kMostShown);
}

void write_contributions(JsonWriter& json, const Graph& graph, const std::vector<Contribution>& contributions) {
  json.Key("relations");
  json.StartArray();
  for (const Contribution& c : contributions) {
    json.StartObject();
    write_relation_members(json, graph, c.relation);
    json.Key("contribution");
    json.Double(c.amount);
    json.EndObject();
  }
  json.EndArray();
}

void write_betweenness(JsonWriter& json, const Graph& graph, const BetweennessExplanation& x) {
  json.Key("pair_count");
  json.Uint64(x.pairs.size());
  json.Key("pairs");
  json.StartArray();
  for (std::size_t i = 0; i < x.pairs.size() && i < kMostShown; ++i) {
    json.StartObject();
    json.Key("source");
    write_string(json, graph.entity_key(x.pairs[i].source));
    json.Key("target");
    write_string(json, graph.entity_key(x.pairs[i].target));
    json.Key("through");
    json.Double(x.pairs[i].through);
    json.Key("shortest");
    json.Double(x.pairs[i].shortest);
    json.EndObject();
  }
  json.EndArray();
  json.Key("example");
  json.StartArray();
  for (const RelationId r : x.example) {
    json.StartObject();
    write_relation_members(json, graph, r);
    write_evidence(json, graph, r);
    json.EndObject();
  }
  json.EndArray();
}

}  // namespace

void check_explainable(const RankOptions& o) {
  if (!o.explain) return;
  if (o.measure != Measure::Degree && o.measure != Measure::Betweenness && o.measure != Measure::PageRank) {
    throw InvalidArgument("--explain applies to --by degree, betweenness or pagerank");
  }
  if (o.relations) throw InvalidArgument("--explain explains entities, not --of relations");
  if (!o.weight_by.empty()) throw InvalidArgument("--explain cannot be combined with --weight-by");
  if (o.samples) throw InvalidArgument("--explain counts exact shortest paths; it cannot be combined with --samples");
}

void print_explanations(const View& view, const CentralityScores& scores, const std::vector<EntityId>& entities,
                        const RankOptions& options) {
  const Graph& graph = view.graph();
  const Direction direction = rank_direction(options, graph);
  const double damping = options.damping.value_or(PageRankOptions{}.damping);
  const std::vector<BetweennessExplanation> pairs = options.measure == Measure::Betweenness
                                                        ? explain_betweenness(view, entities, direction)
                                                        : std::vector<BetweennessExplanation>{};
  if (options.format == OutputFormat::Json) {
    print_json([&](JsonWriter& json) {
      json.StartObject();
      json.Key("measure");
      json.String(options.measure == Measure::Degree ? "degree"
                  : options.measure == Measure::Betweenness ? "betweenness"
                                                            : "pagerank");
      json.Key("explanations");
      json.StartArray();
      for (std::size_t i = 0; i < entities.size(); ++i) {
        const EntityId e = entities[i];
        json.StartObject();
        json.Key("id");
        write_string(json, graph.entity_key(e));
        json.Key("name");
        write_string(json, graph.entity_name(e));
        json.Key("score");
        json.Double(scores.values[e]);
        if (options.measure == Measure::Betweenness) {
          write_betweenness(json, graph, pairs[i]);
        } else if (options.measure == Measure::Degree) {
          write_contributions(json, graph, explain_degree(view, e, direction));
        } else {
          write_contributions(json, graph, explain_pagerank(view, e, direction, damping, scores.values));
        }
        json.EndObject();
      }
      json.EndArray();
      json.EndObject();
    });
    return;
  }
  for (std::size_t i = 0; i < entities.size(); ++i) {
    if (i) fmt::print("\n");
    const EntityId e = entities[i];
    if (options.measure == Measure::Betweenness) {
      print_betweenness(view, e, scores.values[e], pairs[i]);
    } else if (options.measure == Measure::Degree) {
      print_contributions(view, e, scores.values[e], "degree", explain_degree(view, e, direction));
    } else {
      print_contributions(view, e, scores.values[e], "pagerank",
                          explain_pagerank(view, e, direction, damping, scores.values));
    }
  }
}

}  // namespace kg::cli
