#include "query/render.hpp"

#include "algorithms/communities.hpp"
#include "algorithms/paths.hpp"
#include "algorithms/timeline.hpp"
#include "export/graphviz_names.hpp"
#include "export/timeline.hpp"
#include "query/render_html.hpp"

namespace kg::query {
namespace {

// Above this, edge labels cost more layout time than they give readability.
constexpr std::size_t kMostEdgeLabels = 150;

using Clock = std::chrono::steady_clock;

double seconds_between(Clock::time_point from, Clock::time_point to) {
  return std::chrono::duration<double>(to - from).count();
}

Date parse_diff_date(const std::string& text) {
  const auto date = Date::parse(text);
  if (!date) throw InvalidArgument(Field{"diff"}, Date::explain_invalid(text));
  return *date;
}

// The diagram the request asks for; nullopt when no path joins `path`'s ends.
std::optional<Diagram> build_diagram(const RenderRequest& request, const QueryContext& context) {
  const View view = context.view(request.view);
  const Direction direction = request.view.direction;
  if (!request.focus.empty()) {
    const EntityId focus = context.resolve(request.focus);
    if (!view.keeps_entity(focus)) {
      throw InvalidArgument(Field{"focus"},
                            "'" + std::string(context.graph().entity_key(focus)) + "' is left out by the filters");
    }
    return ego_diagram(view, focus, request.depth.value_or(1), direction);
  }
  if (!request.path.empty()) {
    const EntityId from = context.resolve(request.path[0]), to = context.resolve(request.path[1]);
    // One path is the one kg path prints; more are Yen's, as kg path --k.
    ShortestPathOptions one;
    one.direction = direction;
    KShortestPathsOptions several;
    several.direction = direction;
    several.k = request.k;
    const PathsResult found =
        request.k == 1 ? shortest_path(view, from, to, one) : k_shortest_paths(view, from, to, several);
    if (found.paths.empty()) return std::nullopt;
    return path_diagram(view, found.paths, request.depth.value_or(0), direction);
  }
  if (!request.diff.empty()) {
    return diff_diagram(view, parse_diff_date(request.diff[0]), parse_diff_date(request.diff[1]));
  }
  const Filter filter = request.view.to_filter();
  // A date or relation filter leaves entities with nothing to show.
  const bool drop_isolated = filter.window || !filter.relation_types.empty() || !filter.exclude_relation_types.empty();
  Diagram diagram = whole_diagram(view, drop_isolated);
  if (filter.window) {
    diagram.caption = !request.view.as_of.empty() ? "as of " + request.view.as_of : "active in " + request.view.between;
  }
  return diagram;
}

// Under a time window, says how many undated relations the diagram kept and
// has them marked: nothing dates them inside the window.
void mark_undated(Diagram& diagram, const ViewSpec& view) {
  if (view.as_of.empty() && view.between.empty() && view.undated == Undated::Include) return;
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

// Boxes the communities Louvain finds in the view (seed 0, as kg
// communities); entities alone in theirs stay outside any box.
void cluster_by_community(const RenderRequest& request, const QueryContext& context, DotOptions& dot_options) {
  const CommunitiesResult communities = louvain_communities(context.view(request.view));
  dot_options.clustering = Clustering::Group;
  dot_options.groups = communities.community;
  for (std::size_t c = 0; c < communities.members.size(); ++c) {
    const auto& members = communities.members[c];
    if (members.size() == 1) dot_options.groups[members.front()] = DotOptions::kNoGroup;
    dot_options.group_labels.push_back("community " + std::to_string(c + 1) + " (" + std::to_string(members.size()) +
                                       ")");
  }
}

DotOptions dot_options_for(const RenderRequest& request) {
  DotOptions options;
  options.style = request.style;
  options.legend = request.legend;
  options.clustering = request.cluster == Boxes::EntityType ? Clustering::EntityType : Clustering::None;
  options.merge_parallel = request.merge_parallel;
  // Graphviz gets short names; the SVG gets the ids back in its titles.
  options.graphviz_names = request.format != ImageFormat::Dot;
  return options;
}

RenderPlan timeline_plan(const RenderRequest& request, const QueryContext& context) {
  RenderPlan plan;
  plan.dot_options = dot_options_for(request);
  plan.dot = write_timeline_dot(context.graph(), timeline(context.view(request.view)), plan.dot_options.style);
  plan.engine = LayoutEngine::Dot;
  return plan;
}

}  // namespace

void RenderRequest::validate() const {
  view.validate();
  const int drawings = !focus.empty() + !path.empty() + !diff.empty() + timeline;
  if (drawings > 1) {
    throw InvalidArgument(Field{"focus"}, Message{Field{"focus"}, ", ", Field{"path"}, ", ", Field{"diff"}, " and ",
                                                  Field{"timeline"}, " exclude one another"});
  }
  if (!path.empty() && path.size() != 2) throw InvalidArgument(Field{"path"}, "names two entities, A and B");
  if (!diff.empty() && diff.size() != 2) throw InvalidArgument(Field{"diff"}, "takes two dates");
  if (format == ImageFormat::Dot && engine) {
    throw InvalidArgument(Field{"engine"}, Message{Field{"engine"}, " applies to laid-out output (svg, png, pdf): DOT is "
                                                                    "written before any layout"});
  }
  // The evidence map walks relations in the page whatever the view.
  if (format != ImageFormat::Html && view.direction_given && focus.empty() && path.empty()) {
    throw InvalidArgument(Field{"direction"}, Message{Field{"direction"}, " applies to ", Field{"focus"}, " and ",
                                                      Field{"path"}, ": nothing else is walked"});
  }
  if (timeline) {
    if (format == ImageFormat::Html) {
      throw InvalidArgument(Field{"timeline"}, Message{Field{"timeline"}, " is drawn by Graphviz: write svg, png, pdf "
                                                                          "or dot, not the evidence map"});
    }
    if (engine && *engine != LayoutEngine::Dot) {
      throw InvalidArgument(Field{"timeline"}, Message{Field{"timeline"}, " is laid out by dot; ", Field{"engine"},
                                                       " " + std::string(engine_name(*engine)) + " does not apply"});
    }
  }
  if (!diff.empty() && (!view.as_of.empty() || !view.between.empty())) {
    throw InvalidArgument(Field{"diff"}, Message{Field{"diff"}, " compares two dates itself; it cannot be combined with ",
                                                 Field{"as_of"}, " or ", Field{"between"}});
  }
  if (!diff.empty()) {
    const Date from = parse_diff_date(diff[0]), to = parse_diff_date(diff[1]);
    if (to.last_day() < from.first_day()) {
      throw InvalidArgument(Field{"diff"}, "the first date must not be after the second");
    }
  }
  if (k > 1 && path.empty()) throw InvalidArgument(Field{"k"}, Message{Field{"k"}, " applies to ", Field{"path"}});
  if (depth && focus.empty() && path.empty()) {
    throw InvalidArgument(Field{"depth"}, Message{Field{"depth"}, " applies to ", Field{"focus"}, " and ", Field{"path"}});
  }
}

RenderPlan plan(const RenderRequest& requested, QueryContext& context) {
  requested.validate();
  if (requested.timeline) return timeline_plan(requested, context);
  const auto start = Clock::now();
  const RenderRequest request =
      requested.format == ImageFormat::Html ? evidence_map_drawing(requested) : requested;
  RenderPlan plan;
  plan.dot_options = dot_options_for(request);
  auto diagram = build_diagram(request, context);
  if (!diagram) {
    plan.found = false;
    return plan;
  }
  if (request.collapse_hubs) collapse_hubs(*diagram, *request.collapse_hubs);
  mark_undated(*diagram, request.view);
  if (request.format == ImageFormat::Html) check_evidence_map_size(*diagram);
  // The whole graph fans out many parallel arrows from its busiest entities
  // (docs/RENDERING.md, "Edge crossings").
  const bool whole = request.focus.empty() && request.path.empty() && request.diff.empty();
  plan.dot_options.concentrate = whole && request.cluster == Boxes::None;
  if (request.cluster == Boxes::Community) cluster_by_community(request, context, plan.dot_options);

  // What Graphviz lays out: merged parallel relations are one edge.
  const std::size_t relations = drawn_edge_count(*diagram, plan.dot_options);
  plan.dot_options.edge_labels = request.edge_labels && relations <= kMostEdgeLabels;
  if (request.edge_labels && !plan.dot_options.edge_labels) {
    plan.notes.push_back("leaving edge labels to the tooltips for " + std::to_string(relations) + " relations");
  }
  if (request.format != ImageFormat::Dot) {
    // With a deadline the wait is bounded anyway: any size may be tried.
    const auto choice = choose_engine(diagram->entities.size() + diagram->summaries.size(), relations, request.engine,
                                      request.deadline ? LayoutLimits::unbounded() : LayoutLimits{});
    if (!choice.note.empty()) plan.notes.push_back(choice.note);
    plan.engine = choice.engine;
  }
  const auto viewed = Clock::now();
  plan.dot = write_dot(*diagram, plan.dot_options);
  plan.view_seconds = seconds_between(start, viewed);
  plan.dot_seconds = seconds_between(viewed, Clock::now());
  plan.diagram = std::move(*diagram);
  return plan;
}

RenderAnswer draw(const RenderPlan& plan, const RenderRequest& request, QueryContext& context) {
  const Graph& graph = context.graph();
  const auto start = Clock::now();
  RenderAnswer answer;
  Rendering rendering;
  try {
    if (request.format == ImageFormat::Html) {
      rendering.bytes =
          evidence_map(graph, plan.diagram, plan.dot, plan.engine, request, plan.dot_options, request.deadline);
    } else {
      rendering = render_dot(plan.dot, plan.engine, request.format, request.deadline);
    }
  } catch (const InvalidArgument& refused) {
    throw InvalidArgument(with_entity_ids(refused.what(), graph));
  }
  answer.graphviz_seconds = seconds_between(start, Clock::now());
  context.computed();
  // A timeline's boxes are relations: it has no entity names to give back.
  for (const auto& warning : rendering.warnings) {
    answer.warnings.push_back(request.timeline ? warning : with_entity_ids(warning, graph));
  }
  const auto titled = Clock::now();
  answer.bytes = request.format == ImageFormat::Svg && !request.timeline ? with_entity_titles(rendering.bytes, graph)
                                                                         : std::move(rendering.bytes);
  answer.titles_seconds = seconds_between(titled, Clock::now());
  answer.parse_seconds = rendering.parse_seconds;
  answer.layout_seconds = rendering.layout_seconds;
  answer.render_seconds = rendering.render_seconds;
  return answer;
}

RenderAnswer run(const RenderRequest& request, QueryContext& context) {
  const RenderPlan drawing = plan(request, context);
  if (!drawing.found) return {};
  return draw(drawing, request, context);
}

}  // namespace kg::query
