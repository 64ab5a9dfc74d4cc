#pragma once
// What the binding files share: the graph as Python holds it (a graph and
// the view it is seen through, kept alive by every object taken from it), and
// the registration functions each file defines.
#include <pybind11/pybind11.h>

#include <memory>
#include <mutex>
#include <optional>
#include <vector>

#include "graph/graph.hpp"
#include "graph/lookup.hpp"
#include "graph/view.hpp"
#include "query/view_spec.hpp"

namespace kg::python {

namespace py = pybind11;

// A kg.Graph: the graph, shared with its views and with every entity and
// relation object handed out, and the filters it is seen through (none for
// a loaded graph). The view and the kept ids are worked out on first use.
class GraphHandle {
 public:
  explicit GraphHandle(std::shared_ptr<const Graph> graph);
  // A view of `of`'s graph, sharing its name index.
  GraphHandle(const GraphHandle& of, query::ViewSpec spec);

  const Graph& graph() const { return *graph_; }
  // The graph's name index, built on first use and shared by its views:
  // building one is a pass over every name (0.16 s on a graph of 100,000
  // entities), too much for each call that names an entity.
  const EntityLookup& lookup() const;
  const query::ViewSpec& spec() const { return spec_; }
  const View& view() const;
  // The entities and relations the view keeps, in graph order.
  const std::vector<EntityId>& entity_ids() const;
  const std::vector<RelationId>& relation_ids() const;

 private:
  struct NameIndex {
    std::once_flag built;
    std::optional<EntityLookup> lookup;
  };
  std::shared_ptr<const Graph> graph_;
  std::shared_ptr<NameIndex> names_ = std::make_shared<NameIndex>();
  query::ViewSpec spec_;
  mutable std::optional<View> view_;
  mutable std::optional<std::vector<EntityId>> entity_ids_;
  mutable std::optional<std::vector<RelationId>> relation_ids_;
};

using GraphPointer = std::shared_ptr<GraphHandle>;

// The filters of a view from keyword arguments (relations, exclude_relations,
// entity_types, as_of, between, undated, avoid, max_degree, direction) on top
// of `base`; any other keyword is a TypeError, as Python does for functions.
query::ViewSpec view_spec_from(const py::kwargs& filters, query::ViewSpec base, const char* function);

// An attribute value as Python sees it: str, int, float or bool.
py::object value_object(const Graph& graph, const Value& value);
// A date as its ISO text ("2016", "2016-03"), None when absent.
py::object date_object(Date date);

using GraphClass = py::class_<GraphHandle, GraphPointer>;

void bind_errors(py::module_& module);
void bind_items(py::module_& module);
GraphClass bind_graph(py::module_& module);
// Methods of kg.Graph defined by the other files.
void bind_queries(py::module_& module, GraphClass& graph);
void bind_networkx(py::module_& module, GraphClass& graph);
void bind_rank(py::module_& module, GraphClass& graph);
void bind_paths(py::module_& module, GraphClass& graph);
void bind_render(py::module_& module, GraphClass& graph);

}  // namespace kg::python
