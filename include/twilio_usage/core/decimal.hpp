// twilio_usage::Decimal: an exact decimal number for money and usage amounts.
//
// The value is  (-1)^negative * coefficient * 10^exponent  where coefficient is
// a string of decimal digits (most significant first, no leading zeros except a
// lone "0") and exponent is an int32 that is always <= 0, so that
// scale() == -exponent is the number of digits after the decimal point.
// Positive exponents in the input ("1E+2") are expanded into the coefficient
// ("100") when parsing.  Trailing zeros are kept: "0.10" stays "0.10".
// Zero is never negative.
//
// Arithmetic never fails: every result stays in the range parse() accepts
// (scale() <= -kMinExponent), so to_string() always parses back.
//
// No floating point is used anywhere except in the explicit to_double().
#pragma once

#include "twilio_usage/config.hpp"
#include "twilio_usage/core/parse_result.hpp"

#include <algorithm>
#include <charconv>
#include <compare>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <limits>
#include <ostream>
#include <string>
#include <string_view>
#include <system_error>
#include <type_traits>

namespace twilio_usage {

class Decimal;

/// How Decimal::rounded() picks between the two neighbours at the target
/// scale.  Every mode acts on the magnitude, so it is symmetric around zero.
enum class RoundingMode {
  half_even,  // nearest; a tie goes to the even neighbour (banker's rounding)
  half_up,    // nearest; a tie goes away from zero (2.345 -> 2.35, -2.345 -> -2.35)
  down,       // toward zero (truncation)
  up,         // away from zero
};

namespace detail {
struct DecimalFastParse;
}  // namespace detail

class Decimal {
 public:
  /// Bounds on the effective exponent accepted by parse().
  static constexpr std::int32_t kMinExponent = -1000;
  static constexpr std::int32_t kMaxExponent = 1000;

  /// Zero, "0".
  Decimal() = default;

  /// Exact conversion from any integer type except bool (INT64_MIN included).
  template <std::integral I>
    requires(!std::same_as<std::remove_cv_t<I>, bool>)
  Decimal(I v) {  // NOLINT(google-explicit-constructor): implicit on purpose
    using U = std::make_unsigned_t<I>;
    bool const neg = v < 0;
    // Unsigned negation is well defined, also for the most negative value.
    U mag = neg ? static_cast<U>(U{0} - static_cast<U>(v)) : static_cast<U>(v);
    std::string digits;
    do {
      digits.push_back(static_cast<char>('0' + static_cast<int>(mag % 10U)));
      mag = static_cast<U>(mag / 10U);
    } while (mag != 0);
    std::reverse(digits.begin(), digits.end());
    digits_ = std::move(digits);
    negative_ = neg;
  }

  /// Parses  [+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?
  /// exactly.  No whitespace, "NaN", "inf" or hex.  The effective exponent
  /// (exponent minus number of fraction digits) must be in [-1000, 1000].
  static ParseResult<Decimal> parse(std::string_view s);

  /// Plain notation, never exponent notation; keeps the scale ("0.10").
  [[nodiscard]] std::string to_string() const;

  [[nodiscard]] bool is_zero() const noexcept { return digits_ == "0"; }
  [[nodiscard]] int signum() const noexcept {
    if (is_zero()) return 0;
    return negative_ ? -1 : 1;
  }
  [[nodiscard]] bool is_negative() const noexcept { return negative_; }
  /// Number of digits after the decimal point (>= 0).
  [[nodiscard]] int scale() const noexcept { return -exponent_; }
  /// value = coefficient * 10^exponent; exponent() == -scale() <= 0.
  [[nodiscard]] std::int32_t exponent() const noexcept { return exponent_; }
  /// Digits of |coefficient|, most significant first, no leading zeros
  /// except a lone "0".
  [[nodiscard]] std::string_view coefficient() const noexcept { return digits_; }

  /// Nearest double (for charts).  Values beyond the double range give
  /// +/-infinity, values too small give (signed) zero.
  [[nodiscard]] double to_double() const;

  /// Hash of the normalised value (consistent with ==).
  [[nodiscard]] std::size_t hash() const noexcept;

  /// The same value without trailing fraction zeros: "0.01000" -> "0.01",
  /// "100.00" -> "100", zero -> "0".  Printing keeps the scale, so sums are
  /// shown with the widest scale unless normalized() first.
  [[nodiscard]] Decimal normalized() const;

