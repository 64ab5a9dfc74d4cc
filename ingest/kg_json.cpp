// The kg JSON v1 reader (docs/FORMAT.md). It runs RapidJSON's SAX parser
// over the mapped file, so memory holds the graph being built and not a DOM
// of the document (parsed pages are released as it goes), and it records
// one byte offset per item; lines, columns and the places of fields are
// worked out only for the problems it reports.
#include "ingest/kg_json.hpp"

#include <rapidjson/error/en.h>
#include <rapidjson/reader.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <functional>
#include <memory>
#include <sstream>

#include "base/mapped_file.hpp"
#include "base/problem_collector.hpp"
#include "graph/builder.hpp"
#include "graph/exception.hpp"
#include "graph/lookup.hpp"
#include "ingest/json_location.hpp"
#include "base/utf8.hpp"

namespace kg {
namespace {

// The format nests five levels deep; unknown top-level values get room for
// modest structure. Deeper input is refused rather than followed.
constexpr std::size_t kMaxDepth = 64;

// RapidJSON copies a string whole onto its stack before the handler sees
// its length, so a 200 MB value would cost 200 MB and more before being
// refused. The stack grows by half each time it is full: a request past
// this cap means it already holds more than 16 MiB (a string over the limit,
// with room to spare for the nesting states the iterative parser keeps).
constexpr std::size_t kMaxParserStackBytes = 5 * kMaxStringBytes / 2;

struct ParserStackFull {};

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

// The parser's stack allocator: CrtAllocator up to kMaxParserStackBytes.
class CappedStackAllocator : public rapidjson::CrtAllocator {
 public:
  void* Realloc(void* original, size_t original_size, size_t new_size) {
    if (new_size > kMaxParserStackBytes) throw ParserStackFull{};
    return rapidjson::CrtAllocator::Realloc(original, original_size, new_size);
  }
};
constexpr int kFormatVersion = 1;
// Parsed text behind the parser's position that stays mapped (the parser
// looks back at most one token).
constexpr std::size_t kKeptResident = std::size_t{1} << 20;

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

// The members each kind of object may have, in the order its docs list them.
const std::vector<std::string_view> kTopFields = {"kg",        "name",           "sources", "entities",
                                                  "relations", "relation_types", "directed"};
const std::vector<std::string_view> kSourceFields = {"id", "title", "url", "date"};
const std::vector<std::string_view> kEntityFields = {"id", "name", "type", "aliases", "attributes"};
const std::vector<std::string_view> kRelationFields = {"source", "target", "type", "date", "until", "attributes",
                                                       "evidence"};
const std::vector<std::string_view> kEvidenceFields = {"source", "quote"};
const std::vector<std::string_view> kRelationTypeFields = {"symmetric", "polarity", "description"};
const std::vector<std::string_view> kOpenMembers;  // attribute names, relation type names

const std::vector<std::string_view>& fields_of(Context context) {
  switch (context) {
    case Context::Top: return kTopFields;
    case Context::Source: return kSourceFields;
    case Context::Entity: return kEntityFields;
    case Context::Relation: return kRelationFields;
    case Context::EvidenceItem: return kEvidenceFields;
    case Context::RelationType: return kRelationTypeFields;
    default: return kOpenMembers;
  }
}

const char* what_object(Context context) {
  switch (context) {
    case Context::Top: return "the document";
    case Context::Source: return "a source";
    case Context::Entity: return "an entity";
    case Context::Relation: return "a relation";
    case Context::EvidenceItem: return "an evidence item";
    default: return "a relation type";
  }
}

struct Scalar {
  enum class Kind : std::uint8_t { Null, Boolean, Integer, Real, String } kind = Kind::Null;
  bool boolean = false;
  std::int64_t integer = 0;
  double real = 0;
  std::string_view text;
};

const char* kind_name(Scalar::Kind kind) {
  switch (kind) {
    case Scalar::Kind::Null: return "null";
    case Scalar::Kind::Boolean: return "a boolean";
    case Scalar::Kind::String: return "a string";
    default: return "a number";
  }
}

// An attribute value held until its item is complete.
struct OwnedScalar {
  Scalar::Kind kind;
  bool boolean;
  std::int64_t integer;
  double real;
  std::string text;

