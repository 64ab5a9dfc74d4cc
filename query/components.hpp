#pragma once
// Components: groups of entities connected in the view, weakly (any way) or
// strongly (each reaches every other following the arrows), largest first.
#include <string>

#include "query/context.hpp"
#include "query/groups.hpp"
#include "query/json.hpp"
#include "query/view_spec.hpp"

namespace kg::query {

struct ComponentsRequest {
  ViewSpec view;
  bool strong = false;
  std::size_t top = 0;  // list only the largest; 0: all
  void validate() const { view.validate(); }
};

struct ComponentsAnswer {
  bool strong = false;
  Groups groups;
  std::size_t undated_relations = 0;  // undated relations the view keeps
  bool cut = false;  // stopped early: entities not reached yet are in no group
};

ComponentsAnswer run(const ComponentsRequest& request, QueryContext& context);
std::string to_text(const ComponentsAnswer& answer, const Graph& graph);
void to_json(const ComponentsAnswer& answer, const Graph& graph, JsonSink& json);

}  // namespace kg::query
