// The decoder's fast paths (decimals, dates, ISO 8601 timestamps) give
// exactly what the general parsers give: the same value for every input they
// take, and no say at all on anything else, which then gets the general
// parser's result or error text, word for word.
#include "twilio_usage/types.hpp"

#include <doctest/doctest.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

using namespace twilio_usage;

namespace {

// Every string of length 0..max_len over `alphabet`.
std::vector<std::string> all_strings(std::string_view alphabet, std::size_t max_len) {
    std::vector<std::string> out{""};
    std::vector<std::string> level{""};
    for (std::size_t len = 1; len <= max_len; ++len) {
        std::vector<std::string> next;
        for (auto const& prefix : level)
            for (char c : alphabet) next.push_back(prefix + c);
        out.insert(out.end(), next.begin(), next.end());
        level = std::move(next);
    }
    return out;
}

// What the decoder makes of one string (or number) value of a field of type T:
// the value, or what it expected.
template <class T>
std::pair<std::optional<T>, std::string> decode_field(std::string_view text, ValueType type,
                                                      detail::Scalar::Kind kind = detail::Scalar::string) {
    std::optional<T> out;
    std::string why;
    bool const ok = detail::assign_optional(out, detail::Scalar{kind, false, text}, type, why);
    CHECK(ok == out.has_value());
    CHECK(ok == why.empty());
    return {out, why};
}

void same_decimal(Decimal const& a, Decimal const& b) {
    CHECK(a.is_negative() == b.is_negative());
    CHECK(a.coefficient() == b.coefficient());
    CHECK(a.exponent() == b.exponent());
    CHECK(a.to_string() == b.to_string());
}

// The decoder (fast path or not) against Decimal::parse alone.
void check_decimal(std::string const& text) {
    CAPTURE(text);
    auto const general = Decimal::parse(text);
    for (auto kind : {detail::Scalar::string, detail::Scalar::number}) {
        auto const [value, why] = decode_field<Decimal>(text, ValueType::decimal, kind);
        if (general) {
            REQUIRE(value.has_value());
            same_decimal(*value, *general);
        } else {
            CHECK(!value.has_value());
            CHECK(why == "a decimal (" + general.error().what + ")");
        }
    }
    // A field given twice: the second value replaces the first, or empties the field.
    {
        std::optional<Decimal> used = Decimal::parse("-123.456").value();
        std::string why;
        bool const ok = detail::assign_optional(used, detail::Scalar{detail::Scalar::string, false, text},
                                                ValueType::decimal, why);
        CHECK(ok == general.has_value());
        CHECK(used.has_value() == general.has_value());
        if (general && used) same_decimal(*used, *general);
    }
    // The fast path alone: when it takes the text, exactly Decimal::parse's value.
    Decimal fast = Decimal::parse("-123.456").value();  // a used value: every part is rewritten
    if (detail::DecimalFastParse::parse(text, fast)) {
        REQUIRE(general.has_value());
        same_decimal(fast, *general);
    }
}

Date ymd(int y, int m, int d) {
    return Date{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
                std::chrono::day{static_cast<unsigned>(d)}};
}

std::string two(int v) { return std::string{static_cast<char>('0' + v / 10 % 10), static_cast<char>('0' + v % 10)}; }
std::string four(int v) { return two(v / 100) + two(v % 100); }

void check_date(std::string const& text) {
    CAPTURE(text);
    auto const general = detail::parse_date_general(text);
    Date fast{};
    if (detail::parse_date_fast(text, fast)) {
        REQUIRE(general.has_value());
        CHECK(fast == *general);
    }
    auto const whole = parse_date(text);
    CHECK(whole.has_value() == general.has_value());
    if (general) {
        CHECK(*whole == *general);
    } else {
        CHECK(whole.error().what == general.error().what);
    }
    auto const [value, why] = decode_field<Date>(text, ValueType::date);
    if (general) {
        CHECK(value == *general);
    } else {
        CHECK(why == "a date YYYY-MM-DD (" + general.error().what + ")");
    }
}

void check_iso(std::string const& text) {
    CAPTURE(text);
    auto const general = detail::parse_iso8601_general(text);
    Timestamp fast{};
    if (detail::parse_iso8601_fast(text, fast)) {
        REQUIRE(general.has_value());
        CHECK(fast == *general);
    }
    auto const whole = parse_iso8601(text);
    CHECK(whole.has_value() == general.has_value());
    if (general) {
        CHECK(*whole == *general);
    } else {
        CHECK(whole.error().what == general.error().what);
    }
    // The decoder: ISO 8601 first, then RFC 2822, the ISO error if neither.
    auto const [value, why] = decode_field<Timestamp>(text, ValueType::iso8601_timestamp);
    if (general) {
        CHECK(value == *general);
    } else if (auto const rfc = parse_rfc2822(text)) {
        CHECK(value == *rfc);
    } else {
        CHECK(why == "an ISO 8601 timestamp (" + general.error().what + ")");
    }
}

}  // namespace