  ScalarInput input() const {
    switch (kind) {
      case Scalar::Kind::Boolean: return boolean;
      case Scalar::Kind::Integer: return integer;
      case Scalar::Kind::Real: return real;
      default: return std::string_view(text);
    }
  }
};

constexpr int kNoMember = -1;        // between members, or a name kept in `key`
constexpr int kRepeatedMember = -2;  // a field given twice (reported)

struct Frame {
  Frame(Context c, bool is_array) : context(c), array(is_array) {}
  Context context;
  bool array;
  std::size_t index = 0;      // arrays: the element being read
  // Objects with fixed fields: the member being read as an index into
  // fields_of(), or one of the negative codes below, and the members seen
  // (bit i for fields_of()[i]). Names are kept as text only where they are
  // not fields: unknown members, attribute names, relation type names.
  int field = kNoMember;
  std::string key;
  std::uint32_t seen = 0;
};

// A problem found while reading, located by byte offset; offsets that end a
// token are moved to the start of the next when turned into line:column.
struct RawProblem {
  std::size_t offset;
  std::string path;
  std::string message;
};

struct SourceItem {
  std::string id, title, url;
  Date date;
  bool has_id = false;
};

struct EntityItem {
  std::string id, name, type;
  std::vector<std::string> aliases;
  std::vector<std::pair<std::string, OwnedScalar>> attributes;
  bool has_id = false;
};

struct RelationItem {
  std::string source, target, type;
  Date date, until;
  std::vector<std::pair<std::string, OwnedScalar>> attributes;
  std::vector<std::pair<std::string, std::string>> evidence;
  std::pair<std::string, std::string> current_evidence;
  bool has_source = false, has_target = false, has_type = false;
  bool evidence_has_source = false, evidence_has_quote = false;
};

struct RelationTypeItem {
  std::string name;
  bool symmetric = false;
  Polarity polarity = Polarity::Neutral;
  std::string description;
};

// Where each item handed to the builder came from, so its problems can be
// placed: the offset of its '{' and its index in the document's array.
struct ItemOrigins {
  std::vector<std::size_t> offsets;
  std::vector<std::uint32_t> indices;
  void add(std::size_t offset, std::size_t index) {
    offsets.push_back(offset);
    indices.push_back(static_cast<std::uint32_t>(index));
  }
};

// Positions: RapidJSON's iterative parser calls StartObject/StartArray
// before it takes the bracket, and parses strings and numbers of a
// StringStream on a local copy, so during those calls Tell() is where the
// token starts. null, true and false are taken before their call.
class Handler : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, Handler> {
 public:
  Handler(const rapidjson::StringStream& stream, std::size_t base_offset, Builder& builder, MappedFile* file,
          std::size_t max_problems)
      : stream_(stream), base_(base_offset), builder_(builder), file_(file), problems_(max_problems) {
    frames_.emplace_back(Context::Document, false);
  }

