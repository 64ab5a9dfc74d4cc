#pragma once
// The HTML evidence map of a render request (export/html.hpp): the view the
// request asks for, laid out by the same Graphviz engine as its SVG/PNG,
// starting in the state the request describes.
#include <chrono>
#include <cstddef>
#include <optional>
#include <string>

#include "export/diagram.hpp"
#include "export/dot.hpp"
#include "export/render.hpp"
#include "query/render.hpp"

namespace kg::query {

// Past these an evidence map stops being usable in a browser: measured with
// bench/viewer_speed.js in headless Chromium on a loaded 2-core machine,
// 2,000 / 10,000 panned at 23-25 frames per second and 4,000 / 20,000 at 5-7,
// with 5 s to the first frame (docs/VIEWER.md, "Size and speed"). The live
// map's pieces (query/subgraph.hpp) stay under them too.
inline constexpr std::size_t kMostMapEntities = 3000;
inline constexpr std::size_t kMostMapRelations = 15000;

// The request the map's diagram is drawn with. For the whole graph the
// date window is left to the page, which starts there, so that the reader
// can move the time control past it; views around an entity or a path
// keep it (their shape depends on it).
RenderRequest evidence_map_drawing(const RenderRequest& requested);

// Throws InvalidArgument with advice when the map would be too large for a
// browser to open smoothly (limits measured in docs/VIEWER.md).
void check_evidence_map_size(const Diagram& diagram);

// The page: the diagram at the positions `engine` gives `dot` (laid out
// until `deadline`, as render_dot), in the initial state `requested` describes.
std::string evidence_map(const Graph& graph, const Diagram& diagram, const std::string& dot, LayoutEngine engine,
                         const RenderRequest& requested, const DotOptions& dot_options,
                         std::optional<std::chrono::steady_clock::time_point> deadline);

}  // namespace kg::query
