// Query builders: what goes on the wire, the run-time checks, and the
// compile-time rules as named checks (the failing snippets live in
// tests/compile_fail).
#include "twilio_usage/types.hpp"

#include <doctest/doctest.h>

using namespace twilio_usage;
using namespace twilio_usage::literals;
using namespace std::chrono;

namespace {
Date const today = year{2024} / March / 15;

template <class Q, class V = char const*>
concept takes_plain_string_recurring = requires(Q q, V v) { q.recurring(v); };
}

TEST_CASE("records query encodes in the spec's order with exact wire names") {
    auto q = RecordsQuery{}
                 .page_size(1000)
                 .category("calls-inbound"_category)
                 .end_date(Date{year{2012} / 9 / 30})
                 .start_date(Date{year{2012} / 9 / 1})
                 .include_subaccounts(false);
    CHECK(q.encode(today).value() ==
          "Category=calls-inbound&StartDate=2012-09-01&EndDate=2012-09-30&IncludeSubaccounts=false&PageSize=1000");
    CHECK(RecordsQuery{}.encode(today).value() == "");
    // Day offsets go out resolved against today, so a stored URI means the same dates tomorrow.
    CHECK(RecordsQuery{}.start_date(DayOffset{-30}).end_date(DayOffset{30}).encode(today).value() ==
          "StartDate=2024-02-14&EndDate=2024-04-14");
    CHECK(RecordsQuery{}.start_date(DayOffset{-30}).encode(Date{year{2024} / March / 16}).value() ==
          "StartDate=2024-02-15");
}

TEST_CASE("a relative trigger value goes out as %2B, text is percent-encoded") {
    auto t = TriggerCreate{}
                 .friendly_name("1000 messages caf\xc3\xa9 & more")
                 .usage_category(Category::sms)
                 .trigger_value("+1000")
                 .callback_url("http://example.com/thousand-sms?a=1&b=2")
                 .trigger_by(TriggerBy::count);
    CHECK(t.encode(today).value() ==
          "CallbackUrl=http%3A%2F%2Fexample.com%2Fthousand-sms%3Fa%3D1%26b%3D2&TriggerValue=%2B1000&UsageCategory=sms"
          "&FriendlyName=1000%20messages%20caf%C3%A9%20%26%20more&TriggerBy=count");
    auto absolute = TriggerCreate{}.callback_url("https://x.test/").trigger_value(1000).usage_category(Category::sms);
    CHECK(absolute.encode(today).value() == "CallbackUrl=https%3A%2F%2Fx.test%2F&TriggerValue=1000&UsageCategory=sms");
    auto relative = TriggerCreate{}
                        .callback_url("https://x.test/")
                        .trigger_value(TriggerValue::relative(Decimal::parse("0.50").value()))
                        .usage_category(Category::totalprice)
                        .trigger_by(TriggerBy::price)
                        .recurring(Recurring::monthly)
                        .callback_method(CallbackMethod::get);
    CHECK(relative.encode(today).value() ==
          "CallbackUrl=https%3A%2F%2Fx.test%2F&TriggerValue=%2B0.50&UsageCategory=totalprice&CallbackMethod=GET"
          "&Recurring=monthly&TriggerBy=price");
}

TEST_CASE("a date that is not on the calendar is refused before sending") {
    auto feb30 = RecordsQuery{}.start_date(Date{year{2024} / 2 / 30}).encode(today);
    REQUIRE_FALSE(feb30.has_value());
    CHECK(feb30.error().kind == ErrorKind::invalid_request);
    CHECK(feb30.error().field == "start_date");
    CHECK(feb30.error().message == "start_date (StartDate) 2024-02-30 is not a date of the calendar");
    auto month13 = RecordsQuery{}.end_date(Date{year{2024} / 13 / 1}).encode(today);
    REQUIRE_FALSE(month13.has_value());
    CHECK(month13.error().field == "end_date");
    CHECK(RecordsQuery{}.start_date(Date{year{2024} / 2 / 29}).encode(today).has_value());  // a leap day is fine
}

