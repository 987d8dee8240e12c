// Unit tests for twilio_usage date, day-offset, DateSpec and timestamp helpers.
#include "twilio_usage/core/date.hpp"
#include "twilio_usage/core/decimal.hpp"  // second TU includes both headers too (ODR check)

#include <doctest/doctest.h>

#include <chrono>
#include <stdexcept>
#include <string>
#include <string_view>

using namespace std::chrono_literals;
namespace chr = std::chrono;
using twilio_usage::Date;
using twilio_usage::DateSpec;
using twilio_usage::DayOffset;
using twilio_usage::Timestamp;

namespace {

bool contains(std::string const& hay, std::string_view needle) {
  return hay.find(needle) != std::string::npos;
}

std::string quoted(std::string_view s) { return twilio_usage::detail::quote_input(s); }

Timestamp ts(Date d, int h = 0, int m = 0, int s = 0) {
  return Timestamp{chr::sys_days{d} + chr::hours{h} + chr::minutes{m} + chr::seconds{s}};
}

}  // namespace

TEST_CASE("parse_date accepts valid calendar dates") {
  CHECK(twilio_usage::parse_date("2012-09-01").value() == 2012y / 9 / 1);
  CHECK(twilio_usage::parse_date("2024-02-29").value() == 2024y / 2 / 29);
  CHECK(twilio_usage::parse_date("2000-02-29").value() == 2000y / 2 / 29);
  CHECK(twilio_usage::parse_date("1999-12-31").value() == 1999y / 12 / 31);
  CHECK(twilio_usage::parse_date("0001-01-01").value() == 1y / 1 / 1);
  CHECK(twilio_usage::parse_date("9999-12-31").value() == 9999y / 12 / 31);
}

TEST_CASE("parse_date rejects invalid dates and forms") {
  for (std::string_view s :
       {"2023-02-29", "1900-02-29", "2024-02-30", "2024-04-31", "2024-13-01", "2024-00-10",
        "2024-01-00", "2024-01-32", "2024-1-01", "2024-01-1", "24-01-01", "02024-01-01",
        "2024-01-01 ", " 2024-01-01", "2024-01-01T00:00:00Z", "2024/01/01", "2024-01-01x", "",
        "+202-01-01", "2024-0a-01", "20240101", "-30days"}) {
    auto r = twilio_usage::parse_date(s);
    REQUIRE_MESSAGE(!r, s);
    CHECK_MESSAGE(contains(r.error().what, quoted(s)), r.error().what);
  }
  CHECK(twilio_usage::parse_date("2024-13-01").error().what ==
        "month 13 is out of range 01..12 in '2024-13-01'");
  CHECK(twilio_usage::parse_date("2023-02-29").error().what ==
        "day 29 is out of range 01..28 for 2023-02 in '2023-02-29'");
  CHECK(twilio_usage::parse_date("2024-1-01").error().what ==
        "'2024-1-01' is not a date in YYYY-MM-DD form");
  CHECK_THROWS_AS((void)twilio_usage::parse_date("2023-02-29").value(), std::invalid_argument);
}

TEST_CASE("format_date") {
  CHECK(twilio_usage::format_date(2012y / 9 / 1) == "2012-09-01");
  CHECK(twilio_usage::format_date(1y / 1 / 1) == "0001-01-01");
  CHECK(twilio_usage::format_date(1969y / 12 / 31) == "1969-12-31");
  CHECK(twilio_usage::format_date(2100y / 3 / 1) == "2100-03-01");
  for (std::string_view s : {"2012-09-01", "2024-02-29", "1970-01-01", "2038-01-19"}) {
    CHECK(twilio_usage::format_date(twilio_usage::parse_date(s).value()) == s);
  }
}

