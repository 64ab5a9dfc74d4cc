// The GEXF reader. Expat walks the mapped file as for GraphML
// (ingest/graphml.cpp): the attribute declarations are kept
// (ingest/gexf_columns), one node or edge at a time is read, and the byte
// offset of every node and edge handed to the builder is kept so that
// problems found later can be placed.
// Entity declarations are refused; Gephi's viz: markup is skipped.
#include "ingest/gexf.hpp"

#include <expat.h>

#include <algorithm>
#include <cstring>
#include <functional>
#include <memory>
#include <unordered_map>
#include <unordered_set>

#include "graph/exception.hpp"
#include "ingest/edge_directions.hpp"
#include "ingest/gexf_columns.hpp"
#include "ingest/interchange.hpp"
#include "base/mapped_file.hpp"
#include "ingest/xml_document.hpp"

namespace kg {
namespace {

using interchange::TextType;
using gexf::Class;
using gexf::Column;
using gexf::GexfColumns;
using gexf::OwnField;

constexpr std::string_view kNamespaces[] = {"http://www.gexf.net/1.1draft", "http://www.gexf.net/1.2draft",
                                            "http://gexf.net/1.2draft", "http://gexf.net/1.3",
                                            "http://www.gexf.net/1.3"};

struct Value {
  std::size_t column;
  std::string text;
  std::size_t offset;
};

enum class Element : std::uint8_t { Gexf, Meta, Title, Graph, Attributes, Attribute, Default, Nodes, Node,
                                    Edges, Edge, Attvalues, Attvalue, Spells, Spell, Skipped };

class Reader {
 public:
  Reader(XML_Parser parser, Builder& builder, interchange::Problems& problems, std::string relation_type_column)
      : parser_(parser), builder_(builder), problems_(problems), columns_(std::move(relation_type_column)) {}

