#include "query/groups.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <iterator>

#include "query/printable.hpp"

namespace kg::query {
namespace {

std::vector<std::string_view> sorted_keys(const Graph& graph, const std::vector<EntityId>& members) {
  std::vector<std::string_view> keys;
  for (EntityId e : members) keys.push_back(graph.entity_key(e));
  std::sort(keys.begin(), keys.end());
  return keys;
}

// "1 community", "1 connected component": plurals end in "ies" or "s".
std::string singular(std::string_view plural) {
  if (plural.size() > 3 && plural.substr(plural.size() - 3) == "ies") {
    return std::string(plural.substr(0, plural.size() - 3)) + "y";
  }
  return std::string(plural.substr(0, plural.size() - 1));
}

}  // namespace

std::size_t Groups::shown() const { return top == 0 ? members.size() : std::min(top, members.size()); }

std::string groups_text(const Graph& graph, const Groups& groups, std::string_view plural) {
  std::string text;
  auto out = std::back_inserter(text);
  const std::size_t shown = groups.shown();
  fmt::format_to(out, "{} {}{}\n", groups.members.size(),
                 groups.members.size() == 1 ? singular(plural) : std::string(plural),
                 shown < groups.members.size() ? fmt::format(" (largest {} shown)", shown) : "");
  const std::size_t number_width = std::to_string(shown).size();
  std::size_t size_width = 4;
  for (std::size_t i = 0; i < shown; ++i) {
    size_width = std::max(size_width, std::to_string(groups.members[i].size()).size());
  }
  fmt::format_to(out, "{:>{}}  {:>{}}  {}\n", "#", number_width, "size", size_width, "entities");
  for (std::size_t i = 0; i < shown; ++i) {
    std::string members;
    for (const auto key : sorted_keys(graph, groups.members[i])) {
      if (!members.empty()) members += ", ";
      members += printable(key);
    }
    fmt::format_to(out, "{:>{}}  {:>{}}  {}\n", i + 1, number_width, groups.members[i].size(), size_width, members);
  }
  return text;
}

void write_groups_member(JsonSink& json, const Graph& graph, const Groups& groups, const char* key) {
  json.Key(key);
  json.StartArray();
  for (std::size_t i = 0; i < groups.shown(); ++i) {
    const auto& members = groups.members[i];
    json.StartObject();
    json.Key("size");
    json.Uint64(members.size());
    json.Key("entities");
    json.StartArray();
    for (const auto member : sorted_keys(graph, members)) write_string(json, member);
    json.EndArray();
    json.EndObject();
  }
  json.EndArray();
}

}  // namespace kg::query
