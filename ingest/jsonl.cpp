// Each line is copied into a reused buffer and parsed there in situ into a
// RapidJSON DOM whose memory comes from two fixed buffers reused for every
// line (they grow only for an unusually long line),
// so ten million lines cost no allocation each beyond the graph's own.
#include "ingest/jsonl.hpp"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <memory>

#include "base/mapped_file.hpp"
#include "base/problem_collector.hpp"
#include "ingest/interchange.hpp"
#include "ingest/json_location.hpp"
#include "base/utf8.hpp"

namespace kg {
namespace {

constexpr unsigned kParseFlags = rapidjson::kParseIterativeFlag | rapidjson::kParseFullPrecisionFlag;
constexpr std::size_t kKeptResident = std::size_t{1} << 20;
constexpr std::size_t kProgressLines = 1 << 16;

using Allocator = rapidjson::MemoryPoolAllocator<>;
using Document = rapidjson::GenericDocument<rapidjson::UTF8<>, Allocator, Allocator>;

std::string_view text_of(const rapidjson::Value& value) {
  return std::string_view(value.GetString(), value.GetStringLength());
}

// 1-based column, in code points, of byte `offset` of a line.
std::size_t column_of(std::string_view line, std::size_t offset) {
  std::size_t column = 1;
  for (std::size_t i = 0; i < offset && i < line.size(); ++i) {
    if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++column;
  }
  return column;
}

enum class Kind : std::uint8_t { Entity, Relation, Source, RelationType, Graph };

class Reader {
 public:
  Reader(const char* data, std::size_t size, MappedFile* file, std::string name, const ReadOptions& options)
      : data_(data), size_(size), file_(file), name_(std::move(name)), options_(options),
        value_allocator_(value_buffer_, sizeof value_buffer_), stack_allocator_(stack_buffer_, sizeof stack_buffer_) {}

