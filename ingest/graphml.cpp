// The GraphML reader. Expat (a streaming XML parser) walks the mapped file;
// the reader keeps the keys (ingest/graphml_keys), one node or edge at a
// time, and the byte offset of every node and edge it hands to the builder,
// so that problems found later can be placed. Entity declarations are
// refused (no entity expansion attacks), UTF-8 is checked by Expat.
#include "ingest/graphml.hpp"

#include <expat.h>

#include <algorithm>
#include <cstring>
#include <functional>
#include <limits>
#include <memory>
#include <unordered_map>

#include "base/mapped_file.hpp"
#include "graph/exception.hpp"
#include "ingest/edge_directions.hpp"
#include "ingest/graphml_keys.hpp"
#include "ingest/interchange.hpp"
#include "ingest/xml_document.hpp"

namespace kg {
namespace {

using interchange::TextType;
using graphml::Domain;
using graphml::field_of;
using graphml::GraphmlKeys;
using graphml::Key;
using graphml::OwnField;

constexpr std::string_view kGraphmlNamespace = "http://graphml.graphdrawing.org/xmlns";

struct DataValue {
  std::size_t key;  // index into keys_
  const std::string* text;
  std::size_t offset;
};

// One <node> or <edge> being read.
struct Item {
  std::string id, source, target;
  bool directed = true;
  std::size_t offset = 0;
  std::vector<DataValue> data;
};

enum class Element : std::uint8_t { Graphml, Key, Default, Graph, Node, Edge, Data, Desc, Foreign };

class Reader {
 public:
  // `relation_type_key`: the edge key (by attr.name) that holds the relation
  // type, in place of "type" or "label"; empty for those.
  Reader(XML_Parser parser, Builder& builder, interchange::Problems& problems, std::string relation_type_key)
      : parser_(parser), builder_(builder), problems_(problems), keys_(std::move(relation_type_key)) {}

  void start(const char* raw_name, const char** attributes) {
    const std::size_t offset = here();
    const auto local = local_name(raw_name);  // not a structured binding: lambdas below use it
    const bool foreign = local.first;
    const char* name = local.second;
    const Element parent = stack_.empty() ? Element::Foreign : stack_.back();
    if (!stack_.empty() && (parent == Element::Foreign || parent == Element::Desc ||
                            (parent == Element::Data && foreign))) {
      // Inside foreign markup (yEd's graphics) or a description: not ours.
      if (parent == Element::Data) data_structured_ = true;
      stack_.push_back(parent == Element::Data ? Element::Foreign : parent);
      return;
    }
    if (foreign) {
      stack_.push_back(Element::Foreign);
      return;
    }
    const auto attribute = [attributes](const char* wanted) -> const char* {
      for (const char** a = attributes; *a; a += 2) {
        if (std::strcmp(local_name(a[0]).second, wanted) == 0) return a[1];
      }
      return nullptr;
    };
    Element element = Element::Foreign;
    const auto misplaced = [&](const char* where) {
      problems_.report(offset, "", std::string("<") + name + "> is not allowed here (expected inside " + where + ")");
    };
    if (std::strcmp(name, "graphml") == 0) {
      if (!stack_.empty()) misplaced("nothing: it is the root");
      element = Element::Graphml;
    } else if (std::strcmp(name, "key") == 0) {
      if (parent != Element::Graphml) misplaced("<graphml>");
      element = Element::Key;
      const std::string problem =
          keys_.declare(offset, attribute("id"), attribute("for"), attribute("attr.name"), attribute("attr.type"));
      if (!problem.empty()) problems_.report(offset, "", problem);
    } else if (std::strcmp(name, "default") == 0) {
      if (parent != Element::Key) misplaced("<key>");
      element = Element::Default;
      text_.clear();
    } else if (std::strcmp(name, "graph") == 0) {
      if (parent != Element::Graphml) {
        problems_.report(offset, "", "nested graphs are not supported (kg graphs are flat)");
      } else if (graphs_++ > 0) {
        problems_.report(offset, "", "a second <graph>: kg reads one graph per file");
      }
      const char* edgedefault = attribute("edgedefault");
      undirected_default_ = edgedefault && std::strcmp(edgedefault, "undirected") == 0;
      element = Element::Graph;
      graph_offset_ = offset;
    } else if (std::strcmp(name, "node") == 0) {
      if (parent != Element::Graph) misplaced("<graph>");
      element = Element::Node;
      item_.data.clear();
      item_.offset = offset;
      const char* id = attribute("id");
      if (!id) problems_.report(offset, "", "<node> has no id");
      item_.id.assign(id ? id : "");
    } else if (std::strcmp(name, "edge") == 0) {
      if (parent != Element::Graph) misplaced("<graph>");
      element = Element::Edge;
      item_.data.clear();
      item_.offset = offset;
      const char* source = attribute("source");
      const char* target = attribute("target");
      if (!source || !target) problems_.report(offset, "", "<edge> needs a source and a target");
      item_.source.assign(source ? source : "");
      item_.target.assign(target ? target : "");
      const char* directed = attribute("directed");
      item_.directed = directed ? std::strcmp(directed, "false") != 0 : !undirected_default_;
    } else if (std::strcmp(name, "data") == 0) {
      element = Element::Data;
      text_.clear();
      data_structured_ = false;
      data_offset_ = offset;
      const char* key = attribute("key");
      data_key_ = key ? keys_.find(key) : keys_.size();
      if (!key) problems_.report(offset, "", "<data> has no key");
      else if (data_key_ == keys_.size()) problems_.report(offset, "", std::string("<data> names an undeclared key '") + key + "'");
      if (parent != Element::Node && parent != Element::Edge && parent != Element::Graph && parent != Element::Graphml) {
        misplaced("<node>, <edge> or <graph>");
      }
    } else if (std::strcmp(name, "desc") == 0) {
      element = Element::Desc;
    } else if (std::strcmp(name, "hyperedge") == 0 || std::strcmp(name, "port") == 0 ||
               std::strcmp(name, "endpoint") == 0 || std::strcmp(name, "locator") == 0) {
      problems_.report(offset, "", std::string("<") + name + "> is not supported (kg reads nodes, edges and data)");
      element = Element::Foreign;
    } else {
      problems_.report(offset, "", std::string("unknown GraphML element <") + name + ">");
      element = Element::Foreign;
    }
    stack_.push_back(element);
  }

