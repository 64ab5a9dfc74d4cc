#include "query/communities.hpp"

#include <fmt/core.h>

#include "algorithms/communities.hpp"

namespace kg::query {
namespace {

LouvainOptions louvain_options(const CommunitiesRequest& request) {
  LouvainOptions options;
  options.seed = request.seed;
  options.resolution = request.resolution;
  return options;
}

}  // namespace

void CommunitiesRequest::validate() const {
  louvain_options(*this).validate();
  view.validate();
}

CommunitiesAnswer run(const CommunitiesRequest& request, QueryContext& context) {
  request.validate();
  const View view = context.view(request.view);
  LouvainOptions options = louvain_options(request);
  options.should_stop = context.should_stop();
  CommunitiesResult result = louvain_communities(view, options);
  context.computed();
  return {result.modularity, {std::move(result.members), request.top}, count_kept_undated(view), result.cut};
}

std::string to_text(const CommunitiesAnswer& answer, const Graph& graph) {
  return fmt::format("modularity {:.6f}\n", answer.modularity) + groups_text(graph, answer.groups, "communities");
}

void to_json(const CommunitiesAnswer& answer, const Graph& graph, JsonSink& json) {
  json.StartObject();
  json.Key("modularity");
  json.Double(answer.modularity);
  json.Key("count");
  json.Uint64(answer.groups.members.size());
  write_groups_member(json, graph, answer.groups, "communities");
  json.Key("undated_relations");
  json.Uint64(answer.undated_relations);
  write_cut(json, answer.cut);
  json.EndObject();
}

}  // namespace kg::query
