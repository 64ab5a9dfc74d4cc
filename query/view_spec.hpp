#pragma once
// The part every request shares: which relations and entities a question
// looks at, in what time window, walking which way. One struct, so every
// front end exposes the same filters under the same field names.
#include <optional>
#include <string>
#include <vector>

#include "graph/view.hpp"

namespace kg::query {

struct ViewSpec {
  std::vector<std::string> relation_types;          // follow only these (all when empty)
  std::vector<std::string> exclude_relation_types;  // never follow these
  std::vector<std::string> entity_types;            // keep only these entity types
  std::string as_of;                                // relations active on this date
  std::string between;                              // relations active in DATE..DATE
  std::vector<std::string> avoid;                   // entities to leave out
  std::optional<std::size_t> max_degree;            // leave out entities with more relations
  Undated undated = Undated::Include;               // what a time window does with undated relations
  Direction direction = Direction::Any;
  bool direction_given = false;                     // a front end was told the direction

  // Throws InvalidArgument naming the field: a malformed date or window, or
  // as_of and between together.
  void validate() const;
  // Whether answers should mark undated relations: a time window keeps them
  // although no date puts them in it (or `undated` chose them).
  bool marks_undated() const;
  // The graph filter (validate()s first); the direction stays with the
  // algorithms, which take it per query.
  Filter to_filter() const;
};

// A field of a spec that is set, and the spec without it: for explaining
// which filter emptied an answer.
struct SetField {
  std::string field;
  std::string value;  // as given, lists joined by commas
  ViewSpec without;
};
// In the order of ViewSpec's members.
std::vector<SetField> set_fields(const ViewSpec& spec);

const char* direction_name(Direction direction);

}  // namespace kg::query