  void end() {
    const Element element = stack_.back();
    stack_.pop_back();
    const bool ours = stack_.empty() || (stack_.back() != Element::Foreign && stack_.back() != Element::Desc);
    if (!ours && element != Element::Data) return;
    switch (element) {
      case Element::Default:
        keys_.set_default(text_);
        break;
      case Element::Data: finish_data(); break;
      case Element::Node: finish_node(); break;
      case Element::Edge: finish_edge(); break;
      default: break;
    }
  }

  void text(const char* data, int length) {
    if (stack_.empty()) return;
    const Element element = stack_.back();
    if (element != Element::Data && element != Element::Default) return;
    if (text_.size() + static_cast<std::size_t>(length) > kMaxStringBytes) {
      if (!text_too_long_) problems_.report(here(), "", "data longer than 16 MiB");
      text_too_long_ = true;
      return;
    }
    text_.append(data, static_cast<std::size_t>(length));
  }

  // After the document: what is declared once all edges are seen.
  void finish_document() {
    if (graphs_ == 0) problems_.report(0, "", "no <graph> element: not a GraphML document");
    edge_directions_.apply(builder_, !undirected_default_, declared_types_);
  }

  // Keys of types kg does not interpret, each (offset, "'name' (type)").
  const std::vector<std::pair<std::size_t, std::string>>& uninterpreted() const { return keys_.uninterpreted(); }
  const std::vector<std::size_t>& entity_offsets() const { return entity_offsets_; }
  const std::vector<std::size_t>& relation_offsets() const { return relation_offsets_; }
  std::size_t graph_offset() const { return graph_offset_; }
  std::size_t sources_offset() const { return sources_offset_; }
  // Entities declared in a DTD could expand without bound.
  void refuse_entity() {
    refused_at_ = here();
    XML_StopParser(parser_, XML_FALSE);
  }
  std::size_t refused_at() const { return refused_at_; }

 private:
  std::size_t here() const { return static_cast<std::size_t>(XML_GetCurrentByteIndex(parser_)); }

  // (whether it is outside GraphML's namespace, local name)
  static std::pair<bool, const char*> local_name(const char* name) {
    const char* separator = std::strchr(name, xml::kNamespaceSeparator);
    if (!separator) return {false, name};
    const std::string_view space(name, static_cast<std::size_t>(separator - name));
    return {space != kGraphmlNamespace, separator + 1};
  }

