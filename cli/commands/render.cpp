#include "cli/commands/render.hpp"

#include <fmt/core.h>

#include <chrono>
#include <cstdio>
#include <memory>
#include <iostream>
#include <string>

#include "cli/commands/render_html.hpp"
#include "cli/progress.hpp"
#include "algorithms/communities.hpp"
#include "base/output_file.hpp"
#include "export/diagram.hpp"
#include "export/dot.hpp"
#include "export/graphviz_names.hpp"
#include "export/render.hpp"
#include "export/timeline.hpp"
#include "graph/exception.hpp"
#include "graph/lookup.hpp"

namespace kg::cli {
namespace {

// Above this, edge labels cost more layout time than they give readability.
constexpr std::size_t kMostEdgeLabels = 150;

Date parse_date(const std::string& text, const char* option) {
  const auto date = Date::parse(text);
  if (!date) throw InvalidArgument(std::string(option) + ": " + Date::explain_invalid(text));
  return *date;
}

ImageFormat output_format(const RenderOptions& options) {
  if (!options.to.empty()) {
    const ImageFormat format = *format_from_path("output." + options.to);
    const auto named = format_from_path(options.output);
    if (named && *named != format) {
      print_error("warning: '" + options.output + "' has the extension of another format but is written as " +
                  options.to + " (--to " + options.to + ")");
    }
    return format;
  }
  if (const auto format = format_from_path(options.output)) return *format;
  throw InvalidArgument("-o: cannot tell the format from '" + options.output +
                        "'; name a .svg, .png, .pdf, .dot or .html file, or give --to");
}

std::optional<LayoutEngine> requested_engine(const std::string& name) {
  for (const LayoutEngine engine : {LayoutEngine::Dot, LayoutEngine::Neato, LayoutEngine::Sfdp, LayoutEngine::Circo}) {
    if (engine_name(engine) == name) return engine;
  }
  return std::nullopt;
}

// The diagram the options ask for; nullopt when --path finds no path.
std::optional<Diagram> build_diagram(const Graph& graph, const RenderOptions& options) {
  Filter filter = options.filters.to_filter();
  if (!options.diff.empty() && filter.window) {
    throw InvalidArgument("--diff compares two dates itself; it cannot be combined with --as-of or --between");
  }
  if (options.k > 1 && options.path.empty()) throw InvalidArgument("--k applies to --path");
  if (options.depth && options.focus.empty() && options.path.empty()) {
    throw InvalidArgument("--depth applies to --focus and --path");
  }
  const View view(graph, filter);
  const Direction direction = options.filters.direction;
  if (!options.focus.empty()) {
    const EntityId focus = EntityLookup(graph).resolve(options.focus);
    if (!view.keeps_entity(focus)) {
      throw InvalidArgument("--focus: '" + std::string(graph.entity_key(focus)) + "' is left out by the filters");
    }
    return ego_diagram(view, focus, options.depth.value_or(1), direction);
  }
  if (!options.path.empty()) {
    const EntityLookup lookup(graph);
    const EntityId from = lookup.resolve(options.path[0]), to = lookup.resolve(options.path[1]);
    // One path is the one kg path prints; more are Yen's, as kg path --k.
    ShortestPathOptions one;
    one.direction = direction;
    KShortestPathsOptions several;
    several.direction = direction;
    several.k = options.k;
    const PathsResult found =
        options.k == 1 ? shortest_path(view, from, to, one) : k_shortest_paths(view, from, to, several);
    if (found.paths.empty()) return std::nullopt;
    return path_diagram(view, found.paths, options.depth.value_or(0), direction);
  }
  if (!options.diff.empty()) {
    const Date from = parse_date(options.diff[0], "--diff"), to = parse_date(options.diff[1], "--diff");
    if (to.last_day() < from.first_day()) throw InvalidArgument("--diff: the first date must not be after the second");
    return diff_diagram(view, from, to);
  }
  // A date or relation filter leaves entities with nothing to show.
  const bool drop_isolated = filter.window || !filter.relation_types.empty() || !filter.exclude_relation_types.empty();
  Diagram diagram = whole_diagram(view, drop_isolated);
  if (filter.window) {
    diagram.caption = !options.filters.as_of.empty() ? "as of " + options.filters.as_of
                                                     : "active in " + options.filters.between;
  }
  return diagram;
}

// Under a time window, says how many undated relations the diagram kept and
// has them marked: nothing dates them inside the window.
void mark_undated(Diagram& diagram, const Filter& filter) {
  if (!filter.window && filter.undated == Undated::Include) return;
  std::size_t undated = 0;
  for (const RelationId r : diagram.relations) undated += diagram.graph->date(r).empty();
  for (const HubSummary& summary : diagram.summaries) {
    for (const RelationId r : summary.relations) undated += diagram.graph->date(r).empty();
  }
  diagram.mark_undated = true;
  if (undated == 0) return;
  diagram.caption += std::string(diagram.caption.empty() ? "" : "; ") + std::to_string(undated) + " undated relation" +
                     (undated == 1 ? "" : "s") + " kept";
}

// Boxes the communities Louvain finds in the filtered graph (seed 0, as
// kg communities); entities alone in theirs stay outside any box.
void cluster_by_community(const Graph& graph, const RenderOptions& options, DotOptions& dot_options) {
  const CommunitiesResult communities = louvain_communities(View(graph, options.filters.to_filter()));
  dot_options.clustering = Clustering::Group;
  dot_options.groups = communities.community;
  for (std::size_t c = 0; c < communities.members.size(); ++c) {
    const auto& members = communities.members[c];
    if (members.size() == 1) dot_options.groups[members.front()] = DotOptions::kNoGroup;
    dot_options.group_labels.push_back("community " + std::to_string(c + 1) + " (" + std::to_string(members.size()) +
                                       ")");
  }
}

void write_output(const RenderOptions& options, const std::string& bytes) {
  write_file_atomically(options.output, bytes, options.output_file);
}

int render_timeline(const Graph& graph, const RenderOptions& options, const Style& style, ImageFormat format) {
  if (format == ImageFormat::Html) {
    throw InvalidArgument("--timeline is drawn by Graphviz: write .svg, .png, .pdf or .dot, not the evidence map");
  }
  if (!options.engine.empty() && options.engine != "dot") {
    throw InvalidArgument("--timeline is laid out by dot; --engine " + options.engine + " does not apply");
  }
  const std::string dot = write_timeline_dot(graph, timeline(View(graph, options.filters.to_filter())), style);
  const Rendering rendering = render_dot(dot, LayoutEngine::Dot, format);
  for (const auto& warning : rendering.warnings) print_error("graphviz: " + warning);
  write_output(options, rendering.bytes);
  return kExitOk;
}

}  // namespace

void setup_render(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<RenderOptions>();
  auto* command = app.add_subcommand("render", "Draw the graph (SVG, PNG, PDF, DOT) with Graphviz, or the interactive HTML evidence map");
  add_graph_input(*command, options->input);
  command->add_option("-o,--output", options->output,
                      "Output file (.svg, .png, .pdf, .dot, or .html for the interactive evidence map), or - for stdout "
                      "with --to")
      ->required();
  add_force_option(*command, options->output_file);
  command->add_option("--to", options->to, "Output format, when the file name does not tell")
      ->check(CLI::IsMember({"svg", "png", "pdf", "dot", "html"}));
  command->add_option("--engine", options->engine, "Graphviz layout: dot, neato, sfdp or circo (chosen by size if absent)")
      ->check(CLI::IsMember({"dot", "neato", "sfdp", "circo"}));
  command->add_option("--style", options->style, "Style sheet (JSON) over the default, samples/style.json");
  command->add_flag("--legend,!--no-legend", options->legend, "Draw a legend of the styles used (default: yes)");
  command->add_option("--cluster", options->cluster, "Box entities by type, by Louvain community, or not (none)")
      ->check(CLI::IsMember({"type", "community", "none"}))
      ->default_str("none");
  command->add_flag("--merge-parallel", options->merge_parallel,
                    "One edge with a count for relations of one type between the same two entities");
  command->add_flag("--no-edge-labels", options->no_edge_labels,
                    "Leave type and date to the tooltips (automatic above 150 relations)");
  command->add_flag("--timings", options->timings,
                    "Report seconds per phase on stderr: kg's (read, view, DOT, write) and Graphviz's");
  command->add_option("--collapse-hubs", options->collapse_hubs,
                      "Draw an entity's relations of one type as one summary node when there are more than N")
      ->check(whole_range(1, kMostCount));
  auto* focus = command->add_option("--focus", options->focus, "Draw the neighbourhood of this entity");
  command->add_option("--depth", options->depth,
                      "Steps around --focus (default 1), or context around --path (default 0: the path alone)")
      ->check(whole_range(0, kMostCount));
  auto* path = command->add_option("--path", options->path, "Highlight a shortest connection from A to B")
                   ->expected(2)
                   ->type_name("A B");
  auto* diff = command->add_option("--diff", options->diff,
                                   "Colour relations added and ended between two dates")
                   ->expected(2)
                   ->type_name("DATE1 DATE2");
  auto* timeline = command->add_flag("--timeline", options->timeline,
                                     "Draw the relations in date order, one column per year or month (dot layout)");
  focus->excludes(path)->excludes(diff)->excludes(timeline);
  path->excludes(diff)->excludes(timeline);
  diff->excludes(timeline);
  command->add_option("--k", options->k, "With --path: draw the K shortest simple paths")
      ->default_val(1)
      ->check(whole_range(1, 1000));
  add_filter_options(*command, options->filters, Direction::Any);
  add_time_limit(*command, options->time_limit);
  command->callback([options, &exit_code] { exit_code = run_render(*options); });
}

int run_render(const RenderOptions& requested) {
  if (requested.output == "-" && requested.to.empty()) throw InvalidArgument("-o -: give the format with --to");
  const ImageFormat format = output_format(requested);
  if (format == ImageFormat::Dot && !requested.engine.empty()) {
    throw InvalidArgument("--engine applies to laid-out output (svg, png, pdf): DOT is written before any layout");
  }
  // The evidence map walks relations in the page whatever the view.
  if (format != ImageFormat::Html && requested.filters.direction_given && requested.focus.empty() &&
      requested.path.empty()) {
    throw InvalidArgument("--direction applies to --focus and --path: nothing else is walked");
  }
  const RenderOptions options = format == ImageFormat::Html ? evidence_map_drawing(requested) : requested;
  DotOptions dot_options;
  if (!options.style.empty()) dot_options.style = load_style(options.style);
  dot_options.legend = options.legend;
  dot_options.clustering = options.cluster == "type" ? Clustering::EntityType : Clustering::None;
  dot_options.merge_parallel = options.merge_parallel;
  // Graphviz gets short names; the SVG gets the ids back in its titles.
  dot_options.graphviz_names = format != ImageFormat::Dot;

  using Clock = std::chrono::steady_clock;
  const auto seconds = [](Clock::time_point from, Clock::time_point to) {
    return std::chrono::duration<double>(to - from).count();
  };
  const auto start = Clock::now();
  const Graph graph = load_graph(options.input);
  const auto loaded = Clock::now();
  if (options.timeline) return render_timeline(graph, options, dot_options.style, format);
  auto diagram = build_diagram(graph, options);
  if (!diagram) {
    print_error("no path from '" + options.path[0] + "' to '" + options.path[1] + "' with these filters");
    return kExitNo;
  }
  if (options.collapse_hubs) collapse_hubs(*diagram, *options.collapse_hubs);
  mark_undated(*diagram, options.filters.to_filter());
  if (format == ImageFormat::Html) check_evidence_map_size(*diagram);
  // The whole graph fans out many parallel arrows from its busiest entities
  // (docs/RENDERING.md, "Edge crossings").
  const bool whole = options.focus.empty() && options.path.empty() && options.diff.empty();
  dot_options.concentrate = whole && options.cluster == "none";
  if (options.cluster == "community") cluster_by_community(graph, options, dot_options);

  // What Graphviz lays out: merged parallel relations are one edge.
  const std::size_t relations = drawn_edge_count(*diagram, dot_options);
  dot_options.edge_labels = !options.no_edge_labels && relations <= kMostEdgeLabels;
  if (!options.no_edge_labels && !dot_options.edge_labels) {
    print_error("leaving edge labels to the tooltips for " + std::to_string(relations) + " relations");
  }
  LayoutEngine engine = LayoutEngine::Dot;
  if (format != ImageFormat::Dot) {
    // With a time limit the wait is bounded anyway: any size may be tried.
    const auto choice = choose_engine(diagram->entities.size() + diagram->summaries.size(), relations,
                                      requested_engine(options.engine),
                                      options.time_limit.seconds ? LayoutLimits::unbounded() : LayoutLimits{});
    if (!choice.note.empty()) print_error(choice.note);
    engine = choice.engine;
  }
  const auto viewed = Clock::now();
  const std::string dot = write_dot(*diagram, dot_options);
  const auto written = Clock::now();
  Rendering rendering;
  try {
    const ActivityIndicator activity("laying out with " + std::string(engine_name(engine)),
                                     progress_wanted(options.input.quiet) ? &std::cerr : nullptr);
    if (format == ImageFormat::Html) {
      rendering.bytes = evidence_map(graph, *diagram, dot, engine, requested, dot_options,
                                     options.time_limit.deadline());
    } else {
      rendering = render_dot(dot, engine, format, options.time_limit.deadline());
    }
  } catch (const TimeLimitReached& cut) {
    options.time_limit.report_cut(std::string(cut.what()) + "; nothing written (a smaller drawing, or --engine sfdp, "
                                  "lays out faster)");
    return kExitNo;
  } catch (const InvalidArgument& refused) {
    throw InvalidArgument(with_entity_ids(refused.what(), graph));
  }
  const auto rendered = Clock::now();
  for (const auto& warning : rendering.warnings) print_error("graphviz: " + with_entity_ids(warning, graph));
  if (format == ImageFormat::Svg) rendering.bytes = with_entity_titles(rendering.bytes, graph);
  write_output(options, rendering.bytes);
  if (options.timings) {
    const double kg_seconds = seconds(start, written) + seconds(rendered, Clock::now());
    const double graphviz_seconds = seconds(written, rendered);
    print_error(fmt::format(
        "timings: read {:.3f} s, view {:.3f} s, DOT {:.3f} s ({} bytes), graphviz {} {:.3f} s (parse {:.3f}, "
        "layout {:.3f}, render {:.3f}), write {:.3f} s; kg's share {:.1f}%",
        seconds(start, loaded), seconds(loaded, viewed), seconds(viewed, written), dot.size(),
        format == ImageFormat::Dot ? "-" : engine_name(engine), graphviz_seconds, rendering.parse_seconds,
        rendering.layout_seconds, rendering.render_seconds, seconds(rendered, Clock::now()),
        100.0 * kg_seconds / (kg_seconds + graphviz_seconds)));
  }
  return kExitOk;
}

}  // namespace kg::cli
