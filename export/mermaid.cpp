#include "export/mermaid.hpp"

#include <cctype>
#include <ostream>
#include <string>
#include <unordered_set>

namespace kg {
namespace {

// Letters, digits and '_' only; a leading letter so that no id starts with
// the "o" or "x" that would read as an arrow head, and a prefix for ids that
// are keywords of the flowchart grammar.
std::string sanitised(std::string_view text) {
  std::string id;
  for (const char c : text) {
    const unsigned char u = static_cast<unsigned char>(c);
    id += std::isalnum(u) && u < 0x80 ? c : '_';
  }
  static const std::unordered_set<std::string> keywords = {
      "end", "graph", "flowchart", "subgraph", "style", "class", "classDef", "click", "linkStyle", "direction"};
  if (id.empty() || !std::isalpha(static_cast<unsigned char>(id[0])) || id[0] == 'o' || id[0] == 'x' ||
      keywords.count(id)) {
    id = "n_" + id;
  }
  return id;
}

}  // namespace

std::string mermaid_text(std::string_view text) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '"': out += "#quot;"; break;
      case '#': out += "#35;"; break;
      case '&': out += "#amp;"; break;
      case '<': out += "#lt;"; break;
      case '>': out += "#gt;"; break;
      case '|': out += "#124;"; break;
      case '`': out += "#96;"; break;
      case '\n': out += "<br>"; break;
      default:
        out += static_cast<unsigned char>(c) < 0x20 ? ' ' : c;
        break;
    }
  }
  return out;
}

void write_mermaid(const View& view, std::ostream& out) {
  const Graph& graph = view.graph();
  std::vector<std::string> ids(graph.entity_count());
  std::unordered_set<std::string> taken;
  for (EntityId e = 0; e < graph.entity_count(); ++e) {
    if (!view.keeps_entity(e)) continue;
    const std::string base = sanitised(graph.entity_key(e));
    std::string id = base;
    for (int suffix = 2; !taken.insert(id).second; ++suffix) id = base + "_" + std::to_string(suffix);
    ids[e] = id;
  }
  if (!graph.name().empty()) out << "%% " << mermaid_text(graph.name()) << '\n';
  out << "flowchart LR\n";
  std::vector<std::vector<EntityId>> by_type(graph.entity_type_count());
  for (EntityId e = 0; e < graph.entity_count(); ++e) {
    if (!view.keeps_entity(e)) continue;
    out << "  " << ids[e] << "[\"" << mermaid_text(graph.entity_name(e)) << "\"]\n";
    by_type[graph.entity_type(e)].push_back(e);
  }
  for (RelationId r = 0; r < graph.relation_count(); ++r) {
    if (!view.keeps_relation(r)) continue;
    std::string text(graph.relation_type_name(graph.relation_type(r)));
    const std::string dates = date_range_text(graph.date(r), graph.until(r));
    if (!dates.empty()) text += " " + dates;
    out << "  " << ids[graph.source(r)] << " -->|\"" << mermaid_text(text) << "\"| " << ids[graph.target(r)] << '\n';
  }
  for (TypeId t = 0; t < by_type.size(); ++t) {
    if (by_type[t].empty()) continue;
    out << "  class ";
    for (std::size_t i = 0; i < by_type[t].size(); ++i) out << (i ? "," : "") << ids[by_type[t][i]];
    out << " type_" << sanitised(graph.entity_type_name(t)) << '\n';
  }
}

}  // namespace kg
