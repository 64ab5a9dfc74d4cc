#pragma once
// Render: the relationship diagram of a view, laid out by Graphviz (SVG, PNG,
// PDF), its DOT before any layout, or the self-contained HTML evidence map;
// the bytes are returned, for a file (base/output_file.hpp), standard output
// or an HTTP response.
//
// Each layout runs in a child process forked for it (export/render.hpp):
// Graphviz 2.42 keeps one usable context per process and cannot be stopped
// from inside. A multi-threaded caller (a server) must serialize its calls
// to run(): forking while other threads allocate is unsafe, and
// docs/RENDERING.md records the context bugs a shared context hits.
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "export/diagram.hpp"
#include "export/dot.hpp"
#include "export/render.hpp"
#include "export/style.hpp"
#include "query/context.hpp"
#include "query/view_spec.hpp"

namespace kg::query {

enum class Boxes { None, EntityType, Community };  // how entities are clustered

struct RenderRequest {
  ViewSpec view;
  ImageFormat format = ImageFormat::Svg;
  std::optional<LayoutEngine> engine;  // chosen by size when absent
  Style style = default_style();
  bool legend = true;
  Boxes cluster = Boxes::None;
  bool merge_parallel = false;  // one edge with a count per type between two entities
  bool edge_labels = true;      // left to tooltips anyway above 150 relations
  std::optional<std::size_t> collapse_hubs;
  // What to draw (at most one): the neighbourhood of `focus`, the shortest
  // connections of `path` (two names), the changes between the two dates of
  // `diff`, the relations in date order (`timeline`); the whole view else.
  std::string focus;
  std::optional<std::size_t> depth;  // around focus (default 1) or path (default 0)
  std::vector<std::string> path;
  std::size_t k = 1;  // shortest paths drawn along `path`
  std::vector<std::string> diff;
  bool timeline = false;
  // The layout is killed at this time (TimeLimitReached); any size may then
  // be tried. No deadline: layouts too large to finish soon are refused.
  std::optional<std::chrono::steady_clock::time_point> deadline;

  // Throws InvalidArgument naming the field ("k", "depth", "diff", "engine",
  // "direction", "timeline", "path", ...) for options that do not apply
  // together, or the view's.
  void validate() const;
};

// What will be laid out, and how: the first half of run(), for a front end
// that shows the notes and an activity indicator before the layout starts.
struct RenderPlan {
  bool found = true;  // false: no path joins `path`'s ends in the view; nothing to draw
  Diagram diagram;
  DotOptions dot_options;
  std::string dot;  // what Graphviz lays out
  LayoutEngine engine = LayoutEngine::Dot;
  // For the user: why an engine was chosen, edge labels left to tooltips.
  std::vector<std::string> notes;
  double view_seconds = 0, dot_seconds = 0;  // building the drawing, writing DOT
};

struct RenderAnswer {
  std::string bytes;
  std::vector<std::string> warnings;  // Graphviz's own, entities named by id
  double graphviz_seconds = 0;        // the whole layout and rendering, as waited for
  double parse_seconds = 0, layout_seconds = 0, render_seconds = 0;  // Graphviz's phases
  double titles_seconds = 0;  // kg's, after Graphviz: the SVG's titles named by entity id again
};

// Throws NameNotFound for unknown names, InvalidArgument naming the field
// for options that do not fit the view, or with advice for a drawing too
// large to lay out.
RenderPlan plan(const RenderRequest& request, QueryContext& context);
// Lays the plan out (a found one). Throws InvalidArgument when Graphviz
// rejects it, TimeLimitReached at the request's deadline.
RenderAnswer draw(const RenderPlan& plan, const RenderRequest& request, QueryContext& context);
// Both: the bytes of the diagram the request asks for; empty when no path
// joins `path`'s ends (plan().found says why).
RenderAnswer run(const RenderRequest& request, QueryContext& context);

}  // namespace kg::query
