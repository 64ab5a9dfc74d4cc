#include "graph/lookup.hpp"

#include <algorithm>
#include <unordered_set>

#include "graph/exception.hpp"

namespace kg {

std::string ascii_lower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return lower;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  // Optimal string alignment: insertions, deletions, substitutions and
  // swaps of neighbours ("nmae" for "name") each cost one.
  std::vector<std::size_t> before(b.size() + 1), previous(b.size() + 1), current(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        current[j] = std::min(current[j], before[j - 2] + 1);
      }
    }
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return previous[b.size()];
}

std::vector<std::string> closest_matches(std::string_view name, const std::vector<std::string_view>& candidates,
                                         std::size_t limit) {
  const std::string wanted = ascii_lower(name);
  // A typo of a third of the word is still recognisable; more is a guess,
  // and a one- or two-letter name has no room for a typo at all.
  const std::size_t budget = wanted.size() < 3 ? 0 : std::max<std::size_t>(1, wanted.size() / 3);
  std::vector<std::pair<std::size_t, std::string_view>> scored;
  for (const auto candidate : candidates) {
    // Lengths that differ by more than the budget cannot be within it.
    const std::size_t gap = candidate.size() > wanted.size() ? candidate.size() - wanted.size()
                                                             : wanted.size() - candidate.size();
    const std::string lower = ascii_lower(candidate);
    if (wanted.size() >= 3 && lower.find(wanted) != std::string::npos) {
      scored.emplace_back(0, candidate);
    } else if (gap <= budget) {
      const std::size_t distance = edit_distance(wanted, lower);
      if (distance <= budget) scored.emplace_back(distance, candidate);
    }
  }
  std::stable_sort(scored.begin(), scored.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::string> result;
  std::unordered_set<std::string_view> seen;
  for (const auto& [distance, candidate] : scored) {
    if (result.size() == limit) break;
    if (seen.insert(candidate).second) result.emplace_back(candidate);
  }
  return result;
}

EntityLookup::EntityLookup(const Graph& graph) : graph_(graph) {
  const auto add = [this](std::string_view text, EntityId e) {
    auto& entities = by_lower_[ascii_lower(text)];
    if (std::find(entities.begin(), entities.end(), e) == entities.end()) entities.push_back(e);
  };
  for (EntityId e = 0; e < graph.entity_count(); ++e) {
    add(graph.entity_key(e), e);
    add(graph.entity_name(e), e);
    for (StringId alias : graph.entity_aliases(e)) add(graph.str(alias), e);
  }
}

std::vector<EntityId> EntityLookup::matches(std::string_view name) const {
  if (const auto exact = graph_.find_entity(name)) return {*exact};
  const auto it = by_lower_.find(ascii_lower(name));
  if (it == by_lower_.end()) return {};
  return it->second;
}

EntityId EntityLookup::resolve(std::string_view name) const {
  const auto found = matches(name);
  if (found.size() == 1) return found.front();
  std::string message;
  if (found.empty()) {
    message = "no entity named '" + std::string(name) + "'";
    const auto close = suggestions(name);
    for (std::size_t i = 0; i < close.size(); ++i) {
      message += i == 0 ? "; did you mean " : (i + 1 == close.size() ? " or " : ", ");
      message += "'" + close[i] + "'";
    }
    if (!close.empty()) message += "?";
  } else {
    message = "'" + std::string(name) + "' names " + std::to_string(found.size()) + " entities: ";
    for (std::size_t i = 0; i < found.size(); ++i) {
      if (i) message += ", ";
      message += std::string(graph_.entity_key(found[i]));
    }
    message += "; use an id";
  }
  throw NameNotFound(message, std::string(name));
}

std::vector<std::string> EntityLookup::suggestions(std::string_view name, std::size_t limit) const {
  // One suggestion per entity, however many of its id, name and aliases are
  // close: shown as its name, with the id when the name alone would not find it.
  std::vector<std::string_view> candidates;
  std::vector<EntityId> owner;
  for (EntityId e = 0; e < graph_.entity_count(); ++e) {
    candidates.push_back(graph_.entity_key(e));
    candidates.push_back(graph_.entity_name(e));
    for (StringId alias : graph_.entity_aliases(e)) candidates.push_back(graph_.str(alias));
    owner.resize(candidates.size(), e);
  }
  const auto close = closest_matches(name, candidates, candidates.size());
  std::vector<std::string> result;
  std::vector<EntityId> suggested;
  for (const auto& match : close) {
    if (result.size() == limit) break;
    for (std::size_t i = 0; i < candidates.size(); ++i) {
      if (candidates[i] != match) continue;
      const EntityId e = owner[i];
      if (std::find(suggested.begin(), suggested.end(), e) != suggested.end()) continue;
      suggested.push_back(e);
      const std::string display(graph_.entity_name(e));
      result.push_back(matches(display).size() == 1 ? display : display + " (" + std::string(graph_.entity_key(e)) + ")");
      break;
    }
  }
  return result;
}

}  // namespace kg
