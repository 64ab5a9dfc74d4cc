#include "ingest/kg_json_values.hpp"

namespace kg::kg_json {

const char* kind_name(Scalar::Kind kind) {
  switch (kind) {
    case Scalar::Kind::Null: return "null";
    case Scalar::Kind::Boolean: return "a boolean";
    case Scalar::Kind::String: return "a string";
    default: return "a number";
  }
}

ScalarInput OwnedScalar::input() const {
  switch (kind) {
    case Scalar::Kind::Boolean: return boolean;
    case Scalar::Kind::Integer: return integer;
    case Scalar::Kind::Real: return real;
    default: return std::string_view(text);
  }
}

std::string expected(const char* what, const char* found) {
  return std::string("expected ") + what + ", found " + found;
}

std::string take_date(const Scalar& value, Date& out) {
  if (value.kind != Scalar::Kind::String) return expected("a string", kind_name(value.kind));
  const auto date = Date::parse(value.text);
  if (!date) return Date::explain_invalid(value.text);
  out = *date;
  return {};
}

std::string take_polarity(const Scalar& value, Polarity& out) {
  if (value.kind != Scalar::Kind::String) return expected("a string", kind_name(value.kind));
  if (value.text == "positive") {
    out = Polarity::Positive;
  } else if (value.text == "negative") {
    out = Polarity::Negative;
  } else if (value.text == "neutral") {
    out = Polarity::Neutral;
  } else {
    return "invalid polarity '" + std::string(value.text) + "' (expected positive, negative or neutral)";
  }
  return {};
}

std::string check_format_version(const Scalar& value) {
  if (value.kind == Scalar::Kind::Integer && value.integer == kFormatVersion) return {};
  return "unsupported format version (this kg reads \"kg\": " + std::to_string(kFormatVersion) + ")";
}

std::string check_attribute_value(const Scalar& value) {
  if (value.kind == Scalar::Kind::Null) return expected("a string, number or boolean", "null");
  return {};
}

}  // namespace kg::kg_json
