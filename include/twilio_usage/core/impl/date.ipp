// The definitions of core/date.hpp (see config.hpp for when this is included).
#pragma once

#include "twilio_usage/core/date.hpp"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace twilio_usage {

TWILIO_USAGE_DECL void detail::append_padded(std::string& out, long long v, int width) {
  unsigned long long mag = v < 0 ? 0ULL - static_cast<unsigned long long>(v)
                                 : static_cast<unsigned long long>(v);
  char buf[24];
  int n = 0;
  do {
    buf[n++] = static_cast<char>('0' + static_cast<int>(mag % 10U));
    mag /= 10U;
  } while (mag != 0);
  if (v < 0) out.push_back('-');
  for (int i = n; i < width; ++i) out.push_back('0');
  while (n > 0) out.push_back(buf[--n]);
}

TWILIO_USAGE_DECL std::string detail::padded(long long v, int width) {
  std::string s;
  append_padded(s, v, width);
  return s;
}

TWILIO_USAGE_DECL std::optional<std::string> detail::check_civil_date(int y, int m, int d) {
  using namespace std::chrono;
  if (m < 1 || m > 12) {
    return "month " + padded(m, 2) + " is out of range 01..12";
  }
  year_month_day_last const end_of_month{year{y}, month_day_last{month{static_cast<unsigned>(m)}}};
  int const last_day = static_cast<int>(static_cast<unsigned>(end_of_month.day()));
  if (d < 1 || d > last_day) {
    return "day " + padded(d, 2) + " is out of range 01.." + padded(last_day, 2) + " for " +
           padded(y, 4) + "-" + padded(m, 2);
  }
  return std::nullopt;
}

TWILIO_USAGE_DECL std::optional<std::string> detail::check_time_of_day(int h, int m, int s) {
  if (h > 23) return "hour " + padded(h, 2) + " is out of range 00..23";
  if (m > 59) return "minute " + padded(m, 2) + " is out of range 00..59";
  if (s > 59) return "second " + padded(s, 2) + " is out of range 00..59";
  return std::nullopt;
}

TWILIO_USAGE_DECL std::optional<std::string> detail::check_zone(int h, int m) {
  if (h > 23) return "zone offset hour " + padded(h, 2) + " is out of range 00..23";
  if (m > 59) return "zone offset minute " + padded(m, 2) + " is out of range 00..59";
  return std::nullopt;
}

TWILIO_USAGE_DECL std::optional<std::string> detail::check_utc_year(std::chrono::sys_seconds t) {
  auto const y = static_cast<int>(Date{std::chrono::floor<std::chrono::days>(t)}.year());
  if (y < 0 || y > 9999)
    return "the instant falls in the year " + std::to_string(y) + " UTC, outside 0000..9999";
  return std::nullopt;
}

TWILIO_USAGE_DECL void detail::append_date(std::string& out, Date d) {
  append_padded(out, static_cast<int>(d.year()), 4);
  out.push_back('-');
  append_padded(out, static_cast<unsigned>(d.month()), 2);
  out.push_back('-');
  append_padded(out, static_cast<unsigned>(d.day()), 2);
}

TWILIO_USAGE_DECL void detail::append_time(std::string& out, std::chrono::seconds since_midnight) {
  std::chrono::hh_mm_ss<std::chrono::seconds> const hms{since_midnight};
  append_padded(out, hms.hours().count(), 2);
  out.push_back(':');
  append_padded(out, hms.minutes().count(), 2);
  out.push_back(':');
  append_padded(out, hms.seconds().count(), 2);
}

TWILIO_USAGE_DECL ParseResult<Date> detail::parse_date_general(std::string_view s) {
  int y = 0;
  int m = 0;
  int d = 0;
  if (s.size() != 10 || !detail::read_fixed_digits(s, 0, 4, y) || s[4] != '-' ||
      !detail::read_fixed_digits(s, 5, 2, m) || s[7] != '-' ||
      !detail::read_fixed_digits(s, 8, 2, d)) {
    return ParseError{detail::quote_input(s) + " is not a date in YYYY-MM-DD form"};
  }
  if (auto why = detail::check_civil_date(y, m, d)) {
    return ParseError{*why + " in " + detail::quote_input(s)};
  }
  return detail::make_date(y, m, d);
}

