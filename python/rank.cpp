// kg.Graph.rank and rank_array: centrality through query/rank.hpp. rank
// gives a dict id -> score, highest first (kg/__init__.py builds it from
// the answer made here); rank_array the scores by entity index as a NumPy
// array that owns kg's vector, copied by no one.
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include "python/answers.hpp"
#include "query/rank.hpp"

namespace kg::python {
namespace {

using RankAnswered = Answered<query::RankAnswer>;

query::Measure measure_from(const std::string& by) {
  std::string words;
  for (const auto& [word, measure] : query::measure_words()) {
    if (word == by) return measure;
    words += (words.empty() ? "" : ", ") + word;
  }
  throw InvalidArgument(Field{"by"}, "unknown measure '" + by + "' (one of " + words + ")");
}

template <typename T>
std::optional<T> optional_of(const py::object& value) {
  if (value.is_none()) return std::nullopt;
  return value.cast<T>();
}

query::RankRequest rank_request(const GraphHandle& g, const std::string& by, std::size_t top,
                                const py::object& normalized, const py::object& samples, const py::object& seed,
                                const py::object& personalize, const py::object& weight, const py::object& damping,
                                const py::object& tolerance, const py::object& max_iterations, bool wf_improved,
                                const py::kwargs& filters, const char* function) {
  query::RankRequest request;
  request.view = view_spec_from(filters, g.spec(), function);
  request.measure = measure_from(by);
  request.top = top;
  request.normalized = optional_of<bool>(normalized);
  request.samples = optional_of<std::size_t>(samples);
  request.seed = optional_of<std::uint64_t>(seed);
  if (!personalize.is_none()) {
    if (py::isinstance<py::str>(personalize)) {
      request.personalize = {personalize.cast<std::string>()};
    } else {
      request.personalize = personalize.cast<std::vector<std::string>>();
    }
  }
  if (!weight.is_none()) request.weight_attribute = weight.cast<std::string>();
  request.damping = optional_of<double>(damping);
  request.tolerance = optional_of<double>(tolerance);
  request.max_iterations = optional_of<std::size_t>(max_iterations);
  request.wf_improved = wf_improved;
  return request;
}

// The ranked entities shown, highest first: [(id, score)].
py::list ranked_items(const RankAnswered& a) {
  const Graph& graph = a.graph->graph();
  py::list items;
  for (const EntityId e : a.answer.ranked) {
    items.append(py::make_tuple(std::string(graph.entity_key(e)), a.answer.scores[e]));
  }
  return items;
}

// The scores by entity index, NaN where the view leaves an entity out; the
// array keeps the answer's vector alive instead of copying it.
py::array_t<double> scores_array(query::RankAnswer&& answer) {
  auto* scores = new std::vector<double>(std::move(answer.scores));
  py::capsule owner(scores, [](void* held) { delete static_cast<std::vector<double>*>(held); });
  return py::array_t<double>({scores->size()}, {sizeof(double)}, scores->data(), owner);
}

}  // namespace

void bind_rank(py::module_& module, GraphClass& graph) {
  py::class_<RankAnswered>(module, "RankAnswer", "A ranking as kg computed it; Graph.rank gives it as a dict")
      .def_property_readonly("measure", [](const RankAnswered& a) { return query::measure_name(a.answer.measure); })
      .def_property_readonly("cut", [](const RankAnswered& a) { return a.answer.cut; })
      .def_property_readonly("undated_relations", [](const RankAnswered& a) { return a.answer.undated_relations; })
      .def("items", &ranked_items, "[(id, score)], highest first")
      .def("to_json", &RankAnswered::json, "The answer as the CLI's --format json prints it");

  graph.def(
      "_rank",
      [](const GraphPointer& g, const std::string& by, std::size_t top, const py::object& normalized,
         const py::object& samples, const py::object& seed, const py::object& personalize, const py::object& weight,
         const py::object& damping, const py::object& tolerance, const py::object& max_iterations, bool wf_improved,
         const py::kwargs& filters) {
        return answer(g, rank_request(*g, by, top, normalized, samples, seed, personalize, weight, damping, tolerance,
                                      max_iterations, wf_improved, filters, "rank"));
      },
      py::kw_only(), py::arg("by") = "degree", py::arg("top") = 0, py::arg("normalized") = py::none(),
      py::arg("samples") = py::none(), py::arg("seed") = py::none(), py::arg("personalize") = py::none(),
      py::arg("weight") = py::none(), py::arg("damping") = py::none(), py::arg("tolerance") = py::none(),
      py::arg("max_iterations") = py::none(), py::arg("wf_improved") = true);
  graph.def(
      "rank_array",
      [](const GraphPointer& g, const std::string& by, const py::object& normalized, const py::object& samples,
         const py::object& seed, const py::object& personalize, const py::object& weight, const py::object& damping,
         const py::object& tolerance, const py::object& max_iterations, bool wf_improved, const py::kwargs& filters) {
        auto answered = answer(g, rank_request(*g, by, 0, normalized, samples, seed, personalize, weight, damping,
                                               tolerance, max_iterations, wf_improved, filters, "rank_array"));
        return scores_array(std::move(answered.answer));
      },
      py::kw_only(), py::arg("by") = "degree", py::arg("normalized") = py::none(), py::arg("samples") = py::none(),
      py::arg("seed") = py::none(), py::arg("personalize") = py::none(), py::arg("weight") = py::none(),
      py::arg("damping") = py::none(), py::arg("tolerance") = py::none(), py::arg("max_iterations") = py::none(),
      py::arg("wf_improved") = true,
      "The scores as a NumPy array by entity index (Entity.index), NaN where the view leaves an entity out");
}

}  // namespace kg::python
