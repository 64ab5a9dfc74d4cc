#pragma once
// DOT for Graphviz that reads well: entity types as shapes and colours,
// relations coloured by polarity and labelled with type and date, evidence
// quotes as tooltips and source URLs as links, a legend, optional clusters.
// Every string from the graph is escaped (export/escape.hpp), so no name or
// attribute can break the file or add attributes.
#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

#include "export/diagram.hpp"
#include "export/style.hpp"

namespace kg {

enum class Clustering : std::uint8_t { None, EntityType, Group };

struct DotOptions {
  Style style = default_style();
  bool legend = true;
  Clustering clustering = Clustering::None;
  // With Clustering::Group: the group of every entity (indexed by EntityId;
  // kNoGroup leaves it outside any cluster), e.g. communities.
  std::vector<std::uint32_t> groups;
  std::vector<std::string> group_labels;  // optional, by group
  // One edge, labelled with the count, for relations of one type between
  // the same two entities.
  bool merge_parallel = false;
  bool title = true;  // the graph's name and the view's caption on top
  // Type and date on every edge. Labels multiply layout time (each is placed
  // like a node), so large drawings leave them to the tooltips.
  bool edge_labels = true;
  // Entities named "n<index>" (export/graphviz_names.hpp) instead of by id:
  // for DOT handed to Graphviz, which cannot take every id.
  bool graphviz_names = false;
  // dot's concentrate (unless the style's graph section sets it): arrows
  // that leave an entity the same way share a trunk. For whole-graph views,
  // whose busiest entities otherwise fan out one arrow per relation.
  bool concentrate = false;

  static constexpr std::uint32_t kNoGroup = UINT32_MAX;

  // Throws InvalidArgument when groups does not have one entry per entity.
  void validate(const Graph& graph) const;
};

std::string write_dot(const Diagram& diagram, const DotOptions& options = {});

// The edges write_dot draws: one per relation, or per group of parallel
// relations with merge_parallel, and one per hub summary.
std::size_t drawn_edge_count(const Diagram& diagram, const DotOptions& options);

// The DOT id kg gives an entity: its id when Graphviz keeps it exactly
// (dot::usable_as_id), "#<index>" otherwise.
std::string dot_node_id(const Graph& graph, EntityId e);

// The `kg export --to dot` writer: every entity and relation of the view.
void write_dot_export(const View& view, std::ostream& out);

}  // namespace kg
