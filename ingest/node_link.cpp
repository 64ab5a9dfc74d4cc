// The node-link and Cytoscape readers: the whole document goes into
// RapidJSON's DOM first (ingest/node_link_document.hpp; the formats' members
// may come in any order: links before nodes), then into the builder, and
// problems are placed afterwards by their JSON path (ingest/json_location.hpp).
#include "ingest/node_link.hpp"

#include <rapidjson/document.h>

#include <algorithm>
#include <cstring>
#include <functional>

#include "base/mapped_file.hpp"
#include "ingest/interchange.hpp"
#include "ingest/json_location.hpp"
#include "ingest/node_link_document.hpp"

namespace kg {
namespace {

using node_link::deeper_than;
using node_link::id_text;
using node_link::json_text;
using node_link::kMaxDepth;
using node_link::text_of;

// Where an item sits ("links[12]", "elements.nodes[3].data"), kept as
// parts and spelled out only for the rare problem.
struct ItemPath {
  const char* prefix;
  std::uint32_t index;
  const char* suffix;
  std::string str() const { return prefix + std::to_string(index) + suffix; }
};

class Reader {
 public:
  Reader(Builder& builder) : builder_(builder) {}

  // "directed" and "multigraph", members of both JSON shapes; false for
  // any other member.
  bool read_graph_flag(std::string_view name, const rapidjson::Value& value, const std::string& path) {
    if (name != "directed" && name != "multigraph") return false;
    if (!value.IsBool()) {
      problem(path, "expected true or false");
    } else if (name == "directed") {
      undirected_ = !value.GetBool();
    }
    return true;
  }

  void read(const rapidjson::Value& root) {
    if (!root.IsObject()) {
      problem("", "expected an object with nodes and links");
      return;
    }
    const rapidjson::Value* nodes = nullptr;
    const rapidjson::Value* links = nullptr;
    const char* links_name = "links";
    for (const auto& member : root.GetObject()) {
      const std::string_view name = text_of(member.name);
      const std::string path(name);
      if (read_graph_flag(name, member.value, path)) continue;
      if (name == "graph") {
        read_graph(member.value, "graph");
      } else if (name == "nodes") {
        nodes = &member.value;
      } else if (name == "links" || name == "edges") {
        if (links) problem(path, "both links and edges: expected one of them");
        links = &member.value;
        links_name = name == "links" ? "links" : "edges";
      } else {
        problem(path, "unknown member '" + path + "' (expected directed, multigraph, graph, nodes, links)");
      }
    }
    if (!nodes) problem("", "no \"nodes\" array");
    else read_nodes(*nodes);
    if (links) read_links(*links, links_name);
    finish_graph();
  }

  // Cytoscape.js: {"data": {...}, "directed", "elements": {"nodes": [{"data":
  // {...}}], "edges": [...]}}, or "elements" as one array of both, edges
  // told by their "group" or by data with source and target. Members of an
  // element beside "data" (position, classes, ...) are drawing state.
  void read_cytoscape(const rapidjson::Value& root) {
    cytoscape_ = true;
    if (!root.IsObject()) {
      problem("", "expected an object with elements");
      return;
    }
    const rapidjson::Value* elements = nullptr;
    for (const auto& member : root.GetObject()) {
      const std::string_view name = text_of(member.name);
      const std::string path(name);
      if (read_graph_flag(name, member.value, path)) continue;
      if (name == "data") {
        read_graph(member.value, "data");
      } else if (name == "elements") {
        elements = &member.value;
      } else if (name != "format_version" && name != "generated_by" && name != "target_cytoscapejs_version") {
        problem(path, "unknown member '" + path + "' (expected data, directed, multigraph, elements)");
      }
    }
    if (!elements) {
      problem("", "no \"elements\"");
    } else if (elements->IsArray()) {
      for (rapidjson::SizeType i = 0; i < elements->Size(); ++i) {
        const auto& element = (*elements)[i];
        const bool edge = element.IsObject() &&
                          ((element.HasMember("group") && element["group"] == "edges") ||
                           (element.HasMember("data") && element["data"].IsObject() &&
                            element["data"].HasMember("source") && element["data"].HasMember("target")));
        read_element(element, {"elements[", i, "].data"}, edge);
      }
    } else if (elements->IsObject()) {
      for (const auto& member : elements->GetObject()) {
        const std::string_view name = text_of(member.name);
        const std::string path = "elements." + std::string(name);
        if ((name != "nodes" && name != "edges") || !member.value.IsArray()) {
          problem(path, "expected \"nodes\" and \"edges\" arrays");
          continue;
        }
        for (rapidjson::SizeType i = 0; i < member.value.Size(); ++i) {
          read_element(member.value[i], {name == "edges" ? "elements.edges[" : "elements.nodes[", i, "].data"},
                       name == "edges");
        }
      }
    } else {
      problem("elements", "expected an object of nodes and edges, or an array");
    }
    finish_graph();
  }

