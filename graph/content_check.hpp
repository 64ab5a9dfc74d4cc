#pragma once
// The rules a graph's content obeys whatever it came from, in one place:
// non-empty unique ids, aliases that name one entity, ends and evidence that
// name something, until not before date, well-formed UTF-8 within the
// string limit, attribute keys given once, structured values only where the
// format has them. The builder applies them to what a reader fed it; the
// snapshot reader to a file whose checksum guards against damage but not
// against a file made by hand. Each problem names the item and field at
// fault; readers turn that into a file position.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "graph/graph.hpp"

namespace kg {

// The longest string kg keeps. Readers refuse a longer one where they read
// it (before holding it); the check refuses one that arrived another way.
inline constexpr std::size_t kMaxStringBytes = std::size_t{1} << 24;  // 16 MiB

// Why `text` may not be stored (longer than kMaxStringBytes, not UTF-8), in
// the words every problem with a string uses; empty when it may.
std::string string_fault(std::string_view text);

// One problem with the content, named by what it is about: the index-th
// source, entity, relation or relation type in the data's order (Graph: the
// graph itself; `field` names the attribute or column), and the field at
// fault ("aliases[0]", "evidence[2].source", "attributes.born").
struct ContentProblem {
  enum class Subject : std::uint8_t { Graph, Source, Entity, Relation, RelationType };
  Subject subject;
  std::size_t index;
  std::string field;
  std::string message;

  // The place in the data's own terms: "entities[3].aliases[0]".
  std::string path() const;
};

// What relation ends and evidence sources hold in the data being checked.
enum class References : std::uint8_t {
  // The names the input gave, not yet resolved: the string of an entity id
  // or alias, of a source id. Strings are interned (a Builder's data).
  Names,
  // Resolved indices (a finished graph's data, whose structure Graph has
  // checked). Strings may repeat: a snapshot made by hand is not interned.
  Indices,
};

class ContentCheck {
 public:
  static constexpr std::uint32_t kNone = UINT32_MAX;

  // Checks everything at once; the columns' storage must outlive the check.
  ContentCheck(const GraphColumns& data, References references);

  const std::vector<ContentProblem>& problems() const { return problems_; }
  std::vector<ContentProblem> take_problems() { return std::move(problems_); }

  // With References::Names: the entity a name (id or alias) and the source an
  // id stands for, or kNone.
  EntityId entity_named(StringId name) const { return entity_of_name_[name]; }
  std::uint32_t source_named(StringId id) const;

 private:
  using Subject = ContentProblem::Subject;

  void problem(Subject subject, std::size_t index, std::string field, std::string message);
  void find_faulty_text();
  bool sound(StringId id) const;
  // Reports the string's fault, if it has one, as the given field's.
  void text(StringId id, Subject subject, std::size_t index, std::string_view field);
  void attributes(Span<Attribute> all, Offset begin, Offset end, Subject subject, std::size_t index);
  void check_graph();
  void check_types();
  void check_sources();
  void check_entities();
  void check_relations();
  void unknown_end(RelationId r, StringId name, const char* field);

  GraphColumns data_;
  References references_;
  std::vector<ContentProblem> problems_;
  // Why a string may not be stored (invalid UTF-8, too long), by StringId:
  // empty when every string is sound, as nearly always.
  std::unordered_map<StringId, std::string> text_faults_;
  // Why an entity type may not be used (empty, stored twice), by TypeId.
  std::vector<std::string> entity_type_faults_;
  std::vector<EntityId> entity_of_name_;  // by StringId, References::Names only
  std::unordered_map<std::string_view, std::uint32_t> source_of_id_;
  std::vector<std::string_view> known_names_;  // for suggestions, filled on the first miss
  std::size_t misses_ = 0;
};

}  // namespace kg
