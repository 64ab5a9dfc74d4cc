#include "ingest/node_link_document.hpp"

#include <rapidjson/encodedstream.h>
#include <rapidjson/error/en.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <charconv>
#include <vector>

#include "base/utf8.hpp"
#include "graph/content_check.hpp"
#include "ingest/diagnostic.hpp"
#include "ingest/json_location.hpp"

namespace kg::node_link {
namespace {

constexpr unsigned kParseFlags = rapidjson::kParseIterativeFlag | rapidjson::kParseFullPrecisionFlag |
                                 rapidjson::kParseNumbersAsStringsFlag;

using InputStream = rapidjson::EncodedInputStream<rapidjson::UTF8<>, rapidjson::MemoryStream>;

// Builds RapidJSON's DOM seeing every number's text first, so that an id (a
// node's "id" or "value", a link's "source" or "target") that is an integer
// beyond 64 bits keeps its exact text as a string id, while any other such
// integer, which a DOM would silently turn into an inexact double, is
// refused at its offset.
class ExactNumbers {
 public:
  ExactNumbers(rapidjson::Document& document, const InputStream& stream) : document_(document), stream_(stream) {}

  bool Null() { return value(), document_.Null(); }
  bool Bool(bool b) { return value(), document_.Bool(b); }
  bool Int(int i) { return value(), document_.Int(i); }
  bool Uint(unsigned u) { return value(), document_.Uint(u); }
  bool Int64(std::int64_t i) { return value(), document_.Int64(i); }
  bool Uint64(std::uint64_t u) { return value(), document_.Uint64(u); }
  bool Double(double d) { return value(), document_.Double(d); }
  bool String(const char* text, rapidjson::SizeType length, bool copy) {
    return value(), document_.String(text, length, copy);
  }
  bool StartObject() { return value(), document_.StartObject(); }
  bool EndObject(rapidjson::SizeType members) { return document_.EndObject(members); }
  bool StartArray() { return value(), document_.StartArray(); }
  bool EndArray(rapidjson::SizeType elements) { return document_.EndArray(elements); }
  bool Key(const char* text, rapidjson::SizeType length, bool copy) {
    const std::string_view key(text, length);
    id_key_ = key == "id" || key == "value" || key == "source" || key == "target";
    return document_.Key(text, length, copy);
  }
  bool RawNumber(const char* text, rapidjson::SizeType length, bool) {
    const bool id = id_key_;
    value();
    const char* end = text + length;
    const bool integer = std::find_if(text, end, [](char c) { return c == '.' || c == 'e' || c == 'E'; }) == end;
    if (integer) {
      std::int64_t i = 0;
      const auto [stop, error] = std::from_chars(text, end, i);
      if (error == std::errc() && stop == end) return document_.Int64(i);
      if (id) return document_.String(text, length, true);
      refuse(length, "integer out of range (beyond 64 bits; write such an id as a string)");
      return document_.Null();
    }
    double d = 0;
    const auto [stop, error] = std::from_chars(text, end, d);
    if (error != std::errc() || stop != end) {
      refuse(length, "invalid JSON: Number too big to be stored in double.");
      return document_.Null();
    }
    return document_.Double(d);
  }

  // The first number refused: (offset, message).
  const std::optional<std::pair<std::size_t, std::string>>& refused() const { return refused_; }

 private:
  void value() { id_key_ = false; }
  void refuse(std::size_t length, const char* message) {
    if (!refused_) refused_.emplace(stream_.Tell() - length, message);
  }

  rapidjson::Document& document_;
  const InputStream& stream_;
  bool id_key_ = false;  // the next value is an id
  std::optional<std::pair<std::size_t, std::string>> refused_;
};

}  // namespace

std::optional<Refusal> read_document(std::string_view body, std::size_t start, rapidjson::Document& document,
                                     const std::function<std::string()>& load_text) {
  if (const std::size_t bad = is_ascii(body) ? std::string_view::npos : find_invalid_utf8(body);
      bad != std::string_view::npos) {
    return Refusal{start + bad, "", "invalid UTF-8"};
  }
  rapidjson::MemoryStream memory(body.data(), body.size());
  InputStream stream(memory);
  ExactNumbers numbers(document, stream);
  rapidjson::Reader json_reader;
  rapidjson::ParseResult parsed;
  auto generate = [&](rapidjson::Document&) {
    parsed = json_reader.Parse<kParseFlags>(stream, numbers);
    return !parsed.IsError();
  };
  document.Populate(generate);
  if (parsed.IsError()) {
    return Refusal{start + parsed.Offset(), "", std::string("invalid JSON: ") + rapidjson::GetParseError_En(parsed.Code())};
  }
  if (const auto& refused = numbers.refused()) return Refusal{start + refused->first, "", refused->second};
  if (const auto path = find_long_string(document, kMaxStringBytes)) {
    const std::string text = load_text();
    return Refusal{locate_json_path(text, skip_json_separators(text, start), parse_json_path(*path)), *path,
                   "a string longer than 16 MiB"};
  }
  if (has_repeated_member(document)) {
    if (const auto repeated = find_repeated_member(body.data())) {
      const auto [line, column] = TextPositions(load_text()).locate(start + repeated->first);
      return Refusal{start + repeated->second, "",
                     "member '" + repeated->name + "' given twice (first at " + std::to_string(line) + ":" +
                         std::to_string(column) + ")"};
    }
  }
  return std::nullopt;
}

std::string_view text_of(const rapidjson::Value& value) {
  return std::string_view(value.GetString(), value.GetStringLength());
}

bool deeper_than(const rapidjson::Value& root, std::size_t limit) {
  std::vector<std::pair<const rapidjson::Value*, std::size_t>> stack{{&root, 1}};
  while (!stack.empty()) {
    const auto [value, depth] = stack.back();
    stack.pop_back();
    if (depth > limit) return true;
    if (value->IsArray()) {
      for (const auto& element : value->GetArray()) stack.push_back({&element, depth + 1});
    } else if (value->IsObject()) {
      for (const auto& member : value->GetObject()) stack.push_back({&member.value, depth + 1});
    }
  }
  return false;
}

std::string json_text(const rapidjson::Value& value) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  value.Accept(writer);
  return std::string(buffer.GetString(), buffer.GetSize());
}

bool id_text(const rapidjson::Value& value, std::string& out) {
  if (value.IsString()) {
    out.assign(text_of(value));
    return true;
  }
  if (value.IsNumber()) {
    out = json_text(value);
    return true;
  }
  return false;
}

}  // namespace kg::node_link
