#include "ingest/json_location.hpp"

#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>

#include <charconv>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace kg {

std::vector<JsonPathStep> parse_json_path(std::string_view path) {
  std::vector<JsonPathStep> steps;
  std::size_t i = 0;
  while (i < path.size()) {
    if (path[i] == '.') {
      ++i;
    } else if (path[i] == '[') {
      std::size_t index = 0;
      for (++i; i < path.size() && path[i] != ']'; ++i) index = index * 10 + static_cast<std::size_t>(path[i] - '0');
      steps.emplace_back(index);
      ++i;
    } else {
      const std::size_t end = path.find_first_of(".[", i);
      steps.emplace_back(std::string(path.substr(i, end == std::string_view::npos ? path.size() - i : end - i)));
      i = end == std::string_view::npos ? path.size() : end;
    }
  }
  return steps;
}

std::size_t skip_json_separators(std::string_view text, std::size_t offset) {
  while (offset < text.size()) {
    const char c = text[offset];
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != ':' && c != ',') break;
    ++offset;
  }
  return offset;
}

namespace {

// Streams the value at the start offset and stops at the first value whose
// path from there equals the wanted one.
class PathFinder : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, PathFinder> {
 public:
  PathFinder(const std::vector<JsonPathStep>& wanted, const rapidjson::MemoryStream& stream, std::size_t base)
      : wanted_(wanted), stream_(stream), base_(base) {}

  bool Default() { return value(false) && after_value(); }
  bool String(const char*, rapidjson::SizeType, bool) { return Default(); }
  bool StartObject() { return value(true) && open(false); }
  bool StartArray() { return value(true) && open(true); }
  bool Key(const char* text, rapidjson::SizeType length, bool) {
    levels_.back().key.assign(text, length);
    mark();
    return true;
  }
  bool EndObject(rapidjson::SizeType) { return close(); }
  bool EndArray(rapidjson::SizeType) { return close(); }

  bool found() const { return found_; }
  std::size_t offset() const { return found_offset_; }

 private:
  struct Level {
    explicit Level(bool is_array) : array(is_array) {}
    bool array;
    std::size_t index = 0;
    std::string key;
  };

  std::size_t here() const { return base_ + stream_.Tell(); }
  void mark() { previous_end_ = here(); }

  // A value begins: is it the one wanted? The iterative parser calls
  // StartObject/StartArray before taking the bracket, so containers know
  // their start; scalars know the end of the token before them.
  bool value(bool container) {
    if (levels_.size() == wanted_.size() && matches()) {
      found_ = true;
      found_offset_ = container ? here() : previous_end_;
      return false;
    }
    return true;
  }
  bool matches() const {
    for (std::size_t i = 0; i < levels_.size(); ++i) {
      const auto& level = levels_[i];
      if (level.array ? wanted_[i] != JsonPathStep(level.index) : wanted_[i] != JsonPathStep(level.key)) {
        return false;
      }
    }
    return true;
  }
  bool open(bool array) {
    levels_.emplace_back(array);
    previous_end_ = here() + 1;
    return true;
  }
  bool close() {
    levels_.pop_back();
    after_value();
    previous_end_ = here() + 1;  // the closing bracket is taken after this call
    return true;
  }
  bool after_value() {
    if (!levels_.empty() && levels_.back().array) ++levels_.back().index;
    mark();
    return true;
  }

  const std::vector<JsonPathStep>& wanted_;
  const rapidjson::MemoryStream& stream_;
  std::size_t base_;
  std::vector<Level> levels_;
  std::size_t previous_end_ = 0;
  bool found_ = false;
  std::size_t found_offset_ = 0;
};

}  // namespace

std::size_t locate_json_path(const std::string& text, std::size_t value_offset, const std::vector<JsonPathStep>& path) {
  if (path.empty() || value_offset >= text.size()) return value_offset;
  // A MemoryStream, not a StringStream: RapidJSON parses tokens of a
  // StringStream on a copy, so its Tell() would lag behind in the handler.
  rapidjson::MemoryStream stream(text.data() + value_offset, text.size() - value_offset);
  PathFinder finder(path, stream, value_offset);
  rapidjson::Reader reader;
  reader.Parse<rapidjson::kParseStopWhenDoneFlag | rapidjson::kParseIterativeFlag>(stream, finder);
  return finder.found() ? skip_json_separators(text, finder.offset()) : value_offset;
}