TEST_CASE("today_gmt") {
  Timestamp const t = ts(2024y / 3 / 10, 23, 59, 59);
  CHECK(twilio_usage::today_gmt(t) == 2024y / 3 / 10);
  CHECK(twilio_usage::today_gmt(t + 1s) == 2024y / 3 / 11);
  CHECK(twilio_usage::today_gmt(Timestamp{-1s}) == 1969y / 12 / 31);
  CHECK(twilio_usage::today_gmt(Timestamp{0s}) == 1970y / 1 / 1);
  Date const now = twilio_usage::today_gmt();
  CHECK(now.ok());
  CHECK(now.year() >= 2024y);
}

TEST_CASE("day offsets") {
  CHECK(twilio_usage::parse_day_offset("-30days").value() == DayOffset{-30});
  CHECK(twilio_usage::parse_day_offset("+30days").value() == DayOffset{30});
  CHECK(twilio_usage::parse_day_offset("30days").value() == DayOffset{30});
  CHECK(twilio_usage::parse_day_offset("0days").value() == DayOffset{0});
  CHECK(twilio_usage::parse_day_offset("-0days").value() == DayOffset{0});
  CHECK(twilio_usage::parse_day_offset("+100000days").value() == DayOffset{100000});
  CHECK(twilio_usage::parse_day_offset("-100000days").value() == DayOffset{-100000});
  for (std::string_view s :
       {"", "days", "+days", "-days", "30", "-30day", "-30 days", " -30days", "-30days ",
        "--30days", "+-30days", "-3a0days", "-30Days", "-30DAYS", "100001days", "-100001days",
        "99999999999999999999999999days", "2024-01-01"}) {
    auto r = twilio_usage::parse_day_offset(s);
    REQUIRE_MESSAGE(!r, s);
    CHECK_MESSAGE(contains(r.error().what, quoted(s)), r.error().what);
  }
  CHECK(contains(twilio_usage::parse_day_offset("100001days").error().what, "out of range"));
  CHECK(twilio_usage::format_day_offset(DayOffset{-30}) == "-30days");
  CHECK(twilio_usage::format_day_offset(DayOffset{30}) == "+30days");
  CHECK(twilio_usage::format_day_offset(DayOffset{0}) == "+0days");
}

TEST_CASE("DateSpec") {
  DateSpec const fixed = 2024y / 1 / 31;  // implicit from year_month_day
  CHECK_FALSE(fixed.is_offset());
  CHECK(fixed.date() == 2024y / 1 / 31);
  CHECK(fixed.to_wire() == "2024-01-31");
  CHECK(fixed.resolve(2030y / 5 / 5) == 2024y / 1 / 31);
  CHECK_THROWS_AS((void)fixed.offset(), std::bad_variant_access);

  DateSpec const rel = DayOffset{-30};
  CHECK(rel.is_offset());
  CHECK(rel.offset() == DayOffset{-30});
  CHECK(rel.to_wire() == "-30days");
  CHECK_THROWS_AS((void)rel.date(), std::bad_variant_access);

  // Across month and year boundaries, and leap days.
  CHECK(rel.resolve(2024y / 1 / 15) == 2023y / 12 / 16);
  CHECK(DateSpec{DayOffset{1}}.resolve(2023y / 12 / 31) == 2024y / 1 / 1);
  CHECK(DateSpec{DayOffset{1}}.resolve(2024y / 2 / 28) == 2024y / 2 / 29);
  CHECK(DateSpec{DayOffset{1}}.resolve(2023y / 2 / 28) == 2023y / 3 / 1);
  CHECK(DateSpec{DayOffset{-1}}.resolve(2024y / 3 / 1) == 2024y / 2 / 29);
  CHECK(DateSpec{DayOffset{0}}.resolve(2024y / 3 / 1) == 2024y / 3 / 1);
  CHECK(DateSpec{DayOffset{366}}.resolve(2024y / 1 / 1) == 2025y / 1 / 1);
  CHECK(DateSpec{DayOffset{-365}}.resolve(2024y / 1 / 1) == 2023y / 1 / 1);

  CHECK(DateSpec::parse("2024-01-31").value() == fixed);
  CHECK(DateSpec::parse("-30days").value() == rel);
  CHECK(DateSpec::parse("+7days").value() == DateSpec{DayOffset{7}});
  CHECK(DateSpec::parse("0days").value().to_wire() == "+0days");
  CHECK(fixed != rel);
  CHECK(DateSpec{DayOffset{0}} != DateSpec{1970y / 1 / 1});

  for (std::string_view s : {"", "yesterday", "2024-02-30", "2024-1-1", "-30", "30 days",
                             "100001days", "2024-01-31days"}) {
    auto r = DateSpec::parse(s);
    REQUIRE_MESSAGE(!r, s);
    CHECK_MESSAGE(contains(r.error().what, quoted(s)), r.error().what);
  }
  CHECK(DateSpec::parse("2024-02-30").error().what ==
        "day 30 is out of range 01..29 for 2024-02 in '2024-02-30'");
  CHECK(contains(DateSpec::parse("yesterday").error().what, "neither"));
}

