#pragma once
// `kg render -o map.html`: the evidence map of the view the render options
// ask for (export/html.hpp), laid out by the same Graphviz engine as the
// SVG/PNG of that view, starting in the state the options describe.
#include <chrono>
#include <optional>
#include <string>

#include "cli/commands/render.hpp"
#include "export/diagram.hpp"
#include "export/dot.hpp"
#include "export/render.hpp"

namespace kg::cli {

// The options the map's diagram is drawn with. For the whole graph the
// date window is left to the page, which starts there, so that the reader
// can move the time control past it; views around an entity or a path
// keep it (their shape depends on it).
RenderOptions evidence_map_drawing(const RenderOptions& requested);

// Throws InvalidArgument with advice when the map would be too large for a
// browser to open smoothly (limits measured in docs/VIEWER.md).
void check_evidence_map_size(const Diagram& diagram);

// The page: the diagram at the positions `engine` gives `dot` (laid out
// until `deadline`, as render_dot), in the initial state `requested` describes.
std::string evidence_map(const Graph& graph, const Diagram& diagram, const std::string& dot, LayoutEngine engine,
                         const RenderOptions& requested, const DotOptions& dot_options,
                         std::optional<std::chrono::steady_clock::time_point> deadline);

}  // namespace kg::cli
