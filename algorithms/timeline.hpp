#pragma once
// The story in date order: the relations a view keeps, sorted by their date
// (a partial date before its refinements: 2016 before 2016-03, which is
// before 2016-03-14), ties in input order; undated relations apart.
#include <vector>

#include "graph/stop.hpp"
#include "graph/view.hpp"

namespace kg {

struct TimelineOptions {
  // Only relations with one of these at either end (every relation when
  // empty).
  std::vector<EntityId> entities;
  // Asked now and then; when it says stop, the relations so far (Timeline::cut).
  ShouldStop should_stop;
};

struct Timeline {
  std::vector<RelationId> dated;    // by date
  std::vector<RelationId> undated;  // in input order
  bool cut = false;                 // should_stop ended the scan early
};

Timeline timeline(const View& view, const TimelineOptions& options = {});

}  // namespace kg