TEST_CASE("parse_iso8601 accepts UTC and offsets") {
  using twilio_usage::parse_iso8601;
  Timestamp const expect = ts(2012y / 10 / 13, 19, 1, 47);
  CHECK(parse_iso8601("2012-10-13T19:01:47+00:00").value() == expect);
  CHECK(parse_iso8601("2012-10-13T19:01:47Z").value() == expect);
  CHECK(parse_iso8601("2012-10-13T19:01:47-00:00").value() == expect);
  CHECK(parse_iso8601("2012-10-13T19:01:47+0000").value() == expect);
  CHECK(parse_iso8601("2012-10-13T19:01:47.999Z").value() == expect);
  CHECK(parse_iso8601("2012-10-13T19:01:47.123456789+00:00").value() == expect);
  CHECK(parse_iso8601("2024-01-01T00:30:00+01:00").value() == ts(2023y / 12 / 31, 23, 30, 0));
  CHECK(parse_iso8601("2024-01-01T00:30:00+0100").value() == ts(2023y / 12 / 31, 23, 30, 0));
  CHECK(parse_iso8601("2023-12-31T20:00:00-05:30").value() == ts(2024y / 1 / 1, 1, 30, 0));
  CHECK(parse_iso8601("2024-02-29T23:59:59Z").value() == ts(2024y / 2 / 29, 23, 59, 59));
  CHECK(parse_iso8601("1969-12-31T23:59:59Z").value() == Timestamp{-1s});
}

TEST_CASE("parse_iso8601 rejects everything else") {
  for (std::string_view s :
       {"", "2012-10-13", "2012-10-13 19:01:47+00:00", "2012-10-13t19:01:47Z",
        "2012-10-13T19:01:47", "2012-10-13T19:01:47z", "2012-10-13T19:01+00:00",
        "2012-10-13T24:00:00Z", "2012-10-13T23:60:00Z", "2012-10-13T23:59:60Z",
        "2012-10-13T19:01:47+00:00x", "2012-10-13T19:01:47Z ", "2012-10-13T19:01:47.Z",
        "2012-10-13T19:01:47+24:00", "2012-10-13T19:01:47+01:60", "2012-10-13T19:01:47+1:00",
        "2012-10-13T19:01:47+01", "2012-10-13T19:01:47+01:0", "2023-02-29T00:00:00Z",
        "2012-13-13T19:01:47Z", "2012-1-13T19:01:47Z", "2012-10-13T9:01:47Z",
        "Sun, 06 Sep 2015 12:58:45 +0000"}) {
    auto r = twilio_usage::parse_iso8601(s);
    REQUIRE_MESSAGE(!r, s);
    CHECK_MESSAGE(contains(r.error().what, quoted(s)), r.error().what);
  }
  CHECK(twilio_usage::parse_iso8601("2012-10-13T24:00:00Z").error().what ==
        "hour 24 is out of range 00..23 in '2012-10-13T24:00:00Z'");
  CHECK(contains(twilio_usage::parse_iso8601("2012-10-13T19:01:47").error().what, "offset 19"));
}

