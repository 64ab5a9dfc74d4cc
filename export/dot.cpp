#include "export/dot.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <ostream>
#include <tuple>
#include <unordered_map>

#include "export/escape.hpp"
#include "export/graphviz_names.hpp"
#include "graph/exception.hpp"

namespace kg {
namespace {

constexpr std::size_t kTypesPerLegendLine = 4;
constexpr std::size_t kMaxTooltipNames = 40;

// Relation type names as people read them: "served_on_board_of" -> "served on board of".
std::string readable(std::string_view type) {
  std::string text(type);
  std::replace(text.begin(), text.end(), '_', ' ');
  return text;
}

// The date line of a relation without a date, under a time window.
constexpr const char* kUndatedMark = "undated";

std::string value_text(const Graph& graph, const Value& value) {
  switch (value.kind()) {
    case Value::Kind::String:
    case Value::Kind::Json: return std::string(graph.str(value.as_string()));
    case Value::Kind::Integer: return std::to_string(value.as_integer());
    case Value::Kind::Boolean: return value.as_boolean() ? "true" : "false";
    case Value::Kind::Real: {
      std::string text = std::to_string(value.as_real());
      text.erase(text.find_last_not_of('0') + 1);
      if (!text.empty() && text.back() == '.') text.pop_back();
      return text;
    }
  }
  return "";
}

// The attribute list of one DOT statement; values already escaped/quoted.
class Statement {
 public:
  void raw(std::string_view name, const std::string& formatted) {
    separate();
    text_ += name;
    text_ += '=';
    text_ += formatted;
  }
  void styled(const DotAttributes& attributes) {
    for (const auto& [name, value] : attributes) raw(name, dot::quoted(value));
  }
  // Another statement's attributes, formatted once and reused.
  void append(const std::string& formatted) {
    if (formatted.empty()) return;
    separate();
    text_ += formatted;
  }
  const std::string& text() const { return text_; }
  // Empties it for the next statement, keeping its buffer.
  void clear() { text_.clear(); }
  void write(std::string& out) const {
    if (text_.empty()) return;
    out += " [";
    out += text_;
    out += ']';
  }

 private:
  void separate() {
    if (!text_.empty()) text_ += ", ";
  }
  std::string text_;
};

DotAttributes difference(const DotAttributes& attributes, const DotAttributes& defaults) {
  DotAttributes changed;
  for (const auto& [name, value] : attributes) {
    const auto it = defaults.find(name);
    if (it == defaults.end() || it->second != value) changed[name] = value;
  }
  return changed;
}

std::string attribute_or(const DotAttributes& attributes, const std::string& name, const std::string& fallback) {
  const auto it = attributes.find(name);
  return it == attributes.end() ? fallback : it->second;
}

// One drawn edge: a relation, or parallel relations merged.
struct Edge {
  EntityId source, target;
  TypeId type;
  Emphasis emphasis;
  std::vector<RelationId> relations;
};

class DotWriter {
 public:
  DotWriter(const Diagram& diagram, const DotOptions& options)
      : diagram_(diagram), graph_(*diagram.graph), options_(options), style_(options.style) {}

  std::string write() {
    out_ += "digraph kg {\n";
    write_graph_attributes();
    write_nodes();
    write_summaries();
    write_edges();
    if (options_.legend) write_legend();
    out_ += "}\n";
    return std::move(out_);
  }

  std::vector<Edge> edges() const {
    std::vector<Edge> edges;
    std::map<std::tuple<EntityId, EntityId, TypeId, Emphasis>, std::size_t> merged;
    for (std::size_t i = 0; i < diagram_.relations.size(); ++i) {
      const RelationId r = diagram_.relations[i];
      const TypeId type = graph_.relation_type(r);
      EntityId source = graph_.source(r), target = graph_.target(r);
      const Emphasis emphasis = diagram_.relation_emphasis[i];
      if (options_.merge_parallel) {
        // A symmetric relation is the same whichever end it names first.
        if (graph_.both_ways(type) && target < source) std::swap(source, target);
        const auto [it, fresh] = merged.try_emplace(std::make_tuple(source, target, type, emphasis), edges.size());
        if (!fresh) {
          edges[it->second].relations.push_back(r);
          continue;
        }
      }
      edges.push_back({source, target, type, emphasis, {r}});
    }
    return edges;
  }

