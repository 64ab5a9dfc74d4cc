#pragma once
// The evidence map: one self-contained HTML page that draws a diagram at the
// positions Graphviz gave it and lets a reader explore it offline (search,
// evidence panel, time window, type filters, paths, neighbourhoods). The
// page's script and styles live in viewer/ and are compiled into kg; the
// graph goes into the page as JSON that no name can break out of.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "export/diagram.hpp"
#include "export/map_model.hpp"
#include "export/render.hpp"
#include "export/style.hpp"

namespace kg {

// The page for `diagram`, with entities at `positions` (node names as
// dot_node_id gives them, summaries as "#s<k>"). Entities without a position
// are kept for the evidence panel but not drawn.
std::string write_html(const Diagram& diagram, const std::vector<NodePosition>& positions,
                       const HtmlOptions& options);

// The live map (kg serve's page at /): the same page and script with no
// graph in it; the script fetches pieces of the graph (MapModel::Piece)
// from the API beside the page, so the page itself holds no data and may
// connect to its own origin only.
std::string write_live_html(const Style& style);

// JSON text made safe inside a <script> element: <, >, & and the line
// separators U+2028/U+2029 written as \u escapes, which JSON reads back as
// the same characters.
std::string script_safe_json(std::string_view json);

// The page's compiled-in parts (generated from viewer/ by export/CMakeLists.txt).
std::string_view viewer_page_template();
std::string_view viewer_script();
std::string_view viewer_stylesheet();
std::string_view viewer_cytoscape_script();

}  // namespace kg
