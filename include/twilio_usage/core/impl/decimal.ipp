// The definitions of core/decimal.hpp (see config.hpp for when this is
// included).
#pragma once

#include "twilio_usage/core/decimal.hpp"

#include <algorithm>
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

TWILIO_USAGE_DECL Decimal Decimal::normalized() const {
  if (is_zero()) return Decimal();
  Decimal r = *this;
  std::size_t const nz = r.digits_.find_last_not_of('0');  // exists: not zero
  std::size_t const strip =
      std::min(r.digits_.size() - 1 - nz, static_cast<std::size_t>(r.scale()));
  r.digits_.erase(r.digits_.size() - strip);
  r.exponent_ += static_cast<std::int32_t>(strip);
  return r;
}

TWILIO_USAGE_DECL Decimal Decimal::rounded(int places, RoundingMode mode) const {
  Decimal r = *this;
  r.rescale(std::clamp(places, 0, -kMinExponent), mode);
  return r;
}

TWILIO_USAGE_DECL void Decimal::rescale(int target_scale, RoundingMode mode) {
  int const sc = scale();
  if (target_scale >= sc) {
    if (!is_zero()) digits_.append(static_cast<std::size_t>(target_scale - sc), '0');
    exponent_ = static_cast<std::int32_t>(-target_scale);
    return;
  }
  // Split the coefficient into the kept digits and the dropped ones; when
  // more digits are dropped than there are, the dropped part starts with
  // implicit zeros.
  std::size_t const drop = static_cast<std::size_t>(sc - target_scale);
  std::size_t const size = digits_.size();
  int first = 0;  // the first dropped digit
  bool rest_nonzero = false;  // any non-zero dropped digit after it
  std::string kept;
  if (drop > size) {
    rest_nonzero = !is_zero();
  } else {
    first = digits_[size - drop] - '0';
    rest_nonzero =
        digits_.find_first_not_of('0', size - drop + 1) != std::string::npos;
    kept.assign(digits_, 0, size - drop);
  }
  if (kept.empty()) kept = "0";
  bool increment = false;
  switch (mode) {
    case RoundingMode::down:
      break;
    case RoundingMode::up:
      increment = first != 0 || rest_nonzero;
      break;
    case RoundingMode::half_up:
      increment = first >= 5;
      break;
    case RoundingMode::half_even:
      increment = first > 5 ||
                  (first == 5 && (rest_nonzero || (kept.back() - '0') % 2 != 0));
      break;
  }
  digits_ = increment ? add_magnitude(kept, "1") : std::move(kept);
  exponent_ = static_cast<std::int32_t>(-target_scale);
  normalise();  // a magnitude rounded to zero is not negative
}

TWILIO_USAGE_DECL Decimal& Decimal::operator*=(Decimal const& o) {
  // Everything is read from o before *this changes (o may be *this).
  bool const negative = negative_ != o.negative_;
  int const sc = scale() + o.scale();  // <= 2 * 1000: no overflow
  std::string_view const a = digits_;
  std::string_view const b = o.digits_;
  // Schoolbook multiplication, one decimal digit per cell: every cell stays
  // below 10 after its row, so nothing can overflow.
  std::string product(a.size() + b.size(), '\0');
  for (std::size_t i = a.size(); i-- > 0;) {
    int const da = a[i] - '0';
    if (da == 0) continue;
    int carry = 0;
    for (std::size_t j = b.size(); j-- > 0;) {
      int const t = product[i + j + 1] + da * (b[j] - '0') + carry;
      product[i + j + 1] = static_cast<char>(t % 10);
      carry = t / 10;
    }
    product[i] = static_cast<char>(carry);
  }
  for (char& c : product) c = static_cast<char>(c + '0');
  digits_ = std::move(product);
  negative_ = negative;
  exponent_ = 0;
  normalise();
  exponent_ = static_cast<std::int32_t>(-sc);
  if (sc > -kMinExponent) rescale(-kMinExponent, RoundingMode::half_even);
  return *this;
}

}  // namespace twilio_usage
