#pragma once
// Diff: what changed (algorithms/diff.hpp), either in one graph between two
// dates (relations started, ended, stayed active; entities appeared, left)
// or between two versions of a graph (entities and relations added, removed,
// changed). One presenter pair for each.
#include <string>
#include <vector>

#include "algorithms/diff.hpp"
#include "query/context.hpp"
#include "query/json.hpp"
#include "query/view_spec.hpp"

namespace kg::query {

struct DiffRequest {
  ViewSpec view;  // without a time window: the two dates are the window
  std::string from_date, to_date;
  // Throws InvalidArgument naming the field: "from_date" or "to_date" (not a
  // date, or the first after the second), "as_of" or "between" (set), or the
  // view's.
  void validate() const;
};

struct DiffAnswer {
  Date from, to;
  std::vector<RelationId> started, ended, stayed;  // in input order
  std::vector<EntityId> appeared, left;
};

DiffAnswer run(const DiffRequest& request, QueryContext& context);
std::string to_text(const DiffAnswer& answer, const Graph& graph);
void to_json(const DiffAnswer& answer, const Graph& graph, JsonSink& json);

// Two versions of a graph, each named as the front end knows it (a file).
struct VersionsAnswer {
  std::string before_name, after_name;
  GraphDiff diff;
  bool empty() const { return diff.empty(); }
};

VersionsAnswer compare_versions(const Graph& before, std::string before_name, const Graph& after,
                                std::string after_name);
std::string to_text(const VersionsAnswer& answer, const Graph& before, const Graph& after);
void to_json(const VersionsAnswer& answer, const Graph& before, const Graph& after, JsonSink& json);

}  // namespace kg::query
