#include "query/components.hpp"

#include "algorithms/components.hpp"

namespace kg::query {

ComponentsAnswer run(const ComponentsRequest& request, QueryContext& context) {
  request.validate();
  const View view = context.view(request.view);
  ComponentsResult result = request.strong ? strongly_connected_components(view, context.should_stop())
                                           : weakly_connected_components(view, context.should_stop());
  context.computed();
  return {request.strong, {std::move(result.members), request.top}, count_kept_undated(view), result.cut};
}

std::string to_text(const ComponentsAnswer& answer, const Graph& graph) {
  return groups_text(graph, answer.groups, answer.strong ? "strongly connected components" : "connected components");
}

void to_json(const ComponentsAnswer& answer, const Graph& graph, JsonSink& json) {
  json.StartObject();
  json.Key("strong");
  json.Bool(answer.strong);
  json.Key("count");
  json.Uint64(answer.groups.members.size());
  write_groups_member(json, graph, answer.groups, "components");
  json.Key("undated_relations");
  json.Uint64(answer.undated_relations);
  write_cut(json, answer.cut);
  json.EndObject();
}

}  // namespace kg::query