  ReadResult read() {
    std::size_t start = size_ >= 3 && std::memcmp(data_, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    std::size_t line_number = 0;
    while (start < size_) {
      const char* newline = static_cast<const char*>(std::memchr(data_ + start, '\n', size_ - start));
      const std::size_t end = newline ? static_cast<std::size_t>(newline - data_) : size_;
      ++line_number;
      std::string_view line(data_ + start, end - start);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (line.find_first_not_of(" \t") != std::string_view::npos) read_line(line, start, line_number);
      if (file_ && start > kKeptResident) file_->release_before(start - kKeptResident);
      if (options_.progress && line_number % kProgressLines == 0) options_.progress(start, size_);
      start = end + 1;
    }
    if (options_.progress) options_.progress(size_, size_);
    ReadResult result;
    if (problems_.empty()) {
      BuildResult built = std::move(builder_).finish();
      if (built.problems.empty()) {
        result.graph = std::move(built.graph);
        return result;
      }
      place(built.problems);
    }
    const std::size_t not_kept = problems_.not_kept();
    result.problems = std::move(problems_.kept());
    result.problems_not_shown = not_kept;
    return result;
  }

 private:
  void report(std::size_t line_number, std::size_t column, std::string path, std::string message) {
    problems_.report({name_, line_number, column, std::move(path), std::move(message), {}});
  }

  void read_line(std::string_view line, std::size_t line_offset, std::size_t line_number) {
    line_ = line;
    line_number_ = line_number;
    if (!is_ascii(line)) {
      const std::size_t bad = find_invalid_utf8(line);
      if (bad != std::string_view::npos) {
        report(line_number, column_of(line, bad), "", "invalid UTF-8");
        return;
      }
    }
    // The parser stops at a NUL (its end of text): say what it is rather
    // than "missing a closing quotation mark".
    if (const std::size_t nul = line.find('\0'); nul != std::string_view::npos) {
      report(line_number, column_of(line, nul), "", "a NUL byte (JSON writes it \\u0000 inside a string)");
      return;
    }
    value_allocator_.Clear();
    stack_allocator_.Clear();
    Document document(&value_allocator_, 1024, &stack_allocator_);
    // In situ on a NUL-terminated copy: strings stay in the copy rather than
    // being copied again, and RapidJSON scans a plain string stream fastest.
    buffer_.assign(line.data(), line.size());
    document.ParseInsitu<kParseFlags>(buffer_.data());
    if (document.HasParseError()) {
      report(line_number, column_of(line, document.GetErrorOffset()), "",
             std::string("invalid JSON: ") + rapidjson::GetParseError_En(document.GetParseError()));
      return;
    }
    if (!document.IsObject()) {
      report(line_number, column_of(line, line.find_first_not_of(" \t")), "", "expected an object");
      return;
    }
    if (const auto path = find_long_string(document, kMaxStringBytes)) {
      problem_at(*path, "a string longer than 16 MiB");
      return;
    }
    if (has_long_digit_run(line)) {
      const std::string copy(line);  // NUL-terminated; the parse above was in situ
      if (const auto at = find_integer_beyond_64_bits(copy.c_str(), copy.size())) {
        report(line_number, column_of(line, *at), "", "integer out of range (beyond 64 bits)");
        return;
      }
    }
    if (has_repeated_member(document)) {
      const std::string copy(line);  // the parse above was in situ
      if (const auto repeated = find_repeated_member(copy.c_str())) {
        report(line_number, column_of(line, repeated->second), "",
               "member '" + repeated->name + "' given twice (first at " + std::to_string(line_number) + ":" +
                   std::to_string(column_of(line, repeated->first)) + ")");
        return;
      }
    }
    Kind kind;
    if (const auto it = document.FindMember("kind"); it != document.MemberEnd()) {
      const std::string_view text = it->value.IsString() ? text_of(it->value) : std::string_view();
      if (text == "entity") kind = Kind::Entity;
      else if (text == "relation") kind = Kind::Relation;
      else if (text == "source") kind = Kind::Source;
      else if (text == "relation_type") kind = Kind::RelationType;
      else if (text == "graph") kind = Kind::Graph;
      else {
        problem_at("kind", "expected \"entity\", \"relation\", \"source\", \"relation_type\" or \"graph\"");
        return;
      }
    } else if (document.HasMember("source") && document.HasMember("target")) {
      kind = Kind::Relation;
    } else if (document.HasMember("id")) {
      kind = Kind::Entity;
    } else {
      problem_at("", "cannot tell what this is: give \"kind\", or \"id\" (an entity) or \"source\" and \"target\" "
                     "(a relation)");
      return;
    }
    switch (kind) {
      case Kind::Entity: entity(document, line_offset); break;
      case Kind::Relation: relation(document, line_offset); break;
      case Kind::Source: source(document); break;
      case Kind::RelationType: relation_type(document); break;
      case Kind::Graph: graph(document); break;
    }
  }

  // A problem at the member `path` of the current line.
  void problem_at(const std::string& path, std::string message) {
    const std::string text(line_);
    const std::size_t offset = locate_json_path(text, skip_json_separators(text, 0), parse_json_path(path));
    report(line_number_, column_of(line_, offset), path, std::move(message));
  }

  // Checks members against the kind's fields; false after reporting.
  bool known_members(const rapidjson::Value& object, std::initializer_list<std::string_view> fields,
                     const char* what) {
    bool ok = true;
    for (const auto& member : object.GetObject()) {
      const std::string_view name = text_of(member.name);
      if (name == "kind" || std::find(fields.begin(), fields.end(), name) != fields.end()) continue;
      std::string expected;
      for (const auto field : fields) expected += (expected.empty() ? "" : ", ") + std::string(field);
      problem_at(std::string(name), "unknown member '" + std::string(name) + "' in " + what + " (expected one of " +
                                        expected + ")");
      ok = false;
    }
    return ok;
  }

  // A string member: absent gives "", another type is reported.
  bool string_member(const rapidjson::Value& object, const char* name, std::string_view& out, bool required = false) {
    const auto it = object.FindMember(name);
    if (it == object.MemberEnd()) {
      if (required) problem_at("", std::string("no '") + name + "'");
      return !required;
    }
    if (!it->value.IsString()) {
      problem_at(name, "expected a string");
      return false;
    }
    out = text_of(it->value);
    return true;
  }

  bool date_member(const rapidjson::Value& object, const char* name, Date& out) {
    std::string_view text;
    if (!string_member(object, name, text)) return false;
    if (text.empty()) return true;
    const auto date = Date::parse(text);
    if (!date) {
      problem_at(name, Date::explain_invalid(text));
      return false;
    }
    out = *date;
    return true;
  }

  template <typename Add>
  bool attributes(const rapidjson::Value& object, Add&& add, bool apply) {
    const auto it = object.FindMember("attributes");
    if (it == object.MemberEnd()) return true;
    if (!it->value.IsObject()) {
      problem_at("attributes", "expected an object");
      return false;
    }
    bool ok = true;
    for (const auto& member : it->value.GetObject()) {
      const auto value = interchange::scalar_input(member.value);
      if (!value) {
        problem_at("attributes." + std::string(text_of(member.name)), "expected a string, number or boolean");
        ok = false;
      } else if (apply) {
        add(text_of(member.name), *value);
      }
    }
    return ok;
  }

  void entity(const rapidjson::Value& object, std::size_t line_offset) {
    std::string_view id, name, type;
    bool ok = known_members(object, {"id", "name", "type", "aliases", "attributes"}, "an entity");
    ok = string_member(object, "id", id, true) && ok;
    ok = string_member(object, "name", name) && ok;
    ok = string_member(object, "type", type) && ok;
    const auto aliases = object.FindMember("aliases");
    if (aliases != object.MemberEnd()) {
      const bool valid = aliases->value.IsArray() &&
                         std::all_of(aliases->value.Begin(), aliases->value.End(),
                                     [](const rapidjson::Value& v) { return v.IsString(); });
      if (!valid) problem_at("aliases", "expected an array of strings");
      ok = ok && valid;
    }
    const auto add = [this](std::string_view k, const ScalarInput& v) { builder_.add_entity_attribute(k, v); };
    ok = attributes(object, add, false) && ok;
    if (!ok) return;
    entity_offsets_.push_back(line_offset);
    builder_.add_entity(id, name, type);
    if (aliases != object.MemberEnd()) interchange::add_aliases(builder_, aliases->value);
    attributes(object, add, true);
  }

  void relation(const rapidjson::Value& object, std::size_t line_offset) {
    std::string_view source, target, type;
    Date date, until;
    bool ok = known_members(object, {"source", "target", "type", "date", "until", "attributes", "evidence"},
                            "a relation");
    ok = string_member(object, "source", source, true) && ok;
    ok = string_member(object, "target", target, true) && ok;
    ok = string_member(object, "type", type, true) && ok;
    ok = date_member(object, "date", date) && ok;
    ok = date_member(object, "until", until) && ok;
    const auto add = [this](std::string_view k, const ScalarInput& v) { builder_.add_relation_attribute(k, v); };
    ok = attributes(object, add, false) && ok;
    const auto evidence = object.FindMember("evidence");
    if (evidence != object.MemberEnd()) {
      const std::string error = evidence->value.IsArray() && evidence->value.Empty()
                                    ? std::string()
                                    : shape_of_evidence(evidence->value);
      if (!error.empty()) {
        problem_at("evidence", "expected " + error);
        ok = false;
      }
    }
    if (!ok) return;
    relation_offsets_.push_back(line_offset);
    builder_.add_relation(source, target, type, date, until);
    attributes(object, add, true);
    if (evidence != object.MemberEnd()) interchange::add_evidence(builder_, evidence->value);
  }

  static std::string shape_of_evidence(const rapidjson::Value& value) {
    const char* expected = "evidence as an array of {\"source\", \"quote\"} objects";
    if (!value.IsArray()) return expected;
    for (const auto& item : value.GetArray()) {
      if (!item.IsObject() || item.MemberCount() != 2 || !item.HasMember("source") || !item.HasMember("quote") ||
          !item["source"].IsString() || !item["quote"].IsString()) {
        return expected;
      }
    }
    return {};
  }

  void source(const rapidjson::Value& object) {
    if (!known_members(object, {"id", "title", "url", "date"}, "a source")) return;
    rapidjson::Value list(rapidjson::kArrayType);
    // add_sources checks and adds; a copy of one object is cheap.
    Allocator& allocator = value_allocator_;
    rapidjson::Value copy;
    copy.CopyFrom(object, allocator);
    copy.RemoveMember("kind");
    list.PushBack(copy, allocator);
    source_line_ = line_number_;
    const std::string error = interchange::add_sources(builder_, list);
    if (!error.empty()) problem_at("", "expected " + error);
  }

  void relation_type(const rapidjson::Value& object) {
    if (!known_members(object, {"name", "symmetric", "polarity", "description"}, "a relation type")) return;
    std::string_view name;
    if (!string_member(object, "name", name, true)) return;
    Allocator& allocator = value_allocator_;
    rapidjson::Value info;
    info.CopyFrom(object, allocator);
    info.RemoveMember("kind");
    info.RemoveMember("name");
    rapidjson::Value declarations(rapidjson::kObjectType);
    declarations.AddMember(rapidjson::Value(name.data(), static_cast<rapidjson::SizeType>(name.size())), info,
                           allocator);
    relation_type_line_ = line_number_;
    const std::string error = interchange::add_relation_types(builder_, declarations);
    if (!error.empty()) problem_at("", "expected " + error);
  }

  void graph(const rapidjson::Value& object) {
    if (!known_members(object, {"name", "directed", "attributes"}, "the graph")) return;
    graph_line_ = line_number_;
    std::string_view name;
    if (!string_member(object, "name", name)) return;
    if (!name.empty()) builder_.set_name(name);
    if (const auto it = object.FindMember("directed"); it != object.MemberEnd()) {
      if (!it->value.IsBool()) {
        problem_at("directed", "expected true or false");
        return;
      }
      builder_.set_directed(it->value.GetBool());
    }
    attributes(object, [this](std::string_view k, const ScalarInput& v) { builder_.add_graph_attribute(k, v); }, true);
  }

  // Builder problems, placed on the line of their item.
  void place(const std::vector<ContentProblem>& problems) {
    struct Placed {
      std::size_t offset;  // of the line; npos for lines known by number
      std::size_t line_number;
      const ContentProblem* problem;
    };
    std::vector<Placed> placed;
    for (const auto& problem : problems) {
      switch (problem.subject) {
        case ContentProblem::Subject::Entity: placed.push_back({entity_offsets_[problem.index], 0, &problem}); break;
        case ContentProblem::Subject::Relation:
          placed.push_back({relation_offsets_[problem.index], 0, &problem});
          break;
        case ContentProblem::Subject::Source:
          placed.push_back({std::string_view::npos, source_line_, &problem});
          break;
        case ContentProblem::Subject::RelationType:
          placed.push_back({std::string_view::npos, relation_type_line_, &problem});
          break;
        case ContentProblem::Subject::Graph: placed.push_back({std::string_view::npos, graph_line_, &problem}); break;
      }
    }
    std::stable_sort(placed.begin(), placed.end(), [](const Placed& a, const Placed& b) { return a.offset < b.offset; });
    // One pass over the text counts the lines before each offset.
    std::size_t counted_to = 0, lines_before = 0;
    for (auto& item : placed) {
      if (item.offset == std::string_view::npos) {
        report(item.line_number, 0, item.problem->field, item.problem->message);
        continue;
      }
      for (; counted_to < item.offset; ++counted_to) lines_before += data_[counted_to] == '\n';
      const char* newline = static_cast<const char*>(std::memchr(data_ + item.offset, '\n', size_ - item.offset));
      std::string line(data_ + item.offset, newline ? static_cast<std::size_t>(newline - data_) - item.offset
                                                    : size_ - item.offset);
      const std::size_t at = locate_json_path(line, skip_json_separators(line, 0), parse_json_path(item.problem->field));
      report(lines_before + 1, column_of(line, at), item.problem->field, item.problem->message);
    }
  }

  const char* data_;
  std::size_t size_;
  MappedFile* file_;
  std::string name_;
  const ReadOptions& options_;
  Builder builder_;
  ProblemCollector<Diagnostic> problems_{options_.max_problems};
  std::string_view line_;
  std::string buffer_;  // the current line, parsed in situ
  std::size_t line_number_ = 0;
  std::size_t source_line_ = 0, relation_type_line_ = 0, graph_line_ = 0;
  std::vector<std::size_t> entity_offsets_, relation_offsets_;
  char value_buffer_[1 << 16];
  char stack_buffer_[1 << 14];
  Allocator value_allocator_;
  Allocator stack_allocator_;
};

bool looks_like_jsonl(std::string_view head) {
  const auto start = head.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  if (start == std::string_view::npos || head[start] != '{') return false;
  const auto newline = head.find('\n', start);
  return newline != std::string_view::npos && head.find("\"kind\"", start) < newline;
}

}  // namespace

ReadResult read_jsonl_file(const std::string& path, const ReadOptions& options) {
  MappedFile file(path, options.contents);
  auto reader = std::make_unique<Reader>(file.data(), file.size(), &file, path, options);
  return reader->read();
}

ReadResult read_jsonl_text(const std::string& text, const std::string& name, const ReadOptions& options) {
  auto reader = std::make_unique<Reader>(text.c_str(), text.size(), nullptr, name, options);
  return reader->read();
}

Format jsonl_format() {
  return {"jsonl", "JSON Lines, one entity or relation a line", {".jsonl", ".ndjson"}, &looks_like_jsonl,
          &read_jsonl_file};
}

}  // namespace kg
