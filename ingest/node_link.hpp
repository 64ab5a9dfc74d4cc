#pragma once
// The node-link JSON reader: NetworkX's node_link_data / node_link_graph
// format, which D3 reads too. {"directed", "multigraph", "graph": {...},
// "nodes": [{"id", ...}], "links" (or "edges"): [{"source", "target", ...}]}.
// Node ids and endpoints may be strings or numbers. kg's fields are taken
// from the members kg's writer uses (nodes: name, type, aliases; links: type,
// date, until, evidence; graph: name, sources, relation_types); every other
// member is an attribute, arrays and objects kept as their JSON text.
#include <string>

#include "ingest/format.hpp"

namespace kg {

Format node_link_format();

ReadResult read_node_link_file(const std::string& path, const ReadOptions& options = {});
ReadResult read_node_link_text(const std::string& text, const std::string& name, const ReadOptions& options = {});

// Cytoscape.js elements JSON, as kg's Cytoscape writer and Cytoscape
// desktop (.cyjs) write it: the same fields in each element's "data", the
// graph's in the top-level "data"; an edge's "id" is its own, not an
// attribute.
Format cytoscape_format();
ReadResult read_cytoscape_file(const std::string& path, const ReadOptions& options = {});
ReadResult read_cytoscape_text(const std::string& text, const std::string& name, const ReadOptions& options = {});

// Whether the top level of the JSON text at the start of `head` has one of
// `members`, and none of `excluded` (for telling kinds of JSON apart).
bool json_top_level_has(std::string_view head, std::initializer_list<std::string_view> members,
                        std::initializer_list<std::string_view> excluded = {});

}  // namespace kg
