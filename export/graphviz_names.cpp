#include "export/graphviz_names.hpp"

#include <cctype>
#include <charconv>
#include <optional>

#include "export/escape.hpp"
#include "export/interchange.hpp"

namespace kg {
namespace {

// The entity a Graphviz name stands for, if it is one of ours.
std::optional<EntityId> entity_of(std::string_view name, const Graph& graph) {
  if (name.size() < 2 || name.front() != 'n' || (name[1] == '0' && name.size() > 2)) return std::nullopt;
  EntityId e = 0;
  const auto [end, error] = std::from_chars(name.data() + 1, name.data() + name.size(), e);
  if (error != std::errc() || end != name.data() + name.size() || e >= graph.entity_count()) return std::nullopt;
  return e;
}

// How Graphviz writes "->" inside an SVG title.
constexpr std::string_view kSvgArrow = "&#45;&gt;";

}  // namespace

std::string graphviz_name(EntityId e) { return "n" + std::to_string(e); }

std::string with_entity_titles(std::string_view svg, const Graph& graph) {
  static constexpr std::string_view kOpen = "<title>", kClose = "</title>";
  std::string out;
  out.reserve(svg.size());
  std::size_t copied = 0;
  for (std::size_t open = svg.find(kOpen); open != std::string_view::npos; open = svg.find(kOpen, open)) {
    const std::size_t begin = open + kOpen.size();
    const std::size_t end = svg.find(kClose, begin);
    if (end == std::string_view::npos) break;
    const std::string_view title = svg.substr(begin, end - begin);
    const auto named = [&graph](std::string_view name) {
      const auto e = entity_of(name, graph);
      return e ? interchange::xml_escaped(dot::clean_utf8(graph.entity_key(*e))) : std::string(name);
    };
    const std::size_t arrow = title.find(kSvgArrow);
    const std::string replaced = arrow == std::string_view::npos
                                     ? named(title)
                                     : named(title.substr(0, arrow)) + std::string(kSvgArrow) +
                                           named(title.substr(arrow + kSvgArrow.size()));
    out.append(svg.substr(copied, begin - copied));
    out += replaced;
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
    if (const auto e = entity_of(word, graph)) {
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