  // SAX events.
  bool Null() {
    value_offset_ = here() - 4;
    return scalar(Scalar{});
  }
  bool Bool(bool b) {
    value_offset_ = here() - (b ? 4 : 5);
    Scalar s;
    s.kind = Scalar::Kind::Boolean;
    s.boolean = b;
    return scalar(s);
  }
  bool Int(int i) { return Int64(i); }
  bool Uint(unsigned u) { return Int64(u); }
  bool Int64(std::int64_t i) {
    value_offset_ = here();
    Scalar s;
    s.kind = Scalar::Kind::Integer;
    s.integer = i;
    return scalar(s);
  }
  bool Uint64(std::uint64_t u) {
    value_offset_ = here();
    if (u > static_cast<std::uint64_t>(INT64_MAX)) {
      report(value_offset_, path(), "integer " + std::to_string(u) + " is out of range (at most 2^63-1)");
      return after_value();
    }
    return Int64(static_cast<std::int64_t>(u));
  }
  bool Double(double d) {
    value_offset_ = here();
    Scalar s;
    s.kind = Scalar::Kind::Real;
    s.real = d;
    return scalar(s);
  }
  bool String(const char* text, rapidjson::SizeType length, bool) {
    value_offset_ = here();
    if (length > kMaxStringBytes) {
      report(value_offset_, path(), "string of " + std::to_string(length) + " bytes is longer than the limit of " +
                                        std::to_string(kMaxStringBytes) + " bytes");
      return after_value();
    }
    Scalar s;
    s.kind = Scalar::Kind::String;
    s.text = std::string_view(text, length);
    if (!valid_utf8(s.text)) return after_value();
    return scalar(s);
  }
  bool Key(const char* text, rapidjson::SizeType length, bool) {
    Frame& frame = frames_.back();
    key_offset_ = value_offset_ = here();
    const std::string_view name(text, length);
    if (!valid_utf8(name)) {
      frame.field = kRepeatedMember;  // skip its value quietly: one problem is enough
      frame.key = "?";
      return true;
    }
    const auto& fields = fields_of(frame.context);
    const auto it = std::find(fields.begin(), fields.end(), name);
    if (it == fields.end()) {
      frame.key.assign(name);
      if (!fields.empty() && frame.context != Context::Top) unknown_member(frame);
    } else {
      const int index = static_cast<int>(it - fields.begin());
      if (frame.seen & (1u << index)) {
        frame.field = kRepeatedMember;
        frame.key.assign(name);
        report(key_offset_, path(), "duplicate member '" + frame.key + "'");
      } else {
        frame.seen |= 1u << index;
        frame.field = index;
      }
    }
    if (frame.context == Context::Capture) capture_.Key(text, length);
    return true;
  }
  bool StartObject() { return open(false); }
  bool StartArray() { return open(true); }
  bool EndObject(rapidjson::SizeType) { return close(); }
  bool EndArray(rapidjson::SizeType) { return close(); }

  // Results.
  ProblemCollector<RawProblem>& problems() { return problems_; }
  const std::string& abort_message() const { return abort_message_; }
  // Ends the parse early with a message (an oversize string the parser was
  // still copying): the place is where it stopped, the path that of the
  // value being read.
  void abort(std::string message) {
    abort_message_ = std::move(message);
    path_wanted_ = true;
  }
  bool path_wanted() const { return abort_message_.empty() || path_wanted_; }
  const std::string& current_path() { return path_cache_ = path(); }
  const ItemOrigins& sources() const { return source_origins_; }
  const ItemOrigins& entities() const { return entity_origins_; }
  const ItemOrigins& relations() const { return relation_origins_; }
  std::size_t relation_types_offset() const { return relation_types_offset_; }

  void report(std::size_t offset, std::string where, std::string message) {
    problems_.report({offset, std::move(where), std::move(message)});
  }

  // Where reading progress goes (ReadOptions::progress), every so many relations.
  void report_progress_to(const std::function<void(std::uint64_t, std::uint64_t)>* progress, std::size_t total) {
    progress_ = progress;
    progress_total_ = total;
  }

 private:
  std::size_t here() const { return base_ + stream_.Tell(); }

  // "relations[12].date": where the value being read sits.
  std::string path() const {
    std::string text;
    for (std::size_t i = 1; i < frames_.size(); ++i) {
      const Frame& frame = frames_[i];
      if (frame.array) {
        text += "[" + std::to_string(frame.index) + "]";
      } else if (frame.field >= 0) {
        if (!text.empty()) text += ".";
        text += fields_of(frame.context)[static_cast<std::size_t>(frame.field)];
      } else if (!frame.key.empty()) {
        if (!text.empty()) text += ".";
        text += frame.key;
      }
    }
    return text;
  }

  Frame& parent() { return frames_.back(); }

  // Checked here rather than by RapidJSON's kParseValidateEncodingFlag,
  // which costs a call per byte; reported at the string's start.
  bool valid_utf8(std::string_view text) {
    if (is_ascii(text)) return true;
    const std::size_t bad = find_invalid_utf8(text);
    if (bad == std::string_view::npos) return true;
    char byte[8];
    std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(text[bad]));
    report(value_offset_, path(), std::string("invalid UTF-8 in string (byte ") + byte + " at byte " +
                                      std::to_string(bad) + " of the text)");
    return false;
  }

