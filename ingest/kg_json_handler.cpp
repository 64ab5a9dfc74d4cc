#include "ingest/kg_json_handler.hpp"


#include "base/utf8.hpp"
#include "graph/lookup.hpp"

namespace kg::kg_json {
namespace {

// The format nests five levels deep; unknown top-level values get room for
// modest structure. Deeper input is refused rather than followed, which
// also bounds the recursion of RapidJSON's parser.
constexpr std::size_t kMaxDepth = 64;

// RapidJSON copies a string whole onto its stack before the handler sees
// its length, so a 200 MB value would cost 200 MB and more before being
// refused. The stack grows by half each time it is full: a request past
// this cap means it already holds more than 16 MiB (a string over the limit,
// with room to spare).
constexpr std::size_t kMaxParserStackBytes = 5 * kMaxStringBytes / 2;

struct ParserStackFull {};

// The parser's stack allocator: CrtAllocator up to kMaxParserStackBytes.
class CappedStackAllocator : public rapidjson::CrtAllocator {
 public:
  void* Realloc(void* original, size_t original_size, size_t new_size) {
    if (new_size > kMaxParserStackBytes) throw ParserStackFull{};
    return rapidjson::CrtAllocator::Realloc(original, original_size, new_size);
  }
};

// The offset of the opening quote of the string that `offset` is inside:
// the last quote before it that no backslash escapes.
std::size_t string_start(const char* text, std::size_t offset) {
  while (offset > 0) {
    --offset;
    if (text[offset] != '"') continue;
    std::size_t backslashes = 0;
    while (backslashes < offset && text[offset - 1 - backslashes] == '\\') ++backslashes;
    if (backslashes % 2 == 0) return offset;
  }
  return 0;
}

std::string join(const std::vector<std::string_view>& words) {
  std::string text;
  for (const auto word : words) text += (text.empty() ? "" : ", ") + std::string(word);
  return text;
}

const char* container_name(bool array) { return array ? "an array" : "an object"; }

}  // namespace

Handler::Handler(rapidjson::StringStream& stream, std::size_t base_offset, Builder& builder,
                 ReadProgress& progress, std::size_t max_problems)
    : stream_(stream), base_(base_offset), builder_(builder), items_(builder), progress_(progress),
      problems_(max_problems) {
  frames_.emplace_back(Context::Document, false);
}

// The event handlers below are defined `inline`: RapidJSON's parser,
// instantiated here, calls them once per token, and only inlined into it do
// they cost what they did when the reader was one class (callgrind, kg info
// on the S graph: 309.0M instructions before the split, 327.9M with them
// out of line, 309.2M inline). Nothing outside this file calls them.
rapidjson::ParseResult Handler::parse() {
  rapidjson::GenericReader<rapidjson::UTF8<>, rapidjson::UTF8<>, CappedStackAllocator> reader;
  // Not kParseIterativeFlag: its state machine costs a fifth more than the
  // recursive descent (bench/json_parse_bound), whose depth open() bounds.
  constexpr unsigned kFlags = rapidjson::kParseFullPrecisionFlag;
  rapidjson::ParseResult parsed;
  try {
    parsed = reader.Parse<kFlags>(stream_, *this);
    // Refused for its depth: placed at the bracket, not after it.
    if (parsed.Code() == rapidjson::kParseErrorTermination) parsed.Set(parsed.Code(), value_offset_ - base_);
  } catch (const ParserStackFull&) {
    // Stopped inside an oversize string: the place is where it stopped,
    // the path that of the value being read.
    abort_message_ = "string longer than the limit of " + std::to_string(kMaxStringBytes) + " bytes";
    path_wanted_ = true;
    parsed.Set(rapidjson::kParseErrorTermination, string_start(stream_.head_, stream_.Tell()));
  }
  return parsed;
}

inline bool Handler::Null() {
  value_offset_ = here() - 4;
  return scalar(Scalar{});
}

inline bool Handler::Bool(bool b) {
  value_offset_ = here() - (b ? 4 : 5);
  Scalar s;
  s.kind = Scalar::Kind::Boolean;
  s.boolean = b;
  return scalar(s);
}

inline bool Handler::Int64(std::int64_t i) {
  value_offset_ = here();
  Scalar s;
  s.kind = Scalar::Kind::Integer;
  s.integer = i;
  return scalar(s);
}

bool Handler::Uint64(std::uint64_t u) {
  value_offset_ = here();
  if (u > static_cast<std::uint64_t>(INT64_MAX)) {
    ok("integer " + std::to_string(u) + " is out of range (at most 2^63-1)");
    return after_value();
  }
  return Int64(static_cast<std::int64_t>(u));
}

inline bool Handler::Double(double d) {
  value_offset_ = here();
  Scalar s;
  s.kind = Scalar::Kind::Real;
  s.real = d;
  return scalar(s);
}

inline bool Handler::String(const char* text, rapidjson::SizeType length, bool) {
  value_offset_ = here();
  Scalar s;
  s.kind = Scalar::Kind::String;
  s.text = std::string_view(text, length);
  if (!valid_text(s.text)) return after_value();
  return scalar(s);
}

inline bool Handler::Key(const char* text, rapidjson::SizeType length, bool) {
  Frame& frame = frames_.back();
  key_offset_ = value_offset_ = here();
  const std::string_view name(text, length);
  if (!valid_text(name)) {
    frame.field = kRepeatedMember;  // skip its value quietly: one problem is enough
    frame.key = "?";
    return true;
  }
  const int index = field_number(frame.context, name);
  if (index < 0) {
    frame.key.assign(name);
    if (!fields_of(frame.context).empty() && frame.context != Context::Top) unknown_member(frame);
  } else {
    if (frame.seen & (1u << index)) {
      frame.field = kRepeatedMember;
      frame.key.assign(name);
      report(key_offset_, current_path(), "duplicate member '" + frame.key + "'");
    } else {
      frame.seen |= 1u << index;
      frame.field = index;
    }
  }
  if (frame.context == Context::Capture) capture_.Key(text, length);
  return true;
}

// Checked here rather than by RapidJSON's kParseValidateEncodingFlag,
// which costs a call per byte; reported at the string's start.
inline bool Handler::valid_text(std::string_view text) {
  if (text.size() <= kMaxStringBytes && is_ascii(text)) return true;
  return ok(string_fault(text));
}

void Handler::unknown_member(const Frame& frame) {
  const auto& fields = fields_of(frame.context);
  std::string message = "unknown member '" + frame.key + "' in " + what_object(frame.context);
  const auto close = closest_matches(frame.key, fields, 1);
  message += close.empty() ? " (expected one of " + join(fields) + ")" : " (did you mean '" + close[0] + "'?)";
  report(key_offset_, current_path(), message);
}

void Handler::attribute(const Scalar& value, Attributes& attributes) {
  const std::string& key = parent().key;
  if (!ok(check_attribute_value(value))) return;
  if (has_attribute(attributes, key)) {
    report(key_offset_, current_path(), "duplicate attribute '" + key + "'");
    return;
  }
  attributes.emplace_back(key, OwnedScalar(value));
}

// A scalar arrives: put it where its parent says.
inline bool Handler::scalar(const Scalar& value) {
  switch (parent().context) {
    case Context::Document: expected_here("an object with entities and relations", kind_name(value.kind)); break;
    case Context::Top:
      if (field_index() != kRepeatedMember) ok(items_.top_member(field_index(), parent().key, value));
      break;
    case Context::Source: ok(items_.source_field(field_index(), value)); break;
    case Context::Entity: ok(items_.entity_field(field_index(), value)); break;
    case Context::Relation: ok(items_.relation_field(field_index(), value)); break;
    case Context::EvidenceItem: ok(items_.evidence_field(field_index(), value)); break;
    case Context::RelationType: ok(items_.relation_type_field(field_index(), value)); break;
    case Context::Aliases: {
      std::string alias;
      if (ok(take_string(value, alias))) items_.entity.aliases.push_back(std::move(alias));
      break;
    }
    case Context::EntityAttributes: attribute(value, items_.entity.attributes); break;
    case Context::RelationAttributes: attribute(value, items_.relation.attributes); break;
    case Context::Sources:
    case Context::Entities:
    case Context::Relations:
    case Context::EvidenceList: expected_here("an object", kind_name(value.kind)); break;
    case Context::RelationTypes:
      expected_here("an object with symmetric, polarity and description", kind_name(value.kind));
      break;
    case Context::Skip: break;
    case Context::Capture: capture_scalar(value); break;
  }
  return after_value();
}

void Handler::capture_scalar(const Scalar& value) {
  switch (value.kind) {
    case Scalar::Kind::Null: capture_.Null(); break;
    case Scalar::Kind::Boolean: capture_.Bool(value.boolean); break;
    case Scalar::Kind::Integer: capture_.Int64(value.integer); break;
    case Scalar::Kind::Real: capture_.Double(value.real); break;
    case Scalar::Kind::String:
      capture_.String(value.text.data(), static_cast<rapidjson::SizeType>(value.text.size()));
      break;
  }
}

// The context an object or array opens, given where it sits; Skip (after
// reporting) where the format wants something else.
Context Handler::child_context(bool array) {
  Frame& frame = parent();
  const char* found = container_name(array);
  const auto want = [&](bool want_array, Context context, const char* what) {
    if (array == want_array) return context;
    expected_here(what, found);
    return Context::Skip;
  };
  switch (frame.context) {
    case Context::Document: return want(false, Context::Top, "an object with entities and relations");
    case Context::Top: {
      const int field = field_index();
      switch (field) {
        case 0:
        case 1: expected_here(field == 0 ? "the number 1" : "a string", found); return Context::Skip;
        case 2: return want(true, Context::Sources, "an array of sources");
        case 3: return want(true, Context::Entities, "an array of entities");
        case 4: return want(true, Context::Relations, "an array of relations");
        case 5: relation_types_offset_ = value_offset_;
                return want(false, Context::RelationTypes, "an object of relation types");
        case 6: expected_here("true or false", found); return Context::Skip;
        default: {
          if (field == kRepeatedMember) return Context::Skip;
          capture_buffer_.Clear();
          capture_.Reset(capture_buffer_);
          return Context::Capture;
        }
      }
    }
    case Context::Sources: return want(false, Context::Source, "an object");
    case Context::Entities: return want(false, Context::Entity, "an object");
    case Context::Relations: return want(false, Context::Relation, "an object");
    case Context::EvidenceList: return want(false, Context::EvidenceItem, "an object with source and quote");
    case Context::RelationTypes: return want(false, Context::RelationType, "an object");
    case Context::Entity:
      switch (field_index()) {
        case 0:
        case 1:
        case 2: expected_here("a string", found); return Context::Skip;
        case 3: return want(true, Context::Aliases, "an array of strings");
        case 4: return want(false, Context::EntityAttributes, "an object");
        default: return Context::Skip;
      }
    case Context::Relation:
      switch (field_index()) {
        case 5: return want(false, Context::RelationAttributes, "an object");
        case 6: return want(true, Context::EvidenceList, "an array of objects");
        case kNoMember: return Context::Skip;
        default: expected_here("a string", found); return Context::Skip;
      }
    case Context::Source:
    case Context::EvidenceItem:
    case Context::RelationType:
      if (field_index() >= 0) {
        expected_here(frame.context == Context::RelationType && field_index() == 0 ? "a boolean" : "a string", found);
      }
      return Context::Skip;
    case Context::Aliases: expected_here("a string", found); return Context::Skip;
    case Context::EntityAttributes:
    case Context::RelationAttributes: expected_here("a string, number or boolean", found); return Context::Skip;
    case Context::Skip: return Context::Skip;
    case Context::Capture: return Context::Capture;
  }
  return Context::Skip;
}

inline bool Handler::open(bool array) {
  const std::size_t start = here() - 1;  // the bracket, taken already
  value_offset_ = start;
  if (frames_.size() > kMaxDepth) {
    abort_message_ = "nesting deeper than " + std::to_string(kMaxDepth) + " levels";
    return false;
  }
  const Context context = child_context(array);
  switch (context) {
    case Context::Source:
      items_.source = SourceItem{};
      item_offset_ = start;
      break;
    case Context::Entity:
      items_.entity.clear();
      item_offset_ = start;
      break;
    case Context::Relation:
      items_.relation.clear();
      item_offset_ = start;
      break;
    case Context::EvidenceItem:
      items_.relation.clear_evidence_item();
      evidence_offset_ = start;
      break;
    case Context::RelationType:
      items_.relation_type = RelationTypeItem{};
      items_.relation_type.name = parent().key;
      break;
    case Context::Capture:
      if (array) {
        capture_.StartArray();
      } else {
        capture_.StartObject();
      }
      break;
    default: break;
  }
  frames_.emplace_back(context, array);
  return true;
}

inline bool Handler::close() {
  const Frame frame = std::move(frames_.back());
  frames_.pop_back();
  switch (frame.context) {
    case Context::Source: finish_source(frame); break;
    case Context::Entity: finish_entity(frame); break;
    case Context::Relation: finish_relation(frame); break;
    case Context::EvidenceItem: finish_evidence(frame); break;
    case Context::RelationType: items_.add_relation_type(); break;
    case Context::Capture:
      if (frame.array) {
        capture_.EndArray();
      } else {
        capture_.EndObject();
      }
      if (parent().context == Context::Top) {
        builder_.add_graph_json_attribute(parent().key,
                                          std::string_view(capture_buffer_.GetString(), capture_buffer_.GetSize()));
      }
      break;
    default: break;
  }
  return after_value();
}

inline bool Handler::after_value() {
  Frame& frame = parent();
  if (frame.array) {
    ++frame.index;
  } else {
    frame.field = kNoMember;
    frame.key.clear();
  }
  return true;
}

// A required member absent from the object that just closed; one present
// with a bad value was reported already.
void Handler::require_member(const Frame& object, int field, const char* what) {
  if (object.seen & (1u << field)) return;
  report(item_offset_, current_path(),
         std::string(what) + " has no '" + std::string(fields_of(object.context)[field]) + "'");
}

void Handler::finish_source(const Frame& object) {
  if (!items_.source.has_id) {
    require_member(object, 0, "source");
    return;
  }
  items_.add_source(item_offset_, parent().index);
}

void Handler::finish_entity(const Frame& object) {
  if (!items_.entity.has_id) {
    require_member(object, 0, "entity");
    return;
  }
  items_.add_entity(item_offset_, parent().index);
}

void Handler::finish_relation(const Frame& object) {
  const RelationItem& relation = items_.relation;
  const bool present[] = {relation.has_source, relation.has_target, relation.has_type};
  for (int field = 0; field < 3; ++field) {
    if (!present[field]) require_member(object, field, "relation");
  }
  if (!(present[0] && present[1] && present[2])) return;
  items_.add_relation(item_offset_, parent().index);
  progress_.relation_read(item_offset_);
}

void Handler::finish_evidence(const Frame& object) {
  RelationItem& relation = items_.relation;
  const std::size_t saved = item_offset_;
  item_offset_ = evidence_offset_;
  if (!relation.evidence_has_source) require_member(object, 0, "evidence item");
  if (!relation.evidence_has_quote) require_member(object, 1, "evidence item");
  item_offset_ = saved;
  if (relation.evidence_has_source && relation.evidence_has_quote) relation.evidence.push_back(relation.current_evidence);
}

}  // namespace kg::kg_json
