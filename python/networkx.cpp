// Graphs to and from NetworkX in memory, with the conventions of kg's
// node-link files (docs/INTERCHANGE.md): a node's data holds name, type,
// aliases and its attributes; an edge's holds type, date, until, evidence
// and its attributes; G.graph holds name, sources, relation_types and the
// graph's attributes. Fields at their defaults are left out (a name equal to
// the id, entity type "entity", relation type "related"), so that a graph from
// NetworkX comes back as it went in. kg/__init__.py builds the NetworkX
// object from the parts made here.
#include <pybind11/stl.h>

#include <rapidjson/document.h>

#include <set>

#include "export/interchange.hpp"
#include "graph/builder.hpp"
#include "graph/exception.hpp"
#include "ingest/interchange.hpp"
#include "python/binding.hpp"
#include "python/interrupt.hpp"
#include "python/items.hpp"

namespace kg::python {
namespace {

constexpr std::string_view kDefaultEntityType = "entity";

py::object id_object(const Graph& graph, EntityId e) {
  const std::string_view key = graph.entity_key(e);
  if (graph.integer_ids()) return py::int_(std::stoll(std::string(key)));
  return py::str(std::string(key));
}

py::object json_object(std::string_view text) {
  if (text.empty()) return py::none();
  return py::module_::import("json").attr("loads")(py::str(std::string(text)));
}

py::dict graph_data(const Graph& graph) {
  py::dict data;
  if (!graph.name().empty()) data["name"] = std::string(graph.name());
  for (const Attribute& attribute : graph.graph_attributes()) {
    const py::str key(std::string(graph.str(attribute.key)));
    data[key] = attribute.value.kind() == Value::Kind::Json ? json_object(graph.str(attribute.value.as_string()))
                                                             : value_object(graph, attribute.value);
  }
  if (!graph.sources().empty()) data["sources"] = json_object(interchange::sources_json(graph));
  const std::string types = interchange::relation_types_json(graph);
  if (!types.empty()) data["relation_types"] = json_object(types);
  return data;
}

py::dict node_data(const Graph& graph, EntityId e) {
  py::dict data;
  if (graph.entity_name(e) != graph.entity_key(e)) data["name"] = std::string(graph.entity_name(e));
  const std::string_view type = graph.entity_type_name(graph.entity_type(e));
  if (type != kDefaultEntityType) data["type"] = std::string(type);
  if (!graph.entity_aliases(e).empty()) {
    py::list aliases;
    for (const StringId alias : graph.entity_aliases(e)) aliases.append(std::string(graph.str(alias)));
    data["aliases"] = aliases;
  }
  for (const Attribute& attribute : graph.entity_attributes(e)) {
    data[py::str(interchange::exported_attribute_name(graph.str(attribute.key)))] = value_object(graph, attribute.value);
  }
  return data;
}

py::dict edge_data(const Graph& graph, RelationId r) {
  py::dict data;
  const std::string_view type = graph.relation_type_name(graph.relation_type(r));
  if (type != interchange::kDefaultRelationType) data["type"] = std::string(type);
  if (!graph.date(r).empty()) data["date"] = graph.date(r).to_string();
  if (!graph.until(r).empty()) data["until"] = graph.until(r).to_string();
  if (!graph.evidence(r).empty()) {
    py::list evidence;
    for (const Evidence& item : graph.evidence(r)) {
      py::dict entry;
      entry["source"] = std::string(graph.str(graph.sources()[item.source].id));
      entry["quote"] = std::string(graph.str(item.quote));
      evidence.append(entry);
    }
    data["evidence"] = evidence;
  }
  for (const Attribute& attribute : graph.relation_attributes(r)) {
    data[py::str(interchange::exported_attribute_name(graph.str(attribute.key)))] = value_object(graph, attribute.value);
  }
  return data;
}

// (graph data, [(id, data)], [(u, v, data)], whether two kept relations
// join the same pair: NetworkX then needs a multigraph to hold them).
py::tuple networkx_parts(const GraphHandle& handle) {
  const Graph& graph = handle.graph();
  const View& view = handle.view();
  py::list nodes;
  for (const EntityId e : handle.entity_ids()) nodes.append(py::make_tuple(id_object(graph, e), node_data(graph, e)));
  py::list edges;
  for (const RelationId r : handle.relation_ids()) {
    edges.append(py::make_tuple(id_object(graph, graph.source(r)), id_object(graph, graph.target(r)), edge_data(graph, r)));
  }
  const auto keys = interchange::multigraph_keys(view);
  const bool parallel = std::any_of(keys.begin(), keys.end(), [](std::uint32_t key) { return key > 0; });
  return py::make_tuple(graph_data(graph), nodes, edges, parallel);
}

// What from_networkx reads, checked: every mistake names the node or edge.
std::string describe(const py::handle& object) { return py::repr(object).cast<std::string>(); }

[[noreturn]] void refuse(const std::string& where, const std::string& what) {
  throw InvalidArgument(Field{"G"}, where + ": " + what);
}

std::string text_of(const py::handle& value, const std::string& where, const char* field) {
  if (py::isinstance<py::str>(value)) return value.cast<std::string>();
  refuse(where, std::string(field) + " must be a str, found " + describe(value));
}

std::string date_of(const py::handle& value, const std::string& where, const char* field) {
  std::string text;
  if (py::isinstance<py::str>(value)) {
    text = value.cast<std::string>();
  } else if (py::hasattr(value, "isoformat") && !py::hasattr(value, "hour")) {
    text = value.attr("isoformat")().cast<std::string>();
  } else {
    refuse(where, std::string(field) + " must be a date ('2016', '2016-03', '2016-03-14' or a datetime.date), found " +
                      describe(value));
  }
  if (!Date::parse(text)) refuse(where, std::string(field) + ": " + Date::explain_invalid(text));
  return text;
}

// An attribute value: bool, int, float or str (NumPy's numbers too).
ScalarInput scalar_of(const py::handle& value, std::string& storage, const std::string& where, const std::string& key) {
  if (py::isinstance<py::bool_>(value)) return value.cast<bool>();
  if (PyLong_Check(value.ptr())) {
    long long integer = PyLong_AsLongLong(value.ptr());
    if (integer == -1 && PyErr_Occurred()) {
      PyErr_Clear();
      refuse(where, "attribute '" + key + "' does not fit in 64 bits: " + describe(value));
    }
    return static_cast<std::int64_t>(integer);
  }
  if (PyFloat_Check(value.ptr())) return value.cast<double>();
  if (py::isinstance<py::str>(value)) {
    storage = value.cast<std::string>();
    return std::string_view(storage);
  }
  if (py::hasattr(value, "__index__")) return static_cast<std::int64_t>(value.attr("__index__")().cast<long long>());
  if (py::hasattr(value, "__float__") && py::hasattr(value, "dtype")) return value.attr("__float__")().cast<double>();
  refuse(where, "attribute '" + key + "' holds " + describe(py::type::handle_of(value).attr("__name__")) +
                    "; kg keeps strings, numbers and booleans");
}

std::string json_dumps(const py::handle& value) {
  return py::module_::import("json").attr("dumps")(value).cast<std::string>();
}

void add_json_field(Builder& builder, const py::handle& value, const char* field, interchange::JsonAdder add) {
  std::string text;
  try {
    text = json_dumps(value);
  } catch (const py::error_already_set&) {
    refuse("G.graph['" + std::string(field) + "']", "not JSON data");
  }
  const std::string expected = interchange::add_json_text(builder, text, add);
  if (!expected.empty()) refuse("G.graph['" + std::string(field) + "']", "expected " + expected);
}

void add_graph_data(Builder& builder, const py::dict& data, std::set<std::string>& sources) {
  for (const auto& [key_handle, value] : data) {
    const std::string key = py::str(key_handle).cast<std::string>();
    if (key == "name") {
      builder.set_name(text_of(value, "G.graph", "name"));
    } else if (key == "sources") {
      add_json_field(builder, value, "sources", interchange::add_sources);
      for (const py::handle source : value) sources.insert(py::str(source["id"]).cast<std::string>());
    } else if (key == "relation_types") {
      add_json_field(builder, value, "relation_types", [](Builder& b, const rapidjson::Value& types) {
        return interchange::add_relation_types(b, types);
      });
    } else if (value.is_none() || py::isinstance<py::list>(value) || py::isinstance<py::dict>(value) ||
               py::isinstance<py::tuple>(value)) {
      builder.add_graph_json_attribute(key, json_dumps(value));
    } else {
      std::string storage;
      builder.add_graph_attribute(key, scalar_of(value, storage, "G.graph", key));
    }
  }
}

// A node id as kg's id: str as it is, int in decimal.
std::string id_text(const py::handle& node, bool& all_integers) {
  if (py::isinstance<py::str>(node)) {
    all_integers = false;
    return node.cast<std::string>();
  }
  if (PyLong_Check(node.ptr()) && !py::isinstance<py::bool_>(node)) return py::str(node).cast<std::string>();
  refuse("node " + describe(node), "node ids must be str or int");
}

void add_node(Builder& builder, const std::string& id, const py::dict& data, const std::string& where) {
  std::string name, type;
  if (data.contains("name")) name = text_of(data["name"], where, "name");
  if (data.contains("type")) type = text_of(data["type"], where, "type");
  builder.add_entity(id, name, type);
  std::string storage;
  for (const auto& [key_handle, value] : data) {
    const std::string key = py::str(key_handle).cast<std::string>();
    if (key == "name" || key == "type") continue;
    if (key == "aliases") {
      if (py::isinstance<py::str>(value)) refuse(where, "aliases must be a list of str");
      for (const py::handle alias : value) builder.add_alias(text_of(alias, where, "each alias"));
      continue;
    }
    builder.add_entity_attribute(interchange::imported_attribute_name(key), scalar_of(value, storage, where, key));
  }
}

void add_evidence(Builder& builder, const py::handle& evidence, const std::string& where,
                  std::set<std::string>& sources) {
  if (py::isinstance<py::str>(evidence) || py::isinstance<py::dict>(evidence)) {
    refuse(where, "evidence must be a list of {'source': id, 'quote': text}");
  }
  for (const py::handle item : evidence) {
    const bool dict = py::isinstance<py::dict>(item);
    const auto field = [&](const char* name) -> py::object {
      if (dict) {
        const auto d = item.cast<py::dict>();
        if (!d.contains(name)) refuse(where, std::string("evidence without '") + name + "'");
        return d[name];
      }
      if (!py::hasattr(item, name)) refuse(where, "evidence must be a list of {'source': id, 'quote': text}");
      return item.attr(name);
    };
    const std::string source = text_of(field("source"), where, "evidence source");
    // A source named only by evidence is declared with its id alone.
    if (sources.insert(source).second) builder.add_source(source, "", "", Date());
    builder.add_evidence(source, text_of(field("quote"), where, "evidence quote"));
  }
}

void add_edge(Builder& builder, const std::string& source, const std::string& target, const py::dict& data,
              const std::string& where, std::set<std::string>& sources) {
  std::string type(interchange::kDefaultRelationType);
  Date date, until;
  if (data.contains("type")) type = text_of(data["type"], where, "type");
  if (data.contains("date")) date = *Date::parse(date_of(data["date"], where, "date"));
  if (data.contains("until")) until = *Date::parse(date_of(data["until"], where, "until"));
  builder.add_relation(source, target, type, date, until);
  std::string storage;
  for (const auto& [key_handle, value] : data) {
    const std::string key = py::str(key_handle).cast<std::string>();
    if (key == "type" || key == "date" || key == "until") continue;
    if (key == "evidence") {
      add_evidence(builder, value, where, sources);
      continue;
    }
    builder.add_relation_attribute(interchange::imported_attribute_name(key), scalar_of(value, storage, where, key));
  }
}

GraphPointer from_networkx(const py::object& nx_graph) {
  Builder builder;
  builder.set_directed(nx_graph.attr("is_directed")().cast<bool>());
  std::set<std::string> sources;
  add_graph_data(builder, nx_graph.attr("graph").cast<py::dict>(), sources);
  bool all_integers = true;
  std::unordered_map<PyObject*, std::string> ids;  // the node objects are alive in G meanwhile
  for (const py::handle item : nx_graph.attr("nodes").attr("items")()) {
    const auto pair = item.cast<py::tuple>();
    std::string id = id_text(pair[0], all_integers);
    add_node(builder, id, pair[1].cast<py::dict>(), "node " + describe(pair[0]));
    ids.emplace(pair[0].ptr(), std::move(id));
  }
  bool ignored = true;
  for (const py::handle item : nx_graph.attr("edges")(py::arg("data") = true)) {
    const auto edge = item.cast<py::tuple>();
    const auto known = [&](const py::handle node) {
      const auto it = ids.find(node.ptr());
      return it != ids.end() ? it->second : id_text(node, ignored);
    };
    add_edge(builder, known(edge[0]), known(edge[1]), edge[2].cast<py::dict>(),
             "edge (" + describe(edge[0]) + ", " + describe(edge[1]) + ")", sources);
  }
  builder.set_integer_ids(all_integers && builder.entity_count() > 0);
  BuildResult built = run_released_for([&](const ShouldStop&) { return std::move(builder).finish(); });
  if (!built.graph) {
    const ContentProblem& first = built.problems.front();
    std::string message = "the NetworkX graph: " + first.path() + ": " + first.message;
    if (built.problems.size() > 1) message += " (and " + std::to_string(built.problems.size() - 1) + " more problems)";
    throw InvalidArgument(Field{"G"}, message);
  }
  return std::make_shared<GraphHandle>(std::make_shared<const Graph>(std::move(*built.graph)));
}

}  // namespace

void bind_networkx(py::module_& module, GraphClass& graph) {
  graph.def("_networkx_parts", &networkx_parts);
  module.def("_from_networkx", &from_networkx, py::arg("G"));
}

}  // namespace kg::python
