#pragma once
// Finding entities by what users type: id, name or alias, ignoring ASCII case,
// with "did you mean" suggestions on a miss.
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "graph/graph.hpp"

namespace kg {

// Levenshtein distance in bytes, for suggestions.
std::size_t edit_distance(std::string_view a, std::string_view b);

// Up to `limit` of `candidates` close to `name` (small edit distance ignoring
// case, or containing it), closest first.
std::vector<std::string> closest_matches(std::string_view name, const std::vector<std::string_view>& candidates,
                                         std::size_t limit = 3);

std::string ascii_lower(std::string_view text);

class EntityLookup {
 public:
  explicit EntityLookup(const Graph& graph);

  // Entities whose id, name or alias equals `name` ignoring ASCII case; an
  // exact id match alone when there is one.
  std::vector<EntityId> matches(std::string_view name) const;

  // The one entity `name` means. Throws NameNotFound with suggestions when
  // nothing matches, and when several entities share the name (listing
  // their ids, which are unique).
  EntityId resolve(std::string_view name) const;

  std::vector<std::string> suggestions(std::string_view name, std::size_t limit = 3) const;

 private:
  const Graph& graph_;
  std::unordered_map<std::string, std::vector<EntityId>> by_lower_;
};

}  // namespace kg
