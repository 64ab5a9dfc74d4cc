#include "ingest/interchange.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>
#include <strings.h>

namespace kg::interchange {
namespace {

constexpr std::string_view kAttributePrefix = "attribute:";

std::string_view text_of(const rapidjson::Value& value) {
  return std::string_view(value.GetString(), value.GetStringLength());
}

// A string member of an object, or "" when absent; false when present but
// not a string.
bool string_member(const rapidjson::Value& object, const char* name, std::string_view& out) {
  const auto it = object.FindMember(name);
  if (it == object.MemberEnd()) return true;
  if (!it->value.IsString()) return false;
  out = text_of(it->value);
  return true;
}

}  // namespace

std::string_view imported_attribute_name(std::string_view name) {
  return name.substr(0, kAttributePrefix.size()) == kAttributePrefix ? name.substr(kAttributePrefix.size()) : name;
}

std::string add_aliases(Builder& builder, const rapidjson::Value& value) {
  if (!value.IsArray()) return "aliases as an array of strings";
  for (const auto& alias : value.GetArray()) {
    if (!alias.IsString()) return "aliases as an array of strings";
  }
  for (const auto& alias : value.GetArray()) builder.add_alias(text_of(alias));
  return {};
}

std::string add_evidence(Builder& builder, const rapidjson::Value& value) {
  const char* expected = "evidence as an array of {\"source\", \"quote\"} objects";
  if (!value.IsArray()) return expected;
  for (const auto& item : value.GetArray()) {
    if (!item.IsObject()) return expected;
    const auto source = item.FindMember("source");
    const auto quote = item.FindMember("quote");
    if (source == item.MemberEnd() || quote == item.MemberEnd() || !source->value.IsString() ||
        !quote->value.IsString() || item.MemberCount() != 2) {
      return expected;
    }
  }
  for (const auto& item : value.GetArray()) builder.add_evidence(text_of(item["source"]), text_of(item["quote"]));
  return {};
}

std::string add_sources(Builder& builder, const rapidjson::Value& value) {
  const char* expected = "sources as an array of {\"id\", \"title\", \"url\", \"date\"} objects";
  if (!value.IsArray()) return expected;
  for (const auto& item : value.GetArray()) {
    std::string_view id, title, url, date_text;
    if (!item.IsObject() || !item.HasMember("id") || !string_member(item, "id", id) ||
        !string_member(item, "title", title) || !string_member(item, "url", url) ||
        !string_member(item, "date", date_text)) {
      return expected;
    }
    Date date;
    if (!date_text.empty()) {
      const auto parsed = Date::parse(date_text);
      if (!parsed) return "a source date, found " + Date::explain_invalid(date_text);
      date = *parsed;
    }
    builder.add_source(id, title, url, date);
  }
  return {};
}

std::string add_relation_types(Builder& builder, const rapidjson::Value& value, std::vector<std::string>* declared) {
  const char* expected = "relation_types as an object of {\"symmetric\", \"polarity\", \"description\"} objects";
  if (!value.IsObject()) return expected;
  for (const auto& member : value.GetObject()) {
    const auto& info = member.value;
    if (!info.IsObject()) return expected;
    bool symmetric = false;
    Polarity polarity = Polarity::Neutral;
    std::string_view polarity_text, description;
    if (const auto it = info.FindMember("symmetric"); it != info.MemberEnd()) {
      if (!it->value.IsBool()) return expected;
      symmetric = it->value.GetBool();
    }
    if (!string_member(info, "polarity", polarity_text) || !string_member(info, "description", description)) {
      return expected;
    }
    if (polarity_text == "positive") {
      polarity = Polarity::Positive;
    } else if (polarity_text == "negative") {
      polarity = Polarity::Negative;
    } else if (!polarity_text.empty() && polarity_text != "neutral") {
      return "polarity positive, negative or neutral, found '" + std::string(polarity_text) + "'";
    }
    builder.declare_relation_type(text_of(member.name), symmetric, polarity, description);
    if (declared) declared->emplace_back(text_of(member.name));
  }
  return {};
}

std::optional<ScalarInput> scalar_input(const rapidjson::Value& value) {
  if (value.IsString()) return ScalarInput(text_of(value));
  if (value.IsBool()) return ScalarInput(value.GetBool());
  if (value.IsInt64()) return ScalarInput(value.GetInt64());
  if (value.IsNumber() && !value.IsUint64()) return ScalarInput(value.GetDouble());
  if (value.IsUint64()) return std::nullopt;  // past 2^63-1
  return std::nullopt;
}

std::string add_json_text(Builder& builder, std::string_view text, JsonAdder add) {
  rapidjson::Document document;
  document.Parse<rapidjson::kParseIterativeFlag>(text.data(), text.size());
  if (document.HasParseError()) return "JSON text";
  return add(builder, document);
}

std::optional<ScalarInput> typed_value(std::string_view text, TextType type) {
  switch (type) {
    case TextType::String: return ScalarInput(text);
    case TextType::Boolean: {
      const auto is = [&](const char* word) {
        return text.size() == std::strlen(word) && ::strncasecmp(text.data(), word, text.size()) == 0;
      };
      if (is("true") || text == "1") return ScalarInput(true);
      if (is("false") || text == "0") return ScalarInput(false);
      return std::nullopt;
    }
    case TextType::Integer: {
      std::int64_t value = 0;
      const char* begin = text.data() + (!text.empty() && text[0] == '+' ? 1 : 0);
      const auto [end, error] = std::from_chars(begin, text.data() + text.size(), value);
      if (error != std::errc() || end != text.data() + text.size() || begin == end) return std::nullopt;
      return ScalarInput(value);
    }
    case TextType::Real: {
      // XML Schema's double (GraphML's and GEXF's) has INF, -INF and NaN;
      // graph-tool writes inf and nan, C's spelling.
      if (text == "INF" || text == "inf" || text == "+INF" || text == "+inf") {
        return ScalarInput(std::numeric_limits<double>::infinity());
      }
      if (text == "-INF" || text == "-inf") return ScalarInput(-std::numeric_limits<double>::infinity());
      if (text == "NaN" || text == "nan") return ScalarInput(std::numeric_limits<double>::quiet_NaN());
      double value = 0;
      const char* begin = text.data() + (!text.empty() && text[0] == '+' ? 1 : 0);
      const auto [end, error] = std::from_chars(begin, text.data() + text.size(), value);
      if (error != std::errc() || end != text.data() + text.size() || begin == end || !std::isfinite(value)) {
        return std::nullopt;
      }
      return ScalarInput(value);
    }
  }
  return std::nullopt;
}

const char* type_description(TextType type) {
  switch (type) {
    case TextType::Boolean: return "a boolean (true or false)";
    case TextType::Integer: return "an integer";
    case TextType::Real: return "a number (or INF, -INF, NaN)";
    default: return "a string";
  }
}

void Problems::report(std::size_t offset, std::string path, std::string message, std::string field) {
  collected_.report({offset, std::move(path), std::move(message), std::move(field)});
}

bool finish_build(Builder&& builder, Problems& problems, const BuildPlace& place, ReadResult& result) {
  if (!problems.empty()) return false;
  BuildResult built = std::move(builder).finish();
  for (const auto& problem : built.problems) problems.report(place(problem), problem.field, problem.message);
  if (!built.problems.empty()) return false;
  result.graph = std::move(built.graph);
  return true;
}

void warn_once(ReadResult& result, std::size_t offset, std::string message, const std::string& file,
               const std::string& text) {
  Problems warning(1);
  warning.report(offset, "", std::move(message));
  ReadResult warned;
  warning.append_to(warned, file, text);
  result.warnings = std::move(warned.problems);
}

void Problems::append_to(ReadResult& result, const std::string& file, const std::string& text) {
  const TextPositions positions(text);
  std::vector<Raw>& raws = collected_.kept();
  std::stable_sort(raws.begin(), raws.end(), [](const Raw& a, const Raw& b) { return a.offset < b.offset; });
  for (const Raw& raw : raws) {
    const auto [line, column] = positions.locate(raw.offset);
    result.problems.push_back({file, line, column, raw.path, raw.message, raw.field});
  }
  result.problems_not_shown += collected_.not_kept();
}

}  // namespace kg::interchange