  void read_element(const rapidjson::Value& element, const ItemPath& path, bool edge) {
    if (!element.IsObject() || !element.HasMember("data")) {
      const std::string data = path.str();
      problem(data.substr(0, data.size() - 5), "expected an object with data");  // the element, without ".data"
    } else if (edge) {
      read_link(element["data"], path, true);
    } else {
      read_node(element["data"], path);
    }
  }

  // After the whole document: what the graph-level flags and the ids say.
  void finish_graph() {
    builder_.set_directed(!undirected_);
    builder_.set_integer_ids(integer_ids_ && builder_.entity_count() > 0);
  }

  struct PathProblem {
    std::string path;
    std::string message;
  };
  std::vector<PathProblem>& problems() { return problems_; }
  const std::vector<ItemPath>& entity_paths() const { return entity_paths_; }
  const std::vector<ItemPath>& relation_paths() const { return relation_paths_; }

 private:
  void problem(std::string path, std::string message) { problems_.push_back({std::move(path), std::move(message)}); }

  // The graph's object: "graph" in node-link, "data" in Cytoscape.
  // NetworkX's cytoscape_data writes it as a list of [name, value] pairs.
  void read_graph(const rapidjson::Value& graph, const char* where) {
    if (graph.IsArray()) {
      for (rapidjson::SizeType i = 0; i < graph.Size(); ++i) {
        const auto& pair = graph[i];
        if (!pair.IsArray() || pair.Size() != 2 || !pair[0].IsString()) {
          problem(std::string(where) + "[" + std::to_string(i) + "]", "expected a [name, value] pair");
          continue;
        }
        graph_member(text_of(pair[0]), pair[1], std::string(where) + "[" + std::to_string(i) + "][1]");
      }
      return;
    }
    if (!graph.IsObject()) {
      problem(where, "expected an object (or a list of [name, value] pairs)");
      return;
    }
    for (const auto& member : graph.GetObject()) {
      const std::string_view name = text_of(member.name);
      graph_member(name, member.value, std::string(where) + "." + std::string(name));
    }
  }

  void graph_member(std::string_view name, const rapidjson::Value& value, const std::string& path) {
    std::string error;
    if (name == "name" && value.IsString()) {
      builder_.set_name(text_of(value));
    } else if (name == "sources") {
      sources_path_ = path;
      error = interchange::add_sources(builder_, value);
    } else if (name == "relation_types") {
      error = interchange::add_relation_types(builder_, value, &declared_);
    } else if (value.IsObject() || value.IsArray()) {
      if (deeper_than(value, kMaxDepth)) error = "at most " + std::to_string(kMaxDepth) + " levels of nesting";
      else builder_.add_graph_json_attribute(name, json_text(value));
    } else if (const auto scalar = interchange::scalar_input(value)) {
      builder_.add_graph_attribute(name, *scalar);
    } else if (!value.IsNull()) {
      error = "an integer within 64 bits";
    }
    if (!error.empty()) problem(path, "expected " + error);
  }

