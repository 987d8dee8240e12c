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

TWILIO_USAGE_DECL Date make_date(int y, int m, int d);

TWILIO_USAGE_DECL void append_date(std::string& out, Date d);

TWILIO_USAGE_DECL void append_time(std::string& out, std::chrono::seconds since_midnight);

}  // namespace detail

// ---------------------------------------------------------------------------
// Dates

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
