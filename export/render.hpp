#pragma once
// Rendering DOT in-process with libgvc (no `dot` program needed), choosing a
// layout engine that finishes.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kg {

enum class LayoutEngine : std::uint8_t { Dot, Neato, Sfdp, Circo };
// Html is the evidence map (export/html.hpp): laid out here, drawn in the page.
enum class ImageFormat : std::uint8_t { Svg, Png, Pdf, Dot, Html };

std::string_view engine_name(LayoutEngine engine);
std::string_view format_name(ImageFormat format);
// ".svg", ".png", ".pdf", ".dot"/".gv", ".html"/".htm" (case-insensitive); nullopt otherwise.
std::optional<ImageFormat> format_from_path(std::string_view path);

// Sizes beyond which each engine is refused, and where the automatic choice
// changes engine. Measured on scale-free graphs of 5 relations per entity
// (docs/PERFORMANCE.md, "Rendering"): dot took 3.6 s at 100 entities / 500
// relations and over 60 s at 200 / 1,000; circo 38 s at 100 / 500; neato
// 12 s and sfdp 2 s at 1,000 / 5,000 (straight edges, no edge labels).
struct LayoutLimits {
  std::size_t dot_entities = 150, dot_relations = 500;
  std::size_t circo_entities = 100, circo_relations = 250;
  std::size_t neato_entities = 1000, neato_relations = 5000;
  std::size_t sfdp_entities = 30000, sfdp_relations = 150000;
  // The automatic choice: dot (readable ranks) up to here,
  std::size_t auto_dot_entities = 60, auto_dot_relations = 150;
  // neato up to here, sfdp above.
  std::size_t auto_sfdp_entities = 300;
};

struct EngineChoice {
  LayoutEngine engine;
  std::string note;  // why the automatic choice was made, for the user
};

// The requested engine when the drawing is small enough for it, or the
// automatic choice when none is requested. Throws InvalidArgument with
// advice (--focus/--depth, filters, sfdp) when the layout would take too long.
EngineChoice choose_engine(std::size_t entities, std::size_t relations, std::optional<LayoutEngine> requested,
                           const LayoutLimits& limits = {});

struct Rendering {
  std::string bytes;
  std::vector<std::string> warnings;  // Graphviz's own, for the user
  // Graphviz's time: reading the DOT, the layout, writing the format.
  double parse_seconds = 0, layout_seconds = 0, render_seconds = 0;
};

// Lays `dot` out with `engine` and renders it. Throws InvalidArgument when
// Graphviz rejects the DOT (with its messages) and Error when rendering fails.
// The layout's memory is not given back (freeing it is unsafe in Graphviz
// 2.42 with clusters): fine for a command, a leak for a long-lived process.
Rendering render_dot(const std::string& dot, LayoutEngine engine, ImageFormat format);

// Where Graphviz puts each node of `dot` with `engine`: centres in points,
// y growing upwards, keyed by node name. For drawings made elsewhere (the
// HTML evidence map) that must agree with the SVG/PNG of the same view.
struct NodePosition {
  std::string name;
  double x = 0, y = 0;
};
std::vector<NodePosition> layout_positions(const std::string& dot, LayoutEngine engine);

}  // namespace kg
