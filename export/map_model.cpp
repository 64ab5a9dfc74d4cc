#include "export/map_model.hpp"

#include <cmath>
#include <map>
#include <optional>
#include <unordered_map>

#include "export/dot.hpp"
#include "export/escape.hpp"
#include "graph/exception.hpp"

namespace kg {
namespace {

void write_string(MapJson& json, std::string_view text) {
  // Graph strings are UTF-8 already checked by the readers; clean_utf8 keeps
  // a stray byte from making the whole page's JSON unreadable.
  const std::string clean = dot::clean_utf8(text);
  json.String(clean.data(), static_cast<rapidjson::SizeType>(clean.size()));
}

void write_member(MapJson& json, const char* key, std::string_view value) {
  json.Key(key);
  write_string(json, value);
}

// Positions to a tenth of a point: finer is invisible and costs bytes.
void write_coordinate(MapJson& json, const char* key, double value) {
  json.Key(key);
  json.Double(std::round(value * 10) / 10);
}

std::string_view polarity_name(Polarity polarity) {
  switch (polarity) {
    case Polarity::Positive: return "positive";
    case Polarity::Negative: return "negative";
    case Polarity::Neutral: return "neutral";
  }
  return "neutral";
}

std::string attribute(const DotAttributes& attributes, const std::string& name) {
  const auto it = attributes.find(name);
  return it == attributes.end() ? std::string() : it->second;
}

void write_emphasis_colours(MapJson& json, const Style& style) {
  json.Key("emphasis");
  json.StartObject();
  for (const Emphasis emphasis : {Emphasis::Highlighted, Emphasis::Faded, Emphasis::Added, Emphasis::Ended}) {
    write_member(json, std::string(emphasis_name(emphasis)).c_str(),
                 attribute(style.emphasis_relation[static_cast<std::size_t>(emphasis)], "color"));
  }
  json.EndObject();
}

struct Point {
  double x, y;
};

// The model's members, written in one pass. Entities and relations are
// numbered in the order written; relations name their ends by those
// numbers, evidence its source by its place in "sources".
class ModelWriter {
 public:
  ModelWriter(const Diagram& diagram, const std::vector<NodePosition>& positions, const HtmlOptions& options,
              MapModel model, MapJson& json)
      : diagram_(diagram), graph_(*diagram.graph), options_(options), piece_(model == MapModel::Piece), json_(json) {
    for (const auto& position : positions) positions_[position.name] = {position.x, position.y};
  }

  void write() {
    number_entities();
    if (piece_) number_cited_sources();
    write_member(json_, "name", graph_.name());
    write_member(json_, "caption", diagram_.caption);
    write_entities();
    write_relations();
    write_summaries();
    write_sources();
    write_types();
    write_emphasis_colours(json_, options_.style);
    write_groups();
    if (!piece_) write_initial();
  }

 private:
  void number_entities() {
    for (const EntityId e : diagram_.entities) add_entity(e);
    // The other ends of collapsed relations stay nameable in the panel.
    for (const HubSummary& summary : diagram_.summaries) {
      for (const EntityId e : summary.others) add_entity(e);
    }
  }

  void add_entity(EntityId e) {
    if (index_.try_emplace(e, static_cast<std::uint32_t>(order_.size())).second) order_.push_back(e);
  }

  // Calls f(relation) for every relation written, in the order written.
  template <typename F>
  void for_each_relation(F&& f) const {
    for (const RelationId r : diagram_.relations) f(r);
    for (const HubSummary& summary : diagram_.summaries) {
      for (const RelationId r : summary.relations) f(r);
    }
  }

  // A piece lists only the sources its evidence cites, in the order first cited.
  void number_cited_sources() {
    for_each_relation([&](RelationId r) {
      for (const Evidence& evidence : graph_.evidence(r)) {
        if (source_index_.try_emplace(evidence.source, static_cast<std::uint32_t>(cited_.size())).second) {
          cited_.push_back(evidence.source);
        }
      }
    });
  }

  void write_entities() {
    json_.Key("entities");
    json_.StartArray();
    for (const EntityId e : order_) {
      json_.StartObject();
      write_member(json_, "id", graph_.entity_key(e));
      write_member(json_, "name", graph_.entity_name(e));
      write_member(json_, "type", graph_.entity_type_name(graph_.entity_type(e)));
      if (!graph_.entity_aliases(e).empty()) {
        json_.Key("aliases");
        json_.StartArray();
        for (const StringId alias : graph_.entity_aliases(e)) write_string(json_, graph_.str(alias));
        json_.EndArray();
      }
      const Emphasis emphasis = diagram_.emphasis_of_entity(e);
      if (emphasis != Emphasis::Normal) write_member(json_, "emphasis", emphasis_name(emphasis));
      if (const auto it = positions_.find(dot_node_id(graph_, e)); it != positions_.end()) {
        write_point(it->second);
      }
      if (e < options_.groups.size() && options_.groups[e] != HtmlOptions::kNoGroup) {
        json_.Key("group");
        json_.Uint(options_.groups[e]);
      }
      if (piece_) {
        json_.Key("degree");
        json_.Uint64(graph_.out_degree(e) + graph_.in_degree(e));
      }
      json_.EndObject();
    }
    json_.EndArray();
  }

