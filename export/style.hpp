#pragma once
// How a diagram looks: Graphviz attributes for the graph, entity types,
// relation polarities and types, and the emphasis views give (a highlighted
// path, faded context, relations added or ended). The default is
// samples/style.json, compiled in; a style sheet in the same JSON format
// overrides any part of it (docs/RENDERING.md, "Style sheets").
#include <array>
#include <map>
#include <string>
#include <string_view>

#include "graph/graph.hpp"

namespace kg {

// Graphviz attribute name -> value, sorted so that output is stable.
using DotAttributes = std::map<std::string, std::string>;

// Sets each of `overrides` in `base`.
void merge_into(DotAttributes& base, const DotAttributes& overrides);

enum class Emphasis : std::uint8_t { Normal, Highlighted, Faded, Focus, Added, Ended, Summary };
inline constexpr std::size_t kEmphasisCount = 7;
std::string_view emphasis_name(Emphasis emphasis);

struct Style {
  DotAttributes graph;  // graph attributes (rankdir, overlap, fontname, ...)
  DotAttributes node;   // every entity
  DotAttributes edge;   // every relation
  std::map<std::string, DotAttributes, std::less<>> entity_types;
  std::array<DotAttributes, 3> polarity;  // indexed by kg::Polarity
  DotAttributes symmetric;                // relation types declared symmetric
  std::map<std::string, DotAttributes, std::less<>> relation_types;
  std::array<DotAttributes, kEmphasisCount> emphasis_entity;    // indexed by Emphasis
  std::array<DotAttributes, kEmphasisCount> emphasis_relation;  // indexed by Emphasis
  DotAttributes legend;                                         // the legend's cluster

  // The attributes of one entity type / relation type, before emphasis:
  // node < entity_types[type]; edge < polarity < symmetric < relation_types[type].
  DotAttributes entity_attributes(std::string_view type) const;
  DotAttributes relation_attributes(const Graph& graph, TypeId type) const;
};

// The compiled-in default (samples/style.json).
const Style& default_style();
std::string_view default_style_json();

// Reads a style sheet over `base`. Throws InputError naming origin:line:column
// for malformed JSON, and InvalidArgument for a section or attribute name kg
// does not know how to use (names must look like Graphviz attribute names).
Style parse_style(std::string_view json, const std::string& origin, const Style& base = default_style());
// Reads a style sheet file; InputError when it cannot be read.
Style load_style(const std::string& path, const Style& base = default_style());

}  // namespace kg
