#pragma once
// Finding places in a JSON text after the fact: where a member of an object
// starts, given the object's offset and a path below it. Readers record one
// offset per item while streaming and resolve finer positions only for the
// (rare) problems they report.
#include <rapidjson/document.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace kg {

using JsonPathStep = std::variant<std::string, std::size_t>;  // member name or array index

// Splits "evidence[0].source" into {"evidence", 0, "source"}.
std::vector<JsonPathStep> parse_json_path(std::string_view path);

// The offset where the value at `path` below the value starting at
// `value_offset` begins; `value_offset` itself when the path is not there.
std::size_t locate_json_path(const std::string& text, std::size_t value_offset, const std::vector<JsonPathStep>& path);

// A member name given twice in one object: the byte offsets of each
// occurrence of the name (its opening quote). kg refuses repeated members in every reader (a
// DOM parser would silently keep one of them).
struct RepeatedMember {
  std::string name;
  std::size_t first, second;
};
// The first repeated member of the NUL-terminated JSON `text`, if any; a
// text that does not parse has none (its syntax error is reported instead).
std::optional<RepeatedMember> find_repeated_member(const char* text);
// Whether any object in a parsed document repeats a member name: the cheap
// test that decides whether find_repeated_member must run.
bool has_repeated_member(const rapidjson::Value& root);

// The JSON path ("nodes[3].name") of the first string, value or member name,
// longer than `limit` bytes: every reader applies kg JSON's 16 MiB limit.
std::optional<std::string> find_long_string(const rapidjson::Value& root, std::size_t limit);

// Whether `text` holds 19 digits in a row: the cheap test that rules most
// texts out before find_integer_beyond_64_bits must parse.
bool has_long_digit_run(std::string_view text);
// The offset of the first integer in the JSON `text` (with a NUL at
// text[size]) that does not fit 64 signed bits (kg's integers; kg JSON
// refuses them too), which a DOM parser would silently turn into an inexact
// double.
std::optional<std::size_t> find_integer_beyond_64_bits(const char* text, std::size_t size);

// Moves from the end of one JSON token to the start of the next, past
// whitespace, ':' and ','.
std::size_t skip_json_separators(std::string_view text, std::size_t offset);

}  // namespace kg