  // Graphviz's y grows upwards, the page's downwards.
  void write_point(Point point) {
    write_coordinate(json_, "x", point.x);
    write_coordinate(json_, "y", -point.y);
  }

  void write_relation(RelationId r, Emphasis emphasis, std::optional<std::size_t> summary) {
    json_.StartObject();
    if (piece_) {
      json_.Key("key");
      json_.Uint(r);
    }
    json_.Key("source");
    json_.Uint(index_.at(graph_.source(r)));
    json_.Key("target");
    json_.Uint(index_.at(graph_.target(r)));
    write_member(json_, "type", graph_.relation_type_name(graph_.relation_type(r)));
    if (const Date date = graph_.date(r); !date.empty()) write_member(json_, "date", date.to_string());
    if (const Date until = graph_.until(r); !until.empty()) write_member(json_, "until", until.to_string());
    if (emphasis != Emphasis::Normal) write_member(json_, "emphasis", emphasis_name(emphasis));
    if (summary) {
      json_.Key("summary");
      json_.Uint(static_cast<unsigned>(*summary));
    }
    json_.Key("evidence");
    json_.StartArray();
    for (const Evidence& evidence : graph_.evidence(r)) {
      json_.StartObject();
      json_.Key("source");
      json_.Uint(piece_ ? source_index_.at(evidence.source) : evidence.source);
      write_member(json_, "quote", graph_.str(evidence.quote));
      json_.EndObject();
    }
    json_.EndArray();
    json_.EndObject();
  }

  void write_relations() {
    json_.Key("relations");
    json_.StartArray();
    for (std::size_t i = 0; i < diagram_.relations.size(); ++i) {
      write_relation(diagram_.relations[i], diagram_.relation_emphasis[i], std::nullopt);
    }
    for (std::size_t k = 0; k < diagram_.summaries.size(); ++k) {
      for (const RelationId r : diagram_.summaries[k].relations) write_relation(r, Emphasis::Normal, k);
    }
    json_.EndArray();
  }

  void write_summaries() {
    json_.Key("summaries");
    json_.StartArray();
    for (std::size_t k = 0; k < diagram_.summaries.size(); ++k) {
      const HubSummary& summary = diagram_.summaries[k];
      json_.StartObject();
      json_.Key("hub");
      json_.Uint(index_.at(summary.hub));
      write_member(json_, "type", graph_.relation_type_name(summary.type));
      json_.Key("outgoing");
      json_.Bool(summary.outgoing);
      json_.Key("count");
      json_.Uint(static_cast<unsigned>(summary.others.size()));
      if (const auto it = positions_.find("#s" + std::to_string(k)); it != positions_.end()) write_point(it->second);
      json_.EndObject();
    }
    json_.EndArray();
  }

  void write_source(const SourceInfo& source) {
    json_.StartObject();
    write_member(json_, "id", graph_.str(source.id));
    write_member(json_, "title", graph_.str(source.title));
    write_member(json_, "url", graph_.str(source.url));
    if (!source.date.empty()) write_member(json_, "date", source.date.to_string());
    json_.EndObject();
  }

  void write_sources() {
    json_.Key("sources");
    json_.StartArray();
    if (piece_) {
      for (const std::uint32_t s : cited_) write_source(graph_.sources()[s]);
    } else {
      for (const SourceInfo& source : graph_.sources()) write_source(source);
    }
    json_.EndArray();
  }