  void unknown_member(const Frame& frame) {
    const auto& fields = fields_of(frame.context);
    std::string message = "unknown member '" + frame.key + "' in " + what_object(frame.context);
    const auto close = closest_matches(frame.key, fields, 1);
    message += close.empty() ? " (expected one of " + join(fields) + ")" : " (did you mean '" + close[0] + "'?)";
    report(key_offset_, path(), message);
  }

  // The field being read in an object with fixed fields: its index in
  // fields_of(), or a negative code for an unknown or repeated member.
  int field_index() { return parent().field; }

  static std::string join(const std::vector<std::string_view>& words) {
    std::string text;
    for (const auto word : words) text += (text.empty() ? "" : ", ") + std::string(word);
    return text;
  }

  void expected(const char* what, const char* found) {
    report(value_offset_, path(), std::string("expected ") + what + ", found " + found);
  }

  // Reads a string field; reports and returns false for anything else.
  bool want_string(const Scalar& value, std::string& out) {
    if (value.kind != Scalar::Kind::String) {
      expected("a string", kind_name(value.kind));
      return false;
    }
    out.assign(value.text);
    return true;
  }

  bool want_date(const Scalar& value, Date& out) {
    if (value.kind != Scalar::Kind::String) {
      expected("a string", kind_name(value.kind));
      return false;
    }
    const auto date = Date::parse(value.text);
    if (!date) {
      report(value_offset_, path(), Date::explain_invalid(value.text));
      return false;
    }
    out = *date;
    return true;
  }

  void attribute(const Scalar& value, std::vector<std::pair<std::string, OwnedScalar>>& attributes) {
    const std::string& key = parent().key;
    if (value.kind == Scalar::Kind::Null) {
      expected("a string, number or boolean", "null");
      return;
    }
    for (const auto& [existing, ignored] : attributes) {
      if (existing == key) {
        report(key_offset_, path(), "duplicate attribute '" + key + "'");
        return;
      }
    }
    attributes.push_back({key, {value.kind, value.boolean, value.integer, value.real, std::string(value.text)}});
  }

  // A scalar arrives: put it where its parent says.
  bool scalar(const Scalar& value) {
    Frame& frame = parent();
    switch (frame.context) {
      case Context::Document:
        expected("an object with entities and relations", kind_name(value.kind));
        break;
      case Context::Top: top_scalar(value); break;
      case Context::Source: source_field(value); break;
      case Context::Entity: entity_field(value); break;
      case Context::Relation: relation_field(value); break;
      case Context::EvidenceItem: evidence_field(value); break;
      case Context::RelationType: relation_type_field(value); break;
      case Context::Aliases: {
        std::string alias;
        if (want_string(value, alias)) entity_.aliases.push_back(std::move(alias));
        break;
      }
      case Context::EntityAttributes: attribute(value, entity_.attributes); break;
      case Context::RelationAttributes: attribute(value, relation_.attributes); break;
      case Context::Sources:
      case Context::Entities:
      case Context::Relations:
      case Context::EvidenceList:
        expected("an object", kind_name(value.kind));
        break;
      case Context::RelationTypes:
        expected("an object with symmetric, polarity and description", kind_name(value.kind));
        break;
      case Context::Skip: break;
      case Context::Capture: capture_scalar(value); break;
    }
    return after_value();
  }

  void top_scalar(const Scalar& value) {
    const int field = field_index();
    const std::string& key = parent().key;
    if (field < 0) {
      if (field == kRepeatedMember) return;
      switch (value.kind) {
        case Scalar::Kind::Null: builder_.add_graph_json_attribute(key, "null"); break;
        case Scalar::Kind::Boolean: builder_.add_graph_attribute(key, value.boolean); break;
        case Scalar::Kind::Integer: builder_.add_graph_attribute(key, value.integer); break;
        case Scalar::Kind::Real: builder_.add_graph_attribute(key, value.real); break;
        case Scalar::Kind::String: builder_.add_graph_attribute(key, value.text); break;
      }
      return;
    }
    if (field == 0) {
      if (value.kind != Scalar::Kind::Integer || value.integer != kFormatVersion) {
        report(value_offset_, path(),
               "unsupported format version (this kg reads \"kg\": " + std::to_string(kFormatVersion) + ")");
      }
    } else if (field == 1) {
      std::string name;
      if (want_string(value, name)) builder_.set_name(name);
    } else if (field == 5) {
      expected("an object", kind_name(value.kind));
    } else if (field == 6) {
      if (value.kind == Scalar::Kind::Boolean) builder_.set_directed(value.boolean);
      else expected("true or false", kind_name(value.kind));
    } else {
      expected("an array", kind_name(value.kind));
    }
  }

