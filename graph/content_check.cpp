#include "graph/content_check.hpp"

#include <rapidjson/reader.h>

#include <algorithm>
#include <array>
#include <cstdio>

#include "base/utf8.hpp"
#include "graph/lookup.hpp"

namespace kg {
namespace {

// Suggestions cost a scan of every name; past this many misses the input is
// plainly the wrong file and more suggestions would only slow the report.
constexpr std::size_t kMaxSuggestedMisses = 50;
// Attribute lists up to this long are checked for repeated keys pair by
// pair; longer ones are sorted.
constexpr std::size_t kPairwiseAttributes = 16;

std::string quoted(std::string_view text) { return "'" + std::string(text) + "'"; }

std::string indexed(const char* array, std::size_t index) {
  return std::string(array) + "[" + std::to_string(index) + "]";
}

std::string did_you_mean(std::string_view name, const std::vector<std::string_view>& candidates) {
  const auto close = closest_matches(name, candidates);
  if (close.empty()) return {};
  std::string text = " (did you mean ";
  for (std::size_t i = 0; i < close.size(); ++i) {
    if (i) text += i + 1 == close.size() ? " or " : ", ";
    text += quoted(close[i]);
  }
  return text + "?)";
}

// Whether `text` is one JSON value: a structured graph attribute is written
// out verbatim, so a broken one would break every JSON file kg writes.
bool is_json_value(std::string_view text) {
  const std::string copy(text);  // the parser wants a NUL at the end
  rapidjson::StringStream whole(copy.c_str());
  rapidjson::BaseReaderHandler<> ignore;
  rapidjson::Reader reader;
  const bool parsed = !reader.Parse<rapidjson::kParseIterativeFlag>(whole, ignore).IsError();
  return parsed && whole.Tell() == copy.size();
}

// Which entity claimed each name first, names compared by their text: open
// addressing over (name, entity, hash tag), with no allocation per name (a
// snapshot of millions of entities is checked on every open). The table is
// far larger than the caches, so a name's slot is fetched ahead: calling
// look_ahead() kLookAhead names before claiming keeps several memory reads
// in flight instead of one.
class NameClaims {
 public:
  static constexpr std::size_t kLookAhead = 8;

  NameClaims(const StringColumn& strings, std::size_t names) : strings_(strings) {
    std::size_t capacity = 16;
    while (capacity < 2 * names) capacity *= 2;
    slots_.assign(capacity, Slot{});
    mask_ = capacity - 1;
  }

  // Hashing a short name twice costs less than waiting for its slot.
  void look_ahead(StringId name) const { __builtin_prefetch(&slots_[hash_of(name) & mask_]); }

  // The entity that claimed `name` first: `e` if none did.
  EntityId claim(StringId name, EntityId e) {
    const std::uint64_t hash = hash_of(name);
    const auto tag = static_cast<std::uint32_t>(hash >> 32);
    for (std::size_t i = hash & mask_;; i = (i + 1) & mask_) {
      Slot& slot = slots_[i];
      if (slot.owner == ContentCheck::kNone) {
        slot = {name, e, tag};
        return e;
      }
      if (slot.tag == tag && (slot.name == name || strings_.view(slot.name) == strings_.view(name))) return slot.owner;
    }
  }

 private:
  std::uint64_t hash_of(StringId name) const { return std::hash<std::string_view>{}(strings_.view(name)); }

  struct Slot {
    StringId name = 0;
    EntityId owner = ContentCheck::kNone;
    std::uint32_t tag = 0;
  };
  const StringColumn& strings_;
  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
};

}  // namespace

std::string string_fault(std::string_view text) {
  if (text.size() > kMaxStringBytes) {
    return "string of " + std::to_string(text.size()) + " bytes is longer than the limit of " +
           std::to_string(kMaxStringBytes) + " bytes";
  }
  const std::size_t bad = find_invalid_utf8(text);
  if (bad == std::string_view::npos) return {};
  char byte[8];
  std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(text[bad]));
  return std::string("invalid UTF-8 in string (byte ") + byte + " at byte " + std::to_string(bad) + " of the text)";
}

