#pragma once
// The node-link and Cytoscape JSON readers' first step: the text into
// RapidJSON's DOM, refused whole when the readers could not take it
// (invalid UTF-8, broken JSON, an integer beyond 64 bits that is not an id,
// a string over 16 MiB, a member given twice), each refusal located; and
// the small readings of DOM values both readers share.
#include <rapidjson/document.h>

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace kg::node_link {

// Structured values deeper than this are refused.
constexpr std::size_t kMaxDepth = 64;

// Why a text cannot be read: where (a byte offset in the whole text, and
// the JSON path when there is one) and what.
struct Refusal {
  std::size_t offset;
  std::string path;
  std::string message;
};

// Parses `body`, which starts `start` bytes into the text (after a BOM),
// into `document`. Node ids ("id", "value") and link ends ("source",
// "target") that are integers beyond 64 bits keep their exact text as
// strings. `load_text` gives the whole text, for the refusals that need it
// to be placed.
std::optional<Refusal> read_document(std::string_view body, std::size_t start, rapidjson::Document& document,
                                     const std::function<std::string()>& load_text);

std::string_view text_of(const rapidjson::Value& value);
// Whether `root` nests deeper than `limit` (walked without recursion, so
// that a hostile nesting cannot exhaust the stack).
bool deeper_than(const rapidjson::Value& root, std::size_t limit);
// `value` as compact JSON text.
std::string json_text(const rapidjson::Value& value);
// A node id or link end: a string, or a number written as JSON does.
bool id_text(const rapidjson::Value& value, std::string& out);

}  // namespace kg::node_link