  void finish_data() {
    if (data_key_ >= keys_.size() || data_structured_) return;  // yEd's graphics and the like: drawing, not data
    const Element owner = stack_.back();
    const Key& key = keys_[data_key_];
    const Domain domain = owner == Element::Node ? Domain::Node : owner == Element::Edge ? Domain::Edge : Domain::Graph;
    if (key.domain != Domain::All && key.domain != domain) {
      problems_.report(data_offset_, "", "key '" + key.name + "' is declared for another kind of element");
      return;
    }
    if (owner == Element::Node || owner == Element::Edge) {
      for (const auto& existing : item_.data) {
        if (existing.key == data_key_) {
          problems_.report(data_offset_, "", "second value for key '" + key.name + "'");
          return;
        }
      }
      item_.data.push_back({data_key_, text_pool(), data_offset_});
    } else if (owner == Element::Graph) {
      graph_data(key, text_, data_offset_);
    }
  }

  void graph_data(const Key& key, const std::string& text, std::size_t offset) {
    std::string error;
    switch (field_of(Domain::Graph, key.name)) {
      case OwnField::GraphName: builder_.set_name(text); return;
      case OwnField::Sources:
        error = interchange::add_json_text(builder_, text, &interchange::add_sources);
        sources_offset_ = offset;
        break;
      case OwnField::RelationTypes: {
        rapidjson::Document document;
        document.Parse<rapidjson::kParseIterativeFlag>(text.data(), text.size());
        error = document.HasParseError() ? "JSON text"
                                         : interchange::add_relation_types(builder_, document, &declared_types_);
        break;
      }
      default: {
        if (key.type == TextType::String && !text.empty() && (text[0] == '[' || text[0] == '{')) {
          rapidjson::Document document;
          document.Parse<rapidjson::kParseIterativeFlag>(text.data(), text.size());
          if (!document.HasParseError()) {
            builder_.add_graph_json_attribute(interchange::imported_attribute_name(key.name), text);
            return;
          }
        }
        const auto value = interchange::typed_value(text, key.type);
        if (!value) {
          error = interchange::type_description(key.type);
          break;
        }
        builder_.add_graph_attribute(interchange::imported_attribute_name(key.name), *value);
        return;
      }
    }
    if (!error.empty()) problems_.report(offset, "", "graph data '" + key.name + "': expected " + error);
  }

  // A string for the current <data>'s text, reused from item to item so
  // that reading a value allocates nothing once the pool has grown.
  const std::string* text_pool() {
    if (pool_used_ == text_pool_.size()) text_pool_.emplace_back(std::make_unique<std::string>());
    std::string& slot = *text_pool_[pool_used_++];
    slot.assign(text_);
    return &slot;
  }

  // The item's values, then its keys' defaults for the keys it has no value
  // for; values_ holds them until the next item.
  void values_with_defaults(Domain domain) {
    values_.assign(item_.data.begin(), item_.data.end());
    for (std::size_t k = 0; k < keys_.size(); ++k) {
      const Key& key = keys_[k];
      if (!key.has_default || (key.domain != domain && key.domain != Domain::All)) continue;
      const bool given = std::any_of(item_.data.begin(), item_.data.end(), [k](const DataValue& v) { return v.key == k; });
      if (!given) values_.push_back({k, &key.default_value, item_.offset});
    }
    pool_used_ = 0;
  }

  void finish_node() {
    values_with_defaults(Domain::Node);
    std::string_view name, type, label, id;
    const DataValue* aliases = nullptr;
    for (const DataValue& value : values_) {
      const Key& key = keys_[value.key];
      switch (key.node_field) {
        case OwnField::Name: name = *value.text; break;
        case OwnField::EntityType: type = *value.text; break;
        case OwnField::Aliases: aliases = &value; break;
        default:
          if (key.label) label = *value.text;
          if (key.id) id = *value.text;
          break;
      }
    }
    entity_offsets_.push_back(item_.offset);
    builder_.add_entity(item_.id, !name.empty() ? name : !label.empty() ? label : id, type);
    if (aliases) {
      const std::string error = interchange::add_json_text(builder_, *aliases->text, &interchange::add_aliases);
      if (!error.empty()) problems_.report(aliases->offset, node_path(), "expected " + error);
    }
    for (const DataValue& value : values_) {
      const Key& key = keys_[value.key];
      if (key.node_field != OwnField::None) continue;
      const auto typed = interchange::typed_value(*value.text, key.type);
      if (!typed) {
        problems_.report(value.offset, node_path(), "data '" + key.name + "': expected " +
                                                        interchange::type_description(key.type) + ", found '" +
                                                        *value.text + "'");
        continue;
      }
      builder_.add_entity_attribute(interchange::imported_attribute_name(key.name), *typed);
    }
  }