  // The style's colours and shapes by type: a page's for every relation type
  // of the graph (its legend may name any), a piece's for those it holds.
  void write_types() {
    std::map<std::string, TypeId> relation_types, entity_types;
    const auto add_relation_type = [&](RelationId r) {
      relation_types.emplace(graph_.relation_type_name(graph_.relation_type(r)), graph_.relation_type(r));
    };
    if (piece_) {
      for_each_relation(add_relation_type);
    } else {
      for (RelationId r = 0; r < graph_.relation_count(); ++r) add_relation_type(r);
    }
    for (const EntityId e : order_) {
      entity_types.emplace(graph_.entity_type_name(graph_.entity_type(e)), graph_.entity_type(e));
    }
    const Style& style = options_.style;
    json_.Key("relation_types");
    json_.StartObject();
    for (const auto& [name, type] : relation_types) {
      const RelationTypeInfo& info = graph_.relation_type_info(type);
      const DotAttributes attributes = style.relation_attributes(graph_, type);
      json_.Key(name.c_str());
      json_.StartObject();
      json_.Key("symmetric");
      json_.Bool(info.symmetric);
      write_member(json_, "polarity", polarity_name(info.polarity));
      write_member(json_, "color", attribute(attributes, "color"));
      write_member(json_, "style", attribute(attributes, "style"));
      json_.EndObject();
    }
    json_.EndObject();
    json_.Key("entity_types");
    json_.StartObject();
    for (const auto& [name, type] : entity_types) {
      const DotAttributes attributes = style.entity_attributes(name);
      json_.Key(name.c_str());
      json_.StartObject();
      write_member(json_, "fill", attribute(attributes, "fillcolor"));
      write_member(json_, "border", attribute(attributes, "color"));
      write_member(json_, "shape", attribute(attributes, "shape"));
      json_.EndObject();
    }
    json_.EndObject();
  }

  void write_groups() {
    json_.Key("groups");
    json_.StartArray();
    for (const std::string& label : options_.group_labels) write_string(json_, label);
    json_.EndArray();
  }

  void write_list(const char* key, const std::vector<std::string>& values) {
    json_.Key(key);
    json_.StartArray();
    for (const std::string& value : values) write_string(json_, value);
    json_.EndArray();
  }

  void write_initial() {
    const ViewerState& state = options_.initial;
    json_.Key("initial");
    json_.StartObject();
    if (!state.as_of.empty()) write_member(json_, "as_of", state.as_of);
    if (state.between) {
      write_member(json_, "from", state.between_from);
      write_member(json_, "to", state.between_to);
    }
    write_member(json_, "undated", state.undated);
    write_member(json_, "direction", state.direction);
    write_list("hide_relations", state.hidden_relation_types);
    write_list("hide_entities", state.hidden_entity_types);
    if (!state.selected.empty()) write_member(json_, "selected", state.selected);
    if (state.depth > 0) {
      json_.Key("depth");
      json_.Uint(static_cast<unsigned>(state.depth));
    }
    if (!state.path.empty()) write_list("path", state.path);
    json_.EndObject();
  }

  const Diagram& diagram_;
  const Graph& graph_;
  const HtmlOptions& options_;
  const bool piece_;
  MapJson& json_;
  std::unordered_map<std::string, Point> positions_;
  std::unordered_map<EntityId, std::uint32_t> index_;
  std::vector<EntityId> order_;
  std::unordered_map<std::uint32_t, std::uint32_t> source_index_;  // a piece's: graph's source -> its place
  std::vector<std::uint32_t> cited_;                                 // a piece's sources, by place
};

}  // namespace

void ViewerState::validate() const {
  if (undated != "include" && undated != "exclude" && undated != "only") {
    throw InvalidArgument("undated: '" + undated + "' is not include, exclude or only");
  }
  if (direction != "out" && direction != "in" && direction != "any") {
    throw InvalidArgument("direction: '" + direction + "' is not out, in or any");
  }
  if (depth > 3) throw InvalidArgument("depth: the page shows neighbourhoods of 1 to 3 steps, not " + std::to_string(depth));
  if (!path.empty() && path.size() != 2) throw InvalidArgument("path: needs two entities");
  if (!as_of.empty() && between) throw InvalidArgument("as_of and between cannot be combined");
}

void write_map_model_members(const Diagram& diagram, const std::vector<NodePosition>& positions,
                             const HtmlOptions& options, MapModel model, MapJson& json) {
  ModelWriter(diagram, positions, options, model, json).write();
}

std::string empty_live_map_model(const Style& style, const std::string& api) {
  rapidjson::StringBuffer buffer;
  MapJson json(buffer);
  json.StartObject();
  write_member(json, "name", "");
  write_member(json, "caption", "");
  for (const char* list : {"entities", "relations", "summaries", "sources"}) {
    json.Key(list);
    json.StartArray();
    json.EndArray();
  }
  for (const char* table : {"relation_types", "entity_types"}) {
    json.Key(table);
    json.StartObject();
    json.EndObject();
  }
  write_emphasis_colours(json, style);
  json.Key("groups");
  json.StartArray();
  json.EndArray();
  json.Key("live");
  json.StartObject();
  write_member(json, "api", api);
  json.EndObject();
  json.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace kg