  // A member that is not one of kg's fields: an attribute.
  template <typename Add>
  void attribute(const ItemPath& item, std::string_view name, const rapidjson::Value& value, Add&& add) {
    const auto path = [&] { return item.str() + "." + std::string(name); };
    const std::string_view key = interchange::imported_attribute_name(name);
    if (value.IsNull()) return;  // NetworkX's None: no value
    if (value.IsArray() || value.IsObject()) {
      if (deeper_than(value, kMaxDepth)) {
        problem(path(), "expected at most " + std::to_string(kMaxDepth) + " levels of nesting");
        return;
      }
      const std::string text = json_text(value);
      add(key, ScalarInput(std::string_view(text)));
      return;
    }
    const auto scalar = interchange::scalar_input(value);
    if (!scalar) {
      problem(path(), "expected an integer within 64 bits");
      return;
    }
    add(key, *scalar);
  }

  void read_nodes(const rapidjson::Value& nodes) {
    if (!nodes.IsArray()) {
      problem("nodes", "expected an array of objects");
      return;
    }
    for (rapidjson::SizeType i = 0; i < nodes.Size(); ++i) read_node(nodes[i], {"nodes[", i, "]"});
  }

  void read_node(const rapidjson::Value& node, const ItemPath& item) {
    const auto path = [&item] { return item.str(); };
    std::string id;
    {
      if (!node.IsObject()) {
        problem(path(), "expected an object with an id");
        return;
      }
      const auto id_member = node.FindMember("id");
      if (id_member == node.MemberEnd()) {
        problem(path(), "node has no 'id'");
        return;
      }
      const rapidjson::Value* key_value = &id_member->value;
      // NetworkX's cytoscape_data keys a node by "value" and writes "id" as
      // its text: an integer value whose text is the id is an integer id.
      if (const auto value = node.FindMember("value"); cytoscape_ && value != node.MemberEnd() &&
                                                       id_member->value.IsString()) {
        std::string value_id;
        if (id_text(value->value, value_id) && value_id == text_of(id_member->value)) key_value = &value->value;
      }
      if (!id_text(id_member->value, id)) {
        problem(path() + ".id", "expected a string or a number");
        return;
      }
      integer_ids_ = integer_ids_ && (key_value->IsInt64() || key_value->IsUint64());
      const bool skip_value = key_value != &id_member->value;
      std::string_view name, type;
      const rapidjson::Value* aliases = nullptr;
      for (const auto& member : node.GetObject()) {
        const std::string_view key = text_of(member.name);
        if (key == "name" && member.value.IsString()) name = text_of(member.value);
        if (key == "type" && member.value.IsString()) type = text_of(member.value);
        if (key == "aliases") aliases = &member.value;
      }
      entity_paths_.push_back(item);
      builder_.add_entity(id, name, type);
      if (aliases) {
        const std::string error = interchange::add_aliases(builder_, *aliases);
        if (!error.empty()) problem(path() + ".aliases", "expected " + error);
      }
      for (const auto& member : node.GetObject()) {
        const std::string_view key = text_of(member.name);
        if (key == "id" || key == "aliases" || (skip_value && key == "value")) continue;
        if ((key == "name" || key == "type") && member.value.IsString()) continue;
        attribute(item, key, member.value,
                  [this](std::string_view k, const ScalarInput& v) { builder_.add_entity_attribute(k, v); });
      }
    }
  }

  void read_links(const rapidjson::Value& links, const char* array) {
    if (!links.IsArray()) {
      problem(array, "expected an array of objects");
      return;
    }
    for (rapidjson::SizeType i = 0; i < links.Size(); ++i) {
      read_link(links[i], {array == std::string_view("links") ? "links[" : "edges[", i, "]"}, false);
    }
  }

