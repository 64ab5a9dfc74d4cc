// kg.Graph.path and neighbors through query/path.hpp and query/neighbors.hpp:
// paths whose steps carry their dates and evidence, printed as the CLI's
// text prints them, and the ego network ring by ring.
#include <pybind11/stl.h>

#include <memory>

#include "python/answers.hpp"
#include "python/items.hpp"
#include "query/neighbors.hpp"
#include "query/path.hpp"

namespace kg::python {
namespace {

using PathsAnswered = Answered<query::PathAnswer>;
using NeighborsAnswered = Answered<query::NeighborsAnswer>;

// One path of an answer; the answer's head (ends, weights) prints it.
struct PathItem {
  std::shared_ptr<const PathsAnswered> answered;
  std::size_t index;
  const Path& path() const { return answered->answer.paths[index]; }
  const Graph& graph() const { return answered->graph->graph(); }
};

struct StepItem {
  GraphPointer graph;
  PathStep step;
};

// The path alone as the CLI prints one path: its steps, dates and quotes.
std::string path_text(const PathItem& item) {
  query::PathAnswer one = item.answered->answer;
  one.paths = {item.path()};
  one.count = 1;
  one.truncated = one.cut = false;
  one.reason.reset();
  std::string text = query::to_text(one, item.graph(), keyword_name);
  while (!text.empty() && text.back() == '\n') text.pop_back();
  return text;
}

py::list path_entities(const PathItem& item) {
  py::list ids;
  for (const EntityId e : item.path().entities()) ids.append(std::string(item.graph().entity_key(e)));
  return ids;
}

}  // namespace

void bind_paths(py::module_& module, GraphClass& graph) {
  py::class_<StepItem>(module, "Step", "One step of a path: a relation walked one way")
      .def_property_readonly("source", [](const StepItem& s) { return std::string(s.graph->graph().entity_key(s.step.from)); },
                             "The entity the step leaves")
      .def_property_readonly("target", [](const StepItem& s) { return std::string(s.graph->graph().entity_key(s.step.to)); },
                             "The entity the step reaches")
      .def_property_readonly("forward", [](const StepItem& s) { return s.step.forward; },
                             "Whether the step follows the relation's direction")
      .def_property_readonly("relation", [](const StepItem& s) { return RelationItem{s.graph, s.step.relation}; })
      .def_property_readonly("type", [](const StepItem& s) {
        const Graph& g = s.graph->graph();
        return std::string(g.relation_type_name(g.relation_type(s.step.relation)));
      })
      .def_property_readonly("date", [](const StepItem& s) { return date_object(s.graph->graph().date(s.step.relation)); })
      .def_property_readonly("until", [](const StepItem& s) { return date_object(s.graph->graph().until(s.step.relation)); })
      .def_property_readonly("evidence", [](const StepItem& s) { return evidence_items(s.graph->graph(), s.step.relation); })
      .def("__repr__", [](const StepItem& s) {
        const Graph& g = s.graph->graph();
        return "<kg.Step " + std::string(g.entity_key(s.step.from)) + (s.step.forward ? " -[" : " <-[") +
               std::string(g.relation_type_name(g.relation_type(s.step.relation))) + (s.step.forward ? "]-> " : "]- ") +
               std::string(g.entity_key(s.step.to)) + ">";
      });

  py::class_<PathItem>(module, "Path", "A path: its steps, each with its dates and evidence; str() prints it cited")
      .def_property_readonly("length", [](const PathItem& p) { return p.path().length(); })
      .def_property_readonly("weight", [](const PathItem& p) { return p.path().weight; },
                             "The sum of the step weights; the hop count when unweighted")
      .def_property_readonly("entities", &path_entities, "The ids along the path, start to end")
      .def_property_readonly("steps", [](const PathItem& p) {
        std::vector<StepItem> steps;
        for (const PathStep& step : p.path().steps) steps.push_back({p.answered->graph, step});
        return steps;
      })
      .def("__len__", [](const PathItem& p) { return p.path().length(); })
      .def("__str__", &path_text)
      .def("__repr__", [](const PathItem& p) {
        const Graph& g = p.graph();
        return "<kg.Path " + std::string(g.entity_key(p.path().start)) + " -> " +
               std::string(g.entity_key(p.path().end())) + ", " + std::to_string(p.path().length()) + " steps>";
      });

  py::class_<PathsAnswered, std::shared_ptr<PathsAnswered>>(module, "Paths",
                                                            "The paths found, shortest first; empty when none")
      .def("__len__", [](const PathsAnswered& a) { return a.answer.paths.size(); })
      .def("__getitem__",
           [](const std::shared_ptr<PathsAnswered>& a, std::ptrdiff_t i) {
             const auto size = static_cast<std::ptrdiff_t>(a->answer.paths.size());
             if (i < 0) i += size;
             if (i < 0 || i >= size) throw py::index_error("no path " + std::to_string(i));
             return PathItem{a, static_cast<std::size_t>(i)};
           })
      .def_property_readonly("reason", [](const PathsAnswered& a) -> py::object {
        if (!a.answer.reason) return py::none();
        return py::str(a.answer.reason->worded(keyword_name));
      }, "Why there is no path (which filter or limit), None when there are paths")
      .def_property_readonly("truncated", [](const PathsAnswered& a) { return a.answer.truncated; })
      .def_property_readonly("cut", [](const PathsAnswered& a) { return a.answer.cut; })
      .def("to_json", [](const PathsAnswered& a) {
        return query::json_text([&a](query::JsonSink& json) { to_json(a.answer, a.graph->graph(), json, keyword_name); });
      }, "The answer as the CLI's --format json prints it, fields named by their keywords")
      .def("__str__", [](const PathsAnswered& a) {
        return query::to_text(a.answer, a.graph->graph(), keyword_name);
      });

  py::class_<NeighborsAnswered>(module, "Neighbors", "The ego network: entities ring by ring, relations among them")
      .def_property_readonly("entities", [](const NeighborsAnswered& a) {
        py::dict by_distance;
        const Graph& g = a.graph->graph();
        for (std::size_t i = 0; i < a.answer.ego.entities.size(); ++i) {
          by_distance[py::str(std::string(g.entity_key(a.answer.ego.entities[i])))] = a.answer.ego.distance[i];
        }
        return by_distance;
      }, "id -> steps from the center, nearest first")
      .def_property_readonly("relations", [](const NeighborsAnswered& a) {
        std::vector<RelationItem> relations;
        for (const RelationId r : a.answer.ego.relations) relations.push_back({a.graph, r});
        return relations;
      })
      .def_property_readonly("cut", [](const NeighborsAnswered& a) { return a.answer.ego.cut; })
      .def("to_json", &NeighborsAnswered::json, "The answer as the CLI's --format json prints it")
      .def("__str__", [](const NeighborsAnswered& a) { return query::to_text(a.answer, a.graph->graph()); });

  graph.def(
      "path",
      [](const GraphPointer& g, const std::string& from, const std::string& to, std::size_t k,
         std::optional<std::size_t> max_hops, bool all_shortest, std::optional<std::size_t> limit, bool weighted,
         std::optional<std::string> weight_by, bool time_respecting, bool distinct_relations,
         const py::kwargs& filters) {
        query::PathRequest request;
        request.view = view_spec_from(filters, g->spec(), "path");
        request.from = from;
        request.to = to;
        request.k = k;
        request.max_hops = max_hops;
        request.all_shortest = all_shortest;
        request.limit = limit;
        request.weighted = weighted;
        request.weight_by = weight_by.value_or("");
        request.time_respecting = time_respecting;
        request.distinct_relations = distinct_relations;
        return std::make_shared<PathsAnswered>(answer(g, request));
      },
      py::arg("a"), py::arg("b"), py::kw_only(), py::arg("k") = 1, py::arg("max_hops") = py::none(),
      py::arg("all_shortest") = false, py::arg("limit") = py::none(), py::arg("weighted") = false,
      py::arg("weight_by") = py::none(), py::arg("time_respecting") = false, py::arg("distinct_relations") = false,
      "How a connects to b: the shortest path, the k shortest, every shortest (all_shortest), every simple path up "
      "to max_hops, the lightest (weighted, weight_by) or the time-respecting ones; each step with its dates and "
      "evidence");
  graph.def(
      "neighbors",
      [](const GraphPointer& g, const std::string& center, std::size_t depth, const py::kwargs& filters) {
        query::NeighborsRequest request;
        request.view = view_spec_from(filters, g->spec(), "neighbors");
        request.center = center;
        request.depth = depth;
        return answer(g, request);
      },
      py::arg("x"), py::kw_only(), py::arg("depth") = 1, "The entities within depth steps of x, and the relations among them");
}

}  // namespace kg::python