TEST_CASE("enum parameters send known values, and a raw one only when written as one") {
    CHECK(TriggersQuery{}.recurring(Recurring::daily).trigger_by(TriggerBy::usage).encode(today).value() ==
          "Recurring=daily&TriggerBy=usage");
    CHECK(TriggersQuery{}.recurring(OpenRecurring("hourly")).encode(today).value() == "Recurring=hourly");
    // A raw text the spec lists is the known value.
    CHECK(OpenRecurring("daily") == Recurring::daily);
    CHECK(OpenCallbackMethod("GET").known() == CallbackMethod::get);
    static_assert(!std::is_convertible_v<std::string_view, OpenRecurring>, "a raw value is never implicit");
    static_assert(!takes_plain_string_recurring<TriggersQuery>, "a plain string is not a Recurring");
    static_assert(takes_plain_string_recurring<TriggersQuery, OpenRecurring>);
}

TEST_CASE("what only run time knows is refused before sending, naming the parameter") {
    auto page0 = RecordsQuery{}.page_size(0).encode(today);
    REQUIRE_FALSE(page0.has_value());
    CHECK(page0.error().kind == ErrorKind::invalid_request);
    CHECK(page0.error().field == "page_size");
    CHECK(page0.error().message == "page_size (PageSize) must be within 1..1000, got 0");
    CHECK_FALSE(RecordsQuery{}.page_size(1001).encode(today).has_value());
    CHECK(RecordsQuery{}.page_size(1).encode(today).has_value());
    CHECK(RecordsQuery{}.page_size(1000).encode(today).has_value());

    std::string name64(64, 'x'), name65(65, 'x');
    auto base = TriggerUpdate{};
    CHECK(base.friendly_name(name64).encode(today).has_value());
    auto too_long = base.friendly_name(name65).encode(today);
    REQUIRE_FALSE(too_long.has_value());
    CHECK(too_long.error().message.find("65 characters long; the limit is 64") != std::string::npos);
    std::string accents;
    for (int i = 0; i < 64; ++i) accents += "\xc3\xa9";  // 64 characters, 128 bytes
    CHECK(base.friendly_name(accents).encode(today).has_value());
    CHECK_FALSE(base.friendly_name("bad \xff utf8").encode(today).has_value());

    auto swapped = RecordsQuery{}.start_date(Date{year{2024} / 2 / 1}).end_date(Date{year{2024} / 1 / 31}).encode(today);
    REQUIRE_FALSE(swapped.has_value());
    CHECK(swapped.error().field == "start_date");
    CHECK(swapped.error().message.find("2024-02-01 is after end_date 2024-01-31") != std::string::npos);
    // Offsets are resolved against today: -10days is after 2024-03-01.
    CHECK_FALSE(RecordsQuery{}.start_date(DayOffset{-10}).end_date(Date{year{2024} / 3 / 1}).encode(today).has_value());
    CHECK(RecordsQuery{}.start_date(DayOffset{-20}).end_date(Date{year{2024} / 3 / 1}).encode(today).has_value());

    CHECK_FALSE(TriggerUpdate{}.callback_url("not a url").encode(today).has_value());
    CHECK_FALSE(TriggerUpdate{}.callback_url("ftp://example.com/x").encode(today).has_value());
    CHECK_FALSE(RecordsQuery{}.category(OpenCategory{""}).encode(today).has_value());
    auto bad_value = TriggerCreate{}.callback_url("https://x.test/").trigger_value("lots").usage_category(Category::sms).encode(today);
    REQUIRE_FALSE(bad_value.has_value());
    CHECK(bad_value.error().field == "trigger_value");
    CHECK_FALSE(TriggerCreate{}.callback_url("https://x.test/").trigger_value("+-5").usage_category(Category::sms).encode(today).has_value());
}

TEST_CASE("the compile-time rules as named checks") {
    using Create = TriggerCreate;
    static_assert(can_set<RecordsQuery, Param::category>);
    static_assert(!can_set<RecordsQuery, Param::usage_category>);
    static_assert(!can_set<TriggerUpdate, Param::trigger_value>);
    static_assert(!can_set<TriggerUpdate, Param::usage_category>);
    static_assert(!can_set<TriggersQuery, Param::start_date>);
    using WithPageSize = decltype(RecordsQuery{}.page_size(5));
    static_assert(!can_set<WithPageSize, Param::page_size>);
    static_assert(can_set<WithPageSize, Param::category>);
    static_assert(!complete_query<Create>);
    static_assert(!complete_query<decltype(Create{}.callback_url("x").trigger_value(1))>);
    static_assert(complete_query<decltype(Create{}.callback_url("x").trigger_value(1).usage_category(Category::sms))>);
    static_assert(complete_query<RecordsQuery>);
    CHECK(true);
}