  // With `identified` (Cytoscape), "id" is the edge's own id, not an
  // attribute, and "interaction" (Cytoscape desktop's edge type) stands for
  // a missing "type".
  void read_link(const rapidjson::Value& link, const ItemPath& item, bool identified) {
    const auto path = [&item] { return item.str(); };
    std::string source, target;
    {
      if (!link.IsObject()) {
        problem(path(), "expected an object with source and target");
        return;
      }
      bool complete = true;
      for (const auto& [field, out] : {std::pair<const char*, std::string*>{"source", &source}, {"target", &target}}) {
        const auto it = link.FindMember(field);
        if (it == link.MemberEnd()) {
          problem(path(), std::string("link has no '") + field + "'");
          complete = false;
        } else if (!id_text(it->value, *out)) {
          problem(path() + "." + field, "expected a node id (a string or a number)");
          complete = false;
        }
      }
      if (!complete) return;
      std::string_view type = interchange::kDefaultRelationType;
      if (identified && link.HasMember("interaction") && !link.HasMember("type") && link["interaction"].IsString()) {
        type = text_of(link["interaction"]);
      }
      Date dates[2];
      const rapidjson::Value* evidence = nullptr;
      for (const auto& member : link.GetObject()) {
        const std::string_view key = text_of(member.name);
        if (key == "type" && member.value.IsString()) type = text_of(member.value);
        if (key == "evidence") evidence = &member.value;
        if (key == "date" || key == "until") {
          const auto field_path = [&] { return path() + "." + std::string(key); };
          if (!member.value.IsString()) {
            if (!member.value.IsNull()) problem(field_path(), "expected a date string");
            continue;
          }
          const auto date = Date::parse(text_of(member.value));
          if (!date) {
            problem(field_path(), Date::explain_invalid(text_of(member.value)));
          } else {
            dates[key == "date" ? 0 : 1] = *date;
          }
        }
      }
      relation_paths_.push_back(item);
      builder_.add_relation(source, target, type, dates[0], dates[1]);
      for (const auto& member : link.GetObject()) {
        const std::string_view key = text_of(member.name);
        if (key == "source" || key == "target" || key == "key" || key == "evidence" || key == "date" ||
            key == "until") {
          continue;
        }
        if (identified && (key == "id" || (key == "interaction" && !link.HasMember("type")))) continue;
        if (key == "type" && member.value.IsString()) continue;
        attribute(item, key, member.value,
                  [this](std::string_view k, const ScalarInput& v) { builder_.add_relation_attribute(k, v); });
      }
      if (evidence) {
        const std::string error = interchange::add_evidence(builder_, *evidence);
        if (!error.empty()) problem(path() + ".evidence", "expected " + error);
      }
    }
  }

  Builder& builder_;
  bool undirected_ = false;
  std::vector<PathProblem> problems_;
  std::vector<ItemPath> entity_paths_, relation_paths_;
  std::string sources_path_ = "graph.sources";
  bool integer_ids_ = true;  // every node id so far a JSON integer
  bool cytoscape_ = false;
  std::vector<std::string> declared_;