TEST_CASE("decimal fast path: the same value as Decimal::parse, or no say") {
    for (auto const& text : all_strings("0159.-+e", 5)) check_decimal(text);
    for (char const* text :
         {"0", "00", "-0", "-0.000", "0.10", "1.0428", "2.6781", "0.05", "-1.5", "000123.4500", "123456789012345678",
          "1234567890123456789012345678901234567890", "12345678901234567890123456789012345678901",
          "0.0000000000000000000000000000000000001", "9999999999999999.99999999999999999999999"})
        check_decimal(text);
}

TEST_CASE("the fast paths take the common shapes") {
    Decimal d;
    CHECK(detail::DecimalFastParse::parse("0", d));
    CHECK(detail::DecimalFastParse::parse("1.0428", d));
    CHECK(d.to_string() == "1.0428");
    CHECK(detail::DecimalFastParse::parse("-0.00", d));
    CHECK(d.to_string() == "0.00");
    CHECK_FALSE(d.is_negative());
    Date date{};
    CHECK(detail::parse_date_fast("2024-06-28", date));
    CHECK(date == ymd(2024, 6, 28));
    Timestamp t{};
    CHECK(detail::parse_iso8601_fast("2024-06-30T00:00:00+00:00", t));
    CHECK(t == std::chrono::sys_days{ymd(2024, 6, 30)});
    CHECK(detail::parse_iso8601_fast("2024-06-30T01:30:00+01:30", t));
    CHECK(t == std::chrono::sys_days{ymd(2024, 6, 30)});
    CHECK(detail::parse_iso8601_fast("2024-06-30T23:00:00-01:00Z", t) == false);
    CHECK(detail::parse_iso8601_fast("2024-06-29T23:00:00-01:00", t));
    CHECK(t == std::chrono::sys_days{ymd(2024, 6, 30)});
    CHECK(detail::parse_iso8601_fast("2024-06-30T00:00:00Z", t));
}

TEST_CASE("decimal fast path: near misses take the general path and its error") {
    // "1." and ".5" parse (general path); "1.e" and "--1" do not.
    for (char const* text : {"1.", ".5", "+1", "1e2", "1E+2", "-.5", "1.2.3", "1.e", "--1", "-", "", " 1", "1 ", "0x1"})
        CHECK_FALSE(detail::DecimalFastParse::parse(text, *std::make_unique<Decimal>()));
    check_decimal("1.");
    CHECK(decode_field<Decimal>("1.e", ValueType::decimal).second ==
          "a decimal ('1.e' is not a decimal number: exponent has no digits)");
    CHECK(decode_field<Decimal>("--1", ValueType::decimal).second ==
          "a decimal ('--1' is not a decimal number: unexpected character '-' at offset 1)");
}

