#include "cli/commands/rank.hpp"

#include <fmt/core.h>

#include <iostream>
#include <memory>
#include <type_traits>

#include "cli/progress.hpp"
#include "graph/exception.hpp"
#include "query/rank_explain.hpp"

namespace kg::cli {
namespace {

// Says so before a wait of minutes, with the flag that shortens it.
void warn_if_slow(const query::RankRequest& request, const Graph& graph) {
  if (!query::rank_may_take_minutes(request, graph)) return;
  if (request.measure == query::Measure::Betweenness) {
    print_error(fmt::format("note: exact betweenness over {} entities and {} relations may take minutes; "
                            "--samples K estimates it from K sources",
                            graph.entity_count(), graph.relation_count()));
  } else {
    print_error(fmt::format("note: {} over {} entities and {} relations may take minutes; --time-limit SECONDS "
                            "gives the ranking so far",
                            query::measure_name(request.measure), graph.entity_count(), graph.relation_count()));
  }
}

// Validates, loads, computes under an activity indicator and prints a
// ranking (RankRequest) or its explanation (RankExplainRequest).
template <typename Request>
int rank_with(const RankOptions& options, const Request& request) {
  request.validate();
  const auto context = open_context(options.input, options.time_limit);
  warn_if_slow(options.request, context->graph());
  const auto answer = [&] {
    const ActivityIndicator activity("ranking", progress_wanted(options.input.quiet) ? &std::cerr : nullptr);
    return query::run(request, *context);
  };
  try {
    const auto ranked = answer();
    if (options.timings) print_timings(context->timings());
    print_answer(options.format, ranked, context->graph());
    if constexpr (std::is_same_v<Request, query::RankRequest>) {
      if (options.format == OutputFormat::Text) print_undated_note(request.view, ranked.undated_relations);
    }
    if (!ranked.cut) return kExitOk;
  } catch (const NotConverged& error) {
    print_error(error);
    return kExitNo;
  }
  options.time_limit.report_cut(query::cut_meaning(options.request.measure));
  return kExitNo;
}

}  // namespace

void setup_rank(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<RankOptions>();
  auto& request = options->request;
  auto* command = app.add_subcommand("rank", "Entities (or relations) ranked by a centrality measure");
  add_graph_input(*command, options->input);
  add_output_format(*command, options->format);
  add_filter_options(*command, request.view, Direction::Any);
  add_time_limit(*command, options->time_limit);
  add_choice<query::Measure>(*command, "--by", request.measure, query::measure_words(), "The measure (docs/RANKING.md)");
  command->get_option("--direction")
      ->option_text("out|in|any (default: out on a directed graph, any for degree and on an undirected graph)");
  command->add_flag("--timings", options->timings, "Report load and compute seconds on stderr");
  command->add_option("--top", request.top, "Show the N highest (0: all)")
      ->check(whole_range(0, kMostCount))
      ->default_str("10");
  add_choice<bool>(*command, "--of", request.of_relations, {{"entities", false}, {"relations", true}},
                   "Rank entities, or relations (betweenness only)");
  auto* normalized = command->add_flag("--normalized", "Normalise as NetworkX does (the default)");
  auto* raw = command->add_flag("--raw", "Raw counts: path pairs for betweenness, relations for degree");
  normalized->excludes(raw);
  command->add_option("--samples", request.samples, "Betweenness from K sampled sources (estimate)")
      ->check(whole_range(1, kMostCount));
  command->add_option("--seed", request.seed, "Seed of the --samples draw (default 0)")
      ->check(whole_range(0, UINT64_MAX));
  command->add_option("--personalize", request.personalize, "PageRank teleports only to these entities")
      ->delimiter(',');
  command->add_option("--weight-by", request.weight_attribute,
                      "Numeric relation attribute as weight (degree, pagerank, eigenvector; 1 where absent)");
  command->add_option("--damping", request.damping, "PageRank damping factor (default 0.85)")
      ->check(real_range(0, 1, Excluded::Max));
  command->add_option("--tolerance", request.tolerance, "PageRank/eigenvector tolerance per entity (default 1e-6)")
      ->check(real_range(0, 1, Excluded::Min));
  command->add_option("--max-iterations", request.max_iterations, "PageRank/eigenvector iteration limit (default 100)")
      ->check(whole_range(1, kMostCount));
  auto* explain = command->add_option("--explain", "Why: for betweenness the pairs whose shortest paths an entity "
                                                  "carries; for degree and pagerank the relations that add most. "
                                                  "With ENTITY, that entity; alone, the top N")
                      ->expected(0, 1)
                      ->type_name("[ENTITY]");
  auto* plain = command->add_flag("--no-wf-improved", "Closeness without the Wasserman-Faust scaling for "
                                                     "graphs that are not connected");
  command->callback([options, normalized, raw, plain, explain, &exit_code] {
    if (explain->count()) options->explain = explain->results().empty() ? "" : explain->results().front();
    if (normalized->count()) options->request.normalized = true;
    if (raw->count()) options->request.normalized = false;
    options->request.wf_improved = plain->count() == 0;
    exit_code = run_rank(*options);
  });
}

int run_rank(const RankOptions& options) {
  if (!options.explain) return rank_with(options, options.request);
  return rank_with(options, query::RankExplainRequest{options.request, *options.explain});
}

}  // namespace kg::cli
