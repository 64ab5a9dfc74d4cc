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
#include "export/render.hpp"
#include "graph/exception.hpp"
#include "graph/lookup.hpp"

namespace kg::cli {
namespace {

// Above this, edge labels cost more layout time than they give readability.
constexpr std::size_t kMostEdgeLabels = 150;

Date parse_date(const std::string& text, const char* option) {
  const auto date = Date::parse(text);
  if (!date) throw InvalidArgument(std::string(option) + ": invalid date '" + text + "' (expected YYYY, YYYY-MM or YYYY-MM-DD)");
  return *date;
}

ImageFormat output_format(const RenderOptions& options) {
  if (!options.to.empty()) return *format_from_path("output." + options.to);
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
  if (options.depth && options.focus.empty() && options.path.empty()) {
    throw InvalidArgument("--depth applies to --focus and --path");
  }
  const View view(graph, filter);
  const Direction direction = options.filters.direction;
  if (!options.focus.empty()) {
    const EntityId focus = EntityLookup(graph).resolve(options.focus);
    return ego_diagram(view, focus, options.depth.value_or(1), direction);
  }
  if (!options.path.empty()) {
    const EntityLookup lookup(graph);
    const EntityId from = lookup.resolve(options.path[0]), to = lookup.resolve(options.path[1]);
    ShortestPathOptions path_options;
    path_options.direction = direction;
    const PathsResult found = shortest_path(view, from, to, path_options);
    if (found.paths.empty()) return std::nullopt;
    return path_diagram(view, found.paths.front(), options.depth.value_or(1), direction);
  }
  if (!options.diff.empty()) {
    return diff_diagram(view, parse_date(options.diff[0], "--diff"), parse_date(options.diff[1], "--diff"));
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
                      "Draw an entity's relations of one type as one summary node when there are more than N");
  auto* focus = command->add_option("--focus", options->focus, "Draw the neighbourhood of this entity");
  command->add_option("--depth", options->depth, "Steps around --focus, or context around --path (default 1)");
  auto* path = command->add_option("--path", options->path, "Highlight a shortest connection from A to B")
                   ->expected(2)
                   ->type_name("A B");
  auto* diff = command->add_option("--diff", options->diff,
                                   "Colour relations added and ended between two dates")
                   ->expected(2)
                   ->type_name("DATE1 DATE2");
  focus->excludes(path)->excludes(diff);
  path->excludes(diff);
  add_filter_options(*command, options->filters, Direction::Any);
  command->callback([options, &exit_code] { exit_code = run_render(*options); });
}

int run_render(const RenderOptions& requested) {
  if (requested.output == "-" && requested.to.empty()) throw InvalidArgument("-o -: give the format with --to");
  const ImageFormat format = output_format(requested);
  const RenderOptions options = format == ImageFormat::Html ? evidence_map_drawing(requested) : requested;
  DotOptions dot_options;
  if (!options.style.empty()) dot_options.style = load_style(options.style);
  dot_options.legend = options.legend;
  dot_options.clustering = options.cluster == "type" ? Clustering::EntityType : Clustering::None;
  dot_options.merge_parallel = options.merge_parallel;

  using Clock = std::chrono::steady_clock;
  const auto seconds = [](Clock::time_point from, Clock::time_point to) {
    return std::chrono::duration<double>(to - from).count();
  };
  const auto start = Clock::now();
  const Graph graph = load_graph(options.input);
  const auto loaded = Clock::now();
  auto diagram = build_diagram(graph, options);
  if (!diagram) {
    print_error("no path from '" + options.path[0] + "' to '" + options.path[1] + "' with these filters");
    return kExitNo;
  }
  if (options.collapse_hubs) collapse_hubs(*diagram, *options.collapse_hubs);
  if (format == ImageFormat::Html) check_evidence_map_size(*diagram);
  if (options.cluster == "community") cluster_by_community(graph, options, dot_options);

  const std::size_t relations = diagram->relations.size() + diagram->summaries.size();
  dot_options.edge_labels = !options.no_edge_labels && relations <= kMostEdgeLabels;
  if (!options.no_edge_labels && !dot_options.edge_labels) {
    print_error("leaving edge labels to the tooltips for " + std::to_string(relations) + " relations");
  }
  LayoutEngine engine = LayoutEngine::Dot;
  if (format != ImageFormat::Dot) {
    const auto choice = choose_engine(diagram->entities.size() + diagram->summaries.size(),
                                      diagram->relations.size() + diagram->summaries.size(),
                                      requested_engine(options.engine));
    if (!choice.note.empty()) print_error(choice.note);
    engine = choice.engine;
  }
  const auto viewed = Clock::now();
  const std::string dot = write_dot(*diagram, dot_options);
  const auto written = Clock::now();
  const Rendering rendering = [&] {
    const ActivityIndicator activity("laying out with " + std::string(engine_name(engine)),
                                     progress_wanted(options.input.quiet) ? &std::cerr : nullptr);
    if (format == ImageFormat::Html) {
      Rendering page;
      page.bytes = evidence_map(graph, *diagram, dot, engine, requested, dot_options);
      return page;
    }
    return render_dot(dot, engine, format);
  }();
  const auto rendered = Clock::now();
  for (const auto& warning : rendering.warnings) print_error("graphviz: " + warning);
  write_file_atomically(options.output, rendering.bytes, options.output_file);
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
