// The questions kg.Graph answers through query/: each keyword-argument
// method fills a request over the graph's view, runs it with the GIL
// released, and returns an answer object that reads like a Python value and
// gives the CLI's JSON (to_json()) for the same question.
#include <pybind11/stl.h>

#include <algorithm>

#include "python/answers.hpp"
#include "query/communities.hpp"
#include "query/components.hpp"
#include "query/json.hpp"

namespace kg::python {
namespace {

// The groups shown, each a list of entity ids in id order, as the CLI lists them.
py::list group_lists(const Graph& graph, const query::Groups& groups) {
  py::list lists;
  for (std::size_t i = 0; i < groups.shown(); ++i) {
    std::vector<std::string> members;
    for (const EntityId e : groups.members[i]) members.emplace_back(graph.entity_key(e));
    std::sort(members.begin(), members.end());
    lists.append(py::cast(members));
  }
  return lists;
}

template <typename Answer>
py::class_<Answered<Answer>> bind_groups_answer(py::module_& module, const char* name, const char* doc) {
  using A = Answered<Answer>;
  return py::class_<A>(module, name, doc)
      .def_property_readonly("groups", [](const A& a) { return group_lists(a.graph->graph(), a.answer.groups); },
                             "Lists of entity ids, largest first")
      .def_property_readonly("undated_relations", [](const A& a) { return a.answer.undated_relations; })
      .def("__len__", [](const A& a) { return a.answer.groups.shown(); })
      .def("__iter__", [](const A& a) { return py::iter(group_lists(a.graph->graph(), a.answer.groups)); })
      .def("__getitem__", [](const A& a, const py::object& index) {
        const py::list groups = group_lists(a.graph->graph(), a.answer.groups);
        return py::object(groups[index]);
      })
      .def("to_json", &A::json, "The answer as the CLI's --format json prints it")
      .def("__repr__", [name](const A& a) {
        return "<kg." + std::string(name) + ": " + std::to_string(a.answer.groups.shown()) + " groups>";
      });
}

}  // namespace

void bind_queries(py::module_& module, GraphClass& graph) {
  bind_groups_answer<query::ComponentsAnswer>(module, "Components", "Connected groups of entities, largest first");
  bind_groups_answer<query::CommunitiesAnswer>(module, "Communities", "Densely linked groups (Louvain), largest first")
      .def_property_readonly("modularity", [](const Answered<query::CommunitiesAnswer>& a) { return a.answer.modularity; });

  graph.def(
      "components",
      [](const GraphPointer& g, bool strong, std::size_t top, const py::kwargs& filters) {
        query::ComponentsRequest request;
        request.view = view_spec_from(filters, g->spec(), "components");
        request.strong = strong;
        request.top = top;
        return answer(g, request);
      },
      py::kw_only(), py::arg("strong") = false, py::arg("top") = 0,
      "Groups of connected entities, largest first: weakly, or strongly (strong=True); top= keeps the largest");
  graph.def(
      "communities",
      [](const GraphPointer& g, std::uint64_t seed, double resolution, std::size_t top, const py::kwargs& filters) {
        query::CommunitiesRequest request;
        request.view = view_spec_from(filters, g->spec(), "communities");
        request.seed = seed;
        request.resolution = resolution;
        request.top = top;
        return answer(g, request);
      },
      py::kw_only(), py::arg("seed") = 0, py::arg("resolution") = 1.0, py::arg("top") = 0,
      "Densely linked groups of entities (Louvain) with their modularity");
}

}  // namespace kg::python