  void start(const char* raw_name, const char** attributes) {
    const std::size_t offset = here();
    const Element parent = stack_.empty() ? Element::Skipped : stack_.back();
    // Named, not structured bindings: lambdas below capture them (C++17).
    const auto split = local_name(raw_name);
    const bool foreign = split.first;
    const auto name = split.second;
    if ((!stack_.empty() && parent == Element::Skipped) || foreign) {
      stack_.push_back(Element::Skipped);  // viz:, meta's creator, Gephi's extensions: not ours
      return;
    }
    const auto attribute = [attributes](const char* wanted) -> const char* {
      for (const char** a = attributes; *a; a += 2) {
        if (std::strcmp(local_name(a[0]).second, wanted) == 0) return a[1];
      }
      return nullptr;
    };
    const auto expect = [&](Element wanted, const char* where) {
      if (parent != wanted) {
        problems_.report(offset, "", std::string("<") + name + "> is not allowed here (expected inside " + where + ")");
      }
    };
    const std::string_view n = name;
    Element element = Element::Skipped;
    if (n == "gexf") {
      if (!stack_.empty()) problems_.report(offset, "", "<gexf> is not allowed here (it is the root)");
      element = Element::Gexf;
    } else if (n == "meta") {
      element = Element::Meta;
    } else if (n == "title" && parent == Element::Meta) {
      element = Element::Title;
      titled_ = true;
      text_.clear();
    } else if (stack_.size() >= 2 && parent == Element::Meta) {
      element = Element::Skipped;  // creator, description, keywords
    } else if (n == "graph") {
      expect(Element::Gexf, "<gexf>");
      if (graphs_++ > 0) problems_.report(offset, "", "a second <graph>: kg reads one graph per file");
      element = Element::Graph;
      const char* graph_name = attribute("name");  // NetworkX's graph name; Gephi's is meta's title
      if (graph_name && *graph_name && !titled_) builder_.set_name(graph_name);
      const char* type = attribute("defaultedgetype");
      directed_default_ = type && std::strcmp(type, "directed") == 0;
      if (type && !directed_default_ && std::strcmp(type, "undirected") != 0 && std::strcmp(type, "mutual") != 0) {
        problems_.report(offset, "", std::string("defaultedgetype '") + type +
                                         "' (expected directed, undirected or mutual)");
      }
    } else if (n == "attributes") {
      expect(Element::Graph, "<graph>");
      element = Element::Attributes;
      const char* kind = attribute("class");
      if (kind && std::strcmp(kind, "node") == 0) class_ = Class::Node;
      else if (kind && std::strcmp(kind, "edge") == 0) class_ = Class::Edge;
      else problems_.report(offset, "", "<attributes> needs class \"node\" or \"edge\"");
    } else if (n == "attribute") {
      expect(Element::Attributes, "<attributes>");
      element = Element::Attribute;
      declare(offset, attribute("id"), attribute("title"), attribute("type"));
    } else if (n == "default") {
      expect(Element::Attribute, "<attribute>");
      element = Element::Default;
      text_.clear();
    } else if (n == "options") {
      element = Element::Skipped;  // the allowed values of a liststring: nothing to keep
    } else if (n == "nodes") {
      if (parent == Element::Node) problems_.report(offset, "", "nested nodes are not supported (kg graphs are flat)");
      else expect(Element::Graph, "<graph>");
      element = Element::Nodes;
    } else if (n == "edges") {
      if (parent == Element::Node) problems_.report(offset, "", "nested edges are not supported (kg graphs are flat)");
      else expect(Element::Graph, "<graph>");
      element = Element::Edges;
    } else if (n == "node") {
      expect(Element::Nodes, "<nodes>");
      element = Element::Node;
      begin_item(offset, 0);
      const char* id = attribute("id");
      const char* label = attribute("label");
      if (!id) problems_.report(offset, "", "<node> has no id");
      id_.assign(id ? id : "");
      label_.assign(label ? label : "");
    } else if (n == "edge") {
      expect(Element::Edges, "<edges>");
      element = Element::Edge;
      begin_item(offset, 1);
      const char* source = attribute("source");
      const char* target = attribute("target");
      if (!source || !target) problems_.report(offset, "", "<edge> needs a source and a target");
      source_.assign(source ? source : "");
      target_.assign(target ? target : "");
      const char* label = attribute("label");
      label_.assign(label ? label : "");
      const char* type = attribute("type");
      directed_ = type ? std::strcmp(type, "directed") == 0 : directed_default_;
      if (type && !directed_ && std::strcmp(type, "undirected") != 0 && std::strcmp(type, "mutual") != 0) {
        problems_.report(offset, edge_path(), std::string("type '") + type + "' (expected directed, undirected or mutual)");
      }
      time_[0].assign(attribute("start") ? attribute("start") : "");
      time_[1].assign(attribute("end") ? attribute("end") : "");
      time_offset_ = offset;
      const char* weight = attribute("weight");
      if (weight) {
        const auto value = interchange::typed_value(weight, TextType::Real);
        if (!value) problems_.report(offset, edge_path(), std::string("weight: expected a number, found '") + weight + "'");
        else weight_ = *value;
      }
    } else if (n == "attvalues") {
      if (parent != Element::Node && parent != Element::Edge) expect(Element::Node, "<node> or <edge>");
      element = Element::Attvalues;
    } else if (n == "attvalue") {
      expect(Element::Attvalues, "<attvalues>");
      element = Element::Attvalue;
      const char* column = attribute("for");
      if (!column) column = attribute("id");  // GEXF 1.1draft's spelling
      const char* value = attribute("value");
      if (!column || !value) problems_.report(offset, "", "<attvalue> needs for and value");
      else attvalue(offset, column, value);
    } else if (n == "spells") {
      if (parent != Element::Node && parent != Element::Edge) expect(Element::Edge, "<node> or <edge>");
      element = Element::Spells;
    } else if (n == "spell") {
      expect(Element::Spells, "<spells>");
      element = Element::Spell;
      if (stack_.size() >= 2 && stack_[stack_.size() - 2] == Element::Edge) spell(offset, attribute("start"), attribute("end"));
    } else if (n == "parents" || n == "parent" || n == "color" || n == "position" || n == "size" || n == "shape" ||
               n == "thickness") {
      element = Element::Skipped;  // drawing and hierarchy hints: not kg's
    } else {
      problems_.report(offset, "", std::string("unknown GEXF element <") + name + ">");
    }
    stack_.push_back(element);
  }

