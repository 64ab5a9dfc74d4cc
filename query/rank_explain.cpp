#include "query/rank_explain.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <map>

#include "query/printable.hpp"
#include "query/text.hpp"

namespace kg::query {
namespace {

// Lines of explanation per entity: enough to see the pattern.
constexpr std::size_t kMostShown = 10;
constexpr std::size_t kMostTypes = 5;

std::string score_text(double score) { return fmt::format("{:.6g}", score); }

std::string betweenness_text(const Graph& graph, const Explanation& x) {
  const std::vector<CarriedPair>& pairs = x.betweenness.pairs;
  double raw = 0;
  for (const CarriedPair& pair : pairs) raw += pair.fraction();
  std::string text = fmt::format("{} ({}): betweenness {} (raw {}): on shortest paths of {} pair{}\n",
                                 printable(graph.entity_name(x.entity)), printable(graph.entity_key(x.entity)),
                                 score_text(x.score), score_text(raw), pairs.size(), pairs.size() == 1 ? "" : "s");
  for (std::size_t i = 0; i < pairs.size() && i < kMostShown; ++i) {
    const CarriedPair& pair = pairs[i];
    text += fmt::format("  {} .. {}: {} of {} shortest path{}\n", printable(graph.entity_name(pair.source)),
                        printable(graph.entity_name(pair.target)), score_text(pair.through),
                        score_text(pair.shortest), pair.shortest == 1 ? "" : "s");
  }
  if (pairs.size() > kMostShown) text += fmt::format("  ... and {} more pairs\n", pairs.size() - kMostShown);
  if (x.betweenness.example.empty()) return text;
  text += fmt::format("  for example {} .. {}:\n", printable(graph.entity_name(pairs.front().source)),
                      printable(graph.entity_name(pairs.front().target)));
  EntityId at = pairs.front().source;
  for (const RelationId r : x.betweenness.example) {
    text += "    " + relation_text(graph, r, at) + "\n";
    text += evidence_text(graph, r, "        ");
    at = graph.source(r) == at ? graph.target(r) : graph.source(r);
  }
  return text;
}

// The largest relation types' shares: "funded 2, recruited 1".
std::string type_shares_text(const Graph& graph, const std::vector<Contribution>& contributions) {
  std::map<std::string_view, double> by_type;
  for (const Contribution& c : contributions) by_type[graph.relation_type_name(graph.relation_type(c.relation))] += c.amount;
  std::vector<std::pair<std::string_view, double>> types(by_type.begin(), by_type.end());
  std::stable_sort(types.begin(), types.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  std::string text;
  for (std::size_t i = 0; i < types.size() && i < kMostTypes; ++i) {
    text += fmt::format("{}{} {}", text.empty() ? "" : ", ", types[i].first, score_text(types[i].second));
  }
  if (types.size() > kMostTypes) text += ", ...";
  return text;
}

std::string contributions_text(const Graph& graph, const char* measure, const Explanation& x) {
  const std::vector<Contribution>& contributions = x.contributions;
  double total = 0;
  for (const Contribution& c : contributions) total += c.amount;
  const std::string types = type_shares_text(graph, contributions);
  std::string text = fmt::format("{} ({}): {} {}; {} relation{} add {}{}{}\n", printable(graph.entity_name(x.entity)),
                                 printable(graph.entity_key(x.entity)), measure, score_text(x.score),
                                 contributions.size(), contributions.size() == 1 ? "" : "s", score_text(total),
                                 types.empty() ? "" : ": ", types);
  for (std::size_t i = 0; i < contributions.size() && i < kMostShown; ++i) {
    const RelationId r = contributions[i].relation;
    text += fmt::format("  {:>10}  {}\n", score_text(contributions[i].amount), relation_text(graph, r, graph.source(r)));
  }
  if (contributions.size() > kMostShown) {
    text += fmt::format("  ... and {} more relations\n", contributions.size() - kMostShown);
  }
  return text;
}

void write_contributions(JsonSink& json, const Graph& graph, const std::vector<Contribution>& contributions) {
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

void write_betweenness(JsonSink& json, const Graph& graph, const BetweennessExplanation& x) {
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
    write_evidence_member(json, graph, r);
    json.EndObject();
  }
  json.EndArray();
}

}  // namespace

void RankExplainRequest::validate() const {
  rank.validate();
  const Measure m = rank.measure;
  if (m != Measure::Degree && m != Measure::Betweenness && m != Measure::PageRank) {
    throw InvalidArgument(Field{"explain"},
                          Message{Field{"explain"}, " applies to ", Field{"measure"}, " degree, betweenness or pagerank"});
  }
  if (rank.of_relations) {
    throw InvalidArgument(Field{"explain"}, Message{Field{"explain"}, " explains entities, not ", Field{"of_relations"}});
  }
  if (!rank.weight_attribute.empty()) {
    throw InvalidArgument(Field{"explain"},
                          Message{Field{"explain"}, " cannot be combined with ", Field{"weight_attribute"}});
  }
  if (rank.samples) {
    throw InvalidArgument(Field{"explain"}, Message{Field{"explain"}, " counts exact shortest paths; it cannot be "
                                                                      "combined with ",
                                                    Field{"samples"}});
  }
}

RankExplainAnswer run(const RankExplainRequest& request, QueryContext& context, const SourceParallelKernels& kernels) {
  request.validate();
  // An unknown name fails before the scores are computed.
  const std::optional<EntityId> chosen =
      request.entity.empty() ? std::nullopt : std::optional<EntityId>(context.resolve(request.entity));
  const RankAnswer ranking = run(request.rank, context, kernels);
  const View view = context.view(request.rank.view);
  const Direction direction = rank_direction(request.rank, view.graph());
  const std::vector<EntityId> entities = chosen ? std::vector<EntityId>{*chosen} : ranking.ranked;

  RankExplainAnswer answer;
  answer.measure = ranking.measure;
  answer.cut = ranking.cut;
  std::vector<BetweennessExplanation> pairs;
  if (ranking.measure == Measure::Betweenness) pairs = explain_betweenness(view, entities, direction);
  const double damping = request.rank.damping.value_or(PageRankOptions{}.damping);
  for (std::size_t i = 0; i < entities.size(); ++i) {
    Explanation x;
    x.entity = entities[i];
    x.score = ranking.scores[x.entity];
    if (ranking.measure == Measure::Betweenness) {
      x.betweenness = std::move(pairs[i]);
    } else if (ranking.measure == Measure::Degree) {
      x.contributions = explain_degree(view, x.entity, direction);
    } else {
      x.contributions = explain_pagerank(view, x.entity, direction, damping, ranking.scores);
    }
    answer.explanations.push_back(std::move(x));
  }
  context.computed();
  return answer;
}

std::string to_text(const RankExplainAnswer& answer, const Graph& graph) {
  std::string text;
  for (const Explanation& x : answer.explanations) {
    if (!text.empty()) text += "\n";
    text += answer.measure == Measure::Betweenness ? betweenness_text(graph, x)
                                                   : contributions_text(graph, measure_name(answer.measure), x);
  }
  return text;
}

void to_json(const RankExplainAnswer& answer, const Graph& graph, JsonSink& json) {
  json.StartObject();
  json.Key("measure");
  json.String(measure_name(answer.measure));
  json.Key("explanations");
  json.StartArray();
  for (const Explanation& x : answer.explanations) {
    json.StartObject();
    json.Key("id");
    write_string(json, graph.entity_key(x.entity));
    json.Key("name");
    write_string(json, graph.entity_name(x.entity));
    json.Key("score");
    json.Double(x.score);
    if (answer.measure == Measure::Betweenness) {
      write_betweenness(json, graph, x.betweenness);
    } else {
      write_contributions(json, graph, x.contributions);
    }
    json.EndObject();
  }
  json.EndArray();
  write_cut(json, answer.cut);
  json.EndObject();
}

}  // namespace kg::query