std::string ContentProblem::path() const {
  const auto member = [this](std::string item) { return field.empty() ? item : item + "." + field; };
  switch (subject) {
    case Subject::Graph: return field;
    case Subject::Source: return member(indexed("sources", index));
    case Subject::Entity: return member(indexed("entities", index));
    case Subject::Relation: return member(indexed("relations", index));
    case Subject::RelationType: return member(indexed("relation_types", index));
  }
  return field;
}

ContentCheck::ContentCheck(const GraphColumns& data, References references) : data_(data), references_(references) {
  find_faulty_text();
  check_graph();
  check_types();
  check_sources();
  check_entities();
  check_relations();
}

std::uint32_t ContentCheck::source_named(StringId id) const {
  const auto it = source_of_id_.find(data_.strings.view(id));
  return it == source_of_id_.end() ? kNone : it->second;
}

void ContentCheck::problem(Subject subject, std::size_t index, std::string field, std::string message) {
  problems_.push_back({subject, index, std::move(field), std::move(message)});
}

// One pass over the whole pool settles the usual case (all ASCII, nothing
// too long); only otherwise is each string looked at.
void ContentCheck::find_faulty_text() {
  const StringColumn& strings = data_.strings;
  bool too_long = false;
  for (StringId s = 0; s < strings.size() && !too_long; ++s) too_long = strings.view(s).size() > kMaxStringBytes;
  if (!too_long && is_ascii(strings.bytes)) return;
  for (StringId s = 0; s < strings.size(); ++s) {
    std::string fault = string_fault(strings.view(s));
    if (!fault.empty()) text_faults_.emplace(s, std::move(fault));
  }
}

bool ContentCheck::sound(StringId id) const { return text_faults_.empty() || text_faults_.count(id) == 0; }

void ContentCheck::text(StringId id, Subject subject, std::size_t index, std::string_view field) {
  if (sound(id)) return;
  problem(subject, index, std::string(field), text_faults_.at(id));
}

void ContentCheck::attributes(Span<Attribute> all, Offset begin, Offset end, Subject subject,
                              std::size_t index) {
  if (begin == end) return;
  const StringColumn& strings = data_.strings;
  const auto field_of = [&](const Attribute& a) { return "attributes." + std::string(strings.view(a.key)); };
  for (Offset i = begin; i < end; ++i) {
    const Attribute& a = all[i];
    if (!sound(a.key)) {
      text(a.key, subject, index, "attributes");
      continue;
    }
    if (a.value.kind() == Value::Kind::String && !sound(a.value.as_string())) {
      text(a.value.as_string(), subject, index, field_of(a));
    }
    if (a.value.kind() == Value::Kind::Json) {
      problem(subject, index, field_of(a), "a structured value where only a string, number or boolean can be");
    }
  }
  // Repeated keys: interned keys compare as ids; a snapshot's by text.
  const auto same = [&](StringId x, StringId y) {
    return x == y || (references_ == References::Indices && strings.view(x) == strings.view(y));
  };
  if (end - begin <= kPairwiseAttributes) {
    for (Offset i = begin; i < end; ++i) {
      for (Offset j = begin; j < i; ++j) {
        if (!same(all[i].key, all[j].key)) continue;
        problem(subject, index, field_of(all[i]), "duplicate attribute " + quoted(strings.view(all[i].key)));
        break;
      }
    }
    return;
  }
  std::vector<std::string_view> keys;
  for (Offset i = begin; i < end; ++i) keys.push_back(strings.view(all[i].key));
  std::sort(keys.begin(), keys.end());
  for (std::size_t i = 1; i < keys.size(); ++i) {
    if (keys[i] == keys[i - 1] && (i == 1 || keys[i - 2] != keys[i])) {
      problem(subject, index, "attributes." + std::string(keys[i]), "duplicate attribute " + quoted(keys[i]));
    }
  }
}

void ContentCheck::check_graph() {
  text(data_.name, Subject::Graph, 0, "name");
  std::unordered_map<std::string_view, std::size_t> first;
  for (const Attribute& a : data_.graph_attributes) {
    const std::string_view key = data_.strings.view(a.key);
    if (!sound(a.key)) {
      text(a.key, Subject::Graph, 0, "");
      continue;
    }
    if (!first.try_emplace(key, 0).second) problem(Subject::Graph, 0, std::string(key), "duplicate member " + quoted(key));
    if (a.value.kind() == Value::Kind::String || a.value.kind() == Value::Kind::Json) {
      text(a.value.as_string(), Subject::Graph, 0, key);
    }
    if (a.value.kind() == Value::Kind::Json && !is_json_value(data_.strings.view(a.value.as_string()))) {
      problem(Subject::Graph, 0, std::string(key), "a structured value that is not JSON");
    }
  }
}

