#pragma once
// Connected components: weakly (relations walked either way) and strongly
// (Tarjan, following the arrows), over a filtered view.
#include <cstdint>
#include <vector>

#include "graph/stop.hpp"
#include "graph/view.hpp"

namespace kg {

struct ComponentsResult {
  // component[e] for every entity; entities a filter leaves out get kNoComponent.
  std::vector<std::uint32_t> component;
  // Entities per component, components ordered by size (largest first, ties
  // by their smallest entity id), so component 0 is the largest.
  std::vector<std::vector<EntityId>> members;

  static constexpr std::uint32_t kNoComponent = UINT32_MAX;
  // should_stop ended the search: the components found so far, whole;
  // entities not reached yet have kNoComponent.
  bool cut = false;
};

// `should_stop` is asked between components.
ComponentsResult weakly_connected_components(const View& view, const ShouldStop& should_stop = {});
// Symmetric relations count in both directions.
ComponentsResult strongly_connected_components(const View& view, const ShouldStop& should_stop = {});

}  // namespace kg