TEST_CASE("format_iso8601") {
  using twilio_usage::format_iso8601;
  CHECK(format_iso8601(Timestamp{0s}) == "1970-01-01T00:00:00+00:00");
  CHECK(format_iso8601(ts(2012y / 10 / 13, 19, 1, 47)) == "2012-10-13T19:01:47+00:00");
  CHECK(format_iso8601(Timestamp{-1s}) == "1969-12-31T23:59:59+00:00");
  CHECK(format_iso8601(ts(1901y / 12 / 13, 20, 45, 52)) == "1901-12-13T20:45:52+00:00");
  CHECK(format_iso8601(Timestamp{2147483647s}) == "2038-01-19T03:14:07+00:00");
  CHECK(format_iso8601(Timestamp{2147483648s}) == "2038-01-19T03:14:08+00:00");
  CHECK(format_iso8601(ts(2100y / 2 / 28, 23, 59, 59) + 1s) == "2100-03-01T00:00:00+00:00");
  CHECK(format_iso8601(ts(9999y / 12 / 31, 23, 59, 59)) == "9999-12-31T23:59:59+00:00");
  for (std::string_view s : {"2012-10-13T19:01:47+00:00", "1900-01-01T00:00:00+00:00",
                             "2262-04-11T23:47:16+00:00", "2024-02-29T12:00:00+00:00"}) {
    CHECK(format_iso8601(twilio_usage::parse_iso8601(s).value()) == s);
  }
}

TEST_CASE("parse_rfc2822") {
  using twilio_usage::parse_rfc2822;
  Timestamp const expect = ts(2015y / 9 / 6, 12, 58, 45);
  CHECK(parse_rfc2822("Sun, 06 Sep 2015 12:58:45 +0000").value() == expect);
  CHECK(parse_rfc2822("06 Sep 2015 12:58:45 +0000").value() == expect);
  CHECK(parse_rfc2822("6 Sep 2015 12:58:45 +0000").value() == expect);
  CHECK(parse_rfc2822("Sun, 6 Sep 2015 12:58:45 GMT").value() == expect);
  CHECK(parse_rfc2822("Sun, 06 Sep 2015 12:58:45 UT").value() == expect);
  CHECK(parse_rfc2822("Sun, 06 Sep 2015 12:58:45 UTC").value() == expect);
  CHECK(parse_rfc2822("Sun, 06 Sep 2015 12:58:45 Z").value() == expect);
  CHECK(parse_rfc2822("sun, 06 sep 2015 12:58:45 gmt").value() == expect);
  CHECK(parse_rfc2822("SUN, 06 SEP 2015 12:58:45 -0000").value() == expect);
  CHECK(parse_rfc2822("Sun, 06 Sep 2015 14:58:45 +0200").value() == expect);
  CHECK(parse_rfc2822("Sun, 06 Sep 2015 07:28:45 -0530").value() == expect);
  // Offset moving across a day boundary: the weekday is checked against the
  // local date as written.
  CHECK(parse_rfc2822("Mon, 07 Sep 2015 00:58:45 +1200").value() == expect);
  CHECK(parse_rfc2822("Thu, 01 Jan 1970 00:00:00 +0000").value() == Timestamp{0s});
  CHECK(parse_rfc2822("Thu, 29 Feb 2024 10:00:00 +0000").value() == ts(2024y / 2 / 29, 10));
}