TEST_CASE("date fast path: the same date as the general parser, or no say") {
    for (int y : {0, 1, 4, 100, 1900, 1970, 2000, 2023, 2024, 2100, 9999})
        for (int m = 0; m <= 13; ++m)
            for (int d = 0; d <= 32; ++d) check_date(four(y) + "-" + two(m) + "-" + two(d));
    for (char const* text : {"2024-6-01", "2024/06/01", " 2024-06-01", "2024-06-01 ", "2024-0a-01", "202a-06-01",
                             "2024-06-1a", "2024-06-011", "", "2024-06-01T00:00:00Z", "2024-06-\x80" "1"})
        check_date(text);
    // A near miss in shape and in range: the general path's words.
    Date unused{};
    CHECK_FALSE(detail::parse_date_fast("2023-02-29", unused));
    CHECK(decode_field<Date>("2023-02-29", ValueType::date).second ==
          "a date YYYY-MM-DD (day 29 is out of range 01..28 for 2023-02 in '2023-02-29')");
    CHECK(decode_field<Date>("2024-02-29", ValueType::date).first == ymd(2024, 2, 29));
}

TEST_CASE("ISO 8601 fast path: the same instant as the general parser, or no say") {
    std::vector<std::string> dates;
    for (int y : {0, 1, 1970, 2024, 9998, 9999})
        for (std::string md : {"01-01", "02-29", "12-31", "13-01", "00-10", "04-31", "06-00"})
            dates.push_back(four(y) + "-" + md);
    dates.push_back("2023-02-29");
    std::vector<std::string> const times = {"00:00:00", "23:59:59", "24:00:00", "12:60:00", "12:00:60", "1a:00:00"};
    std::vector<std::string> const zones = {"Z",      "+00:00", "-00:00", "+23:59", "-23:59", "+24:00", "+05:60",
                                            "+0530",  "-0530",  "z",      "",       "+00:0",  "+00:000", "Z ",
                                            ".5Z",    ".123+01:00", "+0a:00", "-00:a0", "+00-00", "+00:00Z"};
    for (auto const& date : dates)
        for (auto const& time : times)
            for (auto const& zone : zones) check_iso(date + "T" + time + zone);
    for (char const* text : {"2024-06-30t00:00:00Z", "2024-06-30 00:00:00Z", "2024-06-30T00:00Z", "",
                             "2024-06-30T00:00:00+00:00 ", "Sun, 30 Jun 2024 00:00:00 +0000"})
        check_iso(text);
    // Year 9999 plus a negative offset falls in 10000 UTC: the general path says so.
    Timestamp unused{};
    CHECK_FALSE(detail::parse_iso8601_fast("9999-12-31T23:00:00-05:00", unused));
    CHECK(decode_field<Timestamp>("9999-12-31T23:00:00-05:00", ValueType::iso8601_timestamp).second ==
          "an ISO 8601 timestamp (the instant falls in the year 10000 UTC, outside 0000..9999 in "
          "'9999-12-31T23:00:00-05:00')");
    CHECK_FALSE(detail::parse_iso8601_fast("2024-06-30T24:00:00+00:00", unused));
    CHECK(decode_field<Timestamp>("2024-06-30T24:00:00+00:00", ValueType::iso8601_timestamp).second ==
          "an ISO 8601 timestamp (hour 24 is out of range 00..23 in '2024-06-30T24:00:00+00:00')");
}

namespace {

// One record with the given start_date, end_date and as_of (JSON values).
std::string record_json(std::string_view start, std::string_view end, std::string_view as_of) {
    return "{\"start_date\":" + std::string(start) + ",\"end_date\":" + std::string(end) +
           ",\"as_of\":" + std::string(as_of) + "}";
}

}  // namespace