 private:
  void write_graph_attributes() {
    Statement graph;
    if (options_.title && (!graph_.name().empty() || !diagram_.caption.empty())) {
      // Graphviz refuses an empty <B></B>: an unnamed graph has only its caption.
      std::string label = graph_.name().empty() ? "" : "<B>" + dot::html_text(graph_.name()) + "</B>";
      if (!diagram_.caption.empty()) {
        if (!label.empty()) label += "<BR/>";
        label += "<FONT POINT-SIZE=\"11\">" + dot::html_text(diagram_.caption) + "</FONT>";
      }
      graph.raw("label", "<" + label + ">");
    }
    graph.styled(style_.graph);
    out_ += "  graph";
    graph.write(out_);
    out_ += ";\n";
    for (const auto& [keyword, attributes] : {std::pair<const char*, const DotAttributes*>{"node", &style_.node},
                                              {"edge", &style_.edge}}) {
      Statement defaults;
      defaults.styled(*attributes);
      out_ += "  ";
      out_ += keyword;
      defaults.write(out_);
      out_ += ";\n";
    }
  }

  std::string node_name(EntityId e) const {
    return options_.graphviz_names ? graphviz_name(e) : dot::quoted(dot_node_id(graph_, e));
  }

  // Which cluster an entity goes in; kNoGroup for none.
  std::uint32_t cluster_of(EntityId e) const {
    switch (options_.clustering) {
      case Clustering::EntityType: return graph_.entity_type(e);
      case Clustering::Group: return options_.groups[e];
      case Clustering::None: break;
    }
    return DotOptions::kNoGroup;
  }

  std::string cluster_label(std::uint32_t cluster) const {
    if (options_.clustering == Clustering::EntityType) return std::string(graph_.entity_type_name(cluster));
    if (cluster < options_.group_labels.size()) return options_.group_labels[cluster];
    return "group " + std::to_string(cluster);
  }

  void write_nodes() {
    std::map<std::uint32_t, std::vector<std::size_t>> clusters;  // cluster -> positions in diagram.entities
    for (std::size_t i = 0; i < diagram_.entities.size(); ++i) {
      clusters[cluster_of(diagram_.entities[i])].push_back(i);
    }
    for (const auto& [cluster, positions] : clusters) {
      const bool boxed = cluster != DotOptions::kNoGroup;
      const char* indent = boxed ? "    " : "  ";
      if (boxed) {
        out_ += "  subgraph cluster_" + std::to_string(cluster) + " {\n    graph [label=<" +
                dot::html_text(cluster_label(cluster)) + ">];\n";
      }
      for (const std::size_t i : positions) {
        out_ += indent;
        write_node(diagram_.entities[i], diagram_.entity_emphasis[i]);
      }
      if (boxed) out_ += "  }\n";
    }
  }

  // The style attributes of an entity type or relation type under an
  // emphasis, formatted once per diagram: a large drawing has few kinds of
  // elements and many elements.
  const std::string& entity_style(TypeId type, Emphasis emphasis) {
    const auto [it, fresh] = entity_styles_.try_emplace(type * kEmphasisCount + static_cast<std::size_t>(emphasis));
    if (fresh) {
      DotAttributes attributes = style_.entity_attributes(graph_.entity_type_name(type));
      used_entity_types_.try_emplace(std::string(graph_.entity_type_name(type)), attributes);
      merge_into(attributes, style_.emphasis_entity[static_cast<std::size_t>(emphasis)]);
      used_emphasis_[static_cast<std::size_t>(emphasis)] = true;
      Statement formatted;
      formatted.styled(difference(attributes, style_.node));
      it->second = formatted.text();
    }
    return it->second;
  }

  const std::string& relation_style(TypeId type, Emphasis emphasis) {
    const auto [it, fresh] = relation_styles_.try_emplace(type * kEmphasisCount + static_cast<std::size_t>(emphasis));
    if (fresh) {
      DotAttributes attributes = style_.relation_attributes(graph_, type);
      merge_into(attributes, style_.emphasis_relation[static_cast<std::size_t>(emphasis)]);
      // A highlighted path keeps its relations' own looks: the legend explains them.
      if (emphasis == Emphasis::Normal || emphasis == Emphasis::Highlighted) used_relation_types_.push_back(type);
      used_emphasis_[static_cast<std::size_t>(emphasis)] = true;
      Statement formatted;
      formatted.styled(difference(attributes, style_.edge));
      it->second = formatted.text();
    }
    return it->second;
  }

