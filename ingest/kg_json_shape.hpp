#pragma once
// The shape of a kg JSON document (docs/FORMAT.md) as its reader walks it:
// the kinds of object and array met on the way down (Context), the members
// each kind of object may have, and one open object or array (Frame) with
// what has been read of it. Knows nothing of parsing or of the graph.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kg::kg_json {

enum class Context : std::uint8_t {
  Document,
  Top,
  Sources,
  Source,
  Entities,
  Entity,
  Aliases,
  EntityAttributes,
  Relations,
  Relation,
  RelationAttributes,
  EvidenceList,
  EvidenceItem,
  RelationTypes,
  RelationType,
  Skip,     // an invalid value, walked over
  Capture,  // an unknown top-level value, kept as JSON text
};

// The members an object of this context may have, in the order its docs
// list them (a member's index in this list is its field number); empty for
// objects whose member names are open (attributes, relation types).
const std::vector<std::string_view>& fields_of(Context context);
// The index of `name` in fields_of(context), or -1. Inline, and sizes and
// first letters compared before whole names: it runs for every member of
// the document.
inline int field_number(Context context, std::string_view name) {
  const auto& fields = fields_of(context);
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const std::string_view field = fields[i];
    if (field.size() == name.size() && field[0] == name[0] && field == name) return static_cast<int>(i);
  }
  return -1;
}
// "an entity", "the document", ...: the object, as a message names it.
const char* what_object(Context context);

constexpr int kNoMember = -1;        // between members, or a name kept in `key`
constexpr int kRepeatedMember = -2;  // a field given twice (reported)

struct Frame {
  Frame(Context c, bool is_array) : context(c), array(is_array) {}
  Context context;
  bool array;
  std::size_t index = 0;  // arrays: the element being read
  // Objects with fixed fields: the member being read as an index into
  // fields_of(), or one of the negative codes above, and the members seen
  // (bit i for fields_of()[i]). Names are kept as text only where they are
  // not fields: unknown members, attribute names, relation type names.
  int field = kNoMember;
  std::string key;
  std::uint32_t seen = 0;
};

// "relations[12].date": where the value being read sits, given the open
// frames from the document's own (frames[0], which adds nothing) inwards.
std::string path_of(const std::vector<Frame>& frames);

}  // namespace kg::kg_json
