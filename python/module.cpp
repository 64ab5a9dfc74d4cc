// The native part of the kg package (_kg): each binding file adds its part.
// The package's __init__.py is the public face (docs/PYTHON.md).
#include "python/binding.hpp"

PYBIND11_MODULE(_kg, module) {
  module.doc() = "kg's native core; import kg rather than this";
  kg::python::bind_errors(module);
  kg::python::bind_items(module);
  auto graph = kg::python::bind_graph(module);
  kg::python::bind_queries(module, graph);
  kg::python::bind_networkx(module, graph);
  kg::python::bind_rank(module, graph);
  kg::python::bind_paths(module, graph);
  kg::python::bind_render(module, graph);
}
