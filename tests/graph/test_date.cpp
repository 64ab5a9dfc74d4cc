#include <doctest/doctest.h>

#include "graph/date.hpp"
#include "graph/exception.hpp"

using kg::Date;
using kg::DateWindow;

TEST_CASE("Date parses full and partial ISO dates") {
  const auto year = Date::parse("2016");
  REQUIRE(year);
  CHECK(year->year() == 2016);
  CHECK(year->month() == 0);
  CHECK(year->precision() == Date::Precision::Year);
  CHECK(year->to_string() == "2016");

  const auto month = Date::parse("2016-03");
  REQUIRE(month);
  CHECK(month->month() == 3);
  CHECK(month->precision() == Date::Precision::Month);
  CHECK(month->to_string() == "2016-03");

  const auto day = Date::parse("2016-02-29");  // a leap day
  REQUIRE(day);
  CHECK(day->day() == 29);
  CHECK(day->to_string() == "2016-02-29");
}

TEST_CASE("Date rejects malformed and impossible dates") {
  for (const char* bad : {"", "16", "2016-3", "2016-13", "2016-00", "2015-02-29", "2016-04-31", "2016/03/01",
                          "2016-03-01T00:00", "0000", "20x6", " 2016", "2016-", "2016-03-1", "-2016"}) {
    CAPTURE(bad);
    CHECK_FALSE(Date::parse(bad));
  }
  CHECK(Date::parse("2000-02-29"));  // divisible by 400: leap
  CHECK_FALSE(Date::parse("1900-02-29"));  // divisible by 100 only: not leap
}

TEST_CASE("Date names an impossible day, month or year as such, not as a format error") {
  CHECK(Date::explain_invalid("2016-02-30") == "invalid date '2016-02-30': February 2016 has 29 days");
  CHECK(Date::explain_invalid("2015-02-29") == "invalid date '2015-02-29': February 2015 has 28 days");
  CHECK(Date::explain_invalid("1900-02-29") == "invalid date '1900-02-29': February 1900 has 28 days");
  CHECK(Date::explain_invalid("2016-04-31") == "invalid date '2016-04-31': April 2016 has 30 days");
  CHECK(Date::explain_invalid("2016-13") == "invalid date '2016-13': there is no month 13 (01..12)");
  CHECK(Date::explain_invalid("2016-00-10") == "invalid date '2016-00-10': there is no month 0 (01..12)");
  CHECK(Date::explain_invalid("2016-03-00") == "invalid date '2016-03-00': days of a month start at 01");
  CHECK(Date::explain_invalid("0000") == "invalid date '0000': years run from 0001 to 9999");
  for (const char* malformed : {"", "16", "2016-3", "2016/03/01", "20x6", "2016-03-1", "2016-03-01T00:00"}) {
    CAPTURE(malformed);
    CHECK(Date::explain_invalid(malformed) ==
          "invalid date '" + std::string(malformed) + "' (expected YYYY, YYYY-MM or YYYY-MM-DD)");
  }
}

TEST_CASE("Date days and ordering") {
  CHECK(Date::parse("1970-01-01")->first_day() == 0);
  CHECK(Date::parse("1970-01-02")->first_day() == 1);
  CHECK(Date::parse("1969-12-31")->last_day() == -1);
  // 2016 covers 2016-01-01 (day 16801) to 2016-12-31 (day 17166), 366 days.
  const Date year = *Date::parse("2016");
  CHECK(year.first_day() == 16801);
  CHECK(year.last_day() == 17166);
  const Date feb = *Date::parse("2016-02");
  CHECK(feb.last_day() - feb.first_day() == 28);  // 29 days

  // A partial date sorts before its refinements, and years before later years.
  CHECK(*Date::parse("2016") < *Date::parse("2016-01"));
  CHECK(*Date::parse("2016-01") < *Date::parse("2016-01-01"));
  CHECK(*Date::parse("2016-12-31") < *Date::parse("2017"));
  CHECK(Date() < *Date::parse("0001"));
  CHECK(Date::unpack(Date::parse("2016-03-14")->pack()) == *Date::parse("2016-03-14"));
  CHECK_THROWS_AS(Date::unpack(20161301), kg::InvalidArgument);
}

TEST_CASE("DateWindow parses single dates and ranges") {
  const auto single = DateWindow::parse("2016");
  REQUIRE(single);
  CHECK(single->from == *Date::parse("2016"));
  CHECK(single->to == *Date::parse("2016"));
  const auto range = DateWindow::parse("2015-06..2017");
  REQUIRE(range);
  CHECK(range->from.to_string() == "2015-06");
  CHECK(range->to.to_string() == "2017");
  CHECK(DateWindow::parse("2016..")->to.empty());
  CHECK(DateWindow::parse("..2016")->from.empty());
  CHECK_FALSE(DateWindow::parse(".."));
  CHECK_FALSE(DateWindow::parse("2017..2016"));
  CHECK_FALSE(DateWindow::parse("2016..20x7"));
  CHECK(DateWindow::parse("2016-05..2016"));  // overlapping partial ends are fine
}

TEST_CASE("active_in follows DESIGN.md's window rule") {
  const auto d = [](const char* text) { return *Date::parse(text); };
  const DateWindow in2016{d("2016"), d("2016")};
  // date not after the window's end, until not before its start
  CHECK(kg::active_in(d("2015-12"), d("2018-02"), in2016));
  CHECK(kg::active_in(d("2016-12-31"), Date(), in2016));
  CHECK_FALSE(kg::active_in(d("2017-01-01"), Date(), in2016));
  CHECK_FALSE(kg::active_in(d("2014"), d("2015-12-31"), in2016));
  CHECK(kg::active_in(d("2014"), d("2016-01"), in2016));  // until's month reaches into 2016
  // A partial date covers its whole year: "2016" is active as of 2016-06-01.
  CHECK(kg::active_in(d("2016"), Date(), DateWindow{d("2016-06-01"), d("2016-06-01")}));
  // Undated relations have no known start; open ends are unbounded.
  CHECK(kg::active_in(Date(), Date(), in2016));
  CHECK(kg::active_in(d("2030"), Date(), DateWindow{d("2020"), Date()}));
  CHECK_FALSE(kg::active_in(d("2030"), Date(), DateWindow{Date(), d("2020")}));
}

TEST_CASE("a relation's time is printed in one form, the one --between takes, and reads back as a window") {
  const auto d = [](const char* text) { return *Date::parse(text); };
  CHECK(kg::date_range_text(Date(), Date()) == "");
  CHECK(kg::date_range_text(d("2015"), Date()) == "2015");
  CHECK(kg::date_range_text(d("2015"), d("2018-03")) == "2015..2018-03");
  CHECK(kg::date_range_text(Date(), d("2018")) == "..2018");
  const auto window = DateWindow::parse(kg::date_range_text(d("2015-02"), d("2018")));
  REQUIRE(window);
  CHECK(window->from == d("2015-02"));
  CHECK(window->to == d("2018"));
}
