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
#include <unordered_set>

using twilio_usage::Decimal;
using twilio_usage::ParseError;
using twilio_usage::ParseResult;

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