TEST_CASE("dates and timestamps a page repeats: the same values as each record alone") {
    // Each line is one record; the decoder remembers the last text of each
    // date/timestamp field, so repeats, near repeats, nulls and a memo that
    // must not match an empty text all come up.
    std::vector<std::string> const records = {
        record_json(R"("2024-06-28")", R"("2024-06-28")", R"("2024-06-30T00:00:00+00:00")"),
        record_json(R"("2024-06-28")", R"("2024-06-28")", R"("2024-06-30T00:00:00+00:00")"),
        record_json(R"("2024-06-29")", R"("2024-06-28")", R"("2024-06-30T00:00:00+00:01")"),
        record_json("null", "null", "null"),
        record_json(R"("2024-06-29")", R"("2024-06-28")", R"("2024-06-30T00:00:00+00:01")"),
        record_json(R"("2024-06-28")", R"("2024-06-29")", R"("Sun, 30 Jun 2024 00:00:00 +0000")"),
        record_json(R"("2024-06-28")", R"("2024-06-29")", R"("Sun, 30 Jun 2024 00:00:00 +0000")"),
        record_json(R"("0000-01-01")", R"("9999-12-31")", R"("0000-01-01T01:00:00+01:00")"),
        record_json(R"("0000-01-01")", R"("9999-12-31")", R"("0000-01-01T01:00:00+01:00")"),
    };
    std::string body = R"({"usage_records":[)";
    for (std::size_t i = 0; i < records.size(); ++i) body += (i ? "," : "") + records[i];
    body += "]}";
    auto const page = decode_page<UsageRecord>(body, "usage_records");
    REQUIRE_MESSAGE(page.has_value(), (page ? "" : page.error().to_string()));
    REQUIRE(page->items.size() == records.size());
    for (std::size_t i = 0; i < records.size(); ++i) {
        CAPTURE(i);
        auto const alone = decode_json<UsageRecord>(records[i]);
        REQUIRE(alone.has_value());
        CHECK(page->items[i] == *alone);
    }
    CHECK(page->items[2].start_date == Date{std::chrono::year{2024} / 6 / 29});
    CHECK(page->items[2].as_of == Timestamp{std::chrono::sys_days{std::chrono::year{2024} / 6 / 29}} +
                                      std::chrono::hours{23} + std::chrono::minutes{59});
    CHECK_FALSE(page->items[3].start_date.has_value());

    // Nothing remembered yet: an empty text is no date (nor a remembered one).
    auto const empty_first = decode_page<UsageRecord>(R"({"usage_records":[{"start_date":""}]})", "usage_records");
    REQUIRE_FALSE(empty_first.has_value());
    CHECK(empty_first.error().message ==
          "expected a date YYYY-MM-DD ('' is not a date in YYYY-MM-DD form), found \"\"");
    auto const empty_as_of = decode_json<UsageRecord>(R"({"as_of":""})");
    REQUIRE_FALSE(empty_as_of.has_value());
    CHECK(empty_as_of.error().field == "UsageRecord.as_of");

    // A remembered text, then an empty one and a near miss: the general errors.
    for (auto const& [second, expected] : std::vector<std::pair<std::string, std::string>>{
             {R"("")", "expected a date YYYY-MM-DD ('' is not a date in YYYY-MM-DD form), found \"\""},
             {R"("2024-06-2")",
              "expected a date YYYY-MM-DD ('2024-06-2' is not a date in YYYY-MM-DD form), found \"2024-06-2\""},
             {R"("2023-02-29")",
              "expected a date YYYY-MM-DD (day 29 is out of range 01..28 for 2023-02 in '2023-02-29'), found "
              "\"2023-02-29\""}}) {
        CAPTURE(second);
        auto const bad = decode_page<UsageRecord>(
            R"({"usage_records":[{"start_date":"2024-06-28"},{"start_date":)" + second + "}]}", "usage_records");
        REQUIRE_FALSE(bad.has_value());
        CHECK(bad.error().field == "page.usage_records[1].start_date");
        CHECK(bad.error().message == expected);
    }
}
