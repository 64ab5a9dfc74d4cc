// g.render(): the relationship diagram (SVG, PNG, PDF, DOT) or the HTML
// evidence map of the view, as kg render draws it (query/render.hpp).
#include <pybind11/stl.h>

#include <optional>
#include <string>
#include <vector>

#include "base/output_file.hpp"
#include "python/answers.hpp"
#include "query/render.hpp"

namespace kg::python {
namespace {

ImageFormat format_for(const py::object& path, const py::object& to) {
  if (!to.is_none()) {
    const std::string name = to.cast<std::string>();
    if (const auto format = format_from_path("drawing." + name)) return *format;
    throw InvalidArgument(Field{"to"}, "unknown drawing format '" + name + "' (one of svg, png, pdf, dot, html)");
  }
  if (path.is_none()) return ImageFormat::Svg;
  const std::string file = path.cast<std::string>();
  if (const auto format = format_from_path(file)) return *format;
  throw InvalidArgument(Field{"to"}, "cannot tell the drawing format from '" + file +
                                         "'; name it with to= (svg, png, pdf, dot or html)");
}

std::optional<LayoutEngine> engine_named(const std::optional<std::string>& name) {
  if (!name) return std::nullopt;
  for (const LayoutEngine engine : {LayoutEngine::Dot, LayoutEngine::Neato, LayoutEngine::Sfdp, LayoutEngine::Circo}) {
    if (engine_name(engine) == *name) return engine;
  }
  throw InvalidArgument(Field{"engine"}, "unknown layout engine '" + *name + "' (one of dot, neato, sfdp, circo)");
}

// Writes the drawing to `path` (whole or not at all), or returns its bytes
// when path is None.
py::object render(const GraphPointer& g, const py::object& path, const py::object& to, const std::string& focus,
                  std::optional<std::size_t> depth, std::vector<std::string> connect, std::size_t k,
                  const std::optional<std::string>& engine, bool legend, bool force, const py::kwargs& filters) {
  query::RenderRequest request;
  request.view = view_spec_from(filters, g->spec(), "render");
  request.format = format_for(path, to);
  request.engine = engine_named(engine);
  request.focus = focus;
  request.depth = depth;
  request.path = std::move(connect);
  request.k = k;
  request.legend = legend;
  const query::RenderAnswer drawn = answer(g, request).answer;
  if (drawn.bytes.empty()) {
    throw Error("no path joins " + request.path.front() + " and " + request.path.back() + " in this view");
  }
  if (path.is_none()) return py::bytes(drawn.bytes);
  OutputFileOptions options;
  options.replace_read_only = force;
  const std::string file = path.cast<std::string>();
  run_released([&](const ShouldStop&) {
    write_atomically(file, [&](std::ostream& out) { out.write(drawn.bytes.data(), static_cast<std::streamsize>(drawn.bytes.size())); }, options);
  });
  return py::none();
}

}  // namespace

void bind_render(py::module_&, GraphClass& graph) {
  graph.def("render", &render, py::arg("path") = py::none(), py::kw_only(), py::arg("to") = py::none(),
            py::arg("focus") = "", py::arg("depth") = py::none(), py::arg("connect") = std::vector<std::string>{},
            py::arg("k") = 1, py::arg("engine") = py::none(), py::arg("legend") = true, py::arg("force") = false,
            "Draws the view as kg render does: to a file (svg, png, pdf, dot or html, by to= or by extension), "
            "or returns the bytes when path is None; focus= and depth= draw a neighbourhood, connect=(a, b) "
            "the shortest connections (k of them)");
}

}  // namespace kg::python
