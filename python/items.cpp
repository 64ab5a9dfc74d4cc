#include "python/items.hpp"

#include <pybind11/stl.h>

namespace kg::python {

std::vector<EvidenceItem> evidence_items(const Graph& graph, RelationId r) {
  std::vector<EvidenceItem> items;
  for (const Evidence& evidence : graph.evidence(r)) {
    const SourceInfo& source = graph.sources()[evidence.source];
    items.push_back({std::string(graph.str(source.id)), std::string(graph.str(evidence.quote)),
                     std::string(graph.str(source.title)), std::string(graph.str(source.url))});
  }
  return items;
}

py::dict attributes_dict(const Graph& graph, Span<Attribute> attributes) {
  py::dict dict;
  for (const Attribute& attribute : attributes) {
    dict[py::str(std::string(graph.str(attribute.key)))] = value_object(graph, attribute.value);
  }
  return dict;
}

namespace {

// A Python index into a sequence of `size`: negative from the end.
std::size_t checked_index(std::ptrdiff_t index, std::size_t size) {
  if (index < 0) index += static_cast<std::ptrdiff_t>(size);
  if (index < 0 || static_cast<std::size_t>(index) >= size) throw py::index_error("index out of range");
  return static_cast<std::size_t>(index);
}

std::string quoted(std::string_view text) { return py::repr(py::str(std::string(text))).cast<std::string>(); }

std::string entity_repr(const EntityItem& item) {
  const Graph& g = item.graph->graph();
  return "kg.Entity(" + quoted(g.entity_key(item.id)) + ", name=" + quoted(g.entity_name(item.id)) +
         ", type=" + quoted(g.entity_type_name(g.entity_type(item.id))) + ")";
}

std::string relation_repr(const RelationItem& item) {
  const Graph& g = item.graph->graph();
  const RelationId r = item.id;
  std::string text = "kg.Relation(" + quoted(g.entity_key(g.source(r))) + ", " +
                     quoted(g.relation_type_name(g.relation_type(r))) + ", " + quoted(g.entity_key(g.target(r)));
  const std::string when = date_range_text(g.date(r), g.until(r));
  if (!when.empty()) text += ", " + when;
  return text + ")";
}

template <typename Item>
bool same_item(const Item& a, const Item& b) {
  return &a.graph->graph() == &b.graph->graph() && a.id == b.id;
}

template <typename Item>
std::size_t item_hash(const Item& item) {
  return std::hash<const void*>()(&item.graph->graph()) ^ (std::hash<std::uint32_t>()(item.id) * 1000003u);
}

}  // namespace

void bind_items(py::module_& module) {
  py::class_<EvidenceItem>(module, "Evidence", "One source's words behind a relation")
      .def_readonly("source", &EvidenceItem::source, "The source's id")
      .def_readonly("quote", &EvidenceItem::quote)
      .def_readonly("title", &EvidenceItem::title, "The source's title, '' when it has none")
      .def_readonly("url", &EvidenceItem::url, "The source's URL, '' when it has none")
      .def("__eq__", [](const EvidenceItem& a, const EvidenceItem& b) {
        return a.source == b.source && a.quote == b.quote;
      })
      .def("__repr__", [](const EvidenceItem& e) {
        return "kg.Evidence(source=" + quoted(e.source) + ", quote=" + quoted(e.quote) + ")";
      });

  py::class_<EntityItem>(module, "Entity", "An entity of a graph")
      .def_property_readonly("id", [](const EntityItem& e) { return std::string(e.graph->graph().entity_key(e.id)); })
      .def_property_readonly("name", [](const EntityItem& e) { return std::string(e.graph->graph().entity_name(e.id)); })
      .def_property_readonly("type", [](const EntityItem& e) {
        const Graph& g = e.graph->graph();
        return std::string(g.entity_type_name(g.entity_type(e.id)));
      })
      .def_property_readonly("aliases", [](const EntityItem& e) {
        const Graph& g = e.graph->graph();
        py::list aliases;
        for (const StringId alias : g.entity_aliases(e.id)) aliases.append(std::string(g.str(alias)));
        return py::tuple(aliases);
      })
      .def_property_readonly("attributes", [](const EntityItem& e) {
        return attributes_dict(e.graph->graph(), e.graph->graph().entity_attributes(e.id));
      })
      .def_readonly("index", &EntityItem::id, "The entity's position in the graph (rank_array's index)")
      .def("__eq__", &same_item<EntityItem>)
      .def("__hash__", &item_hash<EntityItem>)
      .def("__repr__", &entity_repr);

  py::class_<RelationItem>(module, "Relation", "A relation of a graph: source, type, target, dates, evidence")
      .def_property_readonly("source", [](const RelationItem& r) {
        const Graph& g = r.graph->graph();
        return std::string(g.entity_key(g.source(r.id)));
      })
      .def_property_readonly("target", [](const RelationItem& r) {
        const Graph& g = r.graph->graph();
        return std::string(g.entity_key(g.target(r.id)));
      })
      .def_property_readonly("type", [](const RelationItem& r) {
        const Graph& g = r.graph->graph();
        return std::string(g.relation_type_name(g.relation_type(r.id)));
      })
      .def_property_readonly("date", [](const RelationItem& r) { return date_object(r.graph->graph().date(r.id)); },
                             "ISO text ('2016', '2016-03'), None when undated")
      .def_property_readonly("until", [](const RelationItem& r) { return date_object(r.graph->graph().until(r.id)); })
      .def_property_readonly("attributes", [](const RelationItem& r) {
        return attributes_dict(r.graph->graph(), r.graph->graph().relation_attributes(r.id));
      })
      .def_property_readonly("evidence", [](const RelationItem& r) { return evidence_items(r.graph->graph(), r.id); })
      .def_readonly("index", &RelationItem::id, "The relation's position in the graph")
      .def("__eq__", &same_item<RelationItem>)
      .def("__hash__", &item_hash<RelationItem>)
      .def("__repr__", &relation_repr);

  py::class_<Entities>(module, "Entities", "The entities of a graph or view")
      .def("__len__", [](const Entities& s) { return s.graph->entity_ids().size(); })
      .def("__getitem__", [](const Entities& s, std::ptrdiff_t i) {
        const auto& ids = s.graph->entity_ids();
        return EntityItem{s.graph, ids[checked_index(i, ids.size())]};
      })
      .def("__iter__", [](const Entities& s) {
        py::list items;
        for (const EntityId e : s.graph->entity_ids()) items.append(EntityItem{s.graph, e});
        return py::iter(items);
      });

  py::class_<Relations>(module, "Relations", "The relations of a graph or view")
      .def("__len__", [](const Relations& s) { return s.graph->relation_ids().size(); })
      .def("__getitem__", [](const Relations& s, std::ptrdiff_t i) {
        const auto& ids = s.graph->relation_ids();
        return RelationItem{s.graph, ids[checked_index(i, ids.size())]};
      })
      .def("__iter__", [](const Relations& s) {
        py::list items;
        for (const RelationId r : s.graph->relation_ids()) items.append(RelationItem{s.graph, r});
        return py::iter(items);
      });
}

}  // namespace kg::python
