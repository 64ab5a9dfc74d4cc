#include "graph/builder.hpp"

#include <limits>

#include "graph/exception.hpp"

namespace kg {
namespace {

constexpr std::string_view kDefaultEntityType = "entity";
constexpr std::size_t kScannedVocabulary = 16;

std::string quoted(std::string_view text) { return "'" + std::string(text) + "'"; }

[[noreturn]] void too_many_items() { throw InvalidArgument("graph too large: over 2^32 items"); }

// Called a few times per relation: the throw stays out of line so that the
// check inlines.
template <typename T>
Offset checked_offset(const std::vector<T>& items) {
  if (items.size() >= std::numeric_limits<Offset>::max()) too_many_items();
  return static_cast<Offset>(items.size());
}

}  // namespace

Builder::Builder() : strings_(data_.strings) {
  data_.name = strings_.intern("");  // StringId 0 is the empty string
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

TypeId Builder::relation_type_id(StringId name) {
  // Vocabularies are small: a scan of the names seen beats hashing.
  if (relation_type_ids_.size() <= kScannedVocabulary) {
    for (TypeId t = 0; t < data_.relation_type_infos.size(); ++t) {
      if (data_.relation_type_infos[t].name == name) return t;
    }
  }
  const auto [it, inserted] =
      relation_type_ids_.try_emplace(name, static_cast<TypeId>(data_.relation_type_infos.size()));
  if (inserted) {
    data_.relation_type_infos.push_back({name, 0, Polarity::Neutral, false});
    relation_type_declared_.push_back(false);
  }
  return it->second;
}

void Builder::declare_relation_type(std::string_view name, bool symmetric, Polarity polarity,
                                    std::string_view description) {
  const TypeId type = relation_type_id(strings_.intern(name));
  if (relation_type_declared_[type]) {
    problems_.push_back(
        {ContentProblem::Subject::RelationType, type, "", "relation type " + quoted(name) + " declared twice"});
    return;
  }
  relation_type_declared_[type] = true;
  auto& info = data_.relation_type_infos[type];
  info.symmetric = symmetric;
  info.polarity = polarity;
  info.description = strings_.intern(description);
}

void Builder::add_entity(std::string_view id, std::string_view name, std::string_view type) {
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
  checked_offset(data_.relation_sources);
  // Endpoints hold the interned reference until finish() resolves them.
  data_.relation_sources.push_back(strings_.intern(source));
  data_.relation_targets.push_back(strings_.intern(target));
  data_.relation_types.push_back(relation_type_id(strings_.intern(type)));
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

void Builder::resolve_references(const ContentCheck& check) {
  for (RelationId r = 0; r < relation_count(); ++r) {
    data_.relation_sources[r] = check.entity_named(data_.relation_sources[r]);
    data_.relation_targets[r] = check.entity_named(data_.relation_targets[r]);
  }
  for (Evidence& item : data_.evidence) item.source = check.source_named(item.source);
}

BuildResult Builder::finish() && {
  BuildResult result;
  result.problems = std::move(problems_);
  {
    ContentCheck check(columns_of(data_), References::Names);
    for (ContentProblem& problem : check.take_problems()) result.problems.push_back(std::move(problem));
    if (!result.problems.empty()) return result;
    resolve_references(check);
  }
  result.graph.emplace(std::move(data_));
  return result;
}

}  // namespace kg