  void source_field(const Scalar& value) {
    switch (field_index()) {
      case 0: source_.has_id = want_string(value, source_.id); break;
      case 1: want_string(value, source_.title); break;
      case 2: want_string(value, source_.url); break;
      case 3: want_date(value, source_.date); break;
      default: break;
    }
  }

  void entity_field(const Scalar& value) {
    switch (field_index()) {
      case 0: entity_.has_id = want_string(value, entity_.id); break;
      case 1: want_string(value, entity_.name); break;
      case 2: want_string(value, entity_.type); break;
      case 3: expected("an array of strings", kind_name(value.kind)); break;
      case 4: expected("an object", kind_name(value.kind)); break;
      default: break;
    }
  }

  void relation_field(const Scalar& value) {
    switch (field_index()) {
      case 0: relation_.has_source = want_string(value, relation_.source); break;
      case 1: relation_.has_target = want_string(value, relation_.target); break;
      case 2: relation_.has_type = want_string(value, relation_.type); break;
      case 3: want_date(value, relation_.date); break;
      case 4: want_date(value, relation_.until); break;
      case 5: expected("an object", kind_name(value.kind)); break;
      case 6: expected("an array of objects", kind_name(value.kind)); break;
      default: break;
    }
  }

  void evidence_field(const Scalar& value) {
    switch (field_index()) {
      case 0: relation_.evidence_has_source = want_string(value, relation_.current_evidence.first); break;
      case 1: relation_.evidence_has_quote = want_string(value, relation_.current_evidence.second); break;
      default: break;
    }
  }

  void relation_type_field(const Scalar& value) {
    switch (field_index()) {
      case 0:
        if (value.kind != Scalar::Kind::Boolean) {
          expected("a boolean", kind_name(value.kind));
        } else {
          relation_type_.symmetric = value.boolean;
        }
        break;
      case 1: {
        std::string polarity;
        if (!want_string(value, polarity)) break;
        if (polarity == "positive") {
          relation_type_.polarity = Polarity::Positive;
        } else if (polarity == "negative") {
          relation_type_.polarity = Polarity::Negative;
        } else if (polarity == "neutral") {
          relation_type_.polarity = Polarity::Neutral;
        } else {
          report(value_offset_, path(),
                 "invalid polarity '" + polarity + "' (expected positive, negative or neutral)");
        }
        break;
      }
      case 2: want_string(value, relation_type_.description); break;
      default: break;
    }
  }