  /// The value rounded (or zero-padded) to exactly `places` fraction digits:
  /// "2.345".rounded(2) == "2.34", "1.2".rounded(3) == "1.200".  A result of
  /// zero is never negative ("-0.004".rounded(2) == "0.00").  `places` is
  /// clamped to [0, -kMinExponent]: a negative count rounds to an integer
  /// (no rounding to tens), and no result has more fraction digits than
  /// parse() accepts.
  [[nodiscard]] Decimal rounded(int places,
                                RoundingMode mode = RoundingMode::half_even) const;

  Decimal operator-() const {
    Decimal r = *this;
    if (!r.is_zero()) r.negative_ = !r.negative_;
    return r;
  }
  Decimal operator+() const { return *this; }

  Decimal& operator+=(Decimal const& o) {
    add(o, o.negative_);
    return *this;
  }
  Decimal& operator-=(Decimal const& o) {
    add(o, !o.negative_ && !o.is_zero());
    return *this;
  }
  /// Exact product, scale() == a.scale() + b.scale() ("1.50" * "1.15" ==
  /// "1.7250").  Only when that sum exceeds -kMinExponent (1000) is the
  /// product rounded, half-even, to 1000 fraction digits: it keeps the bound
  /// parse() enforces, and an operator has no error channel.
  Decimal& operator*=(Decimal const& o);
  friend Decimal operator+(Decimal a, Decimal const& b) { return a += b; }
  friend Decimal operator-(Decimal a, Decimal const& b) { return a -= b; }
  friend Decimal operator*(Decimal a, Decimal const& b) { return a *= b; }

  /// Numeric equality: 0.1 == 0.10, 0 == -0.
  friend bool operator==(Decimal const& a, Decimal const& b) {
    return compare(a, b) == 0;
  }
  friend std::weak_ordering operator<=>(Decimal const& a, Decimal const& b) {
    int const c = compare(a, b);
    if (c < 0) return std::weak_ordering::less;
    if (c > 0) return std::weak_ordering::greater;
    return std::weak_ordering::equivalent;
  }

  friend std::ostream& operator<<(std::ostream& os, Decimal const& d) {
    return os << d.to_string();
  }

 private:
  friend struct detail::DecimalFastParse;

  bool negative_ = false;
  std::string digits_ = "0";
  std::int32_t exponent_ = 0;  // always <= 0

  Decimal(bool negative, std::string digits, std::int32_t exponent)
      : negative_(negative), digits_(std::move(digits)), exponent_(exponent) {
    normalise();
  }

  /// Strips leading zeros; zero becomes non-negative.
  void normalise() {
    std::size_t const nz = digits_.find_first_not_of('0');
    if (nz == std::string::npos) {
      digits_ = "0";
      negative_ = false;
    } else if (nz > 0) {
      digits_.erase(0, nz);
    }
  }

  /// -1/0/+1 comparing magnitudes of two digit strings of any length that may
  /// have leading zeros.
  static int compare_magnitude(std::string_view a, std::string_view b) {
    auto strip = [](std::string_view s) {
      std::size_t const nz = s.find_first_not_of('0');
      return nz == std::string_view::npos ? std::string_view{} : s.substr(nz);
    };
    a = strip(a);
    b = strip(b);
    if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
    int const c = a.compare(b);
    return c < 0 ? -1 : (c > 0 ? 1 : 0);
  }

  /// a + b, digit strings aligned on the right.
  static std::string add_magnitude(std::string_view a, std::string_view b) {
    std::string r;
    r.reserve(std::max(a.size(), b.size()) + 1);
    std::size_t i = a.size();
    std::size_t j = b.size();
    int carry = 0;
    while (i > 0 || j > 0 || carry != 0) {
      int sum = carry;
      if (i > 0) sum += a[--i] - '0';
      if (j > 0) sum += b[--j] - '0';
      r.push_back(static_cast<char>('0' + sum % 10));
      carry = sum / 10;
    }
    std::reverse(r.begin(), r.end());
    return r;
  }

  /// a - b for |a| >= |b|, digit strings aligned on the right.
  static std::string subtract_magnitude(std::string_view a, std::string_view b) {
    std::string r;
    r.reserve(a.size());
    std::size_t i = a.size();
    std::size_t j = b.size();
    int borrow = 0;
    while (i > 0) {
      int diff = (a[--i] - '0') - borrow;
      if (j > 0) diff -= b[--j] - '0';
      borrow = diff < 0 ? 1 : 0;
      if (diff < 0) diff += 10;
      r.push_back(static_cast<char>('0' + diff));
    }
    std::reverse(r.begin(), r.end());
    return r;
  }

