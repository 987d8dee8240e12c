// Calendar dates, day offsets and timestamps as used by Twilio's Usage API.
//
// Only std::chrono calendar types are used; all parsing and formatting is
// hand-written (no std::chrono::parse/format, no locale, no printf).
#pragma once

#include "twilio_usage/config.hpp"
#include "twilio_usage/core/parse_result.hpp"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace twilio_usage {

using Date = std::chrono::year_month_day;    // GMT calendar date
using Timestamp = std::chrono::sys_seconds;  // UTC instant

namespace detail {

inline constexpr bool is_ascii_digit(char c) noexcept { return c >= '0' && c <= '9'; }

inline constexpr char ascii_lower(char c) noexcept {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

inline constexpr bool iequals(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  }
  return true;
}

/// Reads exactly n ASCII digits at pos.
inline constexpr bool read_fixed_digits(std::string_view s, std::size_t pos, std::size_t n,
                                        int& out) noexcept {
  if (pos > s.size() || s.size() - pos < n) return false;
  int v = 0;
  for (std::size_t i = 0; i < n; ++i) {
    char const c = s[pos + i];
    if (!is_ascii_digit(c)) return false;
    v = v * 10 + (c - '0');
  }
  out = v;
  return true;
}

/// Appends v in decimal, zero-padded to at least `width` digits, '-' first if
/// negative.
TWILIO_USAGE_DECL void append_padded(std::string& out, long long v, int width);

TWILIO_USAGE_DECL std::string padded(long long v, int width);

inline constexpr std::string_view kMonthNames[12] = {"Jan", "Feb", "Mar", "Apr",
                                                     "May", "Jun", "Jul", "Aug",
                                                     "Sep", "Oct", "Nov", "Dec"};
// Indexed by std::chrono::weekday::c_encoding() (0 = Sunday).
inline constexpr std::string_view kWeekdayNames[7] = {"Sun", "Mon", "Tue", "Wed",
                                                      "Thu", "Fri", "Sat"};
inline constexpr std::string_view kWeekdayLongNames[7] = {
    "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};

/// Why (y, m, d) is not a calendar date, or nullopt when it is.
TWILIO_USAGE_DECL std::optional<std::string> check_civil_date(int y, int m, int d);

/// Why HH:MM:SS values are out of range, or nullopt.
TWILIO_USAGE_DECL std::optional<std::string> check_time_of_day(int h, int m, int s);

/// Why a +HH:MM zone offset is out of range, or nullopt.
TWILIO_USAGE_DECL std::optional<std::string> check_zone(int h, int m);

/// Why an instant cannot be a timestamp of this library, or nullopt: its UTC
/// year must have four digits, so that format_iso8601/format_rfc2822 write
/// something the parsers read back ("0000-01-01T00:00:00+01:00" is a moment
/// of the year -1).
TWILIO_USAGE_DECL std::optional<std::string> check_utc_year(std::chrono::sys_seconds t);

/// Two ASCII digits at p, or -1.
inline constexpr int two_digits(char const* p) noexcept {
  unsigned const a = static_cast<unsigned char>(p[0]) - unsigned{'0'};
  unsigned const b = static_cast<unsigned char>(p[1]) - unsigned{'0'};
  return a <= 9 && b <= 9 ? static_cast<int>(a * 10 + b) : -1;
}

/// Four ASCII digits at p, or -1.
inline constexpr int four_digits(char const* p) noexcept {
  int const hi = two_digits(p);
  int const lo = two_digits(p + 2);
  return hi >= 0 && lo >= 0 ? hi * 100 + lo : -1;
}

/// Whether (y, m, d) is a calendar date (check_civil_date without the why).
inline constexpr bool is_civil_date(int y, int m, int d) noexcept {
  if (m < 1 || m > 12 || d < 1) return false;
  if (d <= 28) return true;
  constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool const leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
  return d <= (m == 2 && leap ? 29 : kDays[m - 1]);
}

inline Date make_date(int y, int m, int d) {
  return Date{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
              std::chrono::day{static_cast<unsigned>(d)}};
}

TWILIO_USAGE_DECL void append_date(std::string& out, Date d);

TWILIO_USAGE_DECL void append_time(std::string& out, std::chrono::seconds since_midnight);

}  // namespace detail

// ---------------------------------------------------------------------------
// Dates

namespace detail {

/// parse_date for well-formed input only: true with the date in `out`, or
/// false (for anything parse_date would refuse, and nothing else) so that
/// the caller asks parse_date for the error.
inline bool parse_date_fast(std::string_view s, Date& out) noexcept {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  int const y = four_digits(s.data());
  int const m = two_digits(s.data() + 5);
  int const d = two_digits(s.data() + 8);
  if (y < 0 || m < 0 || d < 0 || !is_civil_date(y, m, d)) return false;
  out = make_date(y, m, d);
  return true;
}

/// parse_date without its fast path: the reference the fast path is tested
/// against, and what gives every error.
TWILIO_USAGE_DECL ParseResult<Date> parse_date_general(std::string_view s);

}  // namespace detail

/// Strict "YYYY-MM-DD": 4-digit year, 2-digit month and day, a real calendar
/// date (2023-02-29 is rejected, 2024-02-29 accepted).
TWILIO_USAGE_DECL ParseResult<Date> parse_date(std::string_view s);

/// "2012-09-01".  Years outside 0..9999 get more digits / a '-' sign.
TWILIO_USAGE_DECL std::string format_date(Date d);

/// The GMT calendar date at instant `now`.
TWILIO_USAGE_DECL Date today_gmt(Timestamp now);

/// Today's GMT calendar date, from the system clock.
TWILIO_USAGE_DECL Date today_gmt();

// ---------------------------------------------------------------------------
// Day offsets ("-30days")

struct DayOffset {
  static constexpr int kMaxMagnitude = 100000;

