#pragma once
// Rendering DOT in-process with libgvc (no `dot` program needed), choosing a
// layout engine that finishes.
#include <chrono>
#include <cstddef>
#include <cstdint>
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
// changes engine, from the layout costs measured by bench/layout_cost.py
// (docs/RENDERING.md, "Layout cost"): at each limit the slower of a
// scale-free and a uniformly random graph took at most about 20 s.
struct LayoutLimits {
  std::size_t dot_entities = 100, dot_relations = 300;
  std::size_t circo_entities = 60, circo_relations = 150;
  std::size_t neato_entities = 1000, neato_relations = 3000;
  std::size_t sfdp_entities = 6000, sfdp_relations = 20000;
  // The automatic choice: dot (readable ranks) up to here,
  std::size_t auto_dot_entities = 40, auto_dot_relations = 100;
  // neato up to here, sfdp above.
  std::size_t auto_sfdp_entities = 300;

  // No refusals (the automatic choice as above): for a caller that bounds
  // the layout's time itself.
  static LayoutLimits unbounded();
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

// Lays `dot` out with `engine` and renders it, in a child process that is
// killed at `deadline` (TimeLimitReached). Throws InvalidArgument when
// Graphviz rejects the DOT or reports an error (with its messages), Error
// when Graphviz crashes or cannot run.
Rendering render_dot(const std::string& dot, LayoutEngine engine, ImageFormat format,
                     std::optional<std::chrono::steady_clock::time_point> deadline = std::nullopt);

// Where Graphviz puts each node of `dot` with `engine`: centres in points,
// y growing upwards, keyed by node name. For drawings made elsewhere (the
// HTML evidence map) that must agree with the SVG/PNG of the same view.
// Laid out, and failing, as render_dot.
struct NodePosition {
  std::string name;
  double x = 0, y = 0;
};
std::vector<NodePosition> layout_positions(const std::string& dot, LayoutEngine engine,
                                           std::optional<std::chrono::steady_clock::time_point> deadline = std::nullopt);

}  // namespace kg
