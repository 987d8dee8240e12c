// Trigger callbacks: form parsing into TriggerCallback and X-Twilio-Signature.
#include "twilio_usage/twilio_usage.hpp"

#include <doctest/doctest.h>

using namespace twilio_usage;
using webhook::FormParams;

namespace {
FormParams const known_params{{"CallSid", "CA1234567890ABCDE"},
                              {"Caller", "+12349013030"},
                              {"Digits", "1234"},
                              {"From", "+12349013030"},
                              {"To", "+18005551212"}};
constexpr std::string_view known_url = "https://mycompany.com/myapp.php?foo=1&bar=2";
constexpr std::string_view known_signature = "0/KCTR6DLpKmkAf8muzZqo1nDgQ=";
}  // namespace

TEST_CASE("validate_signature: the known answer from Twilio's documentation") {
    CHECK(webhook::validate_signature("12345", known_url, known_params, known_signature));
    // Order of the parameters as received does not matter.
    FormParams shuffled(known_params.rbegin(), known_params.rend());
    CHECK(webhook::validate_signature("12345", known_url, shuffled, known_signature));
}

TEST_CASE("validate_signature rejects tampering, a missing header and the wrong token") {
    auto tampered = known_params;
    tampered[2].second = "1235";
    CHECK_FALSE(webhook::validate_signature("12345", known_url, tampered, known_signature));
    auto extra = known_params;
    extra.emplace_back("Extra", "1");
    CHECK_FALSE(webhook::validate_signature("12345", known_url, extra, known_signature));
    CHECK_FALSE(webhook::validate_signature("12345", known_url, known_params, std::nullopt));
    CHECK_FALSE(webhook::validate_signature("12345", known_url, known_params, ""));
    CHECK_FALSE(webhook::validate_signature("54321", known_url, known_params, known_signature));
    CHECK_FALSE(webhook::validate_signature("12345", "https://mycompany.com/myapp.php?foo=1&bar=3", known_params,
                                            known_signature));
    // Off by one character at the end.
    CHECK_FALSE(webhook::validate_signature("12345", known_url, known_params, "0/KCTR6DLpKmkAf8muzZqo1nDgQ"));
}

TEST_CASE("validate_signature accepts the URL with and without the default port") {
    std::string const token = "secret-token";
    FormParams params{{"AccountSid", "AC00000000000000000000000000000001"}};
    // Signed without the port, verified with it, and the other way round.
    auto sig_plain = webhook::compute_signature(token, "https://example.com/hook?x=1", params);
    CHECK(webhook::validate_signature(token, "https://example.com:443/hook?x=1", params, sig_plain));
    auto sig_port = webhook::compute_signature(token, "https://example.com:443/hook?x=1", params);
    CHECK(webhook::validate_signature(token, "https://example.com/hook?x=1", params, sig_port));
    auto sig_http = webhook::compute_signature(token, "http://example.com/hook", params);
    CHECK(webhook::validate_signature(token, "http://example.com:80/hook", params, sig_http));
    // A non-default port is not interchangeable.
    CHECK_FALSE(webhook::validate_signature(token, "https://example.com:8443/hook?x=1", params, sig_plain));
    CHECK_FALSE(webhook::validate_signature(token, "http://example.com:443/hook?x=1", params, sig_plain));
}

TEST_CASE("validate_signature: repeated parameters and GET (URL only)") {
    std::string const token = "tok";
    FormParams repeated{{"B", "2"}, {"A", "z"}, {"A", "a"}};
    auto sig = webhook::compute_signature(token, "https://example.com/cb", repeated);
    FormParams reordered{{"A", "a"}, {"B", "2"}, {"A", "z"}};
    CHECK(webhook::validate_signature(token, "https://example.com/cb", reordered, sig));
    FormParams one_dropped{{"A", "a"}, {"B", "2"}};
    CHECK_FALSE(webhook::validate_signature(token, "https://example.com/cb", one_dropped, sig));

    // GET: the query is part of the URL, and no parameters are appended.
    std::string const get_url = "https://example.com/cb?AccountSid=AC1&CurrentValue=1001";
    auto get_sig = webhook::compute_signature(token, get_url, {});
    CHECK(webhook::validate_signature(token, get_url, {}, get_sig));
    auto query = webhook::parse_form("AccountSid=AC1&CurrentValue=1001");
    REQUIRE(query.has_value());
    CHECK_FALSE(webhook::validate_signature(token, get_url, *query, get_sig));
}

