#include "python/errors.hpp"

#include <pybind11/stl.h>

#include "graph/lookup.hpp"
#include "python/binding.hpp"
#include "query/context.hpp"

namespace kg::python {
namespace {

// Raises kg.errors.<name>(message, **attributes) as the pending Python error.
void set_error(const char* name, const std::string& message, const py::dict& attributes = {}) {
  const py::object type = py::module_::import("kg.errors").attr(name);
  const py::object error = type(message, **attributes);
  PyErr_SetObject(type.ptr(), error.ptr());
}

py::object problem_object(const Diagnostic& problem) {
  const py::object type = py::module_::import("kg.errors").attr("Problem");
  const auto or_none = [](std::size_t n) { return n == 0 ? py::object(py::none()) : py::object(py::int_(n)); };
  return type(problem.file, or_none(problem.line), or_none(problem.column), problem.path, problem.message);
}

void set_input_problems(const query::InputProblems& error) {
  py::list problems;
  for (const Diagnostic& problem : error.problems()) problems.append(problem_object(problem));
  py::dict attributes;
  attributes["problems"] = problems;
  attributes["not_shown"] = error.not_shown();
  if (!error.problems().empty()) {
    const Diagnostic& first = error.problems().front();
    attributes["file"] = first.file;
    if (first.line != 0) attributes["line"] = first.line;
    if (first.column != 0) attributes["column"] = first.column;
  }
  set_error("InputError", error.what(), attributes);
}

void translate(std::exception_ptr thrown) {
  try {
    std::rethrow_exception(thrown);
  } catch (const query::InputProblems& error) {
    set_input_problems(error);
  } catch (const InputError& error) {
    set_error("InputError", error.worded(keyword_name));
  } catch (const NameNotFoundWithSuggestions& error) {
    py::dict attributes;
    attributes["name"] = error.name();
    attributes["suggestions"] = py::cast(error.suggestions());
    set_error("NameNotFound", error.what(), attributes);
  } catch (const NameNotFound& error) {
    py::dict attributes;
    attributes["name"] = error.name();
    set_error("NameNotFound", error.what(), attributes);
  } catch (const InvalidArgument& error) {
    py::dict attributes;
    std::string message = error.worded(keyword_name);
    std::string field = error.field();
    // Older library errors carry their field only as the "field: detail"
    // form of their message.
    const std::string_view text = error.what();
    const auto colon = text.find(": ");
    if (field.empty() && colon != std::string_view::npos && colon > 0 &&
        text.substr(0, colon).find_first_not_of("abcdefghijklmnopqrstuvwxyz_") == std::string_view::npos) {
      field = std::string(text.substr(0, colon));
      message = keyword_name(field) + std::string(text.substr(colon));
    }
    if (!field.empty()) attributes["field"] = keyword_name(field);
    set_error("UsageError", message, attributes);
  } catch (const OutputError& error) {
    set_error("OutputError", error.what());
  } catch (const Error& error) {
    set_error("Error", error.worded(keyword_name));
  }
}

}  // namespace

std::string keyword_name(std::string_view field) {
  if (field == "relation_types") return "relations";
  if (field == "exclude_relation_types") return "exclude_relations";
  return std::string(field);
}

void throw_with_suggestions(const Graph& graph, const NameNotFound& error) {
  throw NameNotFoundWithSuggestions(error, EntityLookup(graph).suggestions(error.name()));
}

void bind_errors(py::module_&) { py::register_exception_translator(translate); }

}  // namespace kg::python
