#include "export/style.hpp"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <fstream>
#include <sstream>

#include "graph/exception.hpp"

namespace kg {
namespace {

constexpr std::string_view kEmphasisNames[kEmphasisCount] = {"normal", "highlighted", "faded", "focus",
                                                             "added",  "ended",       "summary"};
constexpr std::string_view kPolarityNames[3] = {"neutral", "positive", "negative"};

// Graphviz attribute names are identifiers; anything else could smuggle DOT
// syntax through the unquoted name position.
bool is_attribute_name(std::string_view name) {
  if (name.empty()) return false;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    if (!letter && !(i > 0 && c >= '0' && c <= '9')) return false;
  }
  return true;
}

std::string line_column(std::string_view json, std::size_t offset) {
  std::size_t line = 1, column = 1;
  for (std::size_t i = 0; i < offset && i < json.size(); ++i) {
    if (json[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return std::to_string(line) + ":" + std::to_string(column);
}

// Reads a style sheet parsed in situ: every string, member names included,
// then points into the text, which gives each error its line and column.
class StyleReader {
 public:
  StyleReader(const std::string& origin, std::string_view text, const char* buffer)
      : origin_(origin), text_(text), buffer_(buffer) {}

  // `anchor` is the member name (or string value) the error is about.
  [[noreturn]] void fail(const rapidjson::Value& anchor, const std::string& where, const std::string& what) const {
    std::string place;
    if (anchor.IsString()) {
      // The opening quote, one byte before the string's first character.
      const auto offset = static_cast<std::size_t>(anchor.GetString() - buffer_);
      place = ":" + line_column(text_, offset == 0 ? 0 : offset - 1);
    }
    throw InvalidArgument(origin_ + place + ": " + where + ": " + what);
  }

  const rapidjson::Value& object(const rapidjson::Value& value, const rapidjson::Value& anchor,
                                 const std::string& where) const {
    if (!value.IsObject()) fail(anchor, where, "expected an object");
    return value;
  }

  void attributes(const rapidjson::Value& value, const rapidjson::Value& anchor, const std::string& where,
                  DotAttributes& into) const {
    for (const auto& member : object(value, anchor, where).GetObject()) {
      const std::string name(member.name.GetString(), member.name.GetStringLength());
      if (!is_attribute_name(name)) fail(member.name, where, "'" + name + "' is not a Graphviz attribute name");
      const auto& v = member.value;
      if (v.IsString()) {
        into[name] = std::string(v.GetString(), v.GetStringLength());
      } else if (v.IsBool()) {
        into[name] = v.GetBool() ? "true" : "false";
      } else if (v.IsInt64()) {
        into[name] = std::to_string(v.GetInt64());
      } else if (v.IsNumber()) {
        std::ostringstream text;
        text << v.GetDouble();
        into[name] = text.str();
      } else {
        fail(member.name, where + "." + name, "expected a string, number or boolean");
      }
    }
  }

  void named_attributes(const rapidjson::Value& value, const rapidjson::Value& anchor, const std::string& where,
                        std::map<std::string, DotAttributes, std::less<>>& into) const {
    for (const auto& member : object(value, anchor, where).GetObject()) {
      const std::string name(member.name.GetString(), member.name.GetStringLength());
      attributes(member.value, member.name, where + "." + name, into[name]);
    }
  }

  void read(const rapidjson::Value& root, Style& style) const {
    if (!root.IsObject()) throw InvalidArgument(origin_ + ":1:1: style sheet: expected an object");
    for (const auto& member : root.GetObject()) {
      const std::string section(member.name.GetString(), member.name.GetStringLength());
      const auto& value = member.value;
      const auto& at = member.name;
      if (section == "graph") {
        attributes(value, at, section, style.graph);
      } else if (section == "node") {
        attributes(value, at, section, style.node);
      } else if (section == "edge") {
        attributes(value, at, section, style.edge);
      } else if (section == "entity_types") {
        named_attributes(value, at, section, style.entity_types);
      } else if (section == "relation_types") {
        named_attributes(value, at, section, style.relation_types);
      } else if (section == "symmetric") {
        attributes(value, at, section, style.symmetric);
      } else if (section == "legend") {
        attributes(value, at, section, style.legend);
      } else if (section == "polarity") {
        for (const auto& entry : object(value, at, section).GetObject()) {
          const std::string name = entry.name.GetString();
          std::size_t p = 0;
          while (p < 3 && kPolarityNames[p] != name) ++p;
          if (p == 3) fail(entry.name, section, "unknown polarity '" + name + "' (positive, negative or neutral)");
          attributes(entry.value, entry.name, section + "." + name, style.polarity[p]);
        }
      } else if (section == "emphasis") {
        emphasis(value, at, style);
      } else {
        fail(at, section, "unknown section (graph, node, edge, entity_types, polarity, symmetric, relation_types, "
                          "emphasis, legend)");
      }
    }
  }

 private:
  void emphasis(const rapidjson::Value& value, const rapidjson::Value& anchor, Style& style) const {
    for (const auto& entry : object(value, anchor, "emphasis").GetObject()) {
      const std::string name = entry.name.GetString();
      std::size_t e = 1;
      while (e < kEmphasisCount && kEmphasisNames[e] != name) ++e;
      const std::string where = "emphasis." + name;
      if (e == kEmphasisCount) {
        fail(entry.name, "emphasis",
             "unknown emphasis '" + name + "' (highlighted, faded, focus, added, ended, summary)");
      }
      for (const auto& part : object(entry.value, entry.name, where).GetObject()) {
        const std::string kind = part.name.GetString();
        if (kind == "entity") {
          attributes(part.value, part.name, where + ".entity", style.emphasis_entity[e]);
        } else if (kind == "relation") {
          attributes(part.value, part.name, where + ".relation", style.emphasis_relation[e]);
        } else {
          fail(part.name, where, "expected 'entity' or 'relation', not '" + kind + "'");
        }
      }
    }
  }

  const std::string& origin_;
  std::string_view text_;
  const char* buffer_;
};

}  // namespace

void merge_into(DotAttributes& base, const DotAttributes& overrides) {
  for (const auto& [name, value] : overrides) base[name] = value;
}

std::string_view emphasis_name(Emphasis emphasis) { return kEmphasisNames[static_cast<std::size_t>(emphasis)]; }

DotAttributes Style::entity_attributes(std::string_view type) const {
  DotAttributes attributes = node;
  if (const auto it = entity_types.find(type); it != entity_types.end()) merge_into(attributes, it->second);
  return attributes;
}

DotAttributes Style::relation_attributes(const Graph& graph, TypeId type) const {
  const RelationTypeInfo& info = graph.relation_type_info(type);
  DotAttributes attributes = edge;
  merge_into(attributes, polarity[static_cast<std::size_t>(info.polarity)]);
  if (graph.both_ways(type)) merge_into(attributes, symmetric);
  if (const auto it = relation_types.find(graph.relation_type_name(type)); it != relation_types.end()) {
    merge_into(attributes, it->second);
  }
  return attributes;
}

Style parse_style(std::string_view json, const std::string& origin, const Style& base) {
  rapidjson::Document document;
  // In situ, so that strings point into `buffer` (StyleReader's positions);
  // iterative: deep nesting costs heap, not the stack.
  std::string buffer(json);
  document.ParseInsitu<rapidjson::kParseIterativeFlag | rapidjson::kParseCommentsFlag |
                       rapidjson::kParseTrailingCommasFlag>(buffer.data());
  if (document.HasParseError()) {
    throw InputError(origin + ":" + line_column(json, document.GetErrorOffset()) + ": " +
                     rapidjson::GetParseError_En(document.GetParseError()));
  }
  Style style = base;
  StyleReader(origin, json, buffer.data()).read(document, style);
  return style;
}

Style load_style(const std::string& path, const Style& base) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path + ": cannot read the style sheet");
  std::ostringstream text;
  text << in.rdbuf();
  return parse_style(text.str(), path, base);
}

const Style& default_style() {
  static const Style style = parse_style(default_style_json(), "samples/style.json (compiled in)", Style{});
  return style;
}

}  // namespace kg
