#include "cli/commands/rank.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <iostream>
#include <string_view>
#include <memory>

#include "algorithms/centrality.hpp"
#include "cli/commands/rank_explain.hpp"
#include "cli/progress.hpp"
#include "cli/text.hpp"
#include "graph/exception.hpp"
#include "graph/lookup.hpp"

namespace kg::cli {
namespace {

const char* measure_name(Measure measure) {
  switch (measure) {
    case Measure::Degree: return "degree";
    case Measure::Betweenness: return "betweenness";
    case Measure::Closeness: return "closeness";
    case Measure::Harmonic: return "harmonic";
    case Measure::PageRank: return "pagerank";
    case Measure::Eigenvector: return "eigenvector";
  }
  return "";
}

// Refuses options the chosen measure would silently ignore.
void check_applicable(const RankOptions& o) {
  const auto refuse = [&o](bool given, const char* option, const char* measures) {
    if (given) {
      throw InvalidArgument(std::string(option) + " applies to --by " + measures + ", not --by " + measure_name(o.measure));
    }
  };
  const Measure m = o.measure;
  refuse(o.relations && m != Measure::Betweenness, "--of relations", "betweenness");
  refuse(o.samples.has_value() && m != Measure::Betweenness, "--samples", "betweenness");
  refuse(o.seed.has_value() && !o.samples, "--seed", "betweenness with --samples");
  refuse(o.normalized.has_value() && m != Measure::Degree && m != Measure::Betweenness, "--normalized/--raw",
         "degree or betweenness");
  refuse(!o.weight_by.empty() && m != Measure::Degree && m != Measure::PageRank && m != Measure::Eigenvector,
         "--weight-by", "degree, pagerank or eigenvector");
  refuse(!o.personalize.empty() && m != Measure::PageRank, "--personalize", "pagerank");
  refuse(o.damping.has_value() && m != Measure::PageRank, "--damping", "pagerank");
  refuse(o.tolerance.has_value() && m != Measure::PageRank && m != Measure::Eigenvector, "--tolerance",
         "pagerank or eigenvector");
  refuse(o.max_iterations.has_value() && m != Measure::PageRank && m != Measure::Eigenvector, "--max-iterations",
         "pagerank or eigenvector");
  refuse(!o.wf_improved && m != Measure::Closeness, "--no-wf-improved", "closeness");
}

CentralityScores compute(const View& view, const RankOptions& o, const SourceSplit& split,
                         std::vector<double>& relation_scores) {
  const Direction direction = rank_direction(o, view.graph());
  switch (o.measure) {
    case Measure::Degree: {
      DegreeOptions options;
      options.direction = direction;
      options.normalized = o.normalized.value_or(true);
      options.weight_attribute = o.weight_by;
      return degree_centrality(view, options);
    }
    case Measure::Betweenness: {
      BetweennessOptions options;
      options.direction = direction;
      options.split = split;
      options.should_stop = o.time_limit.should_stop();
      options.normalized = o.normalized.value_or(true);
      options.relations = o.relations;
      options.samples = o.samples.value_or(0);
      options.seed = o.seed.value_or(0);
      BetweennessResult result = betweenness_centrality(view, options);
      relation_scores = std::move(result.relations);
      return result.entities;
    }
    case Measure::Closeness: {
      ClosenessOptions options;
      options.direction = direction;
      options.split = split;
      options.should_stop = o.time_limit.should_stop();
      options.wf_improved = o.wf_improved;
      return closeness_centrality(view, options);
    }
    case Measure::Harmonic: {
      HarmonicOptions options;
      options.direction = direction;
      options.split = split;
      options.should_stop = o.time_limit.should_stop();
      return harmonic_centrality(view, options);
    }
    case Measure::PageRank: {
      PageRankOptions options;
      options.direction = direction;
      options.should_stop = o.time_limit.should_stop();
      if (o.damping) options.damping = *o.damping;
      if (o.tolerance) options.tolerance = *o.tolerance;
      if (o.max_iterations) options.max_iterations = *o.max_iterations;
      options.weight_attribute = o.weight_by;
      if (!o.personalize.empty()) {
        const EntityLookup lookup(view.graph());
        for (const auto& name : o.personalize) options.personalize.push_back(lookup.resolve(name));
      }
      return pagerank(view, options);
    }
    case Measure::Eigenvector: {
      EigenvectorOptions options;
      options.direction = direction;
      options.should_stop = o.time_limit.should_stop();
      if (o.tolerance) options.tolerance = *o.tolerance;
      if (o.max_iterations) options.max_iterations = *o.max_iterations;
      options.weight_attribute = o.weight_by;
      return eigenvector_centrality(view, options);
    }
  }
  throw std::logic_error("unknown measure");
}

// What a ranking cut by the time limit holds (algorithms/centrality.hpp).
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

std::string format_score(double score) { return fmt::format("{:.6g}", score); }

void print_entities(const View& view, const CentralityScores& scores, const std::vector<EntityId>& ranked,
                    const RankOptions& options) {
  const Graph& graph = view.graph();
  if (options.format == OutputFormat::Json) {
    print_json([&](JsonWriter& json) {
      json.StartObject();
      json.Key("measure");
      json.String(measure_name(options.measure));
      json.Key("scores");
      json.StartArray();
      for (EntityId e : ranked) {
        json.StartObject();
        json.Key("id");
        write_string(json, graph.entity_key(e));
        json.Key("name");
        write_string(json, graph.entity_name(e));
        json.Key("score");
        json.Double(scores.values[e]);
        json.EndObject();
      }
      json.EndArray();
      json.Key("undated_relations");
      json.Uint64(count_kept_undated(view));
      write_cut(json, scores.cut);
      json.EndObject();
    });
    return;
  }
  std::vector<std::string> score_text, ids;
  std::size_t score_width = std::string_view(measure_name(options.measure)).size(), id_width = 2;
  for (EntityId e : ranked) {
    score_text.push_back(format_score(scores.values[e]));
    score_width = std::max(score_width, score_text.back().size());
    ids.push_back(printable(graph.entity_key(e)));
    id_width = std::max(id_width, ids.back().size());
  }
  const std::size_t rank_width = std::max<std::size_t>(4, std::to_string(ranked.size()).size());
  fmt::print("{:>{}}  {:>{}}  {:<{}}  {}\n", "rank", rank_width, measure_name(options.measure), score_width, "id",
             id_width, "name");
  for (std::size_t i = 0; i < ranked.size(); ++i) {
    fmt::print("{:>{}}  {:>{}}  {:<{}}  {}\n", i + 1, rank_width, score_text[i], score_width, ids[i], id_width,
               printable(graph.entity_name(ranked[i])));
  }
  print_undated_note(options.filters, view);
}

void print_relations(const View& view, const std::vector<double>& scores, bool cut, const RankOptions& options) {
  const Graph& graph = view.graph();
  const std::vector<RelationId> ranked = ranked_relations(view, scores, options.top);
  if (options.format == OutputFormat::Json) {
    print_json([&](JsonWriter& json) {
      json.StartObject();
      json.Key("measure");
      json.String(measure_name(options.measure));
      json.Key("of");
      json.String("relations");
      json.Key("scores");
      json.StartArray();
      for (RelationId r : ranked) {
        json.StartObject();
        write_relation_members(json, graph, r);
        json.Key("score");
        json.Double(scores[r]);
        json.EndObject();
      }
      json.EndArray();
      json.Key("undated_relations");
      json.Uint64(count_kept_undated(view));
      write_cut(json, cut);
      json.EndObject();
    });
    return;
  }
  std::size_t score_width = 11, source_width = 6, type_width = 4;
  std::vector<std::string> sources, types, targets;
  for (RelationId r : ranked) {
    score_width = std::max(score_width, format_score(scores[r]).size());
    sources.push_back(printable(graph.entity_key(graph.source(r))));
    types.push_back(printable(graph.relation_type_name(graph.relation_type(r))));
    targets.push_back(printable(graph.entity_key(graph.target(r))));
    source_width = std::max(source_width, sources.back().size());
    type_width = std::max(type_width, types.back().size());
  }
  const std::size_t rank_width = std::max<std::size_t>(4, std::to_string(ranked.size()).size());
  fmt::print("{:>{}}  {:>{}}  {:<{}}  {:<{}}  {}\n", "rank", rank_width, "betweenness", score_width, "source",
             source_width, "type", type_width, "target");
  for (std::size_t i = 0; i < ranked.size(); ++i) {
    const RelationId r = ranked[i];
    fmt::print("{:>{}}  {:>{}}  {:<{}}  {:<{}}  {}\n", i + 1, rank_width, format_score(scores[r]), score_width,
               sources[i], source_width, types[i], type_width, targets[i]);
  }
  print_undated_note(options.filters, view);
}

}  // namespace

// NetworkX's defaults: on a directed graph every measure but degree follows
// relations out (closeness and harmonic then measure the distances *to* an
// entity and eigenvector scores come from those pointing to it, as in
// NetworkX); degree counts in and out (nx.degree_centrality). An undirected
// graph has no direction to choose.
Direction rank_direction(const RankOptions& o, const Graph& graph) {
  if (!graph.directed()) {
    if (o.direction_given && o.filters.direction != Direction::Any) {
      throw InvalidArgument(std::string("--direction ") + (o.filters.direction == Direction::Out ? "out" : "in") +
                            ": the graph is undirected, every relation goes both ways");
    }
    return Direction::Any;
  }
  if (o.direction_given) return o.filters.direction;
  return o.measure == Measure::Degree ? Direction::Any : Direction::Out;
}

void setup_rank(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<RankOptions>();
  auto* command = app.add_subcommand("rank", "Entities (or relations) ranked by a centrality measure");
  add_graph_input(*command, options->input);
  add_output_format(*command, options->format);
  add_filter_options(*command, options->filters, Direction::Any);
  add_time_limit(*command, options->time_limit);
  add_choice<Measure>(*command, "--by", options->measure,
                      {{"degree", Measure::Degree},
                       {"betweenness", Measure::Betweenness},
                       {"closeness", Measure::Closeness},
                       {"harmonic", Measure::Harmonic},
                       {"pagerank", Measure::PageRank},
                       {"eigenvector", Measure::Eigenvector}},
                      "The measure (docs/RANKING.md)");
  command->get_option("--direction")
      ->option_text("out|in|any (default: out on a directed graph, any for degree and on an undirected graph)");
  command->add_flag("--timings", options->timings, "Report load and compute seconds on stderr");
  command->add_option("--top", options->top, "Show the N highest (0: all)")
      ->check(whole_range(0, kMostCount))
      ->default_str("10");
  add_choice<bool>(*command, "--of", options->relations, {{"entities", false}, {"relations", true}},
                   "Rank entities, or relations (betweenness only)");
  auto* normalized = command->add_flag("--normalized", "Normalise as NetworkX does (the default)");
  auto* raw = command->add_flag("--raw", "Raw counts: path pairs for betweenness, relations for degree");
  normalized->excludes(raw);
  command->add_option("--samples", options->samples, "Betweenness from K sampled sources (estimate)")
      ->check(whole_range(1, kMostCount));
  command->add_option("--seed", options->seed, "Seed of the --samples draw (default 0)")
      ->check(whole_range(0, UINT64_MAX));
  command->add_option("--personalize", options->personalize, "PageRank teleports only to these entities")
      ->delimiter(',');
  command->add_option("--weight-by", options->weight_by,
                      "Numeric relation attribute as weight (degree, pagerank, eigenvector; 1 where absent)");
  command->add_option("--damping", options->damping, "PageRank damping factor (default 0.85)")
      ->check(real_range(0, 1, Excluded::Max));
  command->add_option("--tolerance", options->tolerance, "PageRank/eigenvector tolerance per entity (default 1e-6)")
      ->check(real_range(0, 1, Excluded::Min));
  command->add_option("--max-iterations", options->max_iterations, "PageRank/eigenvector iteration limit (default 100)")
      ->check(whole_range(1, kMostCount));
  auto* explain = command->add_option("--explain", "Why: for betweenness the pairs whose shortest paths an entity "
                                                  "carries; for degree and pagerank the relations that add most. "
                                                  "With ENTITY, that entity; alone, the top N")
                      ->expected(0, 1)
                      ->type_name("[ENTITY]");
  auto* plain = command->add_flag("--no-wf-improved", "Closeness without the Wasserman-Faust scaling for "
                                                     "graphs that are not connected");
  command->callback([options, command, normalized, raw, plain, explain, &exit_code] {
    if (explain->count()) options->explain = explain->results().empty() ? "" : explain->results().front();
    if (normalized->count()) options->normalized = true;
    if (raw->count()) options->normalized = false;
    options->wf_improved = plain->count() == 0;
    options->direction_given = command->get_option("--direction")->count() > 0;
    exit_code = run_rank(*options);
  });
}

int run_rank(const RankOptions& options) {
  check_applicable(options);
  check_explainable(options);
  const auto context = open_context(options.input);
  const Graph& graph = context->graph();
  const View view = context->view(options.filters);
  // Exact Brandes costs about (entities x relations) / 1.5e8 CPU seconds
  // (docs/PERFORMANCE.md): say so before a wait of minutes.
  if (options.measure == Measure::Betweenness && !options.samples &&
      static_cast<double>(graph.entity_count()) * static_cast<double>(graph.relation_count()) > 1e10) {
    print_error(fmt::format("note: exact betweenness over {} entities and {} relations may take minutes; "
                            "--samples K estimates it from K sources",
                            graph.entity_count(), graph.relation_count()));
  }
  // Closeness and harmonic walk from every entity, 64 at a time: about
  // entities x (entities + relations) / 64 steps per level of distance.
  const double entities = static_cast<double>(graph.entity_count());
  if ((options.measure == Measure::Closeness || options.measure == Measure::Harmonic) &&
      entities * (entities + static_cast<double>(graph.relation_count())) / 64 > 1e10) {
    print_error(fmt::format("note: {} over {} entities and {} relations may take minutes; --time-limit SECONDS "
                            "gives the ranking so far",
                            measure_name(options.measure), graph.entity_count(), graph.relation_count()));
  }
  std::vector<double> relation_scores;
  CentralityScores scores;
  try {
    const ActivityIndicator activity("ranking", progress_wanted(options.input.quiet) ? &std::cerr : nullptr);
    scores = compute(view, options, context->split(), relation_scores);
  } catch (const NotConverged& error) {
    print_error(error);
    return kExitNo;
  }
  context->computed();
  if (options.timings) print_timings(context->timings());
  if (options.explain) {
    const std::vector<EntityId> entities =
        options.explain->empty() ? ranked_entities(view, scores, options.top)
                                 : std::vector<EntityId>{EntityLookup(graph).resolve(*options.explain)};
    print_explanations(view, scores, entities, options);
  } else if (options.relations) {
    print_relations(view, relation_scores, scores.cut, options);
  } else {
    print_entities(view, scores, ranked_entities(view, scores, options.top), options);
  }
  if (!scores.cut) return kExitOk;
  options.time_limit.report_cut(cut_meaning(options.measure));
  return kExitNo;
}

}  // namespace kg::cli