TWILIO_USAGE_DECL ParseResult<Date> parse_date(std::string_view s) {
  if (Date fast; detail::parse_date_fast(s, fast)) return fast;
  return detail::parse_date_general(s);
}

TWILIO_USAGE_DECL std::string format_date(Date d) {
  std::string out;
  out.reserve(10);
  detail::append_date(out, d);
  return out;
}

TWILIO_USAGE_DECL Date today_gmt(Timestamp now) {
  return Date{std::chrono::floor<std::chrono::days>(now)};
}

TWILIO_USAGE_DECL Date today_gmt() {
  return today_gmt(std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
}

TWILIO_USAGE_DECL ParseResult<DayOffset> parse_day_offset(std::string_view s) {
  auto bad_form = [&] {
    return ParseError{detail::quote_input(s) +
                      " is not a day offset such as '-30days', '+7days' or '0days'"};
  };
  constexpr std::string_view kSuffix = "days";
  if (s.size() <= kSuffix.size() || s.substr(s.size() - kSuffix.size()) != kSuffix) {
    return bad_form();
  }
  std::string_view body = s.substr(0, s.size() - kSuffix.size());
  bool negative = false;
  if (body.front() == '+' || body.front() == '-') {
    negative = body.front() == '-';
    body.remove_prefix(1);
  }
  if (body.empty()) return bad_form();
  long long magnitude = 0;
  for (char c : body) {
    if (!detail::is_ascii_digit(c)) return bad_form();
    if (magnitude <= DayOffset::kMaxMagnitude) magnitude = magnitude * 10 + (c - '0');
  }
  if (magnitude > DayOffset::kMaxMagnitude) {
    return ParseError{"day offset is out of range -100000days..+100000days in " +
                      detail::quote_input(s)};
  }
  int const v = static_cast<int>(magnitude);
  return DayOffset{negative ? -v : v};
}

TWILIO_USAGE_DECL std::string format_day_offset(DayOffset o) {
  std::string out;
  if (o.days >= 0) out.push_back('+');
  detail::append_padded(out, o.days, 1);
  out += "days";
  return out;
}

TWILIO_USAGE_DECL ParseResult<DateSpec> DateSpec::parse(std::string_view s) {
  constexpr std::string_view kSuffix = "days";
  if (s.size() >= kSuffix.size() && s.substr(s.size() - kSuffix.size()) == kSuffix) {
    auto r = parse_day_offset(s);
    if (!r) return r.error();
    return DateSpec{*r};
  }
  auto r = parse_date(s);
  if (r) return DateSpec{*r};
  // Date-shaped input: the date parser's specific message is the useful one.
  int year = 0;
  if (s.size() == 10 && detail::read_fixed_digits(s, 0, 4, year) && s[4] == '-') {
    return r.error();
  }
  return ParseError{detail::quote_input(s) +
                    " is neither a date in YYYY-MM-DD form nor a day offset such as '-30days'"};
}

TWILIO_USAGE_DECL ParseResult<Timestamp> detail::parse_iso8601_general(std::string_view s) {
  auto bad_form = [&](std::string_view expected, std::size_t pos) {
    return ParseError{detail::quote_input(s) +
                      " is not an ISO 8601 timestamp such as '2012-10-13T19:01:47+00:00': "
                      "expected " + std::string(expected) + " at offset " +
                      std::to_string(pos)};
  };
  auto out_of_range = [&](std::string const& why) {
    return ParseError{why + " in " + detail::quote_input(s)};
  };

  int y = 0, mo = 0, d = 0, h = 0, mi = 0, se = 0;
  if (!detail::read_fixed_digits(s, 0, 4, y)) return bad_form("a 4-digit year", 0);
  if (s.size() <= 4 || s[4] != '-') return bad_form("'-'", 4);
  if (!detail::read_fixed_digits(s, 5, 2, mo)) return bad_form("a 2-digit month", 5);
  if (s.size() <= 7 || s[7] != '-') return bad_form("'-'", 7);
  if (!detail::read_fixed_digits(s, 8, 2, d)) return bad_form("a 2-digit day", 8);
  if (s.size() <= 10 || s[10] != 'T') return bad_form("'T'", 10);
  if (!detail::read_fixed_digits(s, 11, 2, h)) return bad_form("a 2-digit hour", 11);
  if (s.size() <= 13 || s[13] != ':') return bad_form("':'", 13);
  if (!detail::read_fixed_digits(s, 14, 2, mi)) return bad_form("a 2-digit minute", 14);
  if (s.size() <= 16 || s[16] != ':') return bad_form("':'", 16);
  if (!detail::read_fixed_digits(s, 17, 2, se)) return bad_form("a 2-digit second", 17);
  std::size_t pos = 19;
  if (pos < s.size() && s[pos] == '.') {
    ++pos;
    std::size_t const frac_begin = pos;
    while (pos < s.size() && detail::is_ascii_digit(s[pos])) ++pos;
    if (pos == frac_begin) return bad_form("fraction digits", pos);
  }
  int zone_minutes = 0;
  if (pos < s.size() && s[pos] == 'Z') {
    ++pos;
  } else if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) {
    bool const zone_negative = s[pos] == '-';
    ++pos;
    int zh = 0, zm = 0;
    if (!detail::read_fixed_digits(s, pos, 2, zh)) return bad_form("a 2-digit zone hour", pos);
    pos += 2;
    if (pos < s.size() && s[pos] == ':') ++pos;
    if (!detail::read_fixed_digits(s, pos, 2, zm)) return bad_form("a 2-digit zone minute", pos);
    pos += 2;
    if (auto why = detail::check_zone(zh, zm)) return out_of_range(*why);
    zone_minutes = (zone_negative ? -1 : 1) * (zh * 60 + zm);
  } else {
    return bad_form("'Z' or a zone offset such as '+00:00'", pos);
  }
  if (pos != s.size()) return bad_form("the end", pos);

  if (auto why = detail::check_civil_date(y, mo, d)) return out_of_range(*why);
  if (auto why = detail::check_time_of_day(h, mi, se)) return out_of_range(*why);

  using namespace std::chrono;
  Timestamp const t{sys_days{detail::make_date(y, mo, d)} + hours{h} + minutes{mi} + seconds{se} -
                    minutes{zone_minutes}};
  if (auto why = detail::check_utc_year(t)) return out_of_range(*why);
  return t;
}

