// Decoding: the seed's documented responses, odd but legal values, and
// errors that name the field.
#include "fixture.hpp"
#include "twilio_usage/core/json_encode.hpp"
#include "twilio_usage/types.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

using namespace twilio_usage;
using namespace std::chrono;

namespace {

using test_support::fixture;

Page<UsageRecord> records(std::string const& body) {
    auto page = decode_page<UsageRecord>(body, "usage_records");
    REQUIRE_MESSAGE(page.has_value(), (page ? "" : page.error().to_string()));
    return *page;
}

Decimal dec(char const* text) { return Decimal::parse(text).value(); }

}  // namespace

TEST_CASE("the seed's all-records example") {
    auto page = records(fixture("seed_all_records.json"));
    REQUIRE(page.items.size() == 2);
    auto const& calls = page.items[1];
    CHECK(calls.category == Category::calls);
    CHECK(calls.count == dec("21"));
    CHECK(calls.usage == dec("21"));
    CHECK(calls.price == dec("0.38"));
    CHECK(calls.price->to_string() == "0.38");
    CHECK(calls.price_unit == "usd");
    CHECK(calls.description == "Total Calls");
    CHECK(calls.start_date == Date{year{2012} / 8 / 15});
    CHECK(calls.end_date == Date{year{2012} / 10 / 13});
    REQUIRE(calls.subresource_uris);
    CHECK(calls.subresource_uris->daily ==
          "/2010-04-01/Accounts/ACXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX/Usage/Records/Daily.json?Category=calls");
    CHECK(page.info.page == 0);
    CHECK(page.info.page_size == 50);
    CHECK_FALSE(page.info.next_page_uri.has_value());
    CHECK_FALSE(page.info.previous_page_uri.has_value());
    CHECK(page.info.first_page_uri ==
          "/2010-04-01/Accounts/ACXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX/Usage/Records.json?Page=0&PageSize=50");
}

TEST_CASE("the seed's other examples") {
    auto last_month = records(fixture("seed_last_month.json"));
    REQUIRE(last_month.items.size() == 2);
    CHECK(last_month.items[0].category == Category::shortcodes_customerowned);
    CHECK_FALSE(last_month.items[0].subresource_uris.has_value());  // null in the example
    CHECK(last_month.items[1].count_unit == "messages");

    auto today = records(fixture("seed_today_calls.json"));
    REQUIRE(today.items.size() == 1);
    CHECK(today.items[0].price == Decimal{});

    auto range = records(fixture("seed_calls_inbound_range.json"));
    REQUIRE(range.items.size() == 1);
    CHECK(range.items[0].price == dec("0.01"));
    CHECK(range.items[0].subresource_uris->all_time.has_value());

    auto daily = records(fixture("seed_daily_calls_inbound.json"));
    REQUIRE(daily.items.size() == 2);
    CHECK(daily.items[0].start_date == Date{year{2012} / 9 / 30});
    CHECK(daily.items[1].end_date == Date{year{2012} / 9 / 29});
}

TEST_CASE("odd but legal values") {
    auto page = records(R"({
      "usage_records": [
        {"category": "a-category-from-2031", "price": 12345678901234567890.123456789012, "count": 21,
         "usage": "2192.84855", "as_of": "2012-10-13T19:01:47+00:00", "totalprice_extra": {"nested": [1, {"x": null}]}},
        {"category": "totalprice", "count": null, "price": -0.0, "usage": 1e-7, "price_unit": "jpy"},
        {"category": "sms", "price": "1E+2", "description": "caf\u00e9 \ud83d\ude00", "subresource_uris": {}},
        {}
      ],
      "page": 3, "page_size": 4, "start": 12, "end": 15, "unknown_envelope_key": [[[]]]
    })");
    REQUIRE(page.items.size() == 4);
    auto const& a = page.items[0];
    CHECK_FALSE(a.category->is_known());
    CHECK(a.category->wire_name() == "a-category-from-2031");
    CHECK(a.price->to_string() == "12345678901234567890.123456789012");
    CHECK(a.count == dec("21"));
    CHECK(a.usage->to_string() == "2192.84855");
    CHECK(a.as_of == sys_days{year{2012} / 10 / 13} + hours{19} + minutes{1} + seconds{47});
    CHECK_FALSE(page.items[1].count.has_value());
    CHECK(page.items[1].price == Decimal{});
    CHECK(page.items[1].usage->to_string() == "0.0000001");
    CHECK(page.items[2].price == dec("100"));
    CHECK(page.items[2].description == "caf\xc3\xa9 \xf0\x9f\x98\x80");
    CHECK(page.items[2].subresource_uris.has_value());
    CHECK(page.items[3] == UsageRecord{});
    CHECK(page.info.end == 15);

    // A thousand prices of 0.00001 add up to exactly 0.01.
    std::string body = R"({"usage_records": [)";
    for (int i = 0; i < 1000; ++i) body += std::string(i ? "," : "") + R"({"price": "0.00001"})";
    body += "]}";
    Decimal total;
    for (auto const& r : records(body).items) total += *r.price;
    CHECK(total == dec("0.01"));
}