namespace {

// SAX handler: the names of every open object, scanned while an object is
// small and hashed once it is not, so a million-member object stays linear.
class RepeatedMemberFinder : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, RepeatedMemberFinder> {
 public:
  explicit RepeatedMemberFinder(const rapidjson::StringStream& stream) : stream_(stream) {}
  bool StartObject() {
    frames_.emplace_back();
    return true;
  }
  bool EndObject(rapidjson::SizeType) {
    frames_.pop_back();
    return true;
  }
  bool Key(const char* name, rapidjson::SizeType length, bool) {
    Frame& frame = frames_.back();
    const std::string_view key(name, length);
    const std::size_t here = stream_.Tell();
    if (frame.index.empty()) {
      for (const auto& [seen, at] : frame.names) {
        if (seen == key) return found(key, at, here);
      }
      frame.names.emplace_back(std::string(key), here);
      if (frame.names.size() > kScanned) {
        for (const auto& [seen, at] : frame.names) frame.index.emplace(seen, at);
      }
      return true;
    }
    const auto [it, inserted] = frame.index.emplace(std::string(key), here);
    return inserted || found(key, it->second, here);
  }
  bool Default() { return true; }
  const std::optional<RepeatedMember>& repeated() const { return repeated_; }

 private:
  static constexpr std::size_t kScanned = 16;
  struct Frame {
    std::vector<std::pair<std::string, std::size_t>> names;
    std::unordered_map<std::string, std::size_t> index;
  };
  bool found(std::string_view key, std::size_t first, std::size_t second) {
    repeated_ = RepeatedMember{std::string(key), first, second};
    return false;  // stops the parse
  }
  const rapidjson::StringStream& stream_;
  std::vector<Frame> frames_;
  std::optional<RepeatedMember> repeated_;
};

}  // namespace

std::optional<RepeatedMember> find_repeated_member(const char* text) {
  rapidjson::StringStream stream(text);
  RepeatedMemberFinder finder(stream);
  rapidjson::Reader reader;
  reader.Parse<rapidjson::kParseIterativeFlag | rapidjson::kParseNumbersAsStringsFlag>(stream, finder);
  return finder.repeated();
}

bool has_repeated_member(const rapidjson::Value& root) {
  std::vector<const rapidjson::Value*> stack{&root};
  std::unordered_set<std::string_view> names;
  while (!stack.empty()) {
    const rapidjson::Value* value = stack.back();
    stack.pop_back();
    if (value->IsArray()) {
      for (const auto& element : value->GetArray()) stack.push_back(&element);
      continue;
    }
    if (!value->IsObject()) continue;
    const auto members = value->GetObject();
    const auto name_of = [](const rapidjson::Value& name) {
      return std::string_view(name.GetString(), name.GetStringLength());
    };
    if (members.MemberCount() <= 16) {
      for (auto a = members.begin(); a != members.end(); ++a) {
        for (auto b = members.begin(); b != a; ++b) {
          if (name_of(a->name) == name_of(b->name)) return true;
        }
      }
    } else {
      names.clear();
      for (const auto& member : members) {
        if (!names.insert(name_of(member.name)).second) return true;
      }
    }
    for (const auto& member : members) stack.push_back(&member.value);
  }
  return false;
}

namespace {

class BigIntegerFinder : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, BigIntegerFinder> {
 public:
  bool RawNumber(const char* text, rapidjson::SizeType length, bool) {
    const std::string_view number(text, length);
    if (number.find_first_of(".eE") != std::string_view::npos) return true;
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(number.data(), number.data() + number.size(), value);
    if (error == std::errc() && end == number.data() + number.size()) return true;
    found_ = std::string(number);
    return false;
  }
  bool Default() { return true; }
  const std::optional<std::string>& found() const { return found_; }

