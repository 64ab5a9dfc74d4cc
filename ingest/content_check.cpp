#include "ingest/content_check.hpp"

#include <unordered_map>

#include "ingest/utf8.hpp"

namespace kg {
namespace {

std::string quoted(std::string_view text) { return "'" + std::string(text) + "'"; }

class Checker {
 public:
  Checker(const Graph& graph, const std::string& file, std::size_t limit)
      : graph_(graph), file_(file), limit_(limit) {}

  std::vector<Diagnostic> run() {
    check_text();
    check_sources();
    check_entities();
    check_relations();
    return std::move(problems_);
  }

 private:
  void problem(std::string path, std::string message) {
    if (problems_.size() < limit_) problems_.push_back({file_, 0, 0, std::move(path), std::move(message)});
  }

  void check_text() {
    const GraphData& d = graph_.data();
    for (StringId s = 0; s < d.strings.size(); ++s) {
      const std::string_view text = d.strings.view(s);
      if (!is_ascii(text) && find_invalid_utf8(text) != std::string_view::npos) {
        problem("", "invalid UTF-8 in the text " + std::to_string(s) + " of the string pool");
      }
    }
  }

  void check_sources() {
    std::unordered_map<std::string_view, std::size_t> first;
    for (std::size_t i = 0; i < graph_.sources().size(); ++i) {
      const std::string_view id = graph_.str(graph_.sources()[i].id);
      const std::string path = "sources[" + std::to_string(i) + "].id";
      if (id.empty()) problem(path, "empty source id");
      const auto [it, fresh] = first.try_emplace(id, i);
      if (!fresh) problem(path, "duplicate source id " + quoted(id) + " (first used by sources[" + std::to_string(it->second) + "])");
    }
  }

  void check_entities() {
    std::unordered_map<std::string_view, EntityId> owner;
    owner.reserve(graph_.entity_count());
    for (EntityId e = 0; e < graph_.entity_count(); ++e) {
      const std::string_view id = graph_.entity_key(e);
      const std::string path = "entities[" + std::to_string(e) + "].id";
      if (id.empty()) {
        problem(path, "empty id");
        continue;
      }
      const auto [it, fresh] = owner.try_emplace(id, e);
      if (!fresh) problem(path, "duplicate id " + quoted(id) + " (first defined by entities[" + std::to_string(it->second) + "])");
    }
    for (EntityId e = 0; e < graph_.entity_count(); ++e) {
      const auto aliases = graph_.entity_aliases(e);
      for (std::size_t i = 0; i < aliases.size(); ++i) {
        const std::string_view alias = graph_.str(aliases[i]);
        const std::string path = "entities[" + std::to_string(e) + "].aliases[" + std::to_string(i) + "]";
        if (alias.empty()) {
          problem(path, "empty alias");
          continue;
        }
        const auto [it, fresh] = owner.try_emplace(alias, e);
        if (!fresh && it->second != e) {
          problem(path, "alias " + quoted(alias) + " already names " + quoted(graph_.entity_key(it->second)) +
                            " (entities[" + std::to_string(it->second) + "])");
        }
      }
    }
  }

  void check_relations() {
    for (RelationId r = 0; r < graph_.relation_count(); ++r) {
      const Date date = graph_.date(r), until = graph_.until(r);
      if (!date.empty() && !until.empty() && until.last_day() < date.first_day()) {
        problem("relations[" + std::to_string(r) + "].until",
                "until " + until.to_string() + " precedes date " + date.to_string());
      }
      if (graph_.relation_type_name(graph_.relation_type(r)).empty()) {
        problem("relations[" + std::to_string(r) + "].type", "empty relation type");
      }
    }
  }

  const Graph& graph_;
  const std::string& file_;
  std::size_t limit_;
  std::vector<Diagnostic> problems_;
};

}  // namespace

std::vector<Diagnostic> check_graph_content(const Graph& graph, const std::string& file, std::size_t limit) {
  return Checker(graph, file, limit).run();
}

}  // namespace kg