TEST_CASE("a trigger, with RFC 2822 dates and enums") {
    auto t = decode_json<UsageTrigger>(R"({
      "sid": "UTaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "usage_category": "sms", "trigger_by": "count",
      "trigger_value": "1000", "current_value": "1001.5", "recurring": "", "callback_method": "POST",
      "date_created": "Sun, 06 Sep 2015 12:58:45 +0000", "date_fired": null, "friendly_name": "1000 messages"})");
    REQUIRE_MESSAGE(t.has_value(), (t ? "" : t.error().to_string()));
    CHECK(t->trigger_by == TriggerBy::count);
    CHECK(t->callback_method == CallbackMethod::post);
    CHECK_FALSE(t->recurring.has_value());
    CHECK(t->current_value == dec("1001.5"));
    CHECK(t->date_created == sys_days{year{2015} / 9 / 6} + hours{12} + minutes{58} + seconds{45});
    CHECK_FALSE(t->date_fired.has_value());
}

TEST_CASE("an enum value the spec does not list is kept, byte for byte, and the item decodes") {
    auto t = decode_json<UsageTrigger>(
        R"({"sid": "UT1", "trigger_by": "bananas", "recurring": "hourly", "callback_method": "PUT", "current_value": "3"})");
    REQUIRE_MESSAGE(t.has_value(), (t ? "" : t.error().to_string()));
    REQUIRE(t->trigger_by.has_value());
    CHECK_FALSE(t->trigger_by->is_known());
    CHECK(t->trigger_by->wire_name() == "bananas");
    CHECK(t->trigger_by != TriggerBy::count);
    CHECK(t->recurring->wire_name() == "hourly");
    CHECK_FALSE(t->recurring->known().has_value());
    CHECK(t->callback_method->wire_name() == "PUT");
    CHECK(t->current_value == dec("3"));
    // Known values still compare with the enumerator, and case matters on the wire.
    auto known = decode_json<UsageTrigger>(R"({"trigger_by": "price", "callback_method": "post"})");
    REQUIRE(known.has_value());
    CHECK(known->trigger_by == TriggerBy::price);
    CHECK(known->trigger_by->known() == TriggerBy::price);
    CHECK_FALSE(known->callback_method->is_known());  // Twilio writes "POST"
    // Encoding gives back what came in.
    CHECK(to_json(*t).find(R"("trigger_by":"bananas")") != std::string::npos);

    auto page = decode_page<UsageTrigger>(
        R"({"usage_triggers": [{"sid": "UT1", "recurring": "daily"}, {"sid": "UT2", "recurring": "fortnightly"}]})",
        "usage_triggers");
    REQUIRE_MESSAGE(page.has_value(), (page ? "" : page.error().to_string()));
    REQUIRE(page->items.size() == 2);
    CHECK(page->items[0].recurring == Recurring::daily);
    CHECK(page->items[1].recurring == OpenRecurring("fortnightly"));
}

TEST_CASE("errors name the field and what was found") {
    auto bad_price = decode_page<UsageRecord>(R"({"usage_records": [{"price": "0.1"}, {"price": true}]})", "usage_records");
    REQUIRE_FALSE(bad_price.has_value());
    CHECK(bad_price.error().kind == ErrorKind::decode);
    CHECK(bad_price.error().field == "page.usage_records[1].price");
    CHECK(bad_price.error().found == "true");

    auto bad_date = decode_page<UsageRecord>(R"({"usage_records": [{"start_date": "2012-13-01"}]})", "usage_records");
    REQUIRE_FALSE(bad_date.has_value());
    CHECK(bad_date.error().field == "page.usage_records[0].start_date");

    auto bad_enum = decode_json<UsageTrigger>(R"({"trigger_by": 7})");
    REQUIRE_FALSE(bad_enum.has_value());
    CHECK(bad_enum.error().field == "UsageTrigger.trigger_by");
    CHECK(bad_enum.error().message == R"(expected a string, found 7)");

    auto nested = decode_page<UsageRecord>(R"({"usage_records": [{"subresource_uris": {"daily": 5}}]})", "usage_records");
    REQUIRE_FALSE(nested.has_value());
    CHECK(nested.error().field == "page.usage_records[0].subresource_uris.daily");

    auto truncated = decode_page<UsageRecord>(R"({"usage_records": [{"price": "0.1"})", "usage_records");
    REQUIRE_FALSE(truncated.has_value());
    CHECK(truncated.error().message.find("cut off") != std::string::npos);

    auto no_list = decode_page<UsageRecord>(R"({"page": 0})", "usage_records");
    REQUIRE_FALSE(no_list.has_value());
    CHECK(no_list.error().field == "page.usage_records");

    CHECK_FALSE(decode_page<UsageRecord>(R"({"usage_records": {}})", "usage_records").has_value());
    CHECK_FALSE(decode_page<UsageRecord>(R"({"usage_records": [1]})", "usage_records").has_value());
    CHECK_FALSE(decode_page<UsageRecord>(R"([])", "usage_records").has_value());
    CHECK_FALSE(decode_page<UsageRecord>("", "usage_records").has_value());
    CHECK_FALSE(decode_page<UsageRecord>(R"({"usage_records": []} trailing)", "usage_records").has_value());
    std::string deep(200, '[');
    CHECK_FALSE(decode_page<UsageRecord>(R"({"x": )" + deep, "usage_records").has_value());
}
