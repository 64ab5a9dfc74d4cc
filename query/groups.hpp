#pragma once
// Groups of entities (components, communities) as both answers present them:
// an aligned table, or {"size": N, "entities": [ids]} objects, largest first.
#include <string>
#include <string_view>
#include <vector>

#include "graph/graph.hpp"
#include "query/json.hpp"

namespace kg::query {

struct Groups {
  std::vector<std::vector<EntityId>> members;  // largest first
  std::size_t top = 0;                         // how many to show; 0: all
  std::size_t shown() const;
};

// "3 communities (largest 2 shown)", then "#  size  entities" rows with
// members by id. `plural` is the title noun ("connected components").
std::string groups_text(const Graph& graph, const Groups& groups, std::string_view plural);
// The shown groups as an array member named `key`.
void write_groups_member(JsonSink& json, const Graph& graph, const Groups& groups, const char* key);

}  // namespace kg::query
