#pragma once
// Timeline: the relations a view keeps in date order (algorithms/
// timeline.hpp), optionally only those of some entities, grouped by year and
// month; presented as text, JSON, CSV (one row per quote) or Mermaid.
#include <string>
#include <vector>

#include "algorithms/timeline.hpp"
#include "export/csv.hpp"
#include "query/context.hpp"
#include "query/json.hpp"
#include "query/view_spec.hpp"

namespace kg::query {

struct TimelineRequest {
  ViewSpec view;
  std::vector<std::string> entities;  // only their relations (ids, names or aliases); all when empty
  void validate() const { view.validate(); }
};

struct TimelineAnswer {
  std::vector<EntityId> entities;  // as resolved, in the request's order
  Timeline timeline;
  bool cut = false;  // stopped early: the relations read so far, in date order
};

// Throws NameNotFound for an entity no name matches.
TimelineAnswer run(const TimelineRequest& request, QueryContext& context);

// A year heading, a month heading under it when dates name months, each
// relation with its quotes; "undated" last.
std::string to_text(const TimelineAnswer& answer, const Graph& graph);
// {"entities": [ids], "periods": [{"period", "relations": [...]}], "undated": [...]}.
void to_json(const TimelineAnswer& answer, const Graph& graph, JsonSink& json);
// export/timeline.hpp's CSV and Mermaid timeline.
std::string to_csv(const TimelineAnswer& answer, const Graph& graph, const CsvOptions& options = {});
std::string to_mermaid(const TimelineAnswer& answer, const Graph& graph);

}  // namespace kg::query
