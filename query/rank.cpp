#include "query/rank.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <stdexcept>

#include "query/printable.hpp"

namespace kg::query {
namespace {

// Refuses options the chosen measure would silently ignore.
void check_applicable(const RankRequest& request) {
  const Measure m = request.measure;
  const auto refuse = [m](bool given, const char* field, const char* measures) {
    if (!given) return;
    throw InvalidArgument(Field{field}, Message{Field{field}, " applies to ", Field{"measure"},
                                                " " + std::string(measures) + ", not ", Field{"measure"},
                                                " " + std::string(measure_name(m))});
  };
  refuse(request.of_relations && m != Measure::Betweenness, "of_relations", "betweenness");
  refuse(request.samples.has_value() && m != Measure::Betweenness, "samples", "betweenness");
  if (request.seed && !request.samples) {
    throw InvalidArgument(Field{"seed"},
                          Message{Field{"seed"}, " applies to ", Field{"measure"}, " betweenness with ", Field{"samples"}});
  }
  refuse(request.normalized.has_value() && m != Measure::Degree && m != Measure::Betweenness, "normalized",
         "degree or betweenness");
  refuse(!request.weight_attribute.empty() && m != Measure::Degree && m != Measure::PageRank &&
             m != Measure::Eigenvector,
         "weight_attribute", "degree, pagerank or eigenvector");
  refuse(!request.personalize.empty() && m != Measure::PageRank, "personalize", "pagerank");
  refuse(request.damping.has_value() && m != Measure::PageRank, "damping", "pagerank");
  refuse(request.tolerance.has_value() && m != Measure::PageRank && m != Measure::Eigenvector, "tolerance",
         "pagerank or eigenvector");
  refuse(request.max_iterations.has_value() && m != Measure::PageRank && m != Measure::Eigenvector,
         "max_iterations", "pagerank or eigenvector");
  refuse(!request.wf_improved && m != Measure::Closeness, "wf_improved", "closeness");
}

PageRankOptions pagerank_options(const RankRequest& request, Direction direction) {
  PageRankOptions options;
  options.direction = direction;
  if (request.damping) options.damping = *request.damping;
  if (request.tolerance) options.tolerance = *request.tolerance;
  if (request.max_iterations) options.max_iterations = *request.max_iterations;
  options.weight_attribute = request.weight_attribute;
  return options;
}

EigenvectorOptions eigenvector_options(const RankRequest& request, Direction direction) {
  EigenvectorOptions options;
  options.direction = direction;
  if (request.tolerance) options.tolerance = *request.tolerance;
  if (request.max_iterations) options.max_iterations = *request.max_iterations;
  options.weight_attribute = request.weight_attribute;
  return options;
}

// The one place rank calls into algorithms/centrality (the source-parallel
// measures through `kernels`). Fills relation_scores for betweenness.
CentralityScores compute(const View& view, const RankRequest& request, const QueryContext& context,
                         const SourceParallelKernels& kernels, std::vector<double>& relation_scores) {
  const Direction direction = rank_direction(request, view.graph());
  switch (request.measure) {
    case Measure::Degree: {
      DegreeOptions options;
      options.direction = direction;
      options.normalized = request.normalized.value_or(true);
      options.weight_attribute = request.weight_attribute;
      return degree_centrality(view, options);
    }
    case Measure::Betweenness: {
      BetweennessOptions options;
      options.direction = direction;
      options.should_stop = context.should_stop();
      options.normalized = request.normalized.value_or(true);
      options.relations = request.of_relations;
      options.samples = request.samples.value_or(0);
      options.seed = request.seed.value_or(0);
      BetweennessResult result = kernels.betweenness(view, options);
      relation_scores = std::move(result.relations);
      return result.entities;
    }
    case Measure::Closeness: {
      ClosenessOptions options;
      options.direction = direction;
      options.should_stop = context.should_stop();
      options.wf_improved = request.wf_improved;
      return kernels.closeness(view, options);
    }
    case Measure::Harmonic: {
      HarmonicOptions options;
      options.direction = direction;
      options.should_stop = context.should_stop();
      return kernels.harmonic(view, options);
    }
    case Measure::PageRank: {
      PageRankOptions options = pagerank_options(request, direction);
      options.should_stop = context.should_stop();
      for (const auto& name : request.personalize) options.personalize.push_back(context.resolve(name));
      return pagerank(view, options);
    }
    case Measure::Eigenvector: {
      EigenvectorOptions options = eigenvector_options(request, direction);
      options.should_stop = context.should_stop();
      return eigenvector_centrality(view, options);
    }
  }
  throw std::logic_error("unknown measure");
}

std::string score_text(double score) { return fmt::format("{:.6g}", score); }

std::string entities_text(const RankAnswer& answer, const Graph& graph) {
  std::vector<std::string> scores, ids;
  std::size_t score_width = std::string_view(measure_name(answer.measure)).size(), id_width = 2;
  for (EntityId e : answer.ranked) {
    scores.push_back(score_text(answer.scores[e]));
    score_width = std::max(score_width, scores.back().size());
    ids.push_back(printable(graph.entity_key(e)));
    id_width = std::max(id_width, ids.back().size());
  }
  const std::size_t rank_width = std::max<std::size_t>(4, std::to_string(answer.ranked.size()).size());
  std::string text = fmt::format("{:>{}}  {:>{}}  {:<{}}  {}\n", "rank", rank_width, measure_name(answer.measure),
                                 score_width, "id", id_width, "name");
  for (std::size_t i = 0; i < answer.ranked.size(); ++i) {
    text += fmt::format("{:>{}}  {:>{}}  {:<{}}  {}\n", i + 1, rank_width, scores[i], score_width, ids[i], id_width,
                        printable(graph.entity_name(answer.ranked[i])));
  }
  return text;
}

std::string relations_text(const RankAnswer& answer, const Graph& graph) {
  std::size_t score_width = 11, source_width = 6, type_width = 4;
  std::vector<std::string> sources, types, targets;
  for (RelationId r : answer.ranked_relations) {
    score_width = std::max(score_width, score_text(answer.relation_scores[r]).size());
    sources.push_back(printable(graph.entity_key(graph.source(r))));
    types.push_back(printable(graph.relation_type_name(graph.relation_type(r))));
    targets.push_back(printable(graph.entity_key(graph.target(r))));
    source_width = std::max(source_width, sources.back().size());
    type_width = std::max(type_width, types.back().size());
  }
  const std::size_t rank_width = std::max<std::size_t>(4, std::to_string(answer.ranked_relations.size()).size());
  std::string text = fmt::format("{:>{}}  {:>{}}  {:<{}}  {:<{}}  {}\n", "rank", rank_width, "betweenness",
                                 score_width, "source", source_width, "type", type_width, "target");
  for (std::size_t i = 0; i < answer.ranked_relations.size(); ++i) {
    const RelationId r = answer.ranked_relations[i];
    text += fmt::format("{:>{}}  {:>{}}  {:<{}}  {:<{}}  {}\n", i + 1, rank_width,
                        score_text(answer.relation_scores[r]), score_width, sources[i], source_width, types[i],
                        type_width, targets[i]);
  }
  return text;
}

}  // namespace

const std::vector<std::pair<std::string, Measure>>& measure_words() {
  static const std::vector<std::pair<std::string, Measure>> words = {
      {"degree", Measure::Degree},     {"betweenness", Measure::Betweenness}, {"closeness", Measure::Closeness},
      {"harmonic", Measure::Harmonic}, {"pagerank", Measure::PageRank},       {"eigenvector", Measure::Eigenvector}};
  return words;
}

const char* measure_name(Measure measure) {
  for (const auto& [word, named] : measure_words()) {
    if (named == measure) return word.c_str();
  }
  return "";
}

void RankRequest::validate() const {
  check_applicable(*this);
  if (samples && *samples == 0) throw InvalidArgument(Field{"samples"}, "must be at least 1");
  if (measure == Measure::PageRank) pagerank_options(*this, Direction::Any).validate();
  if (measure == Measure::Eigenvector) eigenvector_options(*this, Direction::Any).validate();
  view.validate();
}

// NetworkX's defaults: on a directed graph every measure but degree follows
// relations out (closeness and harmonic then measure the distances *to* an
// entity and eigenvector scores come from those pointing to it, as in
// NetworkX); degree counts in and out (nx.degree_centrality). An undirected
// graph has no direction to choose.
Direction rank_direction(const RankRequest& request, const Graph& graph) {
  const ViewSpec& view = request.view;
  if (!graph.directed()) {
    if (view.direction_given && view.direction != Direction::Any) {
      throw InvalidArgument(Field{"direction"}, Message{Field{"direction"}, " " + std::string(direction_name(view.direction)) +
                                                                                ": the graph is undirected, every relation goes both ways"});
    }
    return Direction::Any;
  }
  if (view.direction_given) return view.direction;
  return request.measure == Measure::Degree ? Direction::Any : Direction::Out;
}

bool rank_may_take_minutes(const RankRequest& request, const Graph& graph) {
  const auto entities = static_cast<double>(graph.entity_count());
  const auto relations = static_cast<double>(graph.relation_count());
  switch (request.measure) {
    // Exact Brandes costs about (entities x relations) / 1.5e8 CPU seconds
    // (docs/PERFORMANCE.md).
    case Measure::Betweenness: return !request.samples && entities * relations > 1e10;
    // Closeness and harmonic walk from every entity, 64 at a time: about
    // entities x (entities + relations) / 64 steps per level of distance.
    case Measure::Closeness:
    case Measure::Harmonic: return entities * (entities + relations) / 64 > 1e10;
    default: return false;
  }
}

const char* cut_meaning(Measure measure) {
  switch (measure) {
    case Measure::Betweenness: return "the scores are an estimate from the sources done so far";
    case Measure::Closeness:
    case Measure::Harmonic: return "entities whose distances were not summed yet are left out";
    case Measure::PageRank:
    case Measure::Eigenvector: return "the scores of the last iteration, not converged";
    case Measure::Degree: break;
  }
  return "the scores so far";
}

RankAnswer run(const RankRequest& request, QueryContext& context, const SourceParallelKernels& kernels) {
  request.validate();
  const View view = context.view(request.view);
  RankAnswer answer;
  answer.measure = request.measure;
  answer.of_relations = request.of_relations;
  CentralityScores scores = compute(view, request, context, kernels, answer.relation_scores);
  context.computed();
  if (request.of_relations) {
    answer.ranked_relations = ranked_relations(view, answer.relation_scores, request.top);
  } else {
    answer.ranked = ranked_entities(view, scores, request.top);
  }
  answer.scores = std::move(scores.values);
  answer.undated_relations = count_kept_undated(view);
  answer.cut = scores.cut;
  return answer;
}

std::string to_text(const RankAnswer& answer, const Graph& graph) {
  return answer.of_relations ? relations_text(answer, graph) : entities_text(answer, graph);
}

void to_json(const RankAnswer& answer, const Graph& graph, JsonSink& json) {
  json.StartObject();
  json.Key("measure");
  json.String(measure_name(answer.measure));
  if (answer.of_relations) {
    json.Key("of");
    json.String("relations");
  }
  json.Key("scores");
  json.StartArray();
  for (EntityId e : answer.ranked) {
    json.StartObject();
    json.Key("id");
    write_string(json, graph.entity_key(e));
    json.Key("name");
    write_string(json, graph.entity_name(e));
    json.Key("score");
    json.Double(answer.scores[e]);
    json.EndObject();
  }
  for (RelationId r : answer.ranked_relations) {
    json.StartObject();
    write_relation_members(json, graph, r);
    json.Key("score");
    json.Double(answer.relation_scores[r]);
    json.EndObject();
  }
  json.EndArray();
  json.Key("undated_relations");
  json.Uint64(answer.undated_relations);
  write_cut(json, answer.cut);
  json.EndObject();
}

}  // namespace kg::query
