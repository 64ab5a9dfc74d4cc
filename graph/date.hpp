#pragma once
// Calendar dates as the kg format writes them: ISO 8601 with partial dates
// allowed ("2016", "2016-03", "2016-03-14"). A partial date stands for the
// whole year or month it names.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kg {

class Date {
 public:
  enum class Precision : std::uint8_t { None, Year, Month, Day };

  // The absent date: an undated relation, or an open end of a window.
  constexpr Date() = default;

  // Parses YYYY, YYYY-MM or YYYY-MM-DD (years 1..9999, real calendar days).
  // Returns nullopt for anything else.
  static std::optional<Date> parse(std::string_view text);

  // Why parse(text) failed, for an error message: an impossible day, month
  // or year is named as such ("invalid date '2016-02-30': February 2016 has
  // 29 days"), anything else is a format error ("invalid date 'x' (expected
  // YYYY, YYYY-MM or YYYY-MM-DD)").
  static std::string explain_invalid(std::string_view text);

  // Rebuilds a date from pack(); throws InvalidArgument if the code is not
  // one that pack() produces.
  static Date unpack(std::uint32_t code);
  // Whether `code` is one that pack() produces.
  static bool is_code(std::uint32_t code);
  // A date from a code already known to be one (a column checked with
  // is_code when the graph was made): unpack without the check.
  static constexpr Date from_checked_code(std::uint32_t code) { return Date(code); }

  bool empty() const { return code_ == 0; }
  int year() const { return static_cast<int>(code_ / 10000); }
  int month() const { return static_cast<int>(code_ / 100 % 100); }  // 0 if unknown
  int day() const { return static_cast<int>(code_ % 100); }          // 0 if unknown
  Precision precision() const;

  // Days since 1970-01-01 of the first and last day the date covers.
  std::int32_t first_day() const;
  std::int32_t last_day() const;

  // The ISO text this date was parsed from ("" for the absent date).
  std::string to_string() const;

  // YYYYMMDD with zeros for unknown parts; 0 for the absent date. Ordering
  // of codes is the date order, a partial date sorting before its refinements
  // (2016 < 2016-01 < 2016-01-01).
  std::uint32_t pack() const { return code_; }

  friend bool operator==(Date a, Date b) { return a.code_ == b.code_; }
  friend bool operator!=(Date a, Date b) { return a.code_ != b.code_; }
  friend bool operator<(Date a, Date b) { return a.code_ < b.code_; }
  friend bool operator>(Date a, Date b) { return b < a; }
  friend bool operator<=(Date a, Date b) { return !(b < a); }
  friend bool operator>=(Date a, Date b) { return !(a < b); }

 private:
  explicit constexpr Date(std::uint32_t code) : code_(code) {}
  std::uint32_t code_ = 0;
};

// A closed window of days; an absent end is unbounded.
// A relation's time as kg prints it everywhere (text answers, DOT, Mermaid):
// "2015", "2015..2018", "..2018" when only its end is known, "" when undated;
// the form --between takes.
std::string date_range_text(Date date, Date until);

struct DateWindow {
  Date from;
  Date to;

  // "2016" (one date: the window it covers), "2016..2017", "2016-03..",
  // "..2017-06". Returns nullopt for malformed text or from after to.
  static std::optional<DateWindow> parse(std::string_view text);

  bool unbounded() const { return from.empty() && to.empty(); }
};

// DESIGN.md's rule: a relation is active in [a, b] when its date is not after
// b and its until (if any) is not before a. An undated relation has no known
// start, so no window excludes it by its start.
bool active_in(Date date, Date until, const DateWindow& window);

}  // namespace kg