  void end() {
    const Element element = stack_.back();
    stack_.pop_back();
    switch (element) {
      case Element::Title: builder_.set_name(text_); break;
      case Element::Default:
        columns_.set_default(class_, text_);
        break;
      case Element::Node: finish_node(); break;
      case Element::Edge: finish_edge(); break;
      default: break;
    }
  }

  void text(const char* data, int length) {
    if (stack_.empty() || (stack_.back() != Element::Title && stack_.back() != Element::Default)) return;
    if (text_.size() + static_cast<std::size_t>(length) > kMaxStringBytes) {
      if (!text_too_long_) problems_.report(here(), "", "text longer than 16 MiB");
      text_too_long_ = true;
      return;
    }
    text_.append(data, static_cast<std::size_t>(length));
  }

  void finish_document() {
    if (graphs_ == 0) problems_.report(0, "", "no <graph> element: not a GEXF document");
    edge_directions_.apply(builder_, directed_default_);
  }

  const std::vector<std::pair<std::size_t, std::string>>& warnings() const { return warnings_; }
  const std::vector<std::size_t>& entity_offsets() const { return entity_offsets_; }
  const std::vector<std::size_t>& relation_offsets() const { return relation_offsets_; }
  void refuse_entity() {
    refused_at_ = here();
    XML_StopParser(parser_, XML_FALSE);
  }
  std::size_t refused_at() const { return refused_at_; }

 private:
  std::size_t here() const { return static_cast<std::size_t>(XML_GetCurrentByteIndex(parser_)); }

  // (whether it is outside GEXF's namespaces, local name)
  static std::pair<bool, const char*> local_name(const char* name) {
    const char* separator = std::strchr(name, xml::kNamespaceSeparator);
    if (!separator) return {false, name};
    const std::string_view space(name, static_cast<std::size_t>(separator - name));
    const bool gexf = std::find(std::begin(kNamespaces), std::end(kNamespaces), space) != std::end(kNamespaces);
    return {!gexf, separator + 1};
  }

  void declare(std::size_t offset, const char* id, const char* title, const char* type) {
    std::string uninterpreted;
    const std::string problem = columns_.declare(class_, id, title, type, uninterpreted);
    if (!problem.empty()) problems_.report(offset, "", problem);
    if (!uninterpreted.empty()) warnings_.push_back({offset, uninterpreted});
  }

  // kind: 0 a node, 1 an edge. A node misplaced inside an edge (already
  // reported) starts an item of its own, so values always match their kind.
  void begin_item(std::size_t offset, int kind) {
    item_offset_ = offset;
    item_kind_ = kind;
    values_.clear();
    weight_.reset();
    spells_ = 0;
  }

  void attvalue(std::size_t offset, const char* id, const char* text) {
    const int kind = item_kind_;
    const std::size_t column = columns_.find(kind, id);
    if (column == GexfColumns::npos) {
      problems_.report(offset, "", std::string("<attvalue> names an undeclared ") + (kind ? "edge" : "node") +
                                       " attribute '" + id + "'");
      return;
    }
    for (const Value& value : values_) {
      if (value.column == column) {
        problems_.report(offset, "", "second value for attribute '" + columns_.of(kind)[column].title + "'");
        return;
      }
    }
    values_.push_back({column, text, offset});
  }

  void spell(std::size_t offset, const char* start, const char* end) {
    if (spells_++ > 0) {
      if (!several_spells_warned_) warnings_.push_back({offset, "several spells on an edge: the first one is kept"});
      several_spells_warned_ = true;
      return;
    }
    if (time_[0].empty() && time_[1].empty()) {
      time_[0].assign(start ? start : "");
      time_[1].assign(end ? end : "");
      time_offset_ = offset;
    }
  }

  // The item's values, then its columns' defaults for the columns it has no
  // value for.
  void add_defaults(int kind) {
    for (std::size_t c = 0; c < columns_.of(kind).size(); ++c) {
      const Column& column = columns_.of(kind)[c];
      if (!column.has_default) continue;
      const bool given = std::any_of(values_.begin(), values_.end(), [c](const Value& v) { return v.column == c; });
      if (!given) values_.push_back({c, column.default_value, item_offset_});
    }
  }

