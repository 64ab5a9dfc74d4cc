#pragma once
// Attribute values: the kg format allows strings, numbers and booleans.
#include <cstdint>

#include "graph/string_pool.hpp"

namespace kg {

class Value {
 public:
  // Json holds a compact JSON text: the graph-level attributes the kg format
  // keeps verbatim (unknown top-level keys may hold arrays and objects).
  enum class Kind : std::uint8_t { String, Integer, Real, Boolean, Json };

  static Value string(StringId id) { Value v(Kind::String); v.string_ = id; return v; }
  static Value json(StringId id) { Value v(Kind::Json); v.string_ = id; return v; }
  static Value integer(std::int64_t i) { Value v(Kind::Integer); v.integer_ = i; return v; }
  static Value real(double d) { Value v(Kind::Real); v.real_ = d; return v; }
  static Value boolean(bool b) { Value v(Kind::Boolean); v.boolean_ = b; return v; }

  Kind kind() const { return kind_; }
  bool is_number() const { return kind_ == Kind::Integer || kind_ == Kind::Real; }
  StringId as_string() const { return string_; }  // String and Json
  std::int64_t as_integer() const { return integer_; }
  double as_real() const { return real_; }
  bool as_boolean() const { return boolean_; }
  // Integer or real as a double (numeric weights).
  double as_number() const { return kind_ == Kind::Integer ? static_cast<double>(integer_) : real_; }

 private:
  explicit Value(Kind kind) : kind_(kind) {}
  Kind kind_;
  union {
    StringId string_;
    std::int64_t integer_;
    double real_;
    bool boolean_;
  };
};

struct Attribute {
  StringId key;
  Value value;
};

}  // namespace kg
