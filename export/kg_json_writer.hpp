#pragma once
// kg JSON version 1 (docs/FORMAT.md), so that any input converts to kg's own
// format: one source, entity or relation a line, fields in the documented
// order, empty fields left out.
#include <iosfwd>

#include "export/interchange.hpp"
#include "graph/view.hpp"

namespace kg {

void write_kg_json(const View& view, std::ostream& out);

// The objects of the format, shared with the JSON Lines writer; with `kind`,
// a "kind" member names the object first.
void write_kg_source(interchange::JsonOut& out, const Graph& graph, std::size_t source, bool kind);
void write_kg_entity(interchange::JsonOut& out, const Graph& graph, EntityId e, bool kind);
void write_kg_relation(interchange::JsonOut& out, const Graph& graph, RelationId r, bool kind);

}  // namespace kg