 private:
  std::optional<std::string> found_;
};

// Where the number token `number` first stands outside a string: its text
// with no digit, sign or quote against it. (The parser's stream position
// is no help here: it has moved on by the time the number is handed over.)
std::size_t number_offset(std::string_view text, const std::string& number) {
  const auto attached = [](char c) { return (c >= '0' && c <= '9') || c == '"' || c == '-' || c == '.'; };
  for (std::size_t at = text.find(number); at != std::string_view::npos; at = text.find(number, at + 1)) {
    const bool left = at > 0 && attached(text[at - 1]);
    const std::size_t end = at + number.size();
    const bool right = end < text.size() && attached(text[end]);
    if (!left && !right) return at;
  }
  return 0;
}

}  // namespace

bool has_long_digit_run(std::string_view text) {
  std::size_t run = 0;
  for (const char c : text) {
    run = c >= '0' && c <= '9' ? run + 1 : 0;
    if (run >= 19) return true;
  }
  return false;
}

std::optional<std::size_t> find_integer_beyond_64_bits(const char* text, std::size_t size) {
  if (!has_long_digit_run(std::string_view(text, size))) return std::nullopt;
  rapidjson::StringStream stream(text);
  BigIntegerFinder finder;
  rapidjson::Reader reader;
  reader.Parse<rapidjson::kParseIterativeFlag | rapidjson::kParseNumbersAsStringsFlag>(stream, finder);
  if (!finder.found()) return std::nullopt;
  return number_offset(std::string_view(text, size), *finder.found());
}

namespace {

// The path of the first long string below `value`, breadth first with each
// step's parent kept so that the path can be spelled. Run only once
// has_long_string said there is one.
bool long_string_below(const rapidjson::Value& value, std::size_t limit, std::string& path) {
  struct Step {
    const rapidjson::Value* value;
    std::size_t parent;  // index into steps; npos for the root
    std::string name;    // ".member" or "[i]"
  };
  std::vector<Step> steps{{&value, std::string::npos, ""}};
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const rapidjson::Value& v = *steps[i].value;
    bool long_here = v.IsString() && v.GetStringLength() > limit;
    if (v.IsObject()) {
      for (const auto& member : v.GetObject()) {
        const std::string name(member.name.GetString(), member.name.GetStringLength());
        if (member.name.GetStringLength() > limit) long_here = true;
        steps.push_back({&member.value, i, "." + name.substr(0, std::min<std::size_t>(name.size(), 64))});
      }
    } else if (v.IsArray()) {
      for (rapidjson::SizeType k = 0; k < v.Size(); ++k) steps.push_back({&v[k], i, "[" + std::to_string(k) + "]"});
    }
    if (long_here) {
      std::vector<const std::string*> names;
      for (std::size_t at = i; at != std::string::npos; at = steps[at].parent) names.push_back(&steps[at].name);
      path.clear();
      for (auto it = names.rbegin(); it != names.rend(); ++it) path += **it;
      if (!path.empty() && path[0] == '.') path.erase(0, 1);
      return true;
    }
  }
  return false;
}

bool has_long_string(const rapidjson::Value& root, std::size_t limit) {
  std::vector<const rapidjson::Value*> stack{&root};
  while (!stack.empty()) {
    const rapidjson::Value* value = stack.back();
    stack.pop_back();
    if (value->IsString() && value->GetStringLength() > limit) return true;
    if (value->IsArray()) {
      for (const auto& element : value->GetArray()) stack.push_back(&element);
    } else if (value->IsObject()) {
      for (const auto& member : value->GetObject()) {
        if (member.name.GetStringLength() > limit) return true;
        stack.push_back(&member.value);
      }
    }
  }
  return false;
}

}  // namespace

std::optional<std::string> find_long_string(const rapidjson::Value& root, std::size_t limit) {
  if (!has_long_string(root, limit)) return std::nullopt;
  std::string path;
  long_string_below(root, limit, path);
  return path;
}

}  // namespace kg
