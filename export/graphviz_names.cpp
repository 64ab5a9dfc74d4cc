#include "export/graphviz_names.hpp"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <charconv>
#include <optional>
#include <unordered_map>
#include <utility>

#include "export/escape.hpp"
#include "export/interchange.hpp"

namespace kg {

std::optional<EntityId> graphviz_entity(std::string_view name, const Graph& graph) {
  if (name.size() < 2 || name.front() != 'n' || (name[1] == '0' && name.size() > 2)) return std::nullopt;
  EntityId e = 0;
  const auto [end, error] = std::from_chars(name.data() + 1, name.data() + name.size(), e);
  if (error != std::errc() || end != name.data() + name.size() || e >= graph.entity_count()) return std::nullopt;
  return e;
}

namespace {

// How Graphviz writes "->" inside an SVG title.
constexpr std::string_view kSvgArrow = "&#45;&gt;";

}  // namespace

std::string graphviz_name(EntityId e) { return "n" + std::to_string(e); }

std::string with_entity_titles(std::string_view svg, const Graph& graph) {
  // Graphviz names a node or edge in its <title> and in a comment before it.
  static constexpr std::pair<std::string_view, std::string_view> kNamings[] = {{"<title>", "</title>"},
                                                                              {"<!-- ", " -->"}};
  // Each entity is named twice per node and per edge at it: escaped once.
  std::unordered_map<EntityId, std::string> titles;
  const auto named = [&graph, &titles](std::string_view name) -> std::string {
    const auto e = graphviz_entity(name, graph);
    if (!e) return std::string(name);
    auto [at, added] = titles.try_emplace(*e);
    if (!added) return at->second;
    // As Graphviz writes names: XML-escaped, '-' as "&#45;" (so no "--"
    // can end a comment early).
    for (const char c : interchange::xml_escaped(dot::clean_utf8(graph.entity_key(*e)))) {
      if (c == '-') {
        at->second += "&#45;";
      } else {
        at->second += c;
      }
    }
    return at->second;
  };
  std::string out;
  out.reserve(svg.size());
  std::size_t copied = 0;
  // One pass over the tags: looking for each naming on its own read the
  // text between them again at every name.
  for (std::size_t open = svg.find('<'); open != std::string_view::npos; open = svg.find('<', open + 1)) {
    // Most tags are neither: their second byte tells without a comparison.
    if (open + 1 == svg.size() || (svg[open + 1] != 't' && svg[open + 1] != '!')) continue;
    const auto naming = std::find_if(std::begin(kNamings), std::end(kNamings), [&](const auto& marks) {
      return svg.compare(open, marks.first.size(), marks.first) == 0;
    });
    if (naming == std::end(kNamings)) continue;
    const std::size_t begin = open + naming->first.size();
    const std::size_t end = svg.find(naming->second, begin);
    if (end == std::string_view::npos) break;
    const std::string_view name = svg.substr(begin, end - begin);
    const std::size_t arrow = name.find(kSvgArrow);
    out.append(svg.substr(copied, begin - copied));
    if (arrow == std::string_view::npos) {
      out += named(name);
    } else {
      out += named(name.substr(0, arrow));
      out += kSvgArrow;
      out += named(name.substr(arrow + kSvgArrow.size()));
    }
    copied = end;
    open = end;
  }
  out.append(svg.substr(copied));
  return out;
}

std::string with_entity_ids(std::string_view message, const Graph& graph, std::size_t longest) {
  const auto is_word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
  std::string out;
  std::size_t i = 0;
  while (i < message.size()) {
    if (!is_word(message[i])) {
      out += message[i++];
      continue;
    }
    std::size_t end = i;
    while (end < message.size() && is_word(message[end])) ++end;
    const std::string_view word = message.substr(i, end - i);
    if (const auto e = graphviz_entity(word, graph)) {
      std::string id(graph.entity_key(*e));
      if (id.size() > longest) id = id.substr(0, longest) + "...";
      out += "'" + dot::clean_utf8(id) + "'";
    } else {
      out += word;
    }
    i = end;
  }
  return out;
}

}  // namespace kg
