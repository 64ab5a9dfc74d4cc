#pragma once
// Communities: densely linked groups of entities (Louvain), with the
// modularity of the split.
#include <cstdint>
#include <string>

#include "query/context.hpp"
#include "query/groups.hpp"
#include "query/json.hpp"
#include "query/view_spec.hpp"

namespace kg::query {

struct CommunitiesRequest {
  ViewSpec view;
  std::uint64_t seed = 0;   // the order entities are visited in
  double resolution = 1.0;  // above 1 favours smaller communities
  std::size_t top = 0;      // list only the largest; 0: all
  // Throws InvalidArgument naming the field ("resolution").
  void validate() const;
};

struct CommunitiesAnswer {
  double modularity = 0;
  Groups groups;
  std::size_t undated_relations = 0;  // undated relations the view keeps
  bool cut = false;  // stopped early: the communities of the levels done so far
};

CommunitiesAnswer run(const CommunitiesRequest& request, QueryContext& context);
std::string to_text(const CommunitiesAnswer& answer, const Graph& graph);
void to_json(const CommunitiesAnswer& answer, const Graph& graph, JsonSink& json);

}  // namespace kg::query