  void write_node(EntityId e, Emphasis emphasis) {
    const std::string_view type = graph_.entity_type_name(graph_.entity_type(e));
    std::string tooltip = std::string(graph_.entity_name(e)) + " (" + std::string(type) + ")\nid: " +
                          std::string(graph_.entity_key(e));
    const auto aliases = graph_.entity_aliases(e);
    for (std::size_t i = 0; i < aliases.size(); ++i) {
      tooltip += (i ? ", " : "\naliases: ") + std::string(graph_.str(aliases[i]));
    }
    for (const Attribute& attribute : graph_.entity_attributes(e)) {
      tooltip += "\n" + std::string(graph_.str(attribute.key)) + ": " + value_text(graph_, attribute.value);
    }
    Statement node;
    node.raw("label", "<" + dot::html_text(graph_.entity_name(e)) + ">");
    node.raw("tooltip", dot::quoted_tooltip(tooltip));
    node.append(entity_style(graph_.entity_type(e), emphasis));
    out_ += node_name(e);
    node.write(out_);
    out_ += ";\n";
  }

  void write_summaries() {
    for (std::size_t k = 0; k < diagram_.summaries.size(); ++k) {
      const HubSummary& summary = diagram_.summaries[k];
      DotAttributes attributes = style_.node;
      merge_into(attributes, style_.emphasis_entity[static_cast<std::size_t>(Emphasis::Summary)]);
      used_emphasis_[static_cast<std::size_t>(Emphasis::Summary)] = true;
      const std::string count = std::to_string(summary.others.size());
      std::string tooltip;
      for (std::size_t i = 0; i < summary.others.size() && i < kMaxTooltipNames; ++i) {
        tooltip += (i ? "\n" : "") + std::string(graph_.entity_name(summary.others[i]));
      }
      if (summary.others.size() > kMaxTooltipNames) {
        tooltip += "\n(and " + std::to_string(summary.others.size() - kMaxTooltipNames) + " more)";
      }
      Statement node;
      node.raw("label", "<" + count + " entities<BR/><FONT POINT-SIZE=\"9\">" +
                            dot::html_text(readable(graph_.relation_type_name(summary.type))) +
                            (summary.outgoing ? " by " : " ") + dot::html_text(graph_.entity_name(summary.hub)) +
                            "</FONT>>");
      node.raw("tooltip", dot::quoted_tooltip(tooltip));
      node.styled(difference(attributes, style_.node));
      out_ += "  " + dot::quoted("#s" + std::to_string(k));
      node.write(out_);
      out_ += ";\n";

      const Edge edge{summary.hub, summary.hub, summary.type, Emphasis::Normal, summary.relations};
      const std::string hub = node_name(summary.hub);
      const std::string other = dot::quoted("#s" + std::to_string(k));
      write_edge(edge, summary.outgoing ? hub : other, summary.outgoing ? other : hub);
    }
  }

  void write_edges() {
    // Formatted once per entity rather than twice per edge.
    std::unordered_map<EntityId, std::string> names;
    const auto name = [this, &names](EntityId e) -> const std::string& {
      const auto [it, added] = names.try_emplace(e);
      if (added) it->second = node_name(e);
      return it->second;
    };
    for (const Edge& edge : edges()) write_edge(edge, name(edge.source), name(edge.target));
  }