  /// Rounds or pads the coefficient to exactly target_scale (>= 0) digits.
  void rescale(int target_scale, RoundingMode mode);

  /// Coefficient padded with zeros on the right up to the given scale.
  std::string digits_at_scale(int target_scale) const {
    return digits_ + std::string(static_cast<std::size_t>(target_scale - scale()), '0');
  }

  /// *this += (o with its sign replaced by o_negative).
  void add(Decimal const& o, bool o_negative) {
    int const s = std::max(scale(), o.scale());
    std::string const a = digits_at_scale(s);
    std::string const b = o.digits_at_scale(s);
    if (negative_ == o_negative) {
      digits_ = add_magnitude(a, b);
    } else {
      int const c = compare_magnitude(a, b);
      if (c >= 0) {
        digits_ = subtract_magnitude(a, b);
      } else {
        digits_ = subtract_magnitude(b, a);
        negative_ = o_negative;
      }
    }
    exponent_ = static_cast<std::int32_t>(-s);
    normalise();
  }

  static int compare(Decimal const& a, Decimal const& b) {
    int const sa = a.signum();
    int const sb = b.signum();
    if (sa != sb) return sa < sb ? -1 : 1;
    if (sa == 0) return 0;
    int const s = std::max(a.scale(), b.scale());
    int const mag = compare_magnitude(a.digits_at_scale(s), b.digits_at_scale(s));
    return sa > 0 ? mag : -mag;
  }
};

namespace detail {

/// Decimal::parse for the common shape only: "-"? digits ("." digits)?, at
/// most kMaxLength bytes. Writes exactly what Decimal::parse gives for such
/// text into `out` and returns true; returns false (and leaves `out` alone)
/// for anything else, which then goes to Decimal::parse for its result or
/// its error.
struct DecimalFastParse {
  static constexpr std::size_t kMaxLength = 40;

  static bool parse(std::string_view s, Decimal& out) {
    std::size_t const n = s.size();
    if (n == 0 || n > kMaxLength) return false;
    char const* p = s.data();
    if (n == 1) {  // "0" above all
      if (static_cast<unsigned char>(p[0] - '0') > 9) return false;
      out.negative_ = false;
      if (out.digits_.size() != 1 || out.digits_[0] != p[0]) out.digits_.assign(p, 1);
      out.exponent_ = 0;
      return true;
    }
    std::size_t pos = 0;
    bool const negative = p[0] == '-';
    if (negative) ++pos;
    std::size_t const int_begin = pos;
    while (pos < n && static_cast<unsigned char>(p[pos] - '0') <= 9) ++pos;
    if (pos == int_begin) return false;  // no integer digits (".5", "-", "+1", ...)
    std::size_t const int_end = pos;
    std::size_t frac = 0;
    if (pos < n) {
      if (p[pos] != '.') return false;
      ++pos;
      std::size_t const frac_begin = pos;
      while (pos < n && static_cast<unsigned char>(p[pos] - '0') <= 9) ++pos;
      frac = pos - frac_begin;
      if (frac == 0 || pos != n) return false;  // "1.", "1.2e3", "1.2.3", ...
    }
    // The coefficient: the digits without the point and without leading zeros.
    char buf[kMaxLength];
    std::size_t len = 0;
    for (std::size_t i = int_begin; i < int_end; ++i)
      if (len > 0 || p[i] != '0') buf[len++] = p[i];
    for (std::size_t i = int_end + 1; i < n && frac > 0; ++i)
      if (len > 0 || p[i] != '0') buf[len++] = p[i];
    if (len == 0) {
      out.negative_ = false;  // zero is never negative
      if (out.digits_.size() != 1 || out.digits_[0] != '0') out.digits_.assign("0", 1);
    } else {
      out.negative_ = negative;
      out.digits_.assign(buf, len);
    }
    out.exponent_ = -static_cast<std::int32_t>(frac);
    return true;
  }

  /// Parses s into `out`, engaging it (as a copy of zero: cheaper than
  /// Decimal(), whose "0" goes through strlen) when it is empty.
  static bool parse(std::string_view s, std::optional<Decimal>& out) {
    static Decimal const zero;
    if (!out) out.emplace(zero);
    return parse(s, *out);
  }
};

}  // namespace detail

}  // namespace twilio_usage

template <>
struct std::hash<twilio_usage::Decimal> {
  std::size_t operator()(twilio_usage::Decimal const& d) const noexcept {
    return d.hash();
  }
};

#ifndef TWILIO_USAGE_SEPARATE_COMPILATION
#include "twilio_usage/core/impl/decimal.ipp"
#endif
