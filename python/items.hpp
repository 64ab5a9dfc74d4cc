#pragma once
// Light objects for entities and relations: an index and the graph they come
// from, their fields read from the graph's columns when asked for. The
// sequences kg.Graph.entities and .relations hold the view's kept ones.
#include "python/binding.hpp"

namespace kg::python {

struct EntityItem {
  GraphPointer graph;
  EntityId id;
};

struct RelationItem {
  GraphPointer graph;
  RelationId id;
};

struct Entities {
  GraphPointer graph;
};

struct Relations {
  GraphPointer graph;
};

// One source's words behind a relation.
struct EvidenceItem {
  std::string source;  // the source's id
  std::string quote;
  std::string title;   // the source's, "" when it has none
  std::string url;
};

std::vector<EvidenceItem> evidence_items(const Graph& graph, RelationId r);
py::dict attributes_dict(const Graph& graph, Span<Attribute> attributes);

}  // namespace kg::python
