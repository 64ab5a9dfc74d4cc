#pragma once
// Info: what a graph (or the part a view keeps) holds: counts by entity and
// relation type, the dates its relations span, its sources and how many
// relations cite each, and optionally the memory it takes.
#include <optional>
#include <string>
#include <vector>

#include "query/context.hpp"
#include "query/json.hpp"
#include "query/view_spec.hpp"

namespace kg::query {

struct InfoRequest {
  ViewSpec view;       // the counts are of what it keeps (its direction is not used)
  bool stats = false;  // also the memory the graph takes
  void validate() const { view.validate(); }
};

struct TypeCount {
  std::string name;
  std::size_t count = 0;
};

struct MemoryStats {
  std::size_t bytes = 0;
  std::size_t evidence_bytes = 0;  // the part of bytes the evidence takes
};

struct InfoAnswer {
  std::size_t entities = 0, relations = 0;  // kept by the view
  // Largest first, then by name; with filters, only types the view keeps
  // something of.
  std::vector<TypeCount> entity_types, relation_types;
  Date first, last;  // over kept relations' dates and untils; empty when none is dated
  std::size_t undated_relations = 0;  // kept relations without a date
  std::vector<std::size_t> citations;  // per source of the graph: kept relations citing it
  std::optional<MemoryStats> memory;   // when the request asked for stats
};

InfoAnswer run(const InfoRequest& request, QueryContext& context);
std::string to_text(const InfoAnswer& answer, const Graph& graph);
void to_json(const InfoAnswer& answer, const Graph& graph, JsonSink& json);

}  // namespace kg::query
