#include "cli/commands/render.hpp"

#include <fmt/core.h>

#include <iostream>
#include <memory>
#include <string>

#include "base/output_file.hpp"
#include "cli/progress.hpp"
#include "graph/exception.hpp"

namespace kg::cli {
namespace {

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

// The request with the fields the command line gives as words or files.
query::RenderRequest render_request(const RenderOptions& options) {
  query::RenderRequest request = options.request;
  request.format = output_format(options);
  request.engine = requested_engine(options.engine);
  if (!options.style.empty()) request.style = load_style(options.style);
  request.cluster = options.cluster == "type"        ? query::Boxes::EntityType
                    : options.cluster == "community" ? query::Boxes::Community
                                                     : query::Boxes::None;
  request.edge_labels = !options.no_edge_labels;
  request.deadline = options.time_limit.deadline();
  return request;
}

}  // namespace

void setup_render(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<RenderOptions>();
  auto& request = options->request;
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
  command->add_flag("--legend,!--no-legend", request.legend, "Draw a legend of the styles used (default: yes)");
  command->add_option("--cluster", options->cluster, "Box entities by type, by Louvain community, or not (none)")
      ->check(CLI::IsMember({"type", "community", "none"}))
      ->default_str("none");
  command->add_flag("--merge-parallel", request.merge_parallel,
                    "One edge with a count for relations of one type between the same two entities");
  command->add_flag("--no-edge-labels", options->no_edge_labels,
                    "Leave type and date to the tooltips (automatic above 150 relations)");
  command->add_flag("--timings", options->timings,
                    "Report seconds per phase on stderr: kg's (read, view, DOT, write) and Graphviz's");
  command->add_option("--collapse-hubs", request.collapse_hubs,
                      "Draw an entity's relations of one type as one summary node when there are more than N")
      ->check(whole_range(1, kMostCount));
  auto* focus = command->add_option("--focus", request.focus, "Draw the neighbourhood of this entity");
  command->add_option("--depth", request.depth,
                      "Steps around --focus (default 1), or context around --path (default 0: the path alone)")
      ->check(whole_range(0, kMostCount));
  auto* path = command->add_option("--path", request.path, "Highlight a shortest connection from A to B")
                   ->expected(2)
                   ->type_name("A B");
  auto* diff = command->add_option("--diff", request.diff,
                                   "Colour relations added and ended between two dates")
                   ->expected(2)
                   ->type_name("DATE1 DATE2");
  auto* timeline = command->add_flag("--timeline", request.timeline,
                                     "Draw the relations in date order, one column per year or month (dot layout)");
  focus->excludes(path)->excludes(diff)->excludes(timeline);
  path->excludes(diff)->excludes(timeline);
  diff->excludes(timeline);
  command->add_option("--k", request.k, "With --path: draw the K shortest simple paths")
      ->default_val(1)
      ->check(whole_range(1, 1000));
  add_filter_options(*command, request.view, Direction::Any);
  add_time_limit(*command, options->time_limit);
  command->callback([options, &exit_code] { exit_code = run_render(*options); });
}

int run_render(const RenderOptions& options) {
  if (options.output == "-" && options.to.empty()) throw InvalidArgument("-o -: give the format with --to");
  const query::RenderRequest request = render_request(options);
  request.validate();
  const auto context = open_context(options.input, options.time_limit);
  const query::RenderPlan plan = query::plan(request, *context);
  if (!plan.found) {
    print_error("no path from '" + request.path[0] + "' to '" + request.path[1] + "' with these filters");
    return kExitNo;
  }
  for (const auto& note : plan.notes) print_error(note);
  query::RenderAnswer answer;
  try {
    const ActivityIndicator activity("laying out with " + std::string(engine_name(plan.engine)),
                                     progress_wanted(options.input.quiet) ? &std::cerr : nullptr);
    answer = query::draw(plan, request, *context);
  } catch (const TimeLimitReached& cut) {
    options.time_limit.report_cut(std::string(cut.what()) + "; nothing written (a smaller drawing, or --engine sfdp, "
                                  "lays out faster)");
    return kExitNo;
  }
  for (const auto& warning : answer.warnings) print_error("graphviz: " + warning);
  const auto writing = query::Clock::now();
  write_file_atomically(options.output, answer.bytes, options.output_file);
  if (options.timings) {
    const double read = query::seconds(context->timings().load);
    const double write = query::seconds(query::Clock::now() - writing);
    const double kg_seconds = read + plan.view_seconds + plan.dot_seconds + answer.titles_seconds + write;
    print_error(fmt::format(
        "timings: read {:.3f} s, view {:.3f} s, DOT {:.3f} s ({} bytes), graphviz {} {:.3f} s (parse {:.3f}, "
        "layout {:.3f}, render {:.3f}), titles {:.3f} s, write {:.3f} s; kg's share {:.1f}%",
        read, plan.view_seconds, plan.dot_seconds, plan.dot.size(),
        request.format == ImageFormat::Dot ? "-" : engine_name(plan.engine), answer.graphviz_seconds,
        answer.parse_seconds, answer.layout_seconds, answer.render_seconds, answer.titles_seconds, write,
        100.0 * kg_seconds / (kg_seconds + answer.graphviz_seconds)));
  }
  return kExitOk;
}

}  // namespace kg::cli
