#pragma once
// The scalars of a kg JSON document and the checks one passes to become a
// field's value. Each check takes the value or returns what is wrong with
// it, in the words kg JSON's problems use ("expected a string, found a
// number"); the reader places the message.
#include <cstdint>
#include <string>
#include <string_view>

#include "graph/builder.hpp"

namespace kg::kg_json {

// The format version this reader reads ("kg": 1).
constexpr int kFormatVersion = 1;

struct Scalar {
  enum class Kind : std::uint8_t { Null, Boolean, Integer, Real, String } kind = Kind::Null;
  bool boolean = false;
  std::int64_t integer = 0;
  double real = 0;
  std::string_view text;
};

// "null", "a boolean", "a number", "a string".
const char* kind_name(Scalar::Kind kind);

// An attribute value held until its item is complete.
struct OwnedScalar {
  Scalar::Kind kind;
  bool boolean;
  std::int64_t integer;
  double real;
  std::string text;

  explicit OwnedScalar(const Scalar& value)
      : kind(value.kind), boolean(value.boolean), integer(value.integer), real(value.real), text(value.text) {}
  ScalarInput input() const;
};

// "expected <what>, found <found>".
std::string expected(const char* what, const char* found);

// The checks: each returns the problem's message, empty when the value was
// taken (into `out`). The commonest are inline: they run once per value.
inline std::string take_string(const Scalar& value, std::string& out) {
  if (value.kind != Scalar::Kind::String) return expected("a string", kind_name(value.kind));
  out.assign(value.text);
  return {};
}
std::string take_date(const Scalar& value, Date& out);
std::string take_polarity(const Scalar& value, Polarity& out);
std::string check_format_version(const Scalar& value);
// An attribute's value: a string, number or boolean.
std::string check_attribute_value(const Scalar& value);

}  // namespace kg::kg_json
