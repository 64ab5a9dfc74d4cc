#include "ingest/edge_directions.hpp"

#include <algorithm>

namespace kg {

void EdgeDirections::count(std::string_view relation_type, bool directed) {
  key_.assign(relation_type);
  auto& [directed_edges, undirected_edges] = counts_[key_];
  ++(directed ? directed_edges : undirected_edges);
}

void EdgeDirections::apply(Builder& builder, bool directed_by_default, const std::vector<std::string>& declared) const {
  const bool any_directed =
      std::any_of(counts_.begin(), counts_.end(), [](const auto& type) { return type.second.first > 0; });
  if (!any_directed && (!directed_by_default || !counts_.empty())) {
    builder.set_directed(false);
    return;
  }
  for (const auto& [type, counts] : counts_) {
    if (counts.first > 0) continue;
    if (std::find(declared.begin(), declared.end(), type) != declared.end()) continue;
    builder.declare_relation_type(type, true, Polarity::Neutral, "");
  }
}

}  // namespace kg
