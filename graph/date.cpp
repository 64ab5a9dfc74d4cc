#include "graph/date.hpp"

#include "graph/exception.hpp"

namespace kg {
namespace {

bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap(year) ? 29 : kDays[month - 1];
}

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's
// days_from_civil algorithm).
std::int32_t days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

// Reads exactly `width` decimal digits at text[pos].
std::optional<int> digits(std::string_view text, std::size_t pos, std::size_t width) {
  if (pos + width > text.size()) return std::nullopt;
  int value = 0;
  for (std::size_t i = pos; i < pos + width; ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

bool valid_code(int year, int month, int day) {
  if (year < 1 || year > 9999 || month < 0 || month > 12 || day < 0) return false;
  if (month == 0) return day == 0;
  return day <= days_in_month(year, month);
}

}  // namespace

std::optional<Date> Date::parse(std::string_view text) {
  if (text.size() != 4 && text.size() != 7 && text.size() != 10) return std::nullopt;
  const auto year = digits(text, 0, 4);
  if (!year) return std::nullopt;
  int month = 0;
  int day = 0;
  if (text.size() >= 7) {
    const auto m = digits(text, 5, 2);
    if (text[4] != '-' || !m || *m == 0) return std::nullopt;
    month = *m;
  }
  if (text.size() == 10) {
    const auto d = digits(text, 8, 2);
    if (text[7] != '-' || !d || *d == 0) return std::nullopt;
    day = *d;
  }
  if (!valid_code(*year, month, day)) return std::nullopt;
  return Date(static_cast<std::uint32_t>(*year * 10000 + month * 100 + day));
}

std::string Date::explain_invalid(std::string_view text) {
  static constexpr const char* kMonthNames[] = {"January", "February", "March",     "April",   "May",      "June",
                                                "July",    "August",   "September", "October", "November", "December"};
  const std::string quoted = "invalid date '" + std::string(text) + "'";
  const bool shaped = (text.size() == 4 || text.size() == 7 || text.size() == 10) && digits(text, 0, 4) &&
                      (text.size() < 7 || (text[4] == '-' && digits(text, 5, 2))) &&
                      (text.size() < 10 || (text[7] == '-' && digits(text, 8, 2)));
  if (shaped) {
    const int year = *digits(text, 0, 4);
    const int month = text.size() >= 7 ? *digits(text, 5, 2) : -1;
    const int day = text.size() == 10 ? *digits(text, 8, 2) : -1;
    if (year == 0) return quoted + ": years run from 0001 to 9999";
    if (month == 0 || month > 12) return quoted + ": there is no month " + std::to_string(month) + " (01..12)";
    if (day == 0) return quoted + ": days of a month start at 01";
    if (day > 0) {
      const int last = days_in_month(year, month);
      if (day > last) {
        return quoted + ": " + kMonthNames[month - 1] + " " + std::to_string(year) + " has " + std::to_string(last) +
               " days";
      }
    }
  }
  return quoted + " (expected YYYY, YYYY-MM or YYYY-MM-DD)";
}

bool Date::is_code(std::uint32_t code) {
  return code == 0 || valid_code(static_cast<int>(code / 10000), static_cast<int>(code / 100 % 100),
                                 static_cast<int>(code % 100));
}

Date Date::unpack(std::uint32_t code) {
  if (code == 0) return Date();
  const int year = static_cast<int>(code / 10000);
  const int month = static_cast<int>(code / 100 % 100);
  const int day = static_cast<int>(code % 100);
  if (!valid_code(year, month, day)) {
    throw InvalidArgument("Date::unpack: " + std::to_string(code) + " is not a packed date");
  }
  return Date(code);
}

Date::Precision Date::precision() const {
  if (empty()) return Precision::None;
  if (month() == 0) return Precision::Year;
  return day() == 0 ? Precision::Month : Precision::Day;
}

std::int32_t Date::first_day() const {
  return days_from_civil(year(), month() == 0 ? 1 : month(), day() == 0 ? 1 : day());
}

std::int32_t Date::last_day() const {
  const int m = month() == 0 ? 12 : month();
  return days_from_civil(year(), m, day() == 0 ? days_in_month(year(), m) : day());
}

std::string Date::to_string() const {
  if (empty()) return {};
  // Digits written directly: snprintf's parsing of its format cost more than
  // the rest of an edge of kg render's DOT, which writes two dates per edge.
  std::string text = std::to_string(year());
  if (text.size() < 4) text.insert(0, 4 - text.size(), '0');
  const auto append_two_digits = [&text](int value) {
    text += static_cast<char>('0' + value / 10);
    text += static_cast<char>('0' + value % 10);
  };
  if (month() != 0) {
    text += '-';
    append_two_digits(month());
    if (day() != 0) {
      text += '-';
      append_two_digits(day());
    }
  }
  return text;
}

std::optional<DateWindow> DateWindow::parse(std::string_view text) {
  const auto dots = text.find("..");
  if (dots == std::string_view::npos) {
    const auto date = Date::parse(text);
    if (!date) return std::nullopt;
    return DateWindow{*date, *date};
  }
  const auto left = text.substr(0, dots);
  const auto right = text.substr(dots + 2);
  DateWindow window;
  if (!left.empty()) {
    const auto from = Date::parse(left);
    if (!from) return std::nullopt;
    window.from = *from;
  }
  if (!right.empty()) {
    const auto to = Date::parse(right);
    if (!to) return std::nullopt;
    window.to = *to;
  }
  if (window.unbounded()) return std::nullopt;
  if (!window.from.empty() && !window.to.empty() && window.from.first_day() > window.to.last_day()) {
    return std::nullopt;
  }
  return window;
}

bool active_in(Date date, Date until, const DateWindow& window) {
  if (!window.to.empty() && !date.empty() && date.first_day() > window.to.last_day()) return false;
  if (!window.from.empty() && !until.empty() && until.last_day() < window.from.first_day()) return false;
  return true;
}

std::string date_range_text(Date date, Date until) {
  if (until.empty()) return date.to_string();
  return date.to_string() + ".." + until.to_string();
}

}  // namespace kg