  void add_attributes(int kind, void (Builder::*add)(std::string_view, ScalarInput), const std::string& path) {
    for (const Value& value : values_) {
      const Column& column = columns_.of(kind)[value.column];
      if (column.field != OwnField::None) continue;
      const auto typed = interchange::typed_value(value.text, column.type);
      if (!typed) {
        problems_.report(value.offset, path, "attribute '" + column.title + "': expected " +
                                                 interchange::type_description(column.type) + ", found '" + value.text + "'");
        continue;
      }
      (builder_.*add)(interchange::imported_attribute_name(column.title), *typed);
    }
  }

  void finish_node() {
    if (item_kind_ != 0) return;  // the values are a misplaced edge's, whose place was reported
    add_defaults(0);
    std::string_view name = label_, type;
    const Value* aliases = nullptr;
    for (const Value& value : values_) {
      switch (columns_.of(0)[value.column].field) {
        case OwnField::Name: name = value.text; break;
        case OwnField::EntityType: type = value.text; break;
        case OwnField::Aliases: aliases = &value; break;
        default: break;
      }
    }
    entity_offsets_.push_back(item_offset_);
    builder_.add_entity(id_, name, type);
    if (aliases && !aliases->text.empty()) {
      const std::string error = interchange::add_json_text(builder_, aliases->text, &interchange::add_aliases);
      if (!error.empty()) problems_.report(aliases->offset, node_path(), "expected " + error);
    }
    add_attributes(0, &Builder::add_entity_attribute, node_path());
  }

  // A GEXF time: a date, or a date-time of which the day is kept.
  std::optional<Date> time_of(const std::string& text, const char* which) {
    if (text.empty()) return Date();
    const std::string_view day = text.size() > 10 && text[10] == 'T' ? std::string_view(text).substr(0, 10) : text;
    const auto date = Date::parse(day);
    if (!date) {
      problems_.report(time_offset_, edge_path(), std::string("invalid ") + which + " '" + text +
                                                      "' (expected a date YYYY, YYYY-MM or YYYY-MM-DD)");
    }
    return date;
  }

  void finish_edge() {
    if (item_kind_ != 1) return;  // the values are a misplaced node's, whose place was reported
    add_defaults(1);
    std::string_view type = columns_.relation_type_named() || label_.empty() ? interchange::kDefaultRelationType
                                                                            : std::string_view(label_);
    const Value* given[2] = {nullptr, nullptr};
    const Value* evidence = nullptr;
    for (const Value& value : values_) {
      switch (columns_.of(1)[value.column].field) {
        case OwnField::RelationType: type = value.text; break;
        case OwnField::Date: given[0] = &value; break;
        case OwnField::Until: given[1] = &value; break;
        case OwnField::Evidence: evidence = &value; break;
        default: break;
      }
    }
    // kg's own date/until columns keep partial dates; start/end are whole days.
    Date dates[2];
    const char* names[2] = {"start", "end"};
    for (int i = 0; i < 2; ++i) {
      if (given[i]) {
        if (given[i]->text.empty()) continue;
        const auto date = Date::parse(given[i]->text);
        if (!date) {
          problems_.report(given[i]->offset, edge_path(), std::string("invalid ") + (i ? "until" : "date") + " '" +
                                                              given[i]->text + "' (expected YYYY, YYYY-MM or YYYY-MM-DD)");
        } else {
          dates[i] = *date;
        }
      } else if (const auto date = time_of(time_[i], names[i])) {
        dates[i] = *date;
      }
    }
    relation_offsets_.push_back(item_offset_);
    builder_.add_relation(source_, target_, type, dates[0], dates[1]);
    edge_directions_.count(type, directed_);
    if (weight_) builder_.add_relation_attribute("weight", *weight_);
    add_attributes(1, &Builder::add_relation_attribute, edge_path());
    if (evidence && !evidence->text.empty()) {
      declare_sources_of(evidence->text);
      const std::string error = interchange::add_json_text(builder_, evidence->text, &interchange::add_evidence);
      if (!error.empty()) problems_.report(evidence->offset, edge_path(), "expected " + error);
    }
  }