  void finish_edge() {
    values_with_defaults(Domain::Edge);
    std::string_view type = interchange::kDefaultRelationType;
    Date dates[2];
    const DataValue* evidence = nullptr;
    bool typed = false;
    for (const DataValue& value : values_) {
      const Key& key = keys_[value.key];
      const OwnField field = key.edge_field;
      if (key.label && !typed && !keys_.relation_type_named() && (key.domain == Domain::Edge || key.domain == Domain::All) &&
          !value.text->empty()) {
        type = *value.text;
      }
      if (field == OwnField::RelationType) {
        typed = true;
        type = *value.text;
      } else if (field == OwnField::Date || field == OwnField::Until) {
        if (value.text->empty()) continue;
        const auto date = Date::parse(*value.text);
        if (!date) {
          problems_.report(value.offset, edge_path(), key.name + ": " + Date::explain_invalid(*value.text));
        } else {
          dates[field == OwnField::Date ? 0 : 1] = *date;
        }
      } else if (field == OwnField::Evidence) {
        evidence = &value;
      }
    }
    relation_offsets_.push_back(item_.offset);
    builder_.add_relation(item_.source, item_.target, type, dates[0], dates[1]);
    edge_directions_.count(type, item_.directed);
    for (const DataValue& value : values_) {
      const Key& key = keys_[value.key];
      if (key.edge_field != OwnField::None) continue;
      const auto typed = interchange::typed_value(*value.text, key.type);
      if (!typed) {
        problems_.report(value.offset, edge_path(), "data '" + key.name + "': expected " +
                                                        interchange::type_description(key.type) + ", found '" +
                                                        *value.text + "'");
        continue;
      }
      builder_.add_relation_attribute(interchange::imported_attribute_name(key.name), *typed);
    }
    if (evidence && !evidence->text->empty()) {
      const std::string error = interchange::add_json_text(builder_, *evidence->text, &interchange::add_evidence);
      if (!error.empty()) problems_.report(evidence->offset, edge_path(), "expected " + error);
    }
  }

  std::string node_path() const { return "node '" + item_.id + "'"; }
  std::string edge_path() const { return "edge " + item_.source + " -> " + item_.target; }

  XML_Parser parser_;
  Builder& builder_;
  interchange::Problems& problems_;
  std::vector<Element> stack_;
  GraphmlKeys keys_;
  Item item_;
  std::string text_;
  bool text_too_long_ = false;
  bool data_structured_ = false;
  std::size_t data_key_ = 0;
  std::size_t data_offset_ = 0;
  std::size_t graphs_ = 0;
  bool undirected_default_ = false;
  std::size_t graph_offset_ = 0;
  std::size_t sources_offset_ = 0;
  std::size_t refused_at_ = 0;
  EdgeDirections edge_directions_;
  std::vector<DataValue> values_;
  std::vector<std::unique_ptr<std::string>> text_pool_;
  std::size_t pool_used_ = 0;
  std::vector<std::string> declared_types_;
  std::vector<std::size_t> entity_offsets_, relation_offsets_;

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
  if (!reader.uninterpreted().empty()) {
    // One warning for the file, at the first such key, naming them all.
    std::string keys;
    for (const auto& [at, key] : reader.uninterpreted()) keys += (keys.empty() ? "" : ", ") + key;
    interchange::warn_once(result, reader.uninterpreted().front().first,
                           "attribute types kg does not interpret, values kept as text: " + keys, name, load_text());
  }
  const auto place = [&](const ContentProblem& problem) -> std::size_t {
    switch (problem.subject) {
      case ContentProblem::Subject::Entity: return reader.entity_offsets()[problem.index];
      case ContentProblem::Subject::Relation: return reader.relation_offsets()[problem.index];
      case ContentProblem::Subject::Source: return reader.sources_offset();
      case ContentProblem::Subject::RelationType:
      case ContentProblem::Subject::Graph: return reader.graph_offset();
    }
    return 0;
  };
  if (interchange::finish_build(std::move(builder), problems, place, result)) return result;
  problems.append_to(result, name, load_text());
  return result;
}

bool looks_like_graphml(std::string_view head) { return head.find("<graphml") != std::string_view::npos; }

}  // namespace

ReadResult read_graphml_file(const std::string& path, const ReadOptions& options) {
  MappedFile file(path, options.contents);
  return parse(file.data(), file.size(), &file, path, [&file] { return std::string(file.data(), file.size()); },
               options);
}

ReadResult read_graphml_text(const std::string& text, const std::string& name, const ReadOptions& options) {
  return parse(text.c_str(), text.size(), nullptr, name, [&text] { return text; }, options);
}

Format graphml_format() {
  return {"graphml", "GraphML (NetworkX, igraph, Gephi, yEd)", {".graphml", ".xml"}, &looks_like_graphml,
          &read_graphml_file};
}

}  // namespace kg
