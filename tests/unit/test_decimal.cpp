// Unit tests for twilio_usage::Decimal and ParseResult.
#include "twilio_usage/core/decimal.hpp"
#include "twilio_usage/core/date.hpp"  // second TU includes both headers too (ODR check)

#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_set>

using twilio_usage::Decimal;
using twilio_usage::ParseError;
using twilio_usage::ParseResult;
using twilio_usage::RoundingMode;

namespace {

Decimal dec(std::string_view s) { return Decimal::parse(s).value(); }

std::string round_trip(std::string_view s) { return dec(s).to_string(); }

std::string error_of(std::string_view s) {
  auto r = Decimal::parse(s);
  REQUIRE_MESSAGE(!r, "expected '" << s << "' to be rejected, got " << (r ? r->to_string() : ""));
  return r.error().what;
}

bool contains(std::string const& hay, std::string_view needle) {
  return hay.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("ParseResult::value() throws std::invalid_argument with the message") {
  ParseResult<int> const r = ParseError{"nope: 'x'"};
  REQUIRE_FALSE(r);
  CHECK_THROWS_AS((void)r.value(), std::invalid_argument);
  try {
    (void)r.value();
  } catch (std::invalid_argument const& e) {
    CHECK(std::string(e.what()) == "nope: 'x'");
  }
  ParseResult<int> const ok = 5;
  CHECK(ok.value() == 5);
}

TEST_CASE("quote_input truncates long inputs and escapes control characters") {
  using twilio_usage::detail::quote_input;
  CHECK(quote_input("abc") == "'abc'");
  CHECK(quote_input("") == "''");
  CHECK(quote_input("a\nb") == "'a\\x0Ab'");
  std::string const long_input(1000, '7');
  std::string const q = quote_input(long_input);
  CHECK(q == "'" + std::string(64, '7') + "...'");
  // Never cut inside a UTF-8 sequence: 63 ASCII bytes then "é" (2 bytes).
  std::string const utf8 = std::string(63, 'a') + "\xC3\xA9" + "zzz";
  CHECK(quote_input(utf8) == "'" + std::string(63, 'a') + "...'");
  // A giant decimal input gives a short message.
  auto r = Decimal::parse(std::string(100000, '1') + "x");
  REQUIRE_FALSE(r);
  CHECK(r.error().what.size() < 200);
}

TEST_CASE("values from the seed data") {
  CHECK(round_trip("0.38") == "0.38");
  CHECK(round_trip("2192.84855") == "2192.84855");
  CHECK(round_trip("21") == "21");
  CHECK(round_trip("0") == "0");
  CHECK(dec("0.38").scale() == 2);
  CHECK(dec("2192.84855").scale() == 5);
  CHECK(dec("21").scale() == 0);
  CHECK(dec("21").signum() == 1);
  CHECK(dec("0").is_zero());
  CHECK(dec("0").signum() == 0);
}

TEST_CASE("number forms") {
  CHECK(round_trip("1e-7") == "0.0000001");
  CHECK(dec("1e-7").scale() == 7);
  CHECK(round_trip("1E+2") == "100");
  CHECK(dec("1E+2").scale() == 0);
  CHECK(dec("1E+2") == Decimal(100));
  CHECK(round_trip("1.5e1") == "15");
  CHECK(round_trip("1.25e1") == "12.5");
  CHECK(round_trip("-0.0") == "0.0");
  CHECK(dec("-0.0").is_zero());
  CHECK_FALSE(dec("-0.0").is_negative());
  CHECK(round_trip("-0") == "0");
  CHECK(round_trip("+7") == "7");
  CHECK(round_trip(".5") == "0.5");
  CHECK(round_trip("5.") == "5");
  CHECK(round_trip("-.5") == "-0.5");
  CHECK(round_trip("0.10") == "0.10");
  CHECK(round_trip("-1.50") == "-1.50");
  CHECK(round_trip("007.50") == "7.50");
  CHECK(round_trip("0.000") == "0.000");
  CHECK(round_trip("0e5") == "0");
  CHECK(round_trip("123e-5") == "0.00123");
  CHECK(round_trip("12345678901234567890123456789.123456789") ==
        "12345678901234567890123456789.123456789");
  CHECK(round_trip("1e-1000") == "0." + std::string(999, '0') + "1");
  CHECK(round_trip("1e1000") == "1" + std::string(1000, '0'));
  CHECK(round_trip("0.1e-999") == "0." + std::string(999, '0') + "1");
}

TEST_CASE("40-digit values round-trip byte for byte") {
  for (std::string_view s : {"1234567890123456789012345678901234567890",
                             "-1234567890123456789012345678901234567890",
                             "1234567890123456789.012345678901234567890",
                             "0.0000000000000000000000000000000000000001",
                             "-9999999999999999999999999999999999999999.9999999999999999999999999999999999999999"}) {
    CHECK(round_trip(s) == s);
  }
  std::string const huge = "9" + std::string(5000, '0') + ".5";
  CHECK(round_trip(huge) == huge);
}

TEST_CASE("coefficient and exponent") {
  Decimal const d = dec("-0.0120");
  CHECK(d.coefficient() == "120");
  CHECK(d.exponent() == -4);
  CHECK(d.is_negative());
  CHECK(d.signum() == -1);
  CHECK(Decimal().coefficient() == "0");
  CHECK(Decimal().exponent() == 0);
}

TEST_CASE("rejected forms quote the input") {
  for (std::string_view s :
       {"", " 1", "1 ", "1 000", "\t1", "NaN", "nan", "inf", "-inf", "Infinity", "0x1A", "0x10",
        "1..2", "1.2.3", ".", "+", "-", "+-1", "--1", "1e", "1e+", "1E-", "e5", ".e5", "1e5.5",
        "1,5", "1_000", "\xC3\xA9", "1e-1001", "1e1001", "0.1e-1000", "1e99999999999999999999",
        "1e-99999999999999999999", "12a"}) {
    std::string const msg = error_of(s);
    CHECK_MESSAGE(contains(msg, twilio_usage::detail::quote_input(s)), msg);
  }
  CHECK(contains(error_of("1e1001"), "out of range"));
  CHECK(contains(error_of("1e-1001"), "exponent -1001 is out of range -1000..1000"));
  CHECK(contains(error_of("0." + std::string(1001, '1')), "out of range"));
  CHECK(contains(error_of("1e"), "exponent has no digits"));
  CHECK(contains(error_of("-"), "no digits"));
  CHECK(contains(error_of(""), "empty"));
  CHECK(contains(error_of("1x"), "unexpected character 'x' at offset 1"));
  CHECK_THROWS_AS((void)Decimal::parse("abc").value(), std::invalid_argument);
}

TEST_CASE("integral constructor is exact") {
  CHECK(Decimal().to_string() == "0");
  CHECK(Decimal(0).to_string() == "0");
  CHECK(Decimal(42).to_string() == "42");
  CHECK(Decimal(-42).to_string() == "-42");
  CHECK(Decimal(std::numeric_limits<std::int64_t>::min()).to_string() == "-9223372036854775808");
  CHECK(Decimal(std::numeric_limits<std::int64_t>::max()).to_string() == "9223372036854775807");
  CHECK(Decimal(std::numeric_limits<std::uint64_t>::max()).to_string() == "18446744073709551615");
  CHECK(Decimal(std::numeric_limits<std::int8_t>::min()).to_string() == "-128");
  CHECK(Decimal(static_cast<short>(-7)).to_string() == "-7");
  CHECK(Decimal(7U).to_string() == "7");
  CHECK(Decimal(std::numeric_limits<std::int64_t>::min()) ==
        dec("-9223372036854775808"));
  Decimal const d = 5;  // implicit
  CHECK(d == dec("5.000"));
  static_assert(!std::is_constructible_v<Decimal, bool>);
  static_assert(!std::is_convertible_v<double, Decimal>);
}

TEST_CASE("addition is exact and keeps the larger scale") {
  CHECK((dec("1.5") + dec("2.25")).to_string() == "3.75");
  CHECK((dec("0.10") + dec("0.2")).to_string() == "0.30");
  CHECK(dec("0.1") + dec("0.2") == dec("0.3"));
  CHECK((dec("0.1") + dec("0.2")).to_string() == "0.3");
  CHECK((dec("9.99") + dec("0.01")).to_string() == "10.00");
  CHECK((dec("99999999999999999999") + Decimal(1)).to_string() == "100000000000000000000");
  CHECK((dec("1E+2") + dec("0.5")).to_string() == "100.5");

  Decimal sum;
  Decimal const step = dec("0.00001");
  for (int i = 0; i < 1000; ++i) sum += step;
  CHECK(sum == dec("0.01"));
  CHECK(sum.to_string() == "0.01000");

  Decimal x = dec("1.5");
  Decimal const& x_alias = x;
  x += x_alias;  // aliasing
  CHECK(x.to_string() == "3.0");
}

TEST_CASE("subtraction, crossing zero, unary minus") {
  CHECK((dec("1.00") - dec("2.5")).to_string() == "-1.50");
  CHECK((dec("-1.5") - dec("-2.5")).to_string() == "1.0");
  CHECK((dec("2.5") - dec("2.50")).to_string() == "0.00");
  CHECK((dec("2.5") - dec("2.50")).signum() == 0);
  CHECK_FALSE((dec("2.5") - dec("2.50")).is_negative());
  CHECK((dec("0.3") - dec("0.1") - dec("0.2")).is_zero());
  CHECK((Decimal(0) - dec("0.01")).to_string() == "-0.01");
  CHECK((dec("-0.01") + dec("0.01")).to_string() == "0.00");
  CHECK((dec("-5") + dec("3")).to_string() == "-2");
  CHECK((dec("-3") + dec("5")).to_string() == "2");
  CHECK((dec("100") - dec("0.001")).to_string() == "99.999");
  CHECK((-dec("1.50")).to_string() == "-1.50");
  CHECK((-dec("-1.50")).to_string() == "1.50");
  CHECK((-Decimal(0)).to_string() == "0");
  CHECK_FALSE((-Decimal(0)).is_negative());
  CHECK((Decimal(0) - Decimal(0)).to_string() == "0");
  Decimal y = dec("7.25");
  Decimal const& y_alias = y;
  y -= y_alias;  // aliasing
  CHECK(y.to_string() == "0.00");
  Decimal z = dec("1");
  z -= dec("3.5");
  CHECK(z.to_string() == "-2.5");
}

TEST_CASE("comparison is numeric across scales and signs") {
  CHECK(dec("0.1") == dec("0.10"));
  CHECK(dec("0") == dec("-0"));
  CHECK(dec("0") == dec("0.000"));
  CHECK(dec("-0.0") == Decimal(0));
  CHECK(dec("100") == dec("1E+2"));
  CHECK(dec("100") == dec("100.000"));
  CHECK(dec("0.1") != dec("0.01"));
  CHECK(dec("0.09") < dec("0.1"));
  CHECK(dec("1.10") > dec("1.09"));
  CHECK(dec("-1") < dec("0"));
  CHECK(dec("-2") < dec("-1.5"));
  CHECK(dec("-0.001") < dec("0"));
  CHECK(dec("0") < dec("0.001"));
  CHECK(dec("10") > dec("9.999999"));
  CHECK(dec("1e-1000") > Decimal(0));
  CHECK(Decimal(2) > dec("1.99"));
  CHECK(dec("2.0") >= Decimal(2));
  CHECK(dec("2.0") <= Decimal(2));
  CHECK((dec("0.1") <=> dec("0.100")) == std::weak_ordering::equivalent);
  CHECK((dec("-3") <=> dec("-30")) == std::weak_ordering::greater);
  CHECK((dec("123") <=> dec("1234")) == std::weak_ordering::less);
  CHECK(0 < dec("0.5"));  // implicit conversion on the left
  static_assert(std::is_same_v<decltype(dec("1") <=> dec("2")), std::weak_ordering>);
}

TEST_CASE("hash is consistent with ==") {
  std::hash<Decimal> const h;
  CHECK(h(dec("0.1")) == h(dec("0.10")));
  CHECK(h(dec("0.1")) == h(dec("0.1000000")));
  CHECK(h(dec("0")) == h(dec("-0.000")));
  CHECK(h(dec("100")) == h(dec("1E+2")));
  CHECK(h(dec("100")) == h(dec("100.00")));
  CHECK(h(dec("10")) == h(dec("10.0")));
  CHECK(h(Decimal(5)) == h(dec("5.0")));
  CHECK(h(dec("1")) != h(dec("-1")));  // not required, but expected

  std::unordered_set<Decimal> set;
  set.insert(dec("0.10"));
  set.insert(dec("0.1"));
  set.insert(dec("0.100"));
  set.insert(dec("0"));
  set.insert(dec("-0.0"));
  set.insert(dec("10"));
  set.insert(dec("10.00"));
  set.insert(dec("1"));
  CHECK(set.size() == 4);
  CHECK(set.count(dec("1.000")) == 1);
}

TEST_CASE("to_double and operator<<") {
  CHECK(dec("0.38").to_double() == 0.38);
  CHECK(dec("-2192.84855").to_double() == -2192.84855);
  CHECK(dec("1e-7").to_double() == 1e-7);
  CHECK(Decimal(0).to_double() == 0.0);
  CHECK(std::isinf(dec("1e400").to_double()));
  CHECK(dec("-1e400").to_double() < 0);
  CHECK(dec("1e-400").to_double() == 0.0);

  std::ostringstream os;
  os << dec("-1.50") << ' ' << dec("1e-7") << ' ' << Decimal(3);
  CHECK(os.str() == "-1.50 0.0000001 3");
}

TEST_CASE("normalized() drops trailing fraction zeros, printing keeps the scale") {
  CHECK(dec("0.01000").normalized().to_string() == "0.01");
  CHECK(dec("158.9630").normalized().to_string() == "158.963");
  CHECK(dec("100.00").normalized().to_string() == "100");
  CHECK(dec("100").normalized().to_string() == "100");
  CHECK(dec("-0.0").normalized().to_string() == "0");
  CHECK(dec("0.000").normalized().scale() == 0);
  CHECK_FALSE(dec("-0.000").normalized().is_negative());
  CHECK(dec("-1.50").normalized().to_string() == "-1.5");
  CHECK(dec("1.25").normalized().to_string() == "1.25");
  CHECK(dec("1e-1000").normalized().to_string() == dec("1e-1000").to_string());
  CHECK(dec("1.5e3").normalized().to_string() == "1500");
  Decimal const d = dec("2.500");
  CHECK(d.normalized() == d);
  CHECK(d.normalized().hash() == d.hash());
  CHECK(d.to_string() == "2.500");  // unchanged

  // The reported case: a sum prints with the widest scale; normalized() does not.
  Decimal const sum = dec("158.9") + dec("0.0630");
  CHECK(sum.to_string() == "158.9630");
  std::ostringstream os;
  os << sum << ' ' << sum.normalized();
  CHECK(os.str() == "158.9630 158.963");
}

TEST_CASE("rounded() gives exactly `places` fraction digits in each mode") {
  auto r = [](std::string_view s, int places, RoundingMode m) {
    return dec(s).rounded(places, m).to_string();
  };
  using enum RoundingMode;
  // Ties.
  CHECK(r("2.345", 2, half_even) == "2.34");
  CHECK(r("2.355", 2, half_even) == "2.36");
  CHECK(r("2.345", 2, half_up) == "2.35");
  CHECK(r("-2.345", 2, half_up) == "-2.35");
  CHECK(r("-2.345", 2, half_even) == "-2.34");
  CHECK(r("2.345", 2, down) == "2.34");
  CHECK(r("2.345", 2, up) == "2.35");
  CHECK(r("-2.345", 2, down) == "-2.34");
  CHECK(r("-2.345", 2, up) == "-2.35");
  // Past the tie: half_even looks at every dropped digit, not just the first.
  CHECK(r("2.3450001", 2, half_even) == "2.35");
  CHECK(r("2.3449999", 2, half_up) == "2.34");
  CHECK(r("2.3400001", 2, up) == "2.35");
  CHECK(r("2.3499999", 2, down) == "2.34");
  // Exact values are not moved by any mode.
  for (RoundingMode m : {half_even, half_up, down, up}) {
    CHECK(r("2.340", 2, m) == "2.34");
    CHECK(r("-7", 0, m) == "-7");
  }
  // The default mode is half_even.
  CHECK(dec("0.125").rounded(2).to_string() == "0.12");
  CHECK(dec("0.135").rounded(2).to_string() == "0.14");
  // Padding.
  CHECK(dec("1.2").rounded(3).to_string() == "1.200");
  CHECK(dec("5").rounded(2).to_string() == "5.00");
  CHECK(dec("0").rounded(2).to_string() == "0.00");
  // Carry through nines into a new digit.
  CHECK(r("9.995", 2, half_up) == "10.00");
  CHECK(r("-99.9", 0, half_even) == "-100");
  CHECK(r("0.999", 2, up) == "1.00");
  // To an integer; the whole coefficient is dropped.
  CHECK(r("0.5", 0, half_even) == "0");
  CHECK(r("1.5", 0, half_even) == "2");
  CHECK(r("2.5", 0, half_even) == "2");
  CHECK(r("0.5", 0, half_up) == "1");
  CHECK(r("0.0001", 0, up) == "1");
  CHECK(r("-0.0001", 0, up) == "-1");
  CHECK(r("0.0001", 2, half_up) == "0.00");
  // Rounded to zero is never negative.
  CHECK(r("0.004", 2, half_even) == "0.00");
  CHECK(r("-0.004", 2, half_even) == "0.00");
  CHECK_FALSE(dec("-0.004").rounded(2).is_negative());
  CHECK(dec("-0.004").rounded(2).signum() == 0);
  CHECK(r("-0.4", 0, down) == "0");
  CHECK(dec("-0.005").rounded(2, half_up).to_string() == "-0.01");
  // Exactly `places` digits even when the coefficient is long.
  Decimal const big = dec("12345678901234567890.12345678901234567890");
  CHECK(big.rounded(5).to_string() == "12345678901234567890.12346");
  CHECK(big.rounded(5).scale() == 5);
  CHECK(dec("1.25").rounded(1).scale() == 1);
}

TEST_CASE("rounded() clamps places to [0, -kMinExponent]") {
  // A negative count rounds to an integer (it does not round to tens).
  CHECK(dec("1234.5").rounded(-2).to_string() == "1234");
  CHECK(dec("1234.5").rounded(-2, RoundingMode::half_up).to_string() == "1235");
  CHECK(dec("1.5").rounded(std::numeric_limits<int>::min()).to_string() == "2");
  CHECK(dec("-0.3").rounded(-1).to_string() == "0");
  // More than parse() accepts pads only up to the bound, so it parses back.
  Decimal const wide = dec("1.5").rounded(std::numeric_limits<int>::max());
  CHECK(wide.scale() == -Decimal::kMinExponent);
  CHECK(wide == dec("1.5"));
  CHECK(Decimal::parse(wide.to_string()).has_value());
}

TEST_CASE("multiplication is exact and adds the scales") {
  CHECK((dec("1.50") * dec("1.15")).to_string() == "1.7250");
  CHECK((dec("0.38") * dec("1.15")).to_string() == "0.4370");
  CHECK((dec("0.1") * dec("0.2")).to_string() == "0.02");
  CHECK((dec("-1.5") * dec("2")).to_string() == "-3.0");
  CHECK((dec("-1.5") * dec("-2.0")).to_string() == "3.00");
  CHECK((dec("1.5") * dec("-0.5")).to_string() == "-0.75");
  CHECK((dec("12345678901234567890") * dec("98765432109876543210")).to_string() ==
        "1219326311370217952237463801111263526900");
  CHECK((dec("99999999999999999999.99") * dec("99999999999999999999.99")).to_string() ==
        "9999999999999999999998000000000000000000.0001");
  // Zero keeps the scale and is never negative.
  CHECK((dec("-1.5") * Decimal(0)).to_string() == "0.0");
  CHECK_FALSE((dec("-1.5") * dec("0.00")).is_negative());
  CHECK((dec("-1.5") * dec("0.00")).to_string() == "0.000");

  // Markup on a price, then rounded to cents.
  Decimal const price = dec("2192.84855");
  Decimal const marked_up = price * Decimal::parse("1.15").value();
  CHECK(marked_up.to_string() == "2521.7758325");
  CHECK(marked_up.rounded(2).to_string() == "2521.78");

  Decimal x = dec("1.5");
  x *= dec("1.5");
  CHECK(x.to_string() == "2.25");
  Decimal const& x_alias = x;
  x *= x_alias;  // aliasing
  CHECK(x.to_string() == "5.0625");
  Decimal n = dec("-0.5");
  n *= n;
  CHECK(n.to_string() == "0.25");

  // With integers, through the implicit constructor, on either side.
  Decimal const d = dec("2.50");
  CHECK((d * 3).to_string() == "7.50");
  CHECK((3 * d).to_string() == "7.50");
  CHECK((d * -3).to_string() == "-7.50");
  CHECK((d * std::numeric_limits<std::uint64_t>::max()).to_string() ==
        "46116860184273879037.50");
  CHECK((Decimal(std::numeric_limits<std::int64_t>::min()) * -1).to_string() ==
        "9223372036854775808");
  Decimal y = dec("0.1");
  y *= 10;
  CHECK(y.to_string() == "1.0");
  static_assert(std::is_same_v<decltype(d * 3), Decimal>);
  static_assert(std::is_same_v<decltype(3 * d), Decimal>);
}

TEST_CASE("a product past the scale bound is rounded half-even to -kMinExponent digits") {
  int const bound = -Decimal::kMinExponent;
  // 1e-600 * 1e-600 = 1e-1200: below half a unit of the last digit, so zero.
  Decimal const tiny = dec("1e-600") * dec("1e-600");
  CHECK(tiny.is_zero());
  CHECK(tiny.scale() == bound);
  // 0.5e-500 * 1e-500 = 5e-1001: a tie, to the even neighbour (0).
  CHECK((dec("5e-501") * dec("1e-500")).is_zero());
  // 1.5e-1000 exactly: a tie, rounded up to the even 2e-1000.
  Decimal const tie = dec("15e-501") * dec("1e-500");
  CHECK(tie.scale() == bound);
  CHECK(tie == dec("2e-1000"));
  // Negative, past the tie.
  Decimal const neg = dec("-16e-501") * dec("1e-500");
  CHECK(neg == dec("-2e-1000"));
  CHECK(neg.is_negative());
  // Exactly at the bound nothing is rounded.
  Decimal const at = dec("3e-500") * dec("7e-500");
  CHECK(at == dec("21e-1000"));
  CHECK(at.scale() == bound);
  // Every product parses back.
  CHECK(Decimal::parse((dec("0.1e-999") * dec("0.123")).to_string()).has_value());
}

TEST_CASE("comparison with integers is exact, on either side") {
  Decimal const three = dec("3.00");
  CHECK(three == 3);
  CHECK(3 == three);
  CHECK(three != 4);
  CHECK(dec("3.01") != 3);
  CHECK(dec("9.99") < 10);
  CHECK_FALSE(dec("10.00") < 10);
  CHECK(dec("10.01") > 10);
  CHECK(0 < dec("0.001"));
  CHECK(dec("-0.001") < 0);
  CHECK(dec("-0.0") == 0);
  CHECK((dec("2.5") <=> 2) == std::weak_ordering::greater);
  CHECK((2 <=> dec("2.5")) == std::weak_ordering::less);

  auto const i64min = std::numeric_limits<std::int64_t>::min();
  auto const u64max = std::numeric_limits<std::uint64_t>::max();
  CHECK(dec("-9223372036854775808.000") == i64min);
  CHECK(i64min == dec("-9223372036854775808"));
  CHECK(dec("-9223372036854775808.001") < i64min);
  CHECK(dec("-9223372036854775807.999") > i64min);
  CHECK(dec("18446744073709551615.0") == u64max);
  CHECK(dec("18446744073709551615.001") > u64max);
  CHECK(dec("18446744073709551614.999") < u64max);
  CHECK(u64max < dec("18446744073709551616"));
  // Above 2^53: a double could not tell these apart.
  CHECK(dec("9007199254740993") == std::int64_t{9007199254740993});
  CHECK(dec("9007199254740993") != std::int64_t{9007199254740992});
  static_assert(!std::is_convertible_v<double, Decimal>);  // no inexact mixing
}
