#include "export/html.hpp"

#include <map>

#include "export/escape.hpp"

namespace kg {
namespace {

constexpr const char* kUntitled = "kg evidence map";
// Relative, so that the page works under a reverse proxy's prefix too
// (docs/SERVER.md, "Behind a reverse proxy").
constexpr const char* kLiveApi = "api/v1/";

// `page` with each @NAME@ replaced by its part, in one pass, so that no
// part (the data least of all) is searched for placeholders.
std::string fill_template(std::string_view page, const std::map<std::string, std::string_view>& parts) {
  std::string out;
  std::size_t at = 0;
  while (at < page.size()) {
    const std::size_t open = page.find('@', at);
    if (open == std::string_view::npos) break;
    const std::size_t close = page.find('@', open + 1);
    if (close == std::string_view::npos) break;
    const auto part = parts.find(std::string(page.substr(open + 1, close - open - 1)));
    if (part == parts.end()) {
      out += page.substr(at, close - at);
      at = close;
      continue;
    }
    out += page.substr(at, open - at);
    out += part->second;
    at = close + 1;
  }
  out += page.substr(at);
  return out;
}

}  // namespace

std::string script_safe_json(std::string_view json) {
  std::string out;
  out.reserve(json.size() + json.size() / 16);
  for (std::size_t i = 0; i < json.size(); ++i) {
    const char c = json[i];
    if (c == '<') {
      out += "\\u003c";
    } else if (c == '>') {
      out += "\\u003e";
    } else if (c == '&') {
      out += "\\u0026";
    } else if (c == '\xE2' && i + 2 < json.size() && json[i + 1] == '\x80' &&
               (json[i + 2] == '\xA8' || json[i + 2] == '\xA9')) {
      out += json[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

std::string write_html(const Diagram& diagram, const std::vector<NodePosition>& positions,
                       const HtmlOptions& options) {
  options.initial.validate();
  rapidjson::StringBuffer buffer;
  MapJson json(buffer);
  json.StartObject();
  write_map_model_members(diagram, positions, options, MapModel::Page, json);
  json.EndObject();
  const std::string data = script_safe_json({buffer.GetString(), buffer.GetSize()});
  const std::string title = dot::html_text(diagram.graph->name().empty() ? kUntitled : diagram.graph->name());
  return fill_template(viewer_page_template(), {{"TITLE", title},
                                                {"CONNECT", ""},
                                                {"STYLE", viewer_stylesheet()},
                                                {"DATA", data},
                                                {"CYTOSCAPE", viewer_cytoscape_script()},
                                                {"SCRIPT", viewer_script()}});
}

std::string write_live_html(const Style& style) {
  const std::string data = script_safe_json(empty_live_map_model(style, kLiveApi));
  return fill_template(viewer_page_template(), {{"TITLE", kUntitled},
                                                {"CONNECT", " connect-src 'self';"},
                                                {"STYLE", viewer_stylesheet()},
                                                {"DATA", data},
                                                {"CYTOSCAPE", viewer_cytoscape_script()},
                                                {"SCRIPT", viewer_script()}});
}

}  // namespace kg