  void write_edge(const Edge& edge, const std::string& from, const std::string& to) {
    Date first, last;
    for (const RelationId r : edge.relations) {
      for (const Date d : {graph_.date(r), graph_.until(r)}) {
        if (d.empty()) continue;
        if (first.empty() || d < first) first = d;
        if (last.empty() || d > last) last = d;
      }
    }
    const bool undated = diagram_.mark_undated && std::all_of(edge.relations.begin(), edge.relations.end(),
                                                              [&](RelationId r) { return graph_.date(r).empty(); });
    // Wanted by the label, and by the legend's undated mark.
    std::string dates;
    if (options_.edge_labels || undated) {
      dates = edge.relations.size() == 1
                  ? date_range_text(graph_.date(edge.relations[0]), graph_.until(edge.relations[0]))
                  : (first == last ? first.to_string() : date_range_text(first, last));
    }
    if (dates.empty() && undated) drew_undated_ = true;

    // Buffers kept across edges: most of an edge's cost was allocating them.
    std::string& tooltip = tooltip_;
    tooltip.clear();
    std::string url;
    const std::string type_text = readable(graph_.relation_type_name(edge.type));
    for (const RelationId r : edge.relations) {
      // Appended piece by piece: the quotes are long, and each temporary of
      // a chain of + copied them again.
      if (!tooltip.empty()) tooltip += "\n\n";
      tooltip += graph_.entity_name(graph_.source(r));
      tooltip += ' ';
      tooltip += type_text;
      tooltip += ' ';
      tooltip += graph_.entity_name(graph_.target(r));
      const std::string when = date_range_text(graph_.date(r), graph_.until(r));
      if (!when.empty()) {
        tooltip += " (";
        tooltip += when;
        tooltip += ')';
      }
      if (undated) {
        tooltip += " (";
        tooltip += kUndatedMark;
        tooltip += ')';
      }
      for (const Evidence& evidence : graph_.evidence(r)) {
        const SourceInfo& source = graph_.sources()[evidence.source];
        tooltip += "\n\u201c";
        tooltip += graph_.str(evidence.quote);
        tooltip += "\u201d \u2014 ";
        tooltip += graph_.str(source.title).empty() ? graph_.str(source.id) : graph_.str(source.title);
        if (url.empty()) url = graph_.str(source.url);
      }
    }
    Statement& statement = edge_statement_;
    statement.clear();
    // Built only when drawn: a large drawing leaves it to the tooltip.
    if (options_.edge_labels) {
      std::string label = dot::html_text(readable(graph_.relation_type_name(edge.type)));
      if (edge.relations.size() > 1) label += " \u00d7" + std::to_string(edge.relations.size());
      if (!dates.empty()) {
        label += "<BR/><FONT POINT-SIZE=\"8\">" + dot::html_text(dates) + "</FONT>";
      } else if (undated) {
        label += "<BR/><FONT POINT-SIZE=\"8\">" + std::string(kUndatedMark) + "</FONT>";
      }
      statement.raw("label", "<" + label + ">");
    }
    const std::string quoted_tooltip = dot::quoted_tooltip(tooltip);
    statement.raw("tooltip", quoted_tooltip);
    if (!url.empty()) {
      statement.raw("URL", dot::quoted_url(url));
      // Without it Graphviz gives the label's link the label's markup as title.
      statement.raw("labeltooltip", quoted_tooltip);
    }
    statement.append(relation_style(edge.type, edge.emphasis));
    out_ += "  ";
    out_ += from;
    out_ += " -> ";
    out_ += to;
    statement.write(out_);
    out_ += ";\n";
  }

  // Text drawing of an edge's look, in its colour: "────▶", "╌╌╌╌┤", ...
  static std::string line_sample(const DotAttributes& a) {
    const std::string style = attribute_or(a, "style", "solid");
    std::string line = style.find("dashed") != std::string::npos   ? "\u254c\u254c\u254c\u254c"
                       : style.find("dotted") != std::string::npos ? "\u2508\u2508\u2508\u2508"
                       : style.find("bold") != std::string::npos   ? "\u2501\u2501\u2501\u2501"
                                                                   : "\u2500\u2500\u2500\u2500";
    const std::string dir = attribute_or(a, "dir", "forward");
    const std::string head = attribute_or(a, "arrowhead", "normal");
    if (dir == "forward" || dir == "both") {
      line += head == "tee" ? "\u2524" : head == "none" ? "" : head == "vee" ? "\u276f" : "\u25b6";
    }
    return "<FONT COLOR=\"" + dot::html_text(attribute_or(a, "color", "black")) + "\" POINT-SIZE=\"14\">" + line +
           "</FONT>";
  }

  std::string legend_row(const std::string& sample, const std::string& text) const {
    return "<TR><TD ALIGN=\"LEFT\">" + sample + "</TD><TD ALIGN=\"LEFT\">" + text + "</TD></TR>";
  }