  // GEXF carries no sources: those the evidence names are declared by id
  // (their titles, urls and dates are not in the file).
  void declare_sources_of(const std::string& evidence) {
    rapidjson::Document document;
    document.Parse<rapidjson::kParseIterativeFlag>(evidence.data(), evidence.size());
    if (document.HasParseError() || !document.IsArray()) return;  // add_evidence says what is wrong
    for (const auto& item : document.GetArray()) {
      if (!item.IsObject()) continue;
      const auto source = item.FindMember("source");
      if (source == item.MemberEnd() || !source->value.IsString()) continue;
      std::string id(source->value.GetString(), source->value.GetStringLength());
      if (sources_.insert(id).second) builder_.add_source(id, "", "", Date());
    }
  }

  std::string node_path() const { return "node '" + id_ + "'"; }
  std::string edge_path() const { return "edge " + source_ + " -> " + target_; }

  XML_Parser parser_;
  Builder& builder_;
  interchange::Problems& problems_;
  std::vector<Element> stack_;
  Class class_ = Class::Node;
  GexfColumns columns_;
  int item_kind_ = 0;               // of the node or edge being read
  std::string text_;
  bool text_too_long_ = false;
  bool titled_ = false;
  std::size_t graphs_ = 0;
  bool directed_default_ = false;  // GEXF's default edge type is undirected
  // The node or edge being read.
  std::size_t item_offset_ = 0;
  std::string id_, label_, source_, target_;
  bool directed_ = false;
  std::string time_[2];
  std::size_t time_offset_ = 0;
  std::size_t spells_ = 0;
  bool several_spells_warned_ = false;
  std::optional<ScalarInput> weight_;
  std::vector<Value> values_;
  std::unordered_set<std::string> sources_;
  EdgeDirections edge_directions_;
  std::size_t refused_at_ = 0;
  std::vector<std::size_t> entity_offsets_, relation_offsets_;
  std::vector<std::pair<std::size_t, std::string>> warnings_;
};

ReadResult parse(const char* data, std::size_t size, MappedFile* file, const std::string& name,
                 const std::function<std::string()>& load_text, const ReadOptions& options) {
  const xml::Parser owner = xml::make_parser();
  XML_Parser parser = owner.get();
  Builder builder;
  interchange::Problems problems(options.max_problems);
  Reader reader(parser, builder, problems, options.csv.relation_type);
  if (xml::parse(parser, reader, data, size, file, options, problems)) reader.finish_document();

  ReadResult result;
  if (!reader.warnings().empty()) {
    // One warning for the file, at the first place, naming every case.
    std::string what;
    for (const auto& [at, text] : reader.warnings()) what += (what.empty() ? "" : "; ") + text;
    interchange::warn_once(result, reader.warnings().front().first, "read as text or in part: " + what, name,
                           load_text());
  }
  const auto place = [&](const ContentProblem& problem) -> std::size_t {
    if (problem.subject == ContentProblem::Subject::Entity) return reader.entity_offsets()[problem.index];
    if (problem.subject == ContentProblem::Subject::Relation) return reader.relation_offsets()[problem.index];
    return 0;
  };
  if (interchange::finish_build(std::move(builder), problems, place, result)) return result;
  problems.append_to(result, name, load_text());
  return result;
}

bool looks_like_gexf(std::string_view head) { return head.find("<gexf") != std::string_view::npos; }

}  // namespace

ReadResult read_gexf_file(const std::string& path, const ReadOptions& options) {
  MappedFile file(path, options.contents);
  return parse(file.data(), file.size(), &file, path, [&file] { return std::string(file.data(), file.size()); },
               options);
}

ReadResult read_gexf_text(const std::string& text, const std::string& name, const ReadOptions& options) {
  return parse(text.c_str(), text.size(), nullptr, name, [&text] { return text; }, options);
}

Format gexf_format() { return {"gexf", "GEXF 1.1-1.3 (Gephi, NetworkX)", {".gexf"}, &looks_like_gexf, &read_gexf_file}; }

}  // namespace kg