 public:
  const std::string& sources_path() const { return sources_path_; }
};

ReadResult parse(const char* data, std::size_t size, const std::string& name,
                 const std::function<std::string()>& load_text, const ReadOptions& options, bool cytoscape) {
  const std::size_t start = size >= 3 && std::memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
  const std::string_view body(data + start, size - start);
  interchange::Problems problems(options.max_problems);
  ReadResult result;
  rapidjson::Document document;
  if (const auto refusal = node_link::read_document(body, start, document, load_text)) {
    problems.report(refusal->offset, refusal->path, refusal->message);
    problems.append_to(result, name, load_text());
    return result;
  }
  Builder builder;
  Reader reader(builder);
  if (cytoscape) {
    reader.read_cytoscape(document);
  } else {
    reader.read(document);
  }
  std::vector<Reader::PathProblem> located = std::move(reader.problems());
  if (located.empty()) {
    BuildResult built = std::move(builder).finish();
    if (built.problems.empty()) {
      result.graph = std::move(built.graph);
      return result;
    }
    for (const auto& problem : built.problems) {
      std::string path;
      switch (problem.subject) {
        case ContentProblem::Subject::Entity: path = reader.entity_paths()[problem.index].str(); break;
        case ContentProblem::Subject::Relation: path = reader.relation_paths()[problem.index].str(); break;
        case ContentProblem::Subject::Source: path = reader.sources_path(); break;
        case ContentProblem::Subject::RelationType: path = cytoscape ? "data.relation_types" : "graph.relation_types"; break;
        case ContentProblem::Subject::Graph: path = cytoscape ? "data" : "graph"; break;
      }
      if (!problem.field.empty()) path += "." + problem.field;
      located.push_back({path, problem.message});
    }
  }
  const std::string text = load_text();
  const std::size_t root = skip_json_separators(text, start);
  for (auto& problem : located) {
    const std::size_t offset = locate_json_path(text, root, parse_json_path(problem.path));
    problems.report(offset, std::move(problem.path), std::move(problem.message));
  }
  problems.append_to(result, name, text);
  return result;
}

bool looks_like_node_link(std::string_view head) {
  // A top-level "elements" is Cytoscape's, whose "directed" and
  // "multigraph" are node-link's too.
  return json_top_level_has(head, {"nodes", "links", "edges", "directed", "multigraph"},
                            {"entities", "relations", "elements", "kg"});
}

}  // namespace

bool json_top_level_has(std::string_view head, std::initializer_list<std::string_view> members,
                        std::initializer_list<std::string_view> excluded) {
  // A scan of the top-level member names: depth counting, strings skipped.
  std::size_t i = head.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  if (i == std::string_view::npos || head[i] != '{') return false;
  bool found = false;
  int depth = 0;
  for (; i < head.size(); ++i) {
    const char c = head[i];
    if (c == '{' || c == '[') {
      ++depth;
    } else if (c == '}' || c == ']') {
      --depth;
    } else if (c == '"') {
      const std::size_t begin = i + 1;
      for (++i; i < head.size() && head[i] != '"'; ++i) {
        if (head[i] == '\\') ++i;
      }
      if (i >= head.size()) break;
      const std::string_view text = head.substr(begin, i - begin);
      const std::size_t next = head.find_first_not_of(" \t\r\n", i + 1);
      if (depth != 1 || next == std::string_view::npos || head[next] != ':') continue;
      for (const auto member : excluded) {
        if (text == member) return false;
      }
      for (const auto member : members) found = found || text == member;
    }
  }
  return found;
}

ReadResult read_node_link_file(const std::string& path, const ReadOptions& options) {
  MappedFile file(path, options.contents);
  return parse(file.data(), file.size(), path, [&file] { return std::string(file.data(), file.size()); }, options,
               false);
}

ReadResult read_node_link_text(const std::string& text, const std::string& name, const ReadOptions& options) {
  return parse(text.c_str(), text.size(), name, [&text] { return text; }, options, false);
}

ReadResult read_cytoscape_file(const std::string& path, const ReadOptions& options) {
  MappedFile file(path, options.contents);
  return parse(file.data(), file.size(), path, [&file] { return std::string(file.data(), file.size()); }, options,
               true);
}

ReadResult read_cytoscape_text(const std::string& text, const std::string& name, const ReadOptions& options) {
  return parse(text.c_str(), text.size(), name, [&text] { return text; }, options, true);
}

Format cytoscape_format() {
  return {"cytoscape", "Cytoscape.js elements JSON (.cyjs)", {".cyjs", ".json"},
          [](std::string_view head) { return json_top_level_has(head, {"elements"}, {"entities", "relations", "nodes"}); },
          &read_cytoscape_file};
}

Format node_link_format() {
  return {"node-link", "node-link JSON (NetworkX's node_link_data, D3)", {".json"}, &looks_like_node_link,
          &read_node_link_file};
}

}  // namespace kg