  void write_legend() {
    std::string rows;
    for (const auto& [type, attributes] : used_entity_types_) {
      const std::string fill = attribute_or(attributes, "fillcolor", attribute_or(attributes, "color", "white"));
      rows += "<TR><TD COLSPAN=\"2\" BGCOLOR=\"" + dot::html_text(fill) + "\" COLOR=\"" +
              dot::html_text(attribute_or(attributes, "color", "black")) + "\">" + dot::html_text(type) +
              "</TD></TR>";
    }
    // Relation types that look alike share a row, so 37 types make three
    // rows (one per polarity) under the default style.
    std::sort(used_relation_types_.begin(), used_relation_types_.end());
    used_relation_types_.erase(std::unique(used_relation_types_.begin(), used_relation_types_.end()),
                               used_relation_types_.end());
    std::vector<std::pair<DotAttributes, std::vector<TypeId>>> looks;
    static constexpr Polarity kOrder[] = {Polarity::Positive, Polarity::Negative, Polarity::Neutral};
    for (const Polarity polarity : kOrder) {
      for (const TypeId t : used_relation_types_) {
        if (graph_.relation_type_info(t).polarity != polarity) continue;
        const DotAttributes look = style_.relation_attributes(graph_, t);
        auto it = std::find_if(looks.begin(), looks.end(), [&](const auto& l) { return l.first == look; });
        if (it == looks.end()) it = looks.insert(looks.end(), {look, {}});
        it->second.push_back(t);
      }
    }
    for (const auto& [look, types] : looks) {
      std::string names;
      for (std::size_t i = 0; i < types.size(); ++i) {
        if (i) names += i % kTypesPerLegendLine == 0 ? ",<BR ALIGN=\"LEFT\"/>" : ", ";
        names += dot::html_text(readable(graph_.relation_type_name(types[i])));
      }
      rows += legend_row(line_sample(look), names + "<BR ALIGN=\"LEFT\"/>");
    }
    static constexpr std::pair<Emphasis, const char*> kEmphasisRows[] = {
        {Emphasis::Highlighted, "the path"},
        {Emphasis::Added, "added between the dates"},
        {Emphasis::Ended, "ended between the dates"},
        {Emphasis::Faded, "context"}};
    for (const auto& [emphasis, meaning] : kEmphasisRows) {
      if (!used_emphasis_[static_cast<std::size_t>(emphasis)]) continue;
      DotAttributes look = style_.edge;
      merge_into(look, style_.emphasis_relation[static_cast<std::size_t>(emphasis)]);
      rows += legend_row(line_sample(look), meaning);
    }
    if (drew_undated_) {
      rows += legend_row(std::string("<FONT POINT-SIZE=\"8\">") + kUndatedMark + "</FONT>",
                         "no date: kept by every time window");
    }
    if (rows.empty()) return;
    Statement cluster;
    cluster.styled(style_.legend);
    out_ += "  subgraph cluster_legend {\n    graph";
    cluster.write(out_);
    out_ += ";\n    \"#legend\" [shape=plain, style=\"\", fillcolor=\"white\", tooltip=\"legend\", fontsize=10, label=<<TABLE BORDER=\"0\" "
            "CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"3\">" +
            rows + "</TABLE>>];\n  }\n";
  }

  const Diagram& diagram_;
  const Graph& graph_;
  const DotOptions& options_;
  const Style& style_;
  std::string out_;
  std::string tooltip_;
  Statement edge_statement_;
  std::map<std::string, DotAttributes> used_entity_types_;
  std::vector<TypeId> used_relation_types_;
  std::unordered_map<std::size_t, std::string> entity_styles_, relation_styles_;
  std::array<bool, kEmphasisCount> used_emphasis_{};
  bool drew_undated_ = false;
};

}  // namespace

void DotOptions::validate(const Graph& graph) const {
  if (clustering == Clustering::Group && groups.size() != graph.entity_count()) {
    throw InvalidArgument("groups: " + std::to_string(groups.size()) + " entries for " +
                          std::to_string(graph.entity_count()) + " entities");
  }
}

std::string dot_node_id(const Graph& graph, EntityId e) {
  const std::string_view key = graph.entity_key(e);
  return dot::usable_as_id(key) ? std::string(key) : "#" + std::to_string(e);
}

std::size_t drawn_edge_count(const Diagram& diagram, const DotOptions& options) {
  return DotWriter(diagram, options).edges().size() + diagram.summaries.size();
}

std::string write_dot(const Diagram& diagram, const DotOptions& options) {
  options.validate(*diagram.graph);
  if (!options.concentrate) return DotWriter(diagram, options).write();
  DotOptions concentrated = options;
  concentrated.style.graph.emplace("concentrate", "true");
  return DotWriter(diagram, concentrated).write();
}

void write_dot_export(const View& view, std::ostream& out) {
  DotOptions options;
  options.concentrate = true;  // as kg render draws the whole graph
  out << write_dot(whole_diagram(view, false), options);
}

}  // namespace kg