TEST_CASE("parse_callback reads a POST body into a typed TriggerCallback") {
    std::string body =
        "AccountSid=AC0123456789abcdef0123456789abcdef&UsageTriggerSid=UT0123456789abcdef0123456789abcdef"
        "&DateFired=Sun%2C+06+Sep+2015+12%3A58%3A45+%2B0000&Recurring=daily&UsageCategory=sms"
        "&TriggerBy=count&TriggerValue=%2B1000&CurrentValue=1000.5&UsageRecordUri=%2F2010-04-01%2FAccounts%2FAC0123456789abcdef0123456789abcdef%2FUsage%2FRecords%2FToday.json%3FCategory%3Dsms"
        "&IdempotencyToken=AC0123-UT0123-2015-09-06&Unknown=ignored";
    auto cb = webhook::parse_callback(body);
    REQUIRE(cb.has_value());
    CHECK(cb->account_sid == "AC0123456789abcdef0123456789abcdef");
    CHECK(cb->usage_trigger_sid == "UT0123456789abcdef0123456789abcdef");
    REQUIRE(cb->date_fired);
    CHECK(format_rfc2822(*cb->date_fired) == "Sun, 06 Sep 2015 12:58:45 +0000");
    CHECK(cb->recurring == Recurring::daily);
    REQUIRE(cb->usage_category);
    CHECK(*cb->usage_category == Category::sms);
    CHECK(cb->trigger_by == TriggerBy::count);
    REQUIRE(cb->trigger_value);
    CHECK(cb->trigger_value->to_string() == "1000");
    CHECK(cb->current_value->to_string() == "1000.5");
    CHECK(cb->usage_record_uri ==
          "/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Usage/Records/Today.json?Category=sms");
    CHECK(cb->idempotency_token == "AC0123-UT0123-2015-09-06");
}

TEST_CASE("parse_callback: GET query, unknown category, empty recurring, errors name the field") {
    auto cb = webhook::parse_callback("?UsageCategory=brand-new-category&Recurring=&CurrentValue=12");
    REQUIRE(cb.has_value());
    REQUIRE(cb->usage_category);
    CHECK_FALSE(cb->usage_category->is_known());
    CHECK(cb->usage_category->wire_name() == "brand-new-category");
    CHECK_FALSE(cb->recurring);

    auto bad = webhook::parse_callback("CurrentValue=lots");
    REQUIRE_FALSE(bad.has_value());
    CHECK(bad.error().kind == ErrorKind::decode);
    CHECK(bad.error().field == "CurrentValue");

    auto bad_date = webhook::parse_callback("DateFired=yesterday");
    REQUIRE_FALSE(bad_date.has_value());
    CHECK(bad_date.error().field == "DateFired");

    auto twice = webhook::parse_callback("AccountSid=AC1&AccountSid=AC2");
    REQUIRE_FALSE(twice.has_value());
    CHECK(twice.error().field == "AccountSid");

    auto escape = webhook::parse_callback("AccountSid=%zz");
    REQUIRE_FALSE(escape.has_value());
    CHECK(escape.error().kind == ErrorKind::decode);
    CHECK_FALSE(webhook::parse_form("a=%4").has_value());
}

TEST_CASE("a signed callback end to end: parse the body, validate, then read it") {
    std::string const token = "subaccount-token";
    std::string const url = "https://example.com/thousand-sms";
    std::string const body = "AccountSid=AC0123456789abcdef0123456789abcdef&CurrentValue=1000&TriggerValue=1000";
    auto params = webhook::parse_form(body);
    REQUIRE(params.has_value());
    auto header = webhook::compute_signature(token, url, *params);
    CHECK(webhook::validate_signature(token, url, *params, header));
    CHECK_FALSE(webhook::validate_signature("parent-token", url, *params, header));
    auto cb = webhook::parse_callback(*params);
    REQUIRE(cb.has_value());
    CHECK(cb->current_value == Decimal(1000));
}