void ContentCheck::check_types() {
  const StringColumn& strings = data_.strings;
  std::unordered_map<std::string_view, TypeId> first;
  entity_type_faults_.resize(data_.entity_type_names.size());
  for (TypeId t = 0; t < data_.entity_type_names.size(); ++t) {
    const StringId name = data_.entity_type_names[t];
    const std::string_view text = strings.view(name);
    const auto fault = text_faults_.find(name);
    if (fault != text_faults_.end()) {
      entity_type_faults_[t] = fault->second;
    } else if (text.empty()) {
      entity_type_faults_[t] = "empty entity type";
    } else if (!first.try_emplace(text, t).second) {
      entity_type_faults_[t] = "entity type " + quoted(text) + " stored twice";
    }
  }
  first.clear();
  for (TypeId t = 0; t < data_.relation_type_infos.size(); ++t) {
    const RelationTypeInfo& info = data_.relation_type_infos[t];
    const std::string_view name = strings.view(info.name);
    text(info.name, Subject::RelationType, t, "");
    if (!name.empty() && !first.try_emplace(name, t).second) {
      problem(Subject::RelationType, t, "", "relation type " + quoted(name) + " declared twice");
    }
    text(info.description, Subject::RelationType, t, "description");
  }
}

void ContentCheck::check_sources() {
  for (std::uint32_t s = 0; s < data_.sources.size(); ++s) {
    const SourceInfo& source = data_.sources[s];
    const std::string_view id = data_.strings.view(source.id);
    text(source.id, Subject::Source, s, "id");
    text(source.title, Subject::Source, s, "title");
    text(source.url, Subject::Source, s, "url");
    if (id.empty()) {
      problem(Subject::Source, s, "id", "empty source id");
      continue;
    }
    const auto [it, fresh] = source_of_id_.try_emplace(id, s);
    if (!fresh) {
      problem(Subject::Source, s, "id",
              "duplicate source id " + quoted(id) + " (first used by " + indexed("sources", it->second) + ")");
    }
  }
}

void ContentCheck::check_entities() {
  const StringColumn& strings = data_.strings;
  const std::size_t n = data_.entity_keys.size();
  // Which entity a name was first given to: by id where strings are
  // interned (a vector beats hashing on millions of ids), else by text.
  const bool interned = references_ == References::Names;
  std::vector<EntityId> owner_by_id(interned ? strings.size() : 0, kNone);
  NameClaims owner_by_text(strings, interned ? 0 : n + data_.aliases.size());
  const auto claim = [&](StringId name, EntityId e) -> EntityId {
    if (interned) {
      EntityId& owner = owner_by_id[name];
      if (owner == kNone) owner = e;
      return owner;
    }
    return owner_by_text.claim(name, e);
  };

  const auto look_ahead = [&](EntityId e) {
    if (!interned && e < n) owner_by_text.look_ahead(data_.entity_keys[e]);
  };
  for (EntityId e = 0; e < NameClaims::kLookAhead; ++e) look_ahead(e);
  for (EntityId e = 0; e < n; ++e) {
    look_ahead(e + NameClaims::kLookAhead);
    const StringId key = data_.entity_keys[e];
    text(key, Subject::Entity, e, "id");
    text(data_.entity_names[e], Subject::Entity, e, "name");
    const std::string& type_fault = entity_type_faults_[data_.entity_types[e]];
    if (!type_fault.empty()) problem(Subject::Entity, e, "type", type_fault);
    attributes(data_.entity_attributes, data_.entity_attribute_offsets[e], data_.entity_attribute_offsets[e + 1],
               Subject::Entity, e);
    if (strings.view(key).empty()) {
      problem(Subject::Entity, e, "id", "empty id");
      continue;
    }
    const EntityId first = claim(key, e);
    if (first != e) {
      problem(Subject::Entity, e, "id",
              "duplicate id " + quoted(strings.view(key)) + " (first defined by " + indexed("entities", first) + ")");
    }
  }
  for (EntityId e = 0; e < n; ++e) {
    for (Offset i = data_.alias_offsets[e]; i < data_.alias_offsets[e + 1]; ++i) {
      const StringId alias = data_.aliases[i];
      const auto field = [&] { return indexed("aliases", i - data_.alias_offsets[e]); };
      if (!sound(alias)) text(alias, Subject::Entity, e, field());
      if (strings.view(alias).empty()) {
        problem(Subject::Entity, e, field(), "empty alias");
        continue;
      }
      const EntityId other = claim(alias, e);
      if (other != e) {
        problem(Subject::Entity, e, field(),
                "alias " + quoted(strings.view(alias)) + " already names " +
                    quoted(strings.view(data_.entity_keys[other])) + " (" + indexed("entities", other) + ")");
      }
    }
  }
  if (interned) entity_of_name_ = std::move(owner_by_id);
}

