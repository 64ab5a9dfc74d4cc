#include "algorithms/source_split.hpp"

#include <algorithm>
#include <numeric>

#include "graph/exception.hpp"

namespace kg {
namespace {

// Items by descending cost, ties by ascending index.
std::vector<std::uint32_t> by_cost(const std::vector<double>& costs) {
  std::vector<std::uint32_t> order(costs.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&costs](std::uint32_t a, std::uint32_t b) { return costs[a] > costs[b]; });
  return order;
}

// The share the i-th costliest item goes to in snake order.
std::size_t snake_share(std::size_t i, std::size_t parts) {
  const std::size_t round = i / parts, place = i % parts;
  return round % 2 == 0 ? place : parts - 1 - place;
}

}  // namespace

void SourceSplit::validate() const {
  if (parts == 0) throw InvalidArgument(Field{"parts"}, "must be at least 1");
  if (part >= parts) throw InvalidArgument(Field{"part"}, "must be below parts (" + std::to_string(parts) + ")");
  if (parts > 1 && !combine) throw InvalidArgument(Field{"combine"}, "is needed to split the work into parts");
}

std::vector<std::uint32_t> deal(const std::vector<double>& costs, std::size_t parts, std::size_t part) {
  const std::vector<std::uint32_t> order = by_cost(costs);
  std::vector<std::uint32_t> share;
  share.reserve(costs.size() / std::max<std::size_t>(parts, 1) + 1);
  for (std::size_t i = 0; i < order.size(); ++i) {
    if (snake_share(i, parts) == part) share.push_back(order[i]);
  }
  return share;
}

double dealt_imbalance(const std::vector<double>& costs, std::size_t parts) {
  const std::vector<std::uint32_t> order = by_cost(costs);
  std::vector<double> load(parts, 0.0);
  for (std::size_t i = 0; i < order.size(); ++i) load[snake_share(i, parts)] += costs[order[i]];
  const double total = std::accumulate(load.begin(), load.end(), 0.0);
  if (total <= 0) return 1.0;
  return *std::max_element(load.begin(), load.end()) / (total / static_cast<double>(parts));
}

}  // namespace kg
