#pragma once
// The state machine kg JSON's reader runs over RapidJSON's SAX events: it
// keeps the open objects and arrays (kg_json_shape.hpp), sends each scalar
// through its field's check (kg_json_values.hpp) into the item being read
// (kg_json_items.hpp), and reports problems by byte offset and progress
// (kg_json_report.hpp). It never builds a DOM of the document.
#include <rapidjson/reader.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/problem_collector.hpp"
#include "graph/builder.hpp"
#include "ingest/kg_json_items.hpp"
#include "ingest/kg_json_report.hpp"
#include "ingest/kg_json_shape.hpp"
#include "ingest/kg_json_values.hpp"

namespace kg::kg_json {

// Positions: RapidJSON's parser calls StartObject/StartArray after it
// takes the bracket, and parses strings and numbers of a StringStream on a
// local copy, so during those calls Tell() is where the token starts. null,
// true and false are taken before their call.
class Handler : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, Handler> {
 public:
  // `stream` reads the document (text that ends with a NUL), which starts
  // `base_offset` bytes into the file.
  Handler(rapidjson::StringStream& stream, std::size_t base_offset, Builder& builder, ReadProgress& progress,
          std::size_t max_problems);

  // Parses the document into the builder. A document whose JSON is broken, or that is deeper or holds a
  // longer string than the reader allows, stops the parse: the result says
  // where; abort_message() says why when it is not a JSON syntax error.
  rapidjson::ParseResult parse();

  // SAX events.
  bool Null();
  bool Bool(bool b);
  bool Int(int i) { return Int64(i); }
  bool Uint(unsigned u) { return Int64(u); }
  bool Int64(std::int64_t i);
  bool Uint64(std::uint64_t u);
  bool Double(double d);
  bool String(const char* text, rapidjson::SizeType length, bool copy);
  bool Key(const char* text, rapidjson::SizeType length, bool copy);
  bool StartObject() { return open(false); }
  bool StartArray() { return open(true); }
  bool EndObject(rapidjson::SizeType) { return close(); }
  bool EndArray(rapidjson::SizeType) { return close(); }

  // Results.
  ProblemCollector<RawProblem>& problems() { return problems_; }
  void report(std::size_t offset, std::string where, std::string message) {
    problems_.report({offset, std::move(where), std::move(message)});
  }
  const std::string& abort_message() const { return abort_message_; }
  // Whether the place where the parse stopped has a path worth printing
  // (past the depth limit it would be as long as the nesting).
  bool path_wanted() const { return abort_message_.empty() || path_wanted_; }
  std::string current_path() const { return path_of(frames_); }
  const ItemAssembler& items() const { return items_; }
  std::size_t relation_types_offset() const { return relation_types_offset_; }

 private:
  std::size_t here() const { return base_ + stream_.Tell(); }
  Frame& parent() { return frames_.back(); }
  // The field being read in an object with fixed fields: its index in
  // fields_of(), or a negative code for an unknown or repeated member.
  int field_index() { return parent().field; }

  // Reports `problem`, when there is one, at the value being read.
  bool ok(const std::string& problem) {
    if (problem.empty()) return true;
    report(value_offset_, current_path(), problem);
    return false;
  }
  void expected_here(const char* what, const char* found) { ok(expected(what, found)); }
  bool valid_text(std::string_view text);
  void unknown_member(const Frame& frame);
  void attribute(const Scalar& value, Attributes& attributes);

  bool scalar(const Scalar& value);
  void capture_scalar(const Scalar& value);

  Context child_context(bool array);
  bool open(bool array);
  bool close();
  bool after_value();
  void require_member(const Frame& object, int field, const char* what);
  void finish_source(const Frame& object);
  void finish_entity(const Frame& object);
  void finish_relation(const Frame& object);
  void finish_evidence(const Frame& object);

  rapidjson::StringStream& stream_;
  std::size_t base_;
  Builder& builder_;  // for structured top-level members; the rest goes through items_
  ItemAssembler items_;
  ReadProgress& progress_;

  std::vector<Frame> frames_;
  std::size_t value_offset_ = 0;
  std::size_t key_offset_ = 0;
  std::size_t item_offset_ = 0;
  std::size_t evidence_offset_ = 0;
  std::size_t relation_types_offset_ = 0;

  rapidjson::StringBuffer capture_buffer_;
  rapidjson::Writer<rapidjson::StringBuffer> capture_{capture_buffer_};

  ProblemCollector<RawProblem> problems_;
  std::string abort_message_;
  bool path_wanted_ = false;  // with abort_message_: whether its path is short
};

}  // namespace kg::kg_json
