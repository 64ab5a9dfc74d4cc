#pragma once
// An HTTP request's query parameters read into typed values, each checked
// against the parameters its endpoint documents: an unknown or malformed
// parameter is a ParameterError naming it and the values it accepts (400).
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "query/view_spec.hpp"

namespace kg::server {

// A parameter the client got wrong; the reply is 400 with its name and
// what it accepts.
class ParameterError : public std::runtime_error {
 public:
  ParameterError(std::string parameter, const std::string& message, std::string accepted)
      : std::runtime_error(message), parameter_(std::move(parameter)), accepted_(std::move(accepted)) {}
  const std::string& parameter() const { return parameter_; }
  const std::string& accepted() const { return accepted_; }

 private:
  std::string parameter_;
  std::string accepted_;
};

// How a documented parameter is read, for openapi.json and error messages.
enum class ParameterType : std::uint8_t { Text, List, Whole, Real, Boolean, Choice };

struct ParameterSpec {
  ParameterSpec(std::string parameter, ParameterType kind, std::string text, std::string accepted_values = {},
                double lowest = 0, double highest = 0)
      : name(std::move(parameter)),
        type(kind),
        description(std::move(text)),
        accepted(std::move(accepted_values)),
        min(lowest),
        max(highest) {}

  std::string name;
  ParameterType type = ParameterType::Text;
  std::string description;
  // Choice: the words, "out|in|any"; Text and List: a description of the
  // form ("YYYY[-MM[-DD]]"); numbers: empty (min..max says it).
  std::string accepted;
  double min = 0, max = 0;  // Whole and Real: the range, both ends allowed
  bool required = false;

  // What the parameter accepts, as error messages and openapi.json say it.
  std::string accepted_text() const;
};

class Parameters {
 public:
  // `given`: the query string's name/value pairs; `documented`: what the
  // endpoint accepts. Throws ParameterError for a name not documented or
  // given twice (lists excepted).
  Parameters(const std::multimap<std::string, std::string>& given, const std::vector<ParameterSpec>& documented);

  bool has(const std::string& name) const;
  std::string text(const std::string& name, const std::string& fallback = {}) const;
  // The value, which must be present.
  std::string required_text(const std::string& name) const;
  // Comma-separated, and repeated parameters joined; empty items dropped.
  std::vector<std::string> list(const std::string& name) const;
  std::uint64_t whole(const std::string& name, std::uint64_t fallback) const;
  std::optional<std::uint64_t> optional_whole(const std::string& name) const;
  double real(const std::string& name, double fallback) const;
  // true/false, 1/0, yes/no; a name given without a value is true.
  bool boolean(const std::string& name, bool fallback = false) const;
  // One of the words the spec lists ("out|in|any"), as its index.
  std::size_t choice(const std::string& name, std::size_t fallback) const;

 private:
  const ParameterSpec& spec(const std::string& name) const;
  [[noreturn]] void malformed(const std::string& name, const std::string& value) const;

  std::map<std::string, std::vector<std::string>> values_;
  const std::vector<ParameterSpec>& documented_;
};

// The view parameters every query endpoint takes: relations,
// exclude_relations, entity_types, as_of, between, undated, avoid,
// max_degree, and with `walks` direction.
std::vector<ParameterSpec> view_parameters(bool walks);
query::ViewSpec read_view(const Parameters& parameters, bool walks, Direction default_direction = Direction::Any);

// The HTTP parameter a library field is given as ("relation_types" ->
// "relations"): the CLI's flag without dashes.
std::string parameter_for(std::string_view field);

}  // namespace kg::server
