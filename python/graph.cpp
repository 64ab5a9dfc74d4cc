// kg.Graph: loading (kg.load, kg.loads), views, entity lookup, export.
#include <pybind11/stl.h>

#include <algorithm>
#include <filesystem>

#include "base/output_file.hpp"
#include "export/writers.hpp"
#include "graph/exception.hpp"
#include "graph/lookup.hpp"
#include "ingest/format.hpp"
#include "python/binding.hpp"
#include "python/errors.hpp"
#include "python/interrupt.hpp"
#include "python/items.hpp"
#include "query/context.hpp"

namespace kg::python {

GraphHandle::GraphHandle(std::shared_ptr<const Graph> graph) : graph_(std::move(graph)) {}

GraphHandle::GraphHandle(const GraphHandle& of, query::ViewSpec spec)
    : graph_(of.graph_), names_(of.names_), spec_(std::move(spec)) {}

const EntityLookup& GraphHandle::lookup() const {
  std::call_once(names_->built, [this] { names_->lookup.emplace(*graph_); });
  return *names_->lookup;
}

const View& GraphHandle::view() const {
  if (!view_) view_.emplace(*graph_, spec_.to_filter());
  return *view_;
}

const std::vector<EntityId>& GraphHandle::entity_ids() const {
  if (!entity_ids_) {
    const View& kept = view();
    entity_ids_.emplace();
    for (EntityId e = 0; e < graph_->entity_count(); ++e) {
      if (kept.keeps_entity(e)) entity_ids_->push_back(e);
    }
  }
  return *entity_ids_;
}

const std::vector<RelationId>& GraphHandle::relation_ids() const {
  if (!relation_ids_) {
    const View& kept = view();
    relation_ids_.emplace();
    for (RelationId r = 0; r < graph_->relation_count(); ++r) {
      if (kept.keeps_relation(r)) relation_ids_->push_back(r);
    }
  }
  return *relation_ids_;
}

namespace {

// Keyword values that name things: one string, or any iterable of strings.
std::vector<std::string> names_from(const py::handle& value, const char* keyword) {
  if (py::isinstance<py::str>(value)) return {value.cast<std::string>()};
  std::vector<std::string> names;
  try {
    for (const py::handle item : py::iter(value)) {
      if (!py::isinstance<py::str>(item)) throw py::cast_error();
      names.push_back(item.cast<std::string>());
    }
  } catch (const py::error_already_set&) {
    throw InvalidArgument(Field{keyword}, "expected a string or an iterable of strings");
  } catch (const py::cast_error&) {
    throw InvalidArgument(Field{keyword}, "expected a string or an iterable of strings");
  }
  return names;
}

// A date keyword: "2016", "2016-03", a datetime.date, or a year as an int.
std::string date_text(const py::handle& value, const char* keyword) {
  if (py::isinstance<py::str>(value)) return value.cast<std::string>();
  if (py::isinstance<py::int_>(value) && !py::isinstance<py::bool_>(value)) return std::to_string(value.cast<long>());
  if (py::hasattr(value, "isoformat")) return value.attr("isoformat")().cast<std::string>().substr(0, 10);
  throw InvalidArgument(Field{keyword}, "expected a date: 'YYYY', 'YYYY-MM', 'YYYY-MM-DD' or a datetime.date");
}

// between: "2016..2017", or a pair whose ends may be None (open).
std::string window_text(const py::handle& value) {
  if (py::isinstance<py::str>(value)) return value.cast<std::string>();
  if (py::isinstance<py::tuple>(value) || py::isinstance<py::list>(value)) {
    const auto ends = value.cast<py::sequence>();
    if (ends.size() == 2) {
      const auto end = [](const py::handle& e) { return e.is_none() ? std::string() : date_text(e, "between"); };
      return end(ends[0]) + ".." + end(ends[1]);
    }
  }
  throw InvalidArgument(Field{"between"}, "expected 'DATE..DATE' or a pair (from, to) whose ends may be None");
}

template <typename Enum>
Enum choice_from(const py::handle& value, const char* keyword,
                 std::initializer_list<std::pair<const char*, Enum>> choices) {
  std::string names;
  if (py::isinstance<py::str>(value)) {
    const auto text = value.cast<std::string>();
    for (const auto& [name, choice] : choices) {
      if (text == name) return choice;
    }
  }
  for (const auto& choice : choices) names += (names.empty() ? "'" : ", '") + std::string(choice.first) + "'";
  throw InvalidArgument(Field{keyword}, "expected one of " + names);
}

}  // namespace

query::ViewSpec view_spec_from(const py::kwargs& filters, query::ViewSpec base, const char* function) {
  query::ViewSpec spec = std::move(base);
  const query::ViewSpec defaults;
  for (const auto& [key_handle, value] : filters) {
    const auto key = key_handle.cast<std::string>();
    const bool none = value.is_none();
    if (key == "relations") {
      spec.relation_types = none ? defaults.relation_types : names_from(value, "relation_types");
    } else if (key == "exclude_relations") {
      spec.exclude_relation_types = none ? defaults.exclude_relation_types : names_from(value, "exclude_relation_types");
    } else if (key == "entity_types") {
      spec.entity_types = none ? defaults.entity_types : names_from(value, "entity_types");
    } else if (key == "avoid") {
      spec.avoid = none ? defaults.avoid : names_from(value, "avoid");
    } else if (key == "as_of") {
      spec.as_of = none ? defaults.as_of : date_text(value, "as_of");
    } else if (key == "between") {
      spec.between = none ? defaults.between : window_text(value);
    } else if (key == "undated") {
      spec.undated = none ? defaults.undated
                          : choice_from<Undated>(value, "undated",
                                                 {{"include", Undated::Include},
                                                  {"exclude", Undated::Exclude},
                                                  {"only", Undated::Only}});
    } else if (key == "max_degree") {
      if (!none && (!py::isinstance<py::int_>(value) || value.cast<long long>() < 0)) {
        throw InvalidArgument(Field{"max_degree"}, "expected a whole number of relations, 0 or more");
      }
      spec.max_degree = none ? std::nullopt : std::optional<std::size_t>(value.cast<std::size_t>());
    } else if (key == "direction") {
      spec.direction = none ? defaults.direction
                            : choice_from<Direction>(value, "direction",
                                                     {{"out", Direction::Out}, {"in", Direction::In},
                                                      {"any", Direction::Any}});
      spec.direction_given = !none;
    } else {
      throw py::type_error(std::string(function) + "() got an unexpected keyword argument '" + key + "'");
    }
  }
  spec.validate();
  return spec;
}

py::object value_object(const Graph& graph, const Value& value) {
  switch (value.kind()) {
    case Value::Kind::Integer: return py::int_(value.as_integer());
    case Value::Kind::Real: return py::float_(value.as_real());
    case Value::Kind::Boolean: return py::bool_(value.as_boolean());
    case Value::Kind::String:
    case Value::Kind::Json: break;
  }
  return py::str(std::string(graph.str(value.as_string())));
}

py::object date_object(Date date) {
  if (date.empty()) return py::none();
  return py::str(date.to_string());
}

namespace {

const std::string& format_name(const py::object& format) {
  static const std::string none;
  if (format.is_none()) return none;
  const auto name = format.cast<std::string>();
  for (const auto& known : input_formats()) {
    if (known.name == name) return known.name;
  }
  std::string names;
  for (const auto& known : input_formats()) names += (names.empty() ? "" : ", ") + known.name;
  throw InvalidArgument(Field{"format"}, "unknown input format '" + name + "' (one of " + names + ")");
}

// The CSV column keywords of kg.load, as the CLI's --id-column and so on.
CsvColumns csv_columns_from(const py::kwargs& options) {
  CsvColumns csv;
  const std::pair<const char*, std::string*> columns[] = {
      {"id_column", &csv.id},           {"name_column", &csv.name},
      {"entity_type_column", &csv.entity_type}, {"source_column", &csv.source},
      {"target_column", &csv.target},   {"relation_type_column", &csv.relation_type},
      {"date_column", &csv.date},       {"until_column", &csv.until},
  };
  for (const auto& [key_handle, value] : options) {
    const auto key = key_handle.cast<std::string>();
    if (key == "delimiter") {
      const auto text = value.cast<std::string>();
      if (text.size() != 1) throw InvalidArgument(Field{"delimiter"}, "expected one character");
      csv.delimiter = text[0];
      continue;
    }
    const auto column = std::find_if(std::begin(columns), std::end(columns),
                                     [&key](const auto& c) { return key == c.first; });
    if (column == std::end(columns)) throw py::type_error("load() got an unexpected keyword argument '" + key + "'");
    *column->second = value.cast<std::string>();
  }
  return csv;
}

GraphPointer read(const std::string& path, const std::optional<std::string>& format, ReadOptions options) {
  auto result = run_released_for([&](const ShouldStop& should_stop) {
    // Readers have no stop of their own: the progress callback they call
    // now and then ends the read.
    options.progress = [&should_stop](std::uint64_t, std::uint64_t) {
      if (should_stop()) throw query::Cancelled("loading stopped");
    };
    return read_graph(path, format, options);
  });
  if (result.problem_count() != 0) {
    throw query::InputProblems(std::move(result.problems), std::move(result.warnings), result.problems_not_shown);
  }
  return std::make_shared<GraphHandle>(std::make_shared<const Graph>(std::move(*result.graph)));
}

std::optional<std::string> optional_format(const py::object& format) {
  const std::string& name = format_name(format);
  return name.empty() ? std::nullopt : std::optional<std::string>(name);
}

GraphPointer load(const std::string& path, const py::object& format, const py::kwargs& options) {
  ReadOptions read_options;
  read_options.csv = csv_columns_from(options);
  return read(path, optional_format(format), std::move(read_options));
}

GraphPointer loads(const py::object& text, const py::object& format, const std::string& name) {
  ReadOptions read_options;
  if (py::isinstance<py::bytes>(text)) {
    read_options.contents = std::make_shared<const std::string>(text.cast<std::string>());
  } else if (py::isinstance<py::str>(text)) {
    read_options.contents = std::make_shared<const std::string>(text.cast<std::string>());
  } else {
    throw py::type_error("loads() takes the graph as str or bytes");
  }
  return read(name, optional_format(format), std::move(read_options));
}

const ExportWriter& writer_for(const std::string& path, const py::object& to) {
  std::string names;
  for (const ExportWriter& writer : export_writers()) names += (names.empty() ? "" : ", ") + std::string(writer.name);
  if (!to.is_none()) {
    if (const ExportWriter* writer = find_export_writer(to.cast<std::string>())) return *writer;
    throw InvalidArgument(Field{"to"}, "unknown format '" + to.cast<std::string>() + "' (one of " + names + ")");
  }
  std::string extension = std::filesystem::path(path).extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  // The first writer of an extension is its usual format (.json: kg JSON).
  for (const ExportWriter& writer : export_writers()) {
    if (!extension.empty() && writer.extension == extension) return writer;
  }
  throw InvalidArgument(Field{"to"}, "cannot tell the format from '" + path + "'; name it with to= (one of " +
                                         names + ")");
}

void export_graph(const GraphHandle& handle, const std::string& path, const py::object& to, bool force) {
  const ExportWriter& writer = writer_for(path, to);
  OutputFileOptions options;
  options.replace_read_only = force;
  const View& view = handle.view();
  run_released([&](const ShouldStop&) {
    if (writer.write_directory) {
      writer.write_directory(view, path);
    } else {
      write_atomically(path, [&](std::ostream& out) { writer.write(view, out); }, options);
    }
  });
}

}  // namespace

GraphClass bind_graph(py::module_& module) {
  GraphClass graph(module, "Graph", "A knowledge graph, or a filtered view of one");
  graph
      .def_property_readonly("name", [](const GraphHandle& g) { return std::string(g.graph().name()); })
      .def_property_readonly("directed", [](const GraphHandle& g) { return g.graph().directed(); })
      .def_property_readonly("entities", [](const GraphPointer& g) { return Entities{g}; },
                             "The entities the view keeps, a sequence of kg.Entity")
      .def_property_readonly("relations", [](const GraphPointer& g) { return Relations{g}; },
                             "The relations the view keeps, a sequence of kg.Relation")
      .def(
          "entity",
          [](const GraphPointer& g, const std::string& name) {
            const EntityId e = with_suggestions(g->graph(), [&] { return g->lookup().resolve(name); });
            return EntityItem{g, e};
          },
          py::arg("name"), "The entity a name means (id, name or alias, any case); kg.NameNotFound otherwise")
      .def(
          "view",
          [](const GraphPointer& g, const py::kwargs& filters) {
            auto spec = view_spec_from(filters, g->spec(), "view");
            auto viewed = std::make_shared<GraphHandle>(*g, std::move(spec));
            with_suggestions(g->graph(), [&] { return &viewed->view(); });
            return viewed;
          },
          "The graph seen through filters: relations, exclude_relations, entity_types, as_of, between, undated, "
          "avoid, max_degree, direction")
      .def("export", &export_graph, py::arg("path"), py::kw_only(), py::arg("to") = py::none(),
           py::arg("force") = false,
           "Writes the view to a file (a directory for csv), whole or not at all; the format by to= or by extension")
      .def("__repr__", [](const GraphHandle& g) {
        const bool filtered = g.view().filters_anything();
        return "<kg.Graph '" + std::string(g.graph().name()) + "': " + std::to_string(g.entity_ids().size()) +
               " entities, " + std::to_string(g.relation_ids().size()) + " relations" +
               (filtered ? " (a view)" : "") + ">";
      });

  module.def("load", &load, py::arg("path"), py::kw_only(), py::arg("format") = py::none(),
             "Reads a graph in any format kg reads (by extension and content, or format=)");
  module.def("loads", &loads, py::arg("text"), py::kw_only(), py::arg("format") = py::none(),
             py::arg("name") = "<string>", "Reads a graph from a str or bytes; name= names it in error messages");
  py::list formats;
  for (const auto& format : input_formats()) formats.append(format.name);
  module.attr("input_formats") = formats;
  py::list writers;
  for (const auto& writer : export_writers()) writers.append(std::string(writer.name));
  module.attr("export_formats") = writers;
  return graph;
}

}  // namespace kg::python
