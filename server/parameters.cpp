#include "server/parameters.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <sstream>
#include <utility>

namespace kg::server {
namespace {

std::vector<std::string> split_words(const std::string& text, char separator) {
  std::vector<std::string> words;
  std::string word;
  std::istringstream stream(text);
  while (std::getline(stream, word, separator)) {
    if (!word.empty()) words.push_back(word);
  }
  return words;
}

std::string number_text(double value) {
  std::ostringstream out;
  out << value;
  return out.str();
}

// Library fields whose parameter is not the field's own name.
constexpr std::pair<std::string_view, std::string_view> kParameterNames[] = {
    {"relation_types", "relations"},
    {"exclude_relation_types", "exclude_relations"},
    {"weight_attribute", "weight_by"},
    {"weights", "weight_by"},
    {"measure", "by"},
};

}  // namespace

std::string ParameterSpec::accepted_text() const {
  switch (type) {
    case ParameterType::Whole:
    case ParameterType::Real: return number_text(min) + ".." + number_text(max);
    case ParameterType::Boolean: return "true|false";
    default: return accepted;
  }
}

Parameters::Parameters(const std::multimap<std::string, std::string>& given, const std::vector<ParameterSpec>& documented)
    : documented_(documented) {
  for (const auto& [name, value] : given) {
    const auto known = std::find_if(documented.begin(), documented.end(), [&](const auto& s) { return s.name == name; });
    if (known == documented.end()) {
      std::string names;
      for (const auto& s : documented) names += (names.empty() ? "" : ", ") + s.name;
      throw ParameterError(name, "unknown parameter '" + name + "'", names.empty() ? "no parameters" : names);
    }
    auto& values = values_[name];
    if (!values.empty() && known->type != ParameterType::List) {
      throw ParameterError(name, "parameter '" + name + "' is given more than once", known->accepted_text());
    }
    values.push_back(value);
  }
  for (const auto& s : documented) {
    if (s.required && !has(s.name)) throw ParameterError(s.name, "parameter '" + s.name + "' is required", s.accepted_text());
  }
}

const ParameterSpec& Parameters::spec(const std::string& name) const {
  for (const auto& s : documented_) {
    if (s.name == name) return s;
  }
  throw std::logic_error("parameter '" + name + "' is read but not documented");
}

void Parameters::malformed(const std::string& name, const std::string& value) const {
  const auto& s = spec(name);
  throw ParameterError(name, "invalid value '" + value + "' for parameter '" + name + "'", s.accepted_text());
}

bool Parameters::has(const std::string& name) const {
  spec(name);
  return values_.count(name) != 0;
}

std::string Parameters::text(const std::string& name, const std::string& fallback) const {
  if (!has(name)) return fallback;
  return values_.at(name).front();
}

std::string Parameters::required_text(const std::string& name) const {
  const auto value = text(name);
  if (value.empty()) throw ParameterError(name, "parameter '" + name + "' needs a value", spec(name).accepted_text());
  return value;
}

std::vector<std::string> Parameters::list(const std::string& name) const {
  std::vector<std::string> items;
  if (!has(name)) return items;
  for (const auto& value : values_.at(name)) {
    for (auto& word : split_words(value, ',')) items.push_back(std::move(word));
  }
  return items;
}

std::optional<std::uint64_t> Parameters::optional_whole(const std::string& name) const {
  if (!has(name)) return std::nullopt;
  const auto& value = values_.at(name).front();
  const auto& s = spec(name);
  if (value.empty() || value.size() > 19 || !std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    malformed(name, value);
  }
  const auto number = std::strtoull(value.c_str(), nullptr, 10);
  if (static_cast<double>(number) < s.min || static_cast<double>(number) > s.max) malformed(name, value);
  return number;
}

std::uint64_t Parameters::whole(const std::string& name, std::uint64_t fallback) const {
  return optional_whole(name).value_or(fallback);
}

double Parameters::real(const std::string& name, double fallback) const {
  if (!has(name)) return fallback;
  const auto& value = values_.at(name).front();
  const auto& s = spec(name);
  char* end = nullptr;
  errno = 0;
  const double number = value.empty() ? NAN : std::strtod(value.c_str(), &end);
  if (value.empty() || errno != 0 || *end != '\0' || !std::isfinite(number) || number < s.min || number > s.max) {
    malformed(name, value);
  }
  return number;
}

bool Parameters::boolean(const std::string& name, bool fallback) const {
  if (!has(name)) return fallback;
  const auto& value = values_.at(name).front();
  if (value.empty() || value == "true" || value == "1" || value == "yes") return true;
  if (value == "false" || value == "0" || value == "no") return false;
  malformed(name, value);
}

std::size_t Parameters::choice(const std::string& name, std::size_t fallback) const {
  if (!has(name)) return fallback;
  const auto& value = values_.at(name).front();
  const auto words = split_words(spec(name).accepted, '|');
  const auto found = std::find(words.begin(), words.end(), value);
  if (found == words.end()) malformed(name, value);
  return static_cast<std::size_t>(found - words.begin());
}

std::vector<ParameterSpec> view_parameters(bool walks) {
  std::vector<ParameterSpec> specs = {
      {"relations", ParameterType::List, "Follow only these relation types (comma-separated)", "relation types"},
      {"exclude_relations", ParameterType::List, "Never follow these relation types", "relation types"},
      {"entity_types", ParameterType::List, "Keep only entities of these types", "entity types"},
      {"as_of", ParameterType::Text, "Keep relations active on this date", "YYYY, YYYY-MM or YYYY-MM-DD"},
      {"between", ParameterType::Text, "Keep relations active in this window (either end may be open)",
       "DATE..DATE, DATE.. or ..DATE"},
      {"undated", ParameterType::Choice, "What a time window does with undated relations", "include|exclude|only"},
      {"avoid", ParameterType::List, "Leave out these entities (names, ids or aliases)", "entity names"},
      {"max_degree", ParameterType::Whole, "Leave out entities with more relations than this", "", 0, 1e9},
  };
  if (walks) specs.push_back({"direction", ParameterType::Choice, "Which way relations are followed", "out|in|any"});
  return specs;
}

query::ViewSpec read_view(const Parameters& parameters, bool walks, Direction default_direction) {
  query::ViewSpec view;
  view.relation_types = parameters.list("relations");
  view.exclude_relation_types = parameters.list("exclude_relations");
  view.entity_types = parameters.list("entity_types");
  view.as_of = parameters.text("as_of");
  view.between = parameters.text("between");
  constexpr Undated kUndated[] = {Undated::Include, Undated::Exclude, Undated::Only};
  view.undated = kUndated[parameters.choice("undated", 0)];
  view.avoid = parameters.list("avoid");
  if (const auto degree = parameters.optional_whole("max_degree")) view.max_degree = *degree;
  view.direction = default_direction;
  if (walks) {
    constexpr Direction kDirections[] = {Direction::Out, Direction::In, Direction::Any};
    view.direction_given = parameters.has("direction");
    view.direction = kDirections[parameters.choice("direction", static_cast<std::size_t>(default_direction))];
  }
  return view;
}

std::string parameter_for(std::string_view field) {
  for (const auto& [name, parameter] : kParameterNames) {
    if (name == field) return std::string(parameter);
  }
  return std::string(field);
}

}  // namespace kg::server
