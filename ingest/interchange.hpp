#pragma once
// What the interchange readers (GraphML, node-link, CSV, JSON Lines) share:
// undoing the conventions of kg's writers (export/interchange.hpp), turning
// JSON-valued fields into builder calls, typed text values, and problems
// located by byte offset.
#include <rapidjson/document.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/problem_collector.hpp"
#include "graph/builder.hpp"
#include "ingest/diagnostic.hpp"
#include "ingest/format.hpp"

namespace kg::interchange {

// Relations whose input names no type get this one.
inline constexpr std::string_view kDefaultRelationType = "related";

// "attribute:<name>" is how writers keep a user attribute that shares a
// name with one of kg's fields; the prefix comes off here.
std::string_view imported_attribute_name(std::string_view name);

// kg's JSON-valued fields. Each returns "" when the value was used, or what
// was expected instead.
std::string add_aliases(Builder& builder, const rapidjson::Value& value);    // ["alias", ...]
std::string add_evidence(Builder& builder, const rapidjson::Value& value);   // [{"source", "quote"}, ...]
std::string add_sources(Builder& builder, const rapidjson::Value& value);    // [{"id", "title", "url", "date"}, ...]
std::string add_relation_types(Builder& builder, const rapidjson::Value& value,
                               std::vector<std::string>* declared = nullptr);  // {"name": {"symmetric", ...}}
// A scalar JSON value as an attribute value; nullopt for null, arrays and
// objects.
std::optional<ScalarInput> scalar_input(const rapidjson::Value& value);

// The same fields held as JSON text (in GraphML data and CSV cells).
using JsonAdder = std::string (*)(Builder&, const rapidjson::Value&);
std::string add_json_text(Builder& builder, std::string_view text, JsonAdder add);

enum class TextType : std::uint8_t { Boolean, Integer, Real, String };
// Text read as a value of a declared type: true/false/1/0 (any case) for
// booleans, whole decimal numbers for integers, finite decimal numbers for
// reals. nullopt when the text is not one.
std::optional<ScalarInput> typed_value(std::string_view text, TextType type);
const char* type_description(TextType type);  // "a boolean", "an integer", ...

// Problems found while reading, by byte offset; turned into file:line:column
// once, at the end, from the text.
class Problems {
 public:
  explicit Problems(std::size_t limit) : collected_(limit) {}
  // `field`: see Diagnostic::field.
  void report(std::size_t offset, std::string path, std::string message, std::string field = {});
  std::size_t count() const { return collected_.count(); }
  bool empty() const { return collected_.empty(); }
  // Adds the stored problems, sorted by place, to the result's, and the
  // count of those past the limit to its problems_not_shown.
  void append_to(ReadResult& result, const std::string& file, const std::string& text);

 private:
  struct Raw {
    std::size_t offset;
    std::string path;
    std::string message;
    std::string field;
  };
  ProblemCollector<Raw> collected_;
};

// Where a reader met the item a build problem is about: a byte offset.
using BuildPlace = std::function<std::size_t(const ContentProblem&)>;

// The last step of every interchange reader: unless problems were found
// already, finishes the builder into result.graph, or reports its problems
// at the places `place` gives. Returns whether result holds the graph.
bool finish_build(Builder&& builder, Problems& problems, const BuildPlace& place, ReadResult& result);

// Sets result.warnings to one warning for the whole file, at `offset` of
// `text`: readers gather every case into its message rather than warn per
// node.
void warn_once(ReadResult& result, std::size_t offset, std::string message, const std::string& file,
               const std::string& text);

}  // namespace kg::interchange
