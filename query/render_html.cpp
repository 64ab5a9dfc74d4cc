#include "query/render_html.hpp"

#include "export/graphviz_names.hpp"
#include "export/html.hpp"
#include "graph/exception.hpp"
#include "graph/lookup.hpp"

namespace kg::query {
namespace {

ViewerState initial_state(const Graph& graph, const RenderRequest& requested) {
  ViewerState state;
  state.as_of = requested.view.as_of;
  if (!requested.view.between.empty()) {
    const std::string& between = requested.view.between;
    const std::size_t dots = between.find("..");
    state.between = true;
    state.between_from = dots == std::string::npos ? between : between.substr(0, dots);
    state.between_to = dots == std::string::npos ? between : between.substr(dots + 2);
  }
  state.direction = direction_name(requested.view.direction);
  const EntityLookup lookup(graph);
  if (!requested.focus.empty()) {
    state.selected = std::string(graph.entity_key(lookup.resolve(requested.focus)));
    const std::size_t depth = requested.depth.value_or(1);
    state.depth = depth <= 3 ? depth : 0;
  }
  for (const std::string& name : requested.path) state.path.emplace_back(graph.entity_key(lookup.resolve(name)));
  return state;
}

}  // namespace

RenderRequest evidence_map_drawing(const RenderRequest& requested) {
  RenderRequest drawing = requested;
  if (requested.focus.empty() && requested.path.empty()) {
    drawing.view.as_of.clear();
    drawing.view.between.clear();
  }
  return drawing;
}

void check_evidence_map_size(const Diagram& diagram) {
  const std::size_t entities = diagram.entities.size(), relations = diagram.relations.size();
  if (entities <= kMostMapEntities && relations <= kMostMapRelations) return;
  // About the view as a whole: no one field is wrong.
  throw InvalidArgument(
      Field{"view"},
      Message{"an evidence map of " + std::to_string(entities) + " entities and " + std::to_string(relations) +
                  " relations would be slow to open (the most is " + std::to_string(kMostMapEntities) +
                  " entities and " + std::to_string(kMostMapRelations) + " relations); map less with ",
              Field{"focus"}, " X ", Field{"depth"}, " N, ", Field{"path"}, " A B, ", Field{"relation_types"}, " or ",
              Field{"entity_types"}, " (the page applies dates itself), or collapse hubs with ", Field{"collapse_hubs"},
              " N"});
}

std::string evidence_map(const Graph& graph, const Diagram& diagram, const std::string& dot, LayoutEngine engine,
                         const RenderRequest& requested, const DotOptions& dot_options,
                         std::optional<std::chrono::steady_clock::time_point> deadline) {
  HtmlOptions options;
  options.style = dot_options.style;
  options.initial = initial_state(graph, requested);
  if (dot_options.clustering == Clustering::Group) {
    options.groups = dot_options.groups;
    options.group_labels = dot_options.group_labels;
  } else if (dot_options.clustering == Clustering::EntityType) {
    for (EntityId e = 0; e < graph.entity_count(); ++e) options.groups.push_back(graph.entity_type(e));
    for (TypeId t = 0; t < graph.entity_type_count(); ++t) options.group_labels.emplace_back(graph.entity_type_name(t));
  }
  std::vector<NodePosition> positions = layout_positions(dot, engine, deadline);
  // Graphviz knew entities by short names (export/graphviz_names.hpp); the
  // page knows them by their DOT ids.
  for (NodePosition& position : positions) {
    if (const auto e = graphviz_entity(position.name, graph)) position.name = dot_node_id(graph, *e);
  }
  return write_html(diagram, positions, options);
}

}  // namespace kg::query