  void capture_scalar(const Scalar& value) {
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
  Context child_context(bool array) {
    Frame& frame = parent();
    const auto want = [&](bool want_array, Context context, const char* what) {
      if (array == want_array) return context;
      expected(what, array ? "an array" : "an object");
      return Context::Skip;
    };
    switch (frame.context) {
      case Context::Document: return want(false, Context::Top, "an object with entities and relations");
      case Context::Top: {
        const int field = field_index();
        switch (field) {
          case 0:
          case 1: expected(field == 0 ? "the number 1" : "a string", array ? "an array" : "an object");
                  return Context::Skip;
          case 2: return want(true, Context::Sources, "an array of sources");
          case 3: return want(true, Context::Entities, "an array of entities");
          case 4: return want(true, Context::Relations, "an array of relations");
          case 5: relation_types_offset_ = here();
                  return want(false, Context::RelationTypes, "an object of relation types");
          case 6: expected("true or false", array ? "an array" : "an object");
                  return Context::Skip;
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
          case 2: expected("a string", array ? "an array" : "an object"); return Context::Skip;
          case 3: return want(true, Context::Aliases, "an array of strings");
          case 4: return want(false, Context::EntityAttributes, "an object");
          default: return Context::Skip;
        }
      case Context::Relation:
        switch (field_index()) {
          case 5: return want(false, Context::RelationAttributes, "an object");
          case 6: return want(true, Context::EvidenceList, "an array of objects");
          case -1: return Context::Skip;
          default: expected("a string", array ? "an array" : "an object"); return Context::Skip;
        }
      case Context::Source:
      case Context::EvidenceItem:
      case Context::RelationType:
        if (field_index() >= 0) expected(frame.context == Context::RelationType && field_index() == 0
                                             ? "a boolean"
                                             : "a string",
                                         array ? "an array" : "an object");
        return Context::Skip;
      case Context::Aliases: expected("a string", array ? "an array" : "an object"); return Context::Skip;
      case Context::EntityAttributes:
      case Context::RelationAttributes:
        expected("a string, number or boolean", array ? "an array" : "an object");
        return Context::Skip;
      case Context::Skip: return Context::Skip;
      case Context::Capture: return Context::Capture;
    }
    return Context::Skip;
  }

  bool open(bool array) {
    if (frames_.size() > kMaxDepth) {
      abort_message_ = "nesting deeper than " + std::to_string(kMaxDepth) + " levels";
      return false;
    }
    const std::size_t start = here();
    value_offset_ = start;
    const Context context = child_context(array);
    switch (context) {
      case Context::Source:
        source_ = SourceItem{};
        item_offset_ = start;
        break;
      case Context::Entity:
        entity_.id.clear();
        entity_.name.clear();
        entity_.type.clear();
        entity_.aliases.clear();
        entity_.attributes.clear();
        entity_.has_id = false;
        item_offset_ = start;
        break;
      case Context::Relation:
        relation_.source.clear();
        relation_.target.clear();
        relation_.type.clear();
        relation_.date = relation_.until = Date();
        relation_.attributes.clear();
        relation_.evidence.clear();
        relation_.has_source = relation_.has_target = relation_.has_type = false;
        item_offset_ = start;
        break;
      case Context::EvidenceItem:
        relation_.current_evidence.first.clear();
        relation_.current_evidence.second.clear();
        relation_.evidence_has_source = relation_.evidence_has_quote = false;
        evidence_offset_ = start;
        break;
      case Context::RelationType:
        relation_type_ = RelationTypeItem{};
        relation_type_.name = parent().key;
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

  bool close() {
    const Frame frame = std::move(frames_.back());
    frames_.pop_back();
    switch (frame.context) {
      case Context::Source: finish_source(frame); break;
      case Context::Entity: finish_entity(frame); break;
      case Context::Relation: finish_relation(frame); break;
      case Context::EvidenceItem: finish_evidence(frame); break;
      case Context::RelationType:
        builder_.declare_relation_type(relation_type_.name, relation_type_.symmetric, relation_type_.polarity,
                                       relation_type_.description);
        break;
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

  bool after_value() {
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
  void require_member(const Frame& object, int field, const char* what) {
    if (object.seen & (1u << field)) return;
    report(item_offset_, path(),
           std::string(what) + " has no '" + std::string(fields_of(object.context)[field]) + "'");
  }

  void finish_source(const Frame& object) {
    if (!source_.has_id) {
      require_member(object, 0, "source");
      return;
    }
    source_origins_.add(item_offset_, parent().index);
    builder_.add_source(source_.id, source_.title, source_.url, source_.date);
  }

  void finish_entity(const Frame& object) {
    if (!entity_.has_id) {
      require_member(object, 0, "entity");
      return;
    }
    entity_origins_.add(item_offset_, parent().index);
    builder_.add_entity(entity_.id, entity_.name, entity_.type);
    for (const auto& alias : entity_.aliases) builder_.add_alias(alias);
    for (const auto& [key, value] : entity_.attributes) builder_.add_entity_attribute(key, value.input());
  }

  void finish_relation(const Frame& object) {
    const bool present[] = {relation_.has_source, relation_.has_target, relation_.has_type};
    for (int field = 0; field < 3; ++field) {
      if (!present[field]) require_member(object, field, "relation");
    }
    if (!(present[0] && present[1] && present[2])) return;
    relation_origins_.add(item_offset_, parent().index);
    builder_.add_relation(relation_.source, relation_.target, relation_.type, relation_.date, relation_.until);
    if (file_ && item_offset_ > kKeptResident) file_->release_before(item_offset_ - kKeptResident);
    if (progress_ && *progress_ && ++items_since_progress_ == kItemsPerProgress) {
      items_since_progress_ = 0;
      (*progress_)(item_offset_, progress_total_);
    }
    for (const auto& [key, value] : relation_.attributes) builder_.add_relation_attribute(key, value.input());
    for (const auto& [source, quote] : relation_.evidence) builder_.add_evidence(source, quote);
  }

  void finish_evidence(const Frame& object) {
    const std::size_t saved = item_offset_;
    item_offset_ = evidence_offset_;
    if (!relation_.evidence_has_source) require_member(object, 0, "evidence item");
    if (!relation_.evidence_has_quote) require_member(object, 1, "evidence item");
    item_offset_ = saved;
    if (relation_.evidence_has_source && relation_.evidence_has_quote) {
      relation_.evidence.push_back(relation_.current_evidence);
    }
  }

  static constexpr std::size_t kItemsPerProgress = 1 << 16;
  const std::function<void(std::uint64_t, std::uint64_t)>* progress_ = nullptr;
  std::size_t progress_total_ = 0;
  std::size_t items_since_progress_ = 0;

  const rapidjson::StringStream& stream_;
  std::size_t base_;
  Builder& builder_;
  MappedFile* file_;  // null when reading text held in memory

  std::vector<Frame> frames_;
  std::size_t value_offset_ = 0;
  std::size_t key_offset_ = 0;
  std::size_t item_offset_ = 0;
  std::size_t evidence_offset_ = 0;
  std::size_t relation_types_offset_ = 0;

  SourceItem source_;
  EntityItem entity_;
  RelationItem relation_;
  RelationTypeItem relation_type_;
  rapidjson::StringBuffer capture_buffer_;
  rapidjson::Writer<rapidjson::StringBuffer> capture_{capture_buffer_};

  ItemOrigins source_origins_, entity_origins_, relation_origins_;
  ProblemCollector<RawProblem> problems_;
  std::string abort_message_;
  bool path_wanted_ = false;  // with abort_message_: whether its path is short
  std::string path_cache_;
};

// Turns a builder problem into a located one, using the offsets the handler
// recorded for each item.
RawProblem place(const ContentProblem& problem, const Handler& handler, const std::string& text) {
  const ItemOrigins* origins = nullptr;
  const char* array = "";
  switch (problem.subject) {
    case ContentProblem::Subject::Source: origins = &handler.sources(); array = "sources"; break;
    case ContentProblem::Subject::Entity: origins = &handler.entities(); array = "entities"; break;
    case ContentProblem::Subject::Relation: origins = &handler.relations(); array = "relations"; break;
    case ContentProblem::Subject::RelationType:
      return {handler.relation_types_offset(), "relation_types", problem.message};
    case ContentProblem::Subject::Graph:  // a top-level member
      return {locate_json_path(text, skip_json_separators(text, 0), parse_json_path(problem.field)), problem.field,
              problem.message};
  }
  const std::size_t item = origins->offsets[problem.index];
  const std::string path = std::string(array) + "[" + std::to_string(origins->indices[problem.index]) + "]" +
                           (problem.field.empty() ? "" : "." + problem.field);
  return {locate_json_path(text, item, parse_json_path(problem.field)), path, problem.message};
}

// Parses `size` bytes at `data`, which are followed by a NUL.
ReadResult parse(const char* data, std::size_t size, MappedFile* file, const std::string& name,
                 const std::function<std::string(std::size_t)>& load_text, const ReadOptions& options) {
  const std::size_t base_offset = size >= 3 && std::memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;  // a BOM
  rapidjson::StringStream stream(data + base_offset);
  Builder builder;
  Handler handler(stream, base_offset, builder, file, options.max_problems);
  handler.report_progress_to(&options.progress, size);
  rapidjson::GenericReader<rapidjson::UTF8<>, rapidjson::UTF8<>, CappedStackAllocator> reader;
  constexpr unsigned kFlags = rapidjson::kParseIterativeFlag | rapidjson::kParseFullPrecisionFlag;
  rapidjson::ParseResult parsed;
  try {
    parsed = reader.Parse<kFlags>(stream, handler);
  } catch (const ParserStackFull&) {
    handler.abort("string longer than the limit of " + std::to_string(kMaxStringBytes) + " bytes");
    parsed.Set(rapidjson::kParseErrorTermination, string_start(data + base_offset, stream.Tell()));
  }
  // The parser stops at the first NUL, which should be the one after the text.
  if (parsed && base_offset + stream.Tell() < size) {
    parsed.Set(rapidjson::kParseErrorDocumentRootNotSingular, stream.Tell());
  }

  std::optional<std::string> text;  // loaded only to place problems
  std::optional<Graph> graph;
  if (parsed) {
    BuildResult built;
    try {
      built = std::move(builder).finish();
    } catch (const InvalidArgument& error) {
      handler.report(0, "", error.what());
    }
    if (built.problems.empty()) {
      graph = std::move(built.graph);
    } else {
      text = load_text(std::string::npos);
      for (const auto& problem : built.problems) {
        RawProblem placed = place(problem, handler, *text);
        handler.report(placed.offset, std::move(placed.path), std::move(placed.message));
      }
    }
  } else {
    const bool nul = base_offset + parsed.Offset() < size && data[base_offset + parsed.Offset()] == '\0';
    const std::string message = !handler.abort_message().empty() ? handler.abort_message()
                                : nul ? std::string("invalid JSON: a NUL byte")
                                      : std::string("invalid JSON: ") + rapidjson::GetParseError_En(parsed.Code());
    // Past the depth limit the path is as long as the nesting: leave it out.
    handler.report(base_offset + parsed.Offset(), handler.path_wanted() ? handler.current_path() : "", message);
  }

  ReadResult result;
  if (handler.problems().empty()) {
    result.graph = std::move(graph);
    return result;
  }
  // Placing problems needs the text up to the last of them only (a little
  // more for the separators skipped): not a copy of a 200 MB value after it.
  std::size_t last = 0;
  for (const auto& problem : handler.problems().kept()) last = std::max(last, problem.offset);
  const TextPositions positions(text ? std::move(*text) : load_text(last + 4096));
  auto& problems = handler.problems().kept();
  std::stable_sort(problems.begin(), problems.end(),
                   [](const RawProblem& a, const RawProblem& b) { return a.offset < b.offset; });
  for (const auto& problem : problems) {
    const auto [line, column] = positions.locate(skip_json_separators(positions.text(), problem.offset));
    result.problems.push_back({name, line, column, problem.path, problem.message});
  }
  result.problems_not_shown = handler.problems().not_kept();
  return result;
}

bool looks_like_kg_json(std::string_view head) {
  const auto start = head.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  if (start == std::string_view::npos || head[start] != '{') return false;
  return head.find("\"entities\"") != std::string_view::npos || head.find("\"relations\"") != std::string_view::npos ||
         head.find("\"kg\"") != std::string_view::npos;
}

}  // namespace

ReadResult read_kg_json_file(const std::string& path, const ReadOptions& options) {
  MappedFile file(path, options.contents);
  return parse(file.data(), file.size(), &file, path,
               [&file](std::size_t bytes) { return std::string(file.data(), std::min(bytes, file.size())); },
               options);
}

ReadResult read_kg_json_text(const std::string& text, const std::string& name, const ReadOptions& options) {
  return parse(text.c_str(), text.size(), nullptr, name,
               [&text](std::size_t bytes) { return text.substr(0, bytes); }, options);
}

Format kg_json_format() {
  return {"kg-json", "kg JSON version 1 (docs/FORMAT.md)", {".json", ".kg.json"}, &looks_like_kg_json,
          &read_kg_json_file};
}

}  // namespace kg