void ContentCheck::unknown_end(RelationId r, StringId name, const char* field) {
  const std::string_view text = data_.strings.view(name);
  std::string hint;
  if (++misses_ <= kMaxSuggestedMisses) {
    if (known_names_.empty()) {
      for (StringId key : data_.entity_keys) known_names_.push_back(data_.strings.view(key));
      for (StringId alias : data_.aliases) known_names_.push_back(data_.strings.view(alias));
    }
    hint = did_you_mean(text, known_names_);
  }
  problem(Subject::Relation, r, field, (text.empty() ? std::string("empty ") + field : "unknown entity " + quoted(text)) + hint);
}

void ContentCheck::check_relations() {
  const StringColumn& strings = data_.strings;
  std::vector<char> empty_type(data_.relation_type_infos.size());
  for (TypeId t = 0; t < empty_type.size(); ++t) empty_type[t] = strings.view(data_.relation_type_infos[t].name).empty();
  const bool any_empty_type = std::find(empty_type.begin(), empty_type.end(), 1) != empty_type.end();
  std::vector<std::string_view> source_ids;  // for suggestions, filled on the first miss
  const bool names = references_ == References::Names;
  const auto& attribute_offsets = data_.relation_attribute_offsets;
  for (RelationId r = 0; r < data_.relation_sources.size(); ++r) {
    // Packed dates sort as the dates do, and a date's first day never
    // decreases along that order: an until that sorts at or after the date
    // cannot precede it, which settles nearly every relation unpacked.
    const std::uint32_t date_code = data_.relation_dates[r];
    const std::uint32_t until_code = data_.relation_untils.empty() ? 0 : data_.relation_untils[r];
    if (date_code != 0 && until_code != 0 && until_code < date_code) {
      const Date date = Date::unpack(date_code), until = Date::unpack(until_code);
      if (until.last_day() < date.first_day()) {
        problem(Subject::Relation, r, "until", "until " + until.to_string() + " precedes date " + date.to_string());
      }
    }
    if (any_empty_type && empty_type[data_.relation_types[r]]) {
      problem(Subject::Relation, r, "type", "empty relation type");
    }
    if (names) {
      if (entity_of_name_[data_.relation_sources[r]] == kNone) unknown_end(r, data_.relation_sources[r], "source");
      if (entity_of_name_[data_.relation_targets[r]] == kNone) unknown_end(r, data_.relation_targets[r], "target");
    }
    if (!attribute_offsets.empty() && attribute_offsets[r] != attribute_offsets[r + 1]) {
      attributes(data_.relation_attributes, attribute_offsets[r], attribute_offsets[r + 1], Subject::Relation, r);
    }
    for (Offset i = data_.evidence_offsets[r]; i < data_.evidence_offsets[r + 1]; ++i) {
      const Evidence& item = data_.evidence[i];
      const auto field = [&] { return indexed("evidence", i - data_.evidence_offsets[r]); };
      if (!sound(item.quote)) text(item.quote, Subject::Relation, r, field() + ".quote");
      if (!names || source_named(item.source) != kNone) continue;
      if (source_ids.empty()) {
        for (const SourceInfo& source : data_.sources) source_ids.push_back(strings.view(source.id));
      }
      const std::string_view id = strings.view(item.source);
      problem(Subject::Relation, r, field() + ".source", "unknown source " + quoted(id) + did_you_mean(id, source_ids));
    }
  }
}

}  // namespace kg
