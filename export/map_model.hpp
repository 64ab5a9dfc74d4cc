#pragma once
// The evidence map's model: the JSON the page's script reads
// (viewer/model.js, viewer/viewer.js): entities with id, name and type,
// relations with type, dates and evidence, the sources the evidence cites,
// the style's colours by type, and the state the page opens in. Written one
// way for the self-contained page (export/html.hpp) and for the live map's
// fetches (query/subgraph.hpp), which the page merges into what it shows.
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cstddef>
#include <cstdint>
#include <string>
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

using MapJson = rapidjson::Writer<rapidjson::StringBuffer>;

// Which model: the whole of one page, or one piece of a live map.
enum class MapModel {
  // Every source of the graph (evidence cites them by their index in the
  // graph), the style of every relation type in the graph, and the initial
  // state.
  Page,
  // Made to be merged with other pieces: each relation carries its "key"
  // (its number in the graph, the same in every piece of one graph) and
  // each entity its "degree" (relations in the graph, in and out, for a
  // page to say how much of it is shown); only the sources the relations
  // cite (numbered in this piece) and the styles of the types present; no
  // initial state. The cost is that of the diagram, not of the graph.
  Piece,
};

// The model's members, written into the object being written: "name",
// "caption", "entities", "relations", "summaries", "sources",
// "relation_types", "entity_types", "emphasis", "groups" and, for a Page,
// "initial". Entities without a position in `positions` (node names as
// dot_node_id gives them, summaries as "#s<k>") have no "x" and "y".
void write_map_model_members(const Diagram& diagram, const std::vector<NodePosition>& positions,
                             const HtmlOptions& options, MapModel model, MapJson& json);

// The model of a live map's page before its first fetch: no entities, the
// style's emphasis colours, and "live": {"api": API} telling the script to
// fetch its pieces from the API at that URL (relative to the page).
std::string empty_live_map_model(const Style& style, const std::string& api);

}  // namespace kg
