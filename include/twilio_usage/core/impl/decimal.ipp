// The definitions of core/decimal.hpp (see config.hpp for when this is
// included).
#pragma once

#include "twilio_usage/core/decimal.hpp"

#include <charconv>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace twilio_usage {

TWILIO_USAGE_DECL ParseResult<Decimal> Decimal::parse(std::string_view s) {
  auto fail = [&](std::string const& why) -> ParseResult<Decimal> {
    return ParseError{detail::quote_input(s) + " is not a decimal number: " + why};
  };
  auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
  auto unexpected = [&](std::size_t pos) {
    char const c = s[pos];
    std::string shown;
    if (static_cast<unsigned char>(c) < 0x20U || c == 0x7F ||
        static_cast<unsigned char>(c) >= 0x80U) {
      static constexpr char kHex[] = "0123456789ABCDEF";
      auto const u = static_cast<unsigned char>(c);
      shown = std::string("byte 0x") + kHex[u >> 4U] + kHex[u & 0x0FU];
    } else {
      shown = std::string("character '") + c + "'";
    }
    return fail("unexpected " + shown + " at offset " + std::to_string(pos));
  };

  if (s.empty()) return fail("empty input");

  std::size_t pos = 0;
  bool negative = false;
  if (s[pos] == '+' || s[pos] == '-') {
    negative = s[pos] == '-';
    ++pos;
  }
  std::size_t const int_begin = pos;
  while (pos < s.size() && is_digit(s[pos])) ++pos;
  std::string_view const int_digits = s.substr(int_begin, pos - int_begin);

  std::string_view frac_digits;
  if (pos < s.size() && s[pos] == '.') {
    ++pos;
    std::size_t const frac_begin = pos;
    while (pos < s.size() && is_digit(s[pos])) ++pos;
    frac_digits = s.substr(frac_begin, pos - frac_begin);
  }
  if (int_digits.empty() && frac_digits.empty()) {
    if (pos < s.size() && s[pos] != 'e' && s[pos] != 'E') return unexpected(pos);
    return fail("no digits");
  }

  // Exponent, saturated far beyond the accepted range so it cannot overflow.
  std::int64_t exp_value = 0;
  if (pos < s.size() && (s[pos] == 'e' || s[pos] == 'E')) {
    ++pos;
    bool exp_negative = false;
    if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) {
      exp_negative = s[pos] == '-';
      ++pos;
    }
    std::size_t const exp_begin = pos;
    constexpr std::int64_t kSaturate = std::int64_t{1} << 40;
    while (pos < s.size() && is_digit(s[pos])) {
      exp_value = std::min<std::int64_t>(exp_value * 10 + (s[pos] - '0'), kSaturate);
      ++pos;
    }
    if (pos == exp_begin) {
      if (pos < s.size()) return unexpected(pos);
      return fail("exponent has no digits");
    }
    if (exp_negative) exp_value = -exp_value;
  }
  if (pos != s.size()) return unexpected(pos);

  // frac_digits.size() <= s.size(), far below 2^62: no overflow here.
  std::int64_t const effective =
      exp_value - static_cast<std::int64_t>(frac_digits.size());
  if (effective < kMinExponent || effective > kMaxExponent) {
    return fail("exponent " + std::to_string(effective) + " is out of range " +
                std::to_string(kMinExponent) + ".." + std::to_string(kMaxExponent));
  }

  std::string digits;
  digits.reserve(int_digits.size() + frac_digits.size() +
                 static_cast<std::size_t>(std::max<std::int64_t>(effective, 0)));
  digits.append(int_digits);
  digits.append(frac_digits);
  std::int32_t exponent = static_cast<std::int32_t>(effective);
  if (exponent > 0) {
    digits.append(static_cast<std::size_t>(exponent), '0');
    exponent = 0;
  }
  return Decimal(negative, std::move(digits), exponent);
}

TWILIO_USAGE_DECL std::string Decimal::to_string() const {
  std::string out;
  std::size_t const sc = static_cast<std::size_t>(scale());
  out.reserve(digits_.size() + sc + 3);
  if (negative_) out.push_back('-');
  if (sc == 0) {
    out += digits_;
  } else if (digits_.size() > sc) {
    std::size_t const int_len = digits_.size() - sc;
    out.append(digits_, 0, int_len);
    out.push_back('.');
    out.append(digits_, int_len, std::string::npos);
  } else {
    out += "0.";
    out.append(sc - digits_.size(), '0');
    out += digits_;
  }
  return out;
}

TWILIO_USAGE_DECL double Decimal::to_double() const {
  std::string const text = to_string();
  double value = 0.0;
  auto const [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  (void)ptr;
  if (ec == std::errc::result_out_of_range) {
    bool const large = digits_.size() > static_cast<std::size_t>(scale());
    double const mag = large ? std::numeric_limits<double>::infinity() : 0.0;
    return negative_ ? -mag : mag;
  }
  return value;
}

TWILIO_USAGE_DECL std::size_t Decimal::hash() const noexcept {
  if (is_zero()) return 0x9E3779B9U;
  // Normal form: strip trailing zeros of the fraction.
  std::string_view digits = digits_;
  int sc = scale();
  while (sc > 0 && digits.back() == '0') {
    digits.remove_suffix(1);
    --sc;
  }
  std::size_t h = std::hash<std::string_view>{}(digits);
  auto mix = [&h](std::size_t v) {
    h ^= v + 0x9E3779B9U + (h << 6U) + (h >> 2U);
  };
  mix(static_cast<std::size_t>(sc));
  mix(negative_ ? 1U : 2U);
  return h;
}

}  // namespace twilio_usage
