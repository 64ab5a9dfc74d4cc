#pragma once
// The names kg gives entities in the DOT it hands to Graphviz, and the real
// ids put back into what Graphviz hands out. Graphviz gets short names
// ("n<index>") because it cannot take every id: a long one overflows its
// message formatting, one starting with '%' becomes an anonymous node.
#include <optional>
#include <string>
#include <string_view>

#include "graph/graph.hpp"

namespace kg {

// "n<index>".
std::string graphviz_name(EntityId e);
// The entity a Graphviz name stands for; nullopt for any other name.
std::optional<EntityId> graphviz_entity(std::string_view name, const Graph& graph);

// The SVG with each <title> and comment naming an entity node or an edge
// between entities naming the entities by id again ("n3" becomes "openai",
// "n3->n5" becomes "openai->microsoft"), escaped as Graphviz would have.
std::string with_entity_titles(std::string_view svg, const Graph& graph);

// A Graphviz message with each word that is an entity's Graphviz name
// replaced by its id in quotes, shortened past `longest` bytes.
std::string with_entity_ids(std::string_view message, const Graph& graph, std::size_t longest = 80);

}  // namespace kg