TEST_CASE("parse_rfc2822 rejects bad input and weekday mismatches") {
  for (std::string_view s :
       {"", "Mon, 06 Sep 2015 12:58:45 +0000", "Sat, 06 Sep 2015 12:58:45 +0000",
        "Xyz, 06 Sep 2015 12:58:45 +0000", "Sunday, 06 Sep 2015 12:58:45 +0000",
        "Sun 06 Sep 2015 12:58:45 +0000", "Sun,06 Sep 2015 12:58:45 +0000",
        "Sun, 06 Sep 2015 12:58 +0000", "Sun, 06 Sep 15 12:58:45 +0000",
        "Sun, 06 Sept 2015 12:58:45 +0000", "Sun, 06 Foo 2015 12:58:45 +0000",
        "Sun, 006 Sep 2015 12:58:45 +0000", "Sun, 06 Sep 2015 12:58:45", "Sun, 06 Sep 2015 12:58:45 ",
        "Sun, 06 Sep 2015 12:58:45 +00", "Sun, 06 Sep 2015 12:58:45 +00:00",
        "Sun, 06 Sep 2015 12:58:45 EST", "Sun, 06 Sep 2015 12:58:45 +0000 ",
        "Sun, 06 Sep 2015 12:58:45 +0000x", "Sun, 06 Sep 2015 24:00:00 +0000",
        "Sun, 06 Sep 2015 12:60:00 +0000", "Sun, 06 Sep 2015 12:58:60 +0000",
        "Sun, 06 Sep 2015 12:58:45 +2400", "Sun, 06 Sep 2015 12:58:45 +0060",
        "31 Feb 2015 12:58:45 +0000", "00 Sep 2015 12:58:45 +0000", "Sun,  06 Sep 2015 12:58:45 +0000",
        "2015-09-06T12:58:45Z"}) {
    auto r = twilio_usage::parse_rfc2822(s);
    REQUIRE_MESSAGE(!r, s);
    CHECK_MESSAGE(contains(r.error().what, quoted(s)), r.error().what);
  }
  CHECK(twilio_usage::parse_rfc2822("Mon, 06 Sep 2015 12:58:45 +0000").error().what ==
        "day name Mon does not match 2015-09-06, which is a Sunday in "
        "'Mon, 06 Sep 2015 12:58:45 +0000'");
}

TEST_CASE("format_rfc2822 and round trips") {
  using twilio_usage::format_rfc2822;
  using twilio_usage::parse_rfc2822;
  CHECK(format_rfc2822(ts(2015y / 9 / 6, 12, 58, 45)) == "Sun, 06 Sep 2015 12:58:45 +0000");
  CHECK(format_rfc2822(Timestamp{0s}) == "Thu, 01 Jan 1970 00:00:00 +0000");
  CHECK(format_rfc2822(Timestamp{-1s}) == "Wed, 31 Dec 1969 23:59:59 +0000");
  CHECK(format_rfc2822(ts(1900y / 1 / 1)) == "Mon, 01 Jan 1900 00:00:00 +0000");
  CHECK(format_rfc2822(Timestamp{2147483648s}) == "Tue, 19 Jan 2038 03:14:08 +0000");
  CHECK(format_rfc2822(ts(2100y / 12 / 31, 23, 59, 59)) == "Fri, 31 Dec 2100 23:59:59 +0000");
  for (std::string_view s :
       {"Sun, 06 Sep 2015 12:58:45 +0000", "Thu, 01 Jan 1970 00:00:00 +0000",
        "Wed, 31 Dec 1969 23:59:59 +0000", "Thu, 29 Feb 2024 10:00:00 +0000",
        "Tue, 19 Jan 2038 03:14:08 +0000", "Sat, 01 Jan 2000 00:00:00 +0000"}) {
    CHECK(format_rfc2822(parse_rfc2822(s).value()) == s);
  }
  // Every day for ~3 years, at a varying time: format then parse gives it back,
  // and ISO 8601 agrees.
  Timestamp t = ts(2023y / 1 / 1, 1, 2, 3);
  for (int i = 0; i < 1200; ++i) {
    std::string const text = format_rfc2822(t);
    auto back = parse_rfc2822(text);
    REQUIRE_MESSAGE(back.has_value(), text);
    CHECK(*back == t);
    CHECK(twilio_usage::parse_iso8601(twilio_usage::format_iso8601(t)).value() == t);
    t += chr::hours{24} + chr::seconds{997};
  }
}