TWILIO_USAGE_DECL ParseResult<Timestamp> parse_iso8601(std::string_view s) {
  if (Timestamp fast; detail::parse_iso8601_fast(s, fast)) return fast;
  return detail::parse_iso8601_general(s);
}

TWILIO_USAGE_DECL std::string format_iso8601(Timestamp t) {
  auto const day = std::chrono::floor<std::chrono::days>(t);
  std::string out;
  out.reserve(25);
  detail::append_date(out, Date{day});
  out.push_back('T');
  detail::append_time(out, t - day);
  out += "+00:00";
  return out;
}

TWILIO_USAGE_DECL ParseResult<Timestamp> parse_rfc2822(std::string_view s) {
  auto bad_form = [&](std::string_view expected, std::size_t pos) {
    return ParseError{detail::quote_input(s) +
                      " is not an RFC 2822 date such as 'Sun, 06 Sep 2015 12:58:45 +0000': "
                      "expected " + std::string(expected) + " at offset " +
                      std::to_string(pos)};
  };
  auto out_of_range = [&](std::string const& why) {
    return ParseError{why + " in " + detail::quote_input(s)};
  };
  auto is_alpha = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); };

  std::size_t pos = 0;
  std::optional<unsigned> weekday;  // c_encoding
  if (!s.empty() && is_alpha(s[0])) {
    if (s.size() < 3) return bad_form("a day name such as 'Sun'", 0);
    std::string_view const name = s.substr(0, 3);
    for (unsigned i = 0; i < 7; ++i) {
      if (detail::iequals(name, detail::kWeekdayNames[i])) weekday = i;
    }
    if (!weekday) return bad_form("a day name such as 'Sun'", 0);
    if (s.size() < 5 || s[3] != ',' || s[4] != ' ') return bad_form("', '", 3);
    pos = 5;
  }

  int d = 0;
  if (pos >= s.size() || !detail::is_ascii_digit(s[pos])) return bad_form("a day of month", pos);
  d = s[pos++] - '0';
  if (pos < s.size() && detail::is_ascii_digit(s[pos])) d = d * 10 + (s[pos++] - '0');
  if (pos >= s.size() || s[pos] != ' ') return bad_form("' '", pos);
  ++pos;

  int mo = 0;
  if (s.size() - pos >= 3) {
    std::string_view const name = s.substr(pos, 3);
    for (int i = 0; i < 12; ++i) {
      if (detail::iequals(name, detail::kMonthNames[i])) mo = i + 1;
    }
  }
  if (mo == 0) return bad_form("a month name such as 'Sep'", pos);
  pos += 3;
  if (pos >= s.size() || s[pos] != ' ') return bad_form("' '", pos);
  ++pos;

  int y = 0;
  if (!detail::read_fixed_digits(s, pos, 4, y)) return bad_form("a 4-digit year", pos);
  pos += 4;
  if (pos >= s.size() || s[pos] != ' ') return bad_form("' '", pos);
  ++pos;

  int h = 0, mi = 0, se = 0;
  if (!detail::read_fixed_digits(s, pos, 2, h)) return bad_form("a 2-digit hour", pos);
  pos += 2;
  if (pos >= s.size() || s[pos] != ':') return bad_form("':'", pos);
  ++pos;
  if (!detail::read_fixed_digits(s, pos, 2, mi)) return bad_form("a 2-digit minute", pos);
  pos += 2;
  if (pos >= s.size() || s[pos] != ':') return bad_form("':' and seconds", pos);
  ++pos;
  if (!detail::read_fixed_digits(s, pos, 2, se)) return bad_form("a 2-digit second", pos);
  pos += 2;
  if (pos >= s.size() || s[pos] != ' ') return bad_form("' ' and a zone", pos);
  ++pos;

  std::string_view const zone = s.substr(pos);
  int zone_minutes = 0;
  if (detail::iequals(zone, "GMT") || detail::iequals(zone, "UT") ||
      detail::iequals(zone, "UTC") || detail::iequals(zone, "Z")) {
    zone_minutes = 0;
  } else if (zone.size() == 5 && (zone[0] == '+' || zone[0] == '-')) {
    int zh = 0, zm = 0;
    if (!detail::read_fixed_digits(zone, 1, 2, zh) || !detail::read_fixed_digits(zone, 3, 2, zm)) {
      return bad_form("a zone such as '+0000' or 'GMT'", pos);
    }
    if (auto why = detail::check_zone(zh, zm)) return out_of_range(*why);
    zone_minutes = (zone[0] == '-' ? -1 : 1) * (zh * 60 + zm);
  } else {
    return bad_form("a zone such as '+0000' or 'GMT' and then the end", pos);
  }

  if (auto why = detail::check_civil_date(y, mo, d)) return out_of_range(*why);
  if (auto why = detail::check_time_of_day(h, mi, se)) return out_of_range(*why);

  using namespace std::chrono;
  sys_days const day{detail::make_date(y, mo, d)};
  if (weekday) {
    unsigned const actual = std::chrono::weekday{day}.c_encoding();
    if (actual != *weekday) {
      return out_of_range("day name " + std::string(s.substr(0, 3)) + " does not match " +
                          detail::padded(y, 4) + "-" + detail::padded(mo, 2) + "-" +
                          detail::padded(d, 2) + ", which is a " +
                          std::string(detail::kWeekdayLongNames[actual]));
    }
  }
  Timestamp const t{day + hours{h} + minutes{mi} + seconds{se} - minutes{zone_minutes}};
  if (auto why = detail::check_utc_year(t)) return out_of_range(*why);
  return t;
}

TWILIO_USAGE_DECL std::string format_rfc2822(Timestamp t) {
  auto const day = std::chrono::floor<std::chrono::days>(t);
  Date const ymd{day};
  std::string out;
  out.reserve(31);
  out += detail::kWeekdayNames[std::chrono::weekday{day}.c_encoding()];
  out += ", ";
  detail::append_padded(out, static_cast<unsigned>(ymd.day()), 2);
  out.push_back(' ');
  out += detail::kMonthNames[static_cast<unsigned>(ymd.month()) - 1];
  out.push_back(' ');
  detail::append_padded(out, static_cast<int>(ymd.year()), 4);
  out.push_back(' ');
  detail::append_time(out, t - day);
  out += " +0000";
  return out;
}

}  // namespace twilio_usage