  int days = 0;
  friend bool operator==(DayOffset, DayOffset) = default;
};

/// "+N", "-N" or "N" followed by "days", with |N| <= 100000.
TWILIO_USAGE_DECL ParseResult<DayOffset> parse_day_offset(std::string_view s);

/// "-30days", "+30days", "+0days".
TWILIO_USAGE_DECL std::string format_day_offset(DayOffset o);

// ---------------------------------------------------------------------------
// DateSpec: what the API's StartDate / EndDate take

class DateSpec {
 public:
  // Implicit on purpose: .start_date(2024y / 1 / 1) and .start_date(DayOffset{-30}).
  constexpr DateSpec(Date d) : value_(d) {}             // NOLINT(google-explicit-constructor)
  constexpr DateSpec(DayOffset o) : value_(o) {}        // NOLINT(google-explicit-constructor)

  /// "YYYY-MM-DD" or "[+-]Ndays".
  static ParseResult<DateSpec> parse(std::string_view s);

  [[nodiscard]] constexpr bool is_offset() const noexcept {
    return std::holds_alternative<DayOffset>(value_);
  }
  /// Precondition: !is_offset() (throws std::bad_variant_access otherwise).
  [[nodiscard]] constexpr Date date() const { return std::get<Date>(value_); }
  /// Precondition: is_offset() (throws std::bad_variant_access otherwise).
  [[nodiscard]] constexpr DayOffset offset() const { return std::get<DayOffset>(value_); }

  /// The date itself, or today + offset (calendar-day arithmetic).
  [[nodiscard]] Date resolve(Date today) const {
    if (!is_offset()) return date();
    return Date{std::chrono::sys_days{today} + std::chrono::days{offset().days}};
  }

  /// "2024-01-31" or "-30days".
  [[nodiscard]] std::string to_wire() const {
    return is_offset() ? format_day_offset(offset()) : format_date(date());
  }

  friend bool operator==(DateSpec const&, DateSpec const&) = default;

 private:
  std::variant<Date, DayOffset> value_;
};

// ---------------------------------------------------------------------------
// ISO 8601 timestamps

namespace detail {

/// parse_iso8601 for the common shapes only: "YYYY-MM-DDTHH:MM:SS" then "Z"
/// or "+HH:MM" / "-HH:MM", in range, with a year in 0001..9998 (so that no
/// zone offset can take the instant out of 0000..9999 UTC). True with the
/// instant parse_iso8601 gives; false for anything else, which then goes to
/// parse_iso8601 for its result or its error.
inline bool parse_iso8601_fast(std::string_view s, Timestamp& out) noexcept {
  std::size_t const n = s.size();
  if (n != 20 && n != 25) return false;
  char const* p = s.data();
  if (p[4] != '-' || p[7] != '-' || p[10] != 'T' || p[13] != ':' || p[16] != ':') return false;
  int const y = four_digits(p);
  int const mo = two_digits(p + 5);
  int const d = two_digits(p + 8);
  int const h = two_digits(p + 11);
  int const mi = two_digits(p + 14);
  int const se = two_digits(p + 17);
  if (y < 1 || y > 9998 || mo < 0 || d < 0 || h < 0 || h > 23 || mi < 0 || mi > 59 || se < 0 ||
      se > 59 || !is_civil_date(y, mo, d))
    return false;
  int zone_minutes = 0;
  if (n == 20) {
    if (p[19] != 'Z') return false;
  } else {
    if ((p[19] != '+' && p[19] != '-') || p[22] != ':') return false;
    int const zh = two_digits(p + 20);
    int const zm = two_digits(p + 23);
    if (zh < 0 || zh > 23 || zm < 0 || zm > 59) return false;
    zone_minutes = (p[19] == '-' ? -1 : 1) * (zh * 60 + zm);
  }
  using namespace std::chrono;
  out = Timestamp{sys_days{make_date(y, mo, d)} + hours{h} + minutes{mi} + seconds{se} -
                  minutes{zone_minutes}};
  return true;
}

/// parse_iso8601 without its fast path: the reference the fast path is
/// tested against, and what gives every error.
TWILIO_USAGE_DECL ParseResult<Timestamp> parse_iso8601_general(std::string_view s);

}  // namespace detail

/// "YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM|-HH:MM|+HHMM|-HHMM)", converted to
/// UTC; a fraction of a second is truncated.  Hour 24, minute 60 and second 60
/// are rejected, as is anything else (lower-case 't'/'z', no zone, trailing
/// characters).
TWILIO_USAGE_DECL ParseResult<Timestamp> parse_iso8601(std::string_view s);

/// "2012-10-13T19:01:47+00:00".
TWILIO_USAGE_DECL std::string format_iso8601(Timestamp t);

// ---------------------------------------------------------------------------
// RFC 2822 timestamps

/// "[Ddd, ]D[D] Mon YYYY HH:MM:SS zone" with single spaces, where zone is
/// "+HHMM", "-HHMM", "GMT", "UT", "UTC" or "Z".  Day and month names are
/// matched case-insensitively; a day name must agree with the date.
TWILIO_USAGE_DECL ParseResult<Timestamp> parse_rfc2822(std::string_view s);

/// Always GMT, two-digit day: "Sun, 06 Sep 2015 12:58:45 +0000".
TWILIO_USAGE_DECL std::string format_rfc2822(Timestamp t);

}  // namespace twilio_usage

#ifndef TWILIO_USAGE_SEPARATE_COMPILATION
#include "twilio_usage/core/impl/date.ipp"
#endif
