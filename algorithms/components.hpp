#pragma once
// Connected components: weakly (relations walked either way) and strongly
// (Tarjan, following the arrows), over a filtered view.
#include <cstdint>
#include <vector>

#include "graph/view.hpp"

namespace kg {

struct ComponentsResult {
  // component[e] for every entity; entities a filter leaves out get kNoComponent.
  std::vector<std::uint32_t> component;
  // Entities per component, components ordered by size (largest first, ties
  // by their smallest entity id), so component 0 is the largest.
  std::vector<std::vector<EntityId>> members;

  static constexpr std::uint32_t kNoComponent = UINT32_MAX;
};

ComponentsResult weakly_connected_components(const View& view);
// Symmetric relations count in both directions.
ComponentsResult strongly_connected_components(const View& view);

}  // namespace kg
