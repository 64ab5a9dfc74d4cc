#pragma once
// Connected components: weakly (relations walked either way) and strongly
// (Tarjan, following the arrows), over a filtered view.
//
// Why kg's own kernels and not Boost.Graph's: bench/bgl_bench on
// bench/inputs.py's S graph (10,000 entities, 50,000 relations, one thread,
// CPU time) measured boost::strong_components on the view
// (graph/boost_view.hpp) 1.55x as long as strongly_connected_components, and
// boost::connected_components 2.8x as long as weakly_connected_components
// when that was a search from each entity (6.2x since it is union-find over
// the out-adjacency, 2026-12-01).
// (On the unfiltered kg::Graph, without the view's per-relation tests,
// strong_components took 0.56x: the cost is the filter, which these kernels
// pay once by building an Adjacency.) The tests run both BGL algorithms as
// oracles for these.
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
  // entities not reached yet have kNoComponent (weakly connected: none found).
  bool cut = false;
};

// `should_stop` is asked while the relations are read; stopped, the answer
// holds no component, as none is known whole before the last relation.
ComponentsResult weakly_connected_components(const View& view, const ShouldStop& should_stop = {});
// Symmetric relations count in both directions.
ComponentsResult strongly_connected_components(const View& view, const ShouldStop& should_stop = {});

}  // namespace kg
