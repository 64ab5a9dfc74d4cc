#pragma once
// Collects entities and relations in any order, then checks them all at once
// and produces an immutable Graph. Readers feed it; it knows no file format.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <variant>
#include <vector>

#include "graph/content_check.hpp"
#include "graph/graph.hpp"

namespace kg {

// An attribute value as a reader sees it, before its strings are stored.
using ScalarInput = std::variant<std::string_view, std::int64_t, double, bool>;

struct BuildResult {
  std::optional<Graph> graph;  // empty whenever problems is not
  std::vector<ContentProblem> problems;
};

class Builder {
 public:
  Builder();

  void set_name(std::string_view name);
  // See GraphData::directed (default true) and GraphData::integer_ids
  // (default false; finish() reports an id that is not an integer).
  void set_directed(bool directed) { data_.directed = directed; }
  void set_integer_ids(bool integer_ids) { data_.integer_ids = integer_ids; }
  void add_graph_attribute(std::string_view key, ScalarInput value);
  // A graph attribute whose value is structured: kept as compact JSON text.
  void add_graph_json_attribute(std::string_view key, std::string_view json);

  void add_source(std::string_view id, std::string_view title, std::string_view url, Date date);
  void declare_relation_type(std::string_view name, bool symmetric, Polarity polarity,
                             std::string_view description);

  // An empty name defaults to the id; an empty type to "entity".
  void add_entity(std::string_view id, std::string_view name, std::string_view type);
  // These apply to the entity added last.
  void add_alias(std::string_view alias);
  void add_entity_attribute(std::string_view key, ScalarInput value);

  // Endpoints name an entity id or alias; they may be added before it.
  void add_relation(std::string_view source, std::string_view target, std::string_view type, Date date,
                    Date until);
  // Starts fetching what interning `text` will read: a streaming reader
  // calls it as it reads a relation's names and adds the relation a few
  // members later.
  void prefetch(std::string_view text) const { strings_.prefetch(text); }
  // These apply to the relation added last.
  void add_relation_attribute(std::string_view key, ScalarInput value);
  void add_evidence(std::string_view source_id, std::string_view quote);

  std::size_t entity_count() const { return data_.entity_keys.size(); }
  std::size_t relation_count() const { return data_.relation_sources.size(); }

  // Checks the content (graph/content_check.hpp: duplicate ids, an alias
  // naming two entities, unknown relation endpoints and evidence sources
  // with "did you mean", until before date, ...), reports every problem, and
  // resolves every reference when there is none. Consumes the builder.
  BuildResult finish() &&;

 private:
  Attribute make_attribute(std::string_view key, const ScalarInput& value);
  TypeId relation_type_id(StringId name);
  void resolve_references(const ContentCheck& check);

  GraphData data_;
  StringInterner strings_;
  std::unordered_map<StringId, TypeId> entity_type_ids_;
  std::unordered_map<StringId, TypeId> relation_type_ids_;
  std::vector<bool> relation_type_declared_;
  std::vector<ContentProblem> problems_;  // what the content check cannot see: declarations
};

}  // namespace kg
