#pragma once
// The evidence map: one self-contained HTML page that draws a diagram at the
// positions Graphviz gave it and lets a reader explore it offline (search,
// evidence panel, time window, type filters, paths, neighbourhoods). The
// page's script and styles live in viewer/ and are compiled into kg; the
// graph goes into the page as JSON that no name can break out of.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "export/diagram.hpp"
#include "export/render.hpp"
#include "export/style.hpp"

namespace kg {

// What the page shows first. Every field is optional (empty: the page's
// default); dates are ISO text, entities are ids.
struct ViewerState {
  std::string as_of;
  std::string between_from, between_to;  // a `between` window; either end may be open
  bool between = false;
  std::string undated = "include";  // include, exclude or only
  std::string direction = "any";    // out, in or any: how paths and neighbourhoods walk
  std::vector<std::string> hidden_relation_types;
  std::vector<std::string> hidden_entity_types;
  std::string selected;             // an entity whose evidence panel is open
  std::size_t depth = 0;            // with `selected`: show only its neighbourhood (1..3)
  std::vector<std::string> path;    // two entities: highlight the shortest paths between them

  // Throws InvalidArgument naming the bad field.
  void validate() const;
};

struct HtmlOptions {
  Style style = default_style();
  ViewerState initial;
  // Entity groups drawn as boxes (e.g. communities): the group of every
  // entity, indexed by EntityId (kNoGroup: none), and the groups' labels.
  std::vector<std::uint32_t> groups;
  std::vector<std::string> group_labels;
  static constexpr std::uint32_t kNoGroup = UINT32_MAX;
};

// The page for `diagram`, with entities at `positions` (node names as
// dot_node_id gives them, summaries as "#s<k>"). Entities without a position
// are kept for the evidence panel but not drawn.
std::string write_html(const Diagram& diagram, const std::vector<NodePosition>& positions,
                       const HtmlOptions& options);

// JSON text made safe inside a <script> element: <, >, & and the line
// separators U+2028/U+2029 written as \u escapes, which JSON reads back as
// the same characters.
std::string script_safe_json(std::string_view json);

// The page's compiled-in parts (generated from viewer/ by export/CMakeLists.txt).
std::string_view viewer_page_template();
std::string_view viewer_script();
std::string_view viewer_stylesheet();
std::string_view viewer_cytoscape_script();

}  // namespace kg
