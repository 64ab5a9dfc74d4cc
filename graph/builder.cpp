#include "graph/builder.hpp"

#include <limits>

#include "graph/exception.hpp"
#include "graph/lookup.hpp"

namespace kg {
namespace {

constexpr std::string_view kDefaultEntityType = "entity";
constexpr std::size_t kScannedVocabulary = 16;
// Suggestions cost a scan of every id; past this many misses the input is
// plainly the wrong file and more suggestions would only slow the report.
constexpr std::size_t kMaxSuggestedMisses = 50;

std::string quoted(std::string_view text) { return "'" + std::string(text) + "'"; }

template <typename T>
Offset checked_offset(const std::vector<T>& items) {
  if (items.size() >= std::numeric_limits<Offset>::max()) throw InvalidArgument("graph too large: over 2^32 items");
  return static_cast<Offset>(items.size());
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

}  // namespace

Builder::Builder() : strings_(data_.strings) {
  data_.name = strings_.intern("");  // StringId 0 is the empty string
}

void Builder::problem(BuildProblem::Subject subject, std::size_t index, std::string field, std::string message) {
  problems_.push_back({subject, index, std::move(field), std::move(message)});
}

Attribute Builder::make_attribute(std::string_view key, const ScalarInput& value) {
  const StringId key_id = strings_.intern(key);
  if (const auto* text = std::get_if<std::string_view>(&value)) {
    return {key_id, Value::string(strings_.intern(*text))};
  }
  if (const auto* integer = std::get_if<std::int64_t>(&value)) return {key_id, Value::integer(*integer)};
  if (const auto* real = std::get_if<double>(&value)) return {key_id, Value::real(*real)};
  return {key_id, Value::boolean(std::get<bool>(value))};
}

void Builder::set_name(std::string_view name) { data_.name = strings_.intern(name); }

void Builder::add_graph_attribute(std::string_view key, ScalarInput value) {
  data_.graph_attributes.push_back(make_attribute(key, value));
}

void Builder::add_graph_json_attribute(std::string_view key, std::string_view json) {
  data_.graph_attributes.push_back({strings_.intern(key), Value::json(strings_.intern(json))});
}

void Builder::add_source(std::string_view id, std::string_view title, std::string_view url, Date date) {
  data_.sources.push_back({strings_.intern(id), strings_.intern(title), strings_.intern(url), date});
}

TypeId Builder::relation_type_id(std::string_view name) {
  // Vocabularies are small: a scan of the names seen beats hashing.
  if (relation_type_ids_.size() <= kScannedVocabulary) {
    for (TypeId t = 0; t < data_.relation_type_infos.size(); ++t) {
      if (data_.strings.view(data_.relation_type_infos[t].name) == name) return t;
    }
  }
  const StringId id = strings_.intern(name);
  const auto [it, inserted] =
      relation_type_ids_.try_emplace(id, static_cast<TypeId>(data_.relation_type_infos.size()));
  if (inserted) {
    data_.relation_type_infos.push_back({id, 0, Polarity::Neutral, false});
    relation_type_declared_.push_back(false);
  }
  return it->second;
}

void Builder::declare_relation_type(std::string_view name, bool symmetric, Polarity polarity,
                                    std::string_view description) {
  const TypeId type = relation_type_id(name);
  if (relation_type_declared_[type]) {
    problem(BuildProblem::Subject::RelationType, type, "", "relation type " + quoted(name) + " declared twice");
    return;
  }
  relation_type_declared_[type] = true;
  auto& info = data_.relation_type_infos[type];
  info.symmetric = symmetric;
  info.polarity = polarity;
  info.description = strings_.intern(description);
}

void Builder::add_entity(std::string_view id, std::string_view name, std::string_view type) {
  if (id.empty()) problem(BuildProblem::Subject::Entity, entity_count(), "id", "empty id");
  checked_offset(data_.entity_keys);
  data_.entity_keys.push_back(strings_.intern(id));
  data_.entity_names.push_back(name.empty() ? data_.entity_keys.back() : strings_.intern(name));
  const StringId type_name = strings_.intern(type.empty() ? kDefaultEntityType : type);
  const auto [it, inserted] =
      entity_type_ids_.try_emplace(type_name, static_cast<TypeId>(data_.entity_type_names.size()));
  if (inserted) data_.entity_type_names.push_back(type_name);
  data_.entity_types.push_back(it->second);
  data_.alias_offsets.push_back(checked_offset(data_.aliases));
  data_.entity_attribute_offsets.push_back(checked_offset(data_.entity_attributes));
}

void Builder::add_alias(std::string_view alias) {
  if (entity_count() == 0) throw InvalidArgument("Builder::add_alias before any entity");
  data_.aliases.push_back(strings_.intern(alias));
  data_.alias_offsets.back() = checked_offset(data_.aliases);
}

void Builder::add_entity_attribute(std::string_view key, ScalarInput value) {
  if (entity_count() == 0) throw InvalidArgument("Builder::add_entity_attribute before any entity");
  data_.entity_attributes.push_back(make_attribute(key, value));
  data_.entity_attribute_offsets.back() = checked_offset(data_.entity_attributes);
}

void Builder::add_relation(std::string_view source, std::string_view target, std::string_view type, Date date,
                           Date until) {
  const std::size_t index = relation_count();
  checked_offset(data_.relation_sources);
  if (!date.empty() && !until.empty() && until.last_day() < date.first_day()) {
    problem(BuildProblem::Subject::Relation, index, "until",
            "until " + until.to_string() + " precedes date " + date.to_string());
  }
  if (type.empty()) problem(BuildProblem::Subject::Relation, index, "type", "empty relation type");
  // Endpoints hold the interned reference until finish() resolves them.
  data_.relation_sources.push_back(strings_.intern(source));
  data_.relation_targets.push_back(strings_.intern(target));
  data_.relation_types.push_back(relation_type_id(type));
  data_.relation_dates.push_back(date.pack());
  data_.relation_untils.push_back(until.pack());
  data_.relation_attribute_offsets.push_back(checked_offset(data_.relation_attributes));
  data_.evidence_offsets.push_back(checked_offset(data_.evidence));
}

void Builder::add_relation_attribute(std::string_view key, ScalarInput value) {
  if (relation_count() == 0) throw InvalidArgument("Builder::add_relation_attribute before any relation");
  data_.relation_attributes.push_back(make_attribute(key, value));
  data_.relation_attribute_offsets.back() = checked_offset(data_.relation_attributes);
}

void Builder::add_evidence(std::string_view source_id, std::string_view quote) {
  if (relation_count() == 0) throw InvalidArgument("Builder::add_evidence before any relation");
  // The source holds the interned id until finish() resolves it.
  data_.evidence.push_back({strings_.intern(source_id), strings_.intern(quote)});
  data_.evidence_offsets.back() = checked_offset(data_.evidence);
}

void Builder::resolve_sources() {
  std::unordered_map<StringId, std::uint32_t> index_of;
  std::vector<std::string_view> ids;
  for (std::uint32_t s = 0; s < data_.sources.size(); ++s) {
    const StringId id = data_.sources[s].id;
    ids.push_back(data_.strings.view(id));
    if (id == 0) problem(BuildProblem::Subject::Source, s, "id", "empty source id");
    const auto [it, inserted] = index_of.try_emplace(id, s);
    if (!inserted) {
      problem(BuildProblem::Subject::Source, s, "id",
              "duplicate source id " + quoted(ids.back()) + " (first used by sources[" +
                  std::to_string(it->second) + "])");
    }
  }
  for (std::size_t r = 0; r + 1 < data_.evidence_offsets.size(); ++r) {
    for (Offset i = data_.evidence_offsets[r]; i < data_.evidence_offsets[r + 1]; ++i) {
      auto& item = data_.evidence[i];
      const auto it = index_of.find(item.source);
      if (it != index_of.end()) {
        item.source = it->second;
        continue;
      }
      const auto name = data_.strings.view(item.source);
      problem(BuildProblem::Subject::Relation, r,
              "evidence[" + std::to_string(i - data_.evidence_offsets[r]) + "].source",
              "unknown source " + quoted(name) + did_you_mean(name, ids));
    }
  }
}

std::vector<EntityId> Builder::resolve_entity_keys() {
  std::vector<EntityId> owner(data_.strings.size(), kNone);
  for (EntityId e = 0; e < entity_count(); ++e) {
    const StringId key = data_.entity_keys[e];
    if (key == 0) continue;
    if (owner[key] != kNone) {
      problem(BuildProblem::Subject::Entity, e, "id",
              "duplicate id " + quoted(data_.strings.view(key)) + " (first defined by entities[" +
                  std::to_string(owner[key]) + "])");
      continue;
    }
    owner[key] = e;
  }
  for (EntityId e = 0; e < entity_count(); ++e) {
    for (Offset i = data_.alias_offsets[e]; i < data_.alias_offsets[e + 1]; ++i) {
      const StringId alias = data_.aliases[i];
      const std::string field = "aliases[" + std::to_string(i - data_.alias_offsets[e]) + "]";
      if (alias == 0) {
        problem(BuildProblem::Subject::Entity, e, field, "empty alias");
      } else if (owner[alias] == kNone) {
        owner[alias] = e;
      } else if (owner[alias] != e) {
        const EntityId other = owner[alias];
        problem(BuildProblem::Subject::Entity, e, field,
                "alias " + quoted(data_.strings.view(alias)) + " already names " +
                    quoted(data_.strings.view(data_.entity_keys[other])) + " (entities[" + std::to_string(other) +
                    "])");
      }
    }
  }
  return owner;
}

void Builder::resolve_relations(const std::vector<EntityId>& owner) {
  std::vector<std::string_view> names;  // filled on the first miss only
  std::size_t misses = 0;
  const auto resolve = [&](RelationId r, EntityId& end, const char* field) {
    const StringId ref = end;
    if (owner[ref] != kNone) {
      end = owner[ref];
      return;
    }
    const auto name = data_.strings.view(ref);
    std::string hint;
    if (++misses <= kMaxSuggestedMisses) {
      if (names.empty()) {
        for (StringId key : data_.entity_keys) names.push_back(data_.strings.view(key));
        for (StringId alias : data_.aliases) names.push_back(data_.strings.view(alias));
      }
      hint = did_you_mean(name, names);
    }
    problem(BuildProblem::Subject::Relation, r, field,
            (ref == 0 ? std::string("empty ") + field : "unknown entity " + quoted(name)) + hint);
  };
  for (RelationId r = 0; r < relation_count(); ++r) {
    resolve(r, data_.relation_sources[r], "source");
    resolve(r, data_.relation_targets[r], "target");
  }
}

BuildResult Builder::finish() && {
  resolve_sources();
  const auto owner = resolve_entity_keys();
  resolve_relations(owner);
  BuildResult result;
  if (!problems_.empty()) {
    result.problems = std::move(problems_);
    return result;
  }
  result.graph.emplace(std::move(data_));
  return result;
}

}  // namespace kg
