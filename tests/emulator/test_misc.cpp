// The JSON encoder, POST /emulator/usage, data files, demo data, concurrency.
#include "helpers.hpp"

#include "twilio_usage/core/json_decode.hpp"
#include "twilio_usage/core/json_encode.hpp"
#include "twilio_usage/testing/data_file.hpp"
#include "twilio_usage/testing/demo_data.hpp"

#include <cstdio>
#include <fstream>
#include <vector>

using namespace emu_test;

TEST_CASE("json_encode: models round-trip through decode_json / decode_page") {
    UsageTrigger t;
    t.sid = "UT" + std::string(32, 'a');
    t.friendly_name = "quote \" backslash \\ newline \n tab \t ctl \x01 é";
    t.usage_category = OpenCategory("not-yet-listed");
    t.trigger_by = TriggerBy::price;
    t.trigger_value = dec("1000.50");
    t.current_value = dec("-0.000000000000000000001");
    t.recurring = Recurring::monthly;
    t.callback_method = CallbackMethod::get;
    t.date_created = at(2015, 9, 6);
    t.date_fired = at(2016, 2, 29, 23);
    for (bool numbers : {false, true}) {
        std::string const text = to_json(t, JsonEncodeOptions{numbers});
        auto back = decode_json<UsageTrigger>(text);
        REQUIRE(back.has_value());
        CHECK(*back == t);
        CHECK(back->trigger_value->to_string() == "1000.50");
    }
    CHECK(to_json(t).find("\"date_created\":\"Sun, 06 Sep 2015 12:00:00 +0000\"") != std::string::npos);
    CHECK(to_json(t).find("\"api_version\":null") != std::string::npos);
    CHECK(to_json(t).find("\"trigger_value\":\"1000.50\"") != std::string::npos);
    CHECK(to_json(t, {true}).find("\"trigger_value\":1000.50") != std::string::npos);

    UsageRecord r;
    r.category = OpenCategory(Category::calls);
    r.as_of = at(2012, 10, 13, 19);
    r.start_date = Date{std::chrono::year{2012} / 9 / 1};
    r.price = dec("0.38");
    r.subresource_uris = SubresourceUris{};
    r.subresource_uris->daily = "/x?Category=calls";
    CHECK(to_json(r).find("\"as_of\":\"2012-10-13T19:00:00+00:00\"") != std::string::npos);
    CHECK(to_json(r).find("\"start_date\":\"2012-09-01\"") != std::string::npos);
    PageInfo info;
    info.page = 0;
    info.page_size = 50;
    info.next_page_uri = "/next";
    std::vector<UsageRecord> items{r, UsageRecord{}};
    auto page = decode_page<UsageRecord>(encode_page(info, "usage_records", items), "usage_records");
    REQUIRE(page.has_value());
    CHECK(page->info == info);
    CHECK(page->items == items);
    ApiErrorBody e{20404, "Not found", "https://www.twilio.com/docs/errors/20404", 404};
    CHECK(to_json(e) ==
          R"({"code":20404,"message":"Not found","more_info":"https://www.twilio.com/docs/errors/20404","status":404})");
}

TEST_CASE("POST /emulator/usage adds usage from outside (form and JSON)") {
    Emulator emu(fixed_options());
    Account sub = emu.add_account(emu.main_account().sid);
    emu.start();
    Api api(emu);
    auto r = api.post("/emulator/usage", "Category=sms-outbound-longcode&Count=3&Usage=3&Price=0.0237");
    REQUIRE(r);
    CHECK(r->status == 201);
    auto j = api.cli.Post("/emulator/usage",
                          R"({"AccountSid":")" + sub.sid +
                              R"(","Category":"calls-outbound","Count":2,"Usage":"7","Price":"0.098","Date":"2024-03-01"})",
                          "application/json");
    REQUIRE(j);
    CHECK(j->status == 201);
    auto page = json_of(api.get(api.base() + "/Usage/Records/ThisMonth.json?Category=totalprice"));
    CHECK(str(page.at("usage_records").as_array().at(0).at("price")) == "0.1217");
    auto today = json_of(api.get(api.base() + "/Usage/Records/Today.json?Category=sms"));
    CHECK(str(today.at("usage_records").as_array().at(0).at("count")) == "3");
    auto sub_page = json_of(api.get(api.base(sub.sid) + "/Usage/Records/Daily.json?Category=calls&StartDate=2024-03-01&EndDate=2024-03-01"));
    CHECK(str(sub_page.at("usage_records").as_array().at(0).at("usage")) == "7");

    check_error(api.post("/emulator/usage", "Count=1"), 400, 20001);
    check_error(api.post("/emulator/usage", "Category=sms&Price=abc"), 400, 20001);
    check_error(api.post("/emulator/usage", "Category=sms&Date=2024-02-30"), 400, 20001);
    check_error(api.cli.Post("/emulator/usage", "{not json", "application/json"), 400, 20001);
    Account other = emu.add_account();
    check_error(api.post("/emulator/usage", "Category=sms&AccountSid=" + other.sid), 401, 20003);
    httplib::Client anon(emu.base_url());
    check_error(anon.Post("/emulator/usage", "Category=sms", "application/x-www-form-urlencoded"), 401, 20003);
    CHECK(emu.request_count() == 3);  // only /2010-04-01 paths count
}

TEST_CASE("data file: accounts, keys and usage") {
    std::string const path = "emulator-test-data.json";
    {
        std::ofstream f(path);
        f << R"({
  "accounts": [
    {"sid": "AC0123456789abcdef0123456789abcdef", "auth_token": "tok-parent"},
    {"sid": "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "auth_token": "tok-sub", "parent_sid": "AC0123456789abcdef0123456789abcdef"}
  ],
  "api_keys": [ {"sid": "SKbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", "secret": "s3cret", "account_sid": "AC0123456789abcdef0123456789abcdef"} ],
  "usage": [
    {"category": "calls-inbound-local", "date": "2024-03-01", "count": "2", "usage": "9", "price": "0.0765"},
    {"account_sid": "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "category": "calls-outbound", "days_ago": 1, "count": 1, "usage": 3, "price": 0.042},
    {"category": "lookups", "time": "2024-03-15T08:00:00Z", "count": "4", "usage": "4", "price": "0.02"}
  ]
})";
    }
    Emulator emu(fixed_options());
    emu.load_data_file(path);
    std::remove(path.c_str());
    CHECK(emu.main_account().sid == "AC0123456789abcdef0123456789abcdef");
    CHECK(emu.main_account().auth_token == "tok-parent");
    emu.start();
    Api api(emu, "SKbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", "s3cret");
    auto page = json_of(api.get(api.base() + "/Usage/Records/ThisMonth.json?Category=calls"));
    auto const& c = page.at("usage_records").as_array().at(0).as_object();
    CHECK(str(c.at("count")) == "3");
    CHECK(str(c.at("usage")) == "12");
    CHECK(str(c.at("price")) == "0.1185");
    auto y = json_of(api.get(api.base() + "/Usage/Records/Yesterday.json?Category=calls-outbound"));
    CHECK(str(y.at("usage_records").as_array().at(0).at("price")) == "0.042");
    auto t = json_of(api.get(api.base() + "/Usage/Records/Today.json?Category=lookups"));
    CHECK(str(t.at("usage_records").as_array().at(0).at("count")) == "4");

    CHECK_THROWS_AS(emu.load_data_file("/nonexistent/file.json"), std::runtime_error);
}

TEST_CASE("demo data: well-known accounts, usage today and last month, deterministic") {
    EmulatorOptions o = fixed_options();
    o.demo_data = true;
    Emulator a(o), b(o);
    CHECK(a.main_account().sid == demo::parent_sid);
    CHECK(a.main_account().auth_token == demo::parent_token);
    a.start();
    b.start();
    Api api(a), api_b(b);
    for (char const* sub : {"Today", "LastMonth", "ThisMonth"}) {
        auto page = json_of(api.get(api.base() + "/Usage/Records/" + std::string(sub) + ".json?Category=totalprice"));
        CHECK(str(page.at("usage_records").as_array().at(0).at("price")) != "0");
    }
    std::string const q = "/Usage/Records/Monthly.json?PageSize=1000";
    // The list only: next_page_uri, after it, carries a page token signed
    // with each emulator's own key.
    auto records_of = [](std::string const& body) {
        auto const from = body.find("\"usage_records\"");
        auto const to = body.rfind(",\"next_page_uri\"");
        REQUIRE(from < to);
        REQUIRE(to != std::string::npos);
        return body.substr(from, to - from);
    };
    auto const records_a = records_of(api.get(api.base() + q)->body);
    CHECK(records_a.size() > 100'000);
    CHECK((records_a == records_of(api_b.get(api_b.base() + q)->body)));  // (no dump of a megabyte)
    // The subaccounts with the parent's credentials, and the demo API key.
    auto sub = json_of(api.get(api.base(std::string(demo::sub1_sid)) + "/Usage/Records/LastMonth.json?Category=sms"));
    CHECK(str(sub.at("usage_records").as_array().at(0).at("count")) != "0");
    Api key(a, std::string(demo::api_key_sid), std::string(demo::api_key_secret));
    CHECK(key.get(key.base() + "/Usage/Records/Today.json")->status == 200);
    // Parent with subaccounts >= parent alone.
    auto with = json_of(api.get(api.base() + "/Usage/Records/LastMonth.json?Category=calls"));
    auto without = json_of(api.get(api.base() + "/Usage/Records/LastMonth.json?Category=calls&IncludeSubaccounts=false"));
    CHECK(dec(str(with.at("usage_records").as_array().at(0).at("count")).c_str()) >
          dec(str(without.at("usage_records").as_array().at(0).at("count")).c_str()));
}

TEST_CASE("concurrency: readers, writers and trigger changes from several threads") {
    Emulator emu(fixed_options());
    emu.start();
    auto const m = emu.main_account();
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            Api api(emu);
            for (int i = 0; i < 25; ++i) {
                if (t == 0) {
                    emu.add_usage(event(m.sid, "sms-outbound-longcode", fixed_now(), "1", "1", "0.0079"));
                } else if (t == 1) {
                    auto r = api.post("/emulator/usage", "Category=sms-outbound-longcode&Count=1&Usage=1&Price=0.0079");
                    if (!r || r->status != 201) ++failures;
                } else if (t == 2) {
                    auto r = api.post(api.base() + "/Usage/Triggers.json",
                                      "CallbackUrl=http%3A%2F%2Fexample.com%2F&TriggerValue=1000&UsageCategory=sms");
                    if (!r || r->status != 201) ++failures;
                    else if (api.del(api.base() + "/Usage/Triggers/" + str(json_of(r).at("sid")) + ".json")->status != 204)
                        ++failures;
                } else {
                    auto r = api.get(api.base() + "/Usage/Records.json?PageSize=1000");
                    if (!r || r->status != 200 || !decode_page<UsageRecord>(r->body, "usage_records")) ++failures;
                }
            }
        });
    }
    for (auto& th : threads) th.join();
    CHECK(failures == 0);
    Api api(emu);
    auto page = json_of(api.get(api.base() + "/Usage/Records/Today.json?Category=sms"));
    CHECK(str(page.at("usage_records").as_array().at(0).at("count")) == "50");
    CHECK(str(page.at("usage_records").as_array().at(0).at("price")) == "0.395");
    CHECK(json_of(api.get(api.base() + "/Usage/Triggers.json")).at("usage_triggers").as_array().empty());
}

TEST_CASE("emulator: lifecycle, accounts, clock") {
    Emulator emu(fixed_options());
    CHECK(emu.main_account().sid.size() == 34);
    CHECK(emu.main_account().auth_token.size() == 32);
    Account sub = emu.add_account(emu.main_account().sid);
    CHECK(sub.parent_sid == emu.main_account().sid);
    CHECK_THROWS_AS(emu.add_account(std::string("ACnope")), std::invalid_argument);
    CHECK_THROWS_AS(emu.add_usage(event("ACnope", "sms", fixed_now(), "1", "1", "1")), std::invalid_argument);
    CHECK_THROWS_AS(emu.add_usage(event(emu.main_account().sid, "sms", fixed_now(), "1", "1", "0.0000000000001")),
                    std::invalid_argument);
    emu.start();
    CHECK(emu.port() > 0);
    CHECK(emu.base_url() == "http://127.0.0.1:" + std::to_string(emu.port()));
    CHECK(emu.now() == fixed_now());
    emu.advance(std::chrono::hours{1});
    CHECK(emu.now() == fixed_now() + std::chrono::hours{1});
    emu.set_now(at(2030, 1, 1));
    Api api(emu);
    auto p = json_of(api.get(api.base() + "/Usage/Records/Today.json?Category=sms"));
    CHECK(str(p.at("usage_records").as_array().at(0).at("start_date")) == "2030-01-01");
    emu.stop();
    emu.stop();
    CHECK_FALSE(api.get(api.base() + "/Usage/Records/Today.json"));
    emu.start();  // restart on a new port is fine
    Api again(emu);
    CHECK(again.get(again.base() + "/Usage/Records/Today.json")->status == 200);

    // A running clock (no fixed_now) is GMT now.
    Emulator live;
    CHECK(std::chrono::abs(live.now() - std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now())) <
          std::chrono::seconds(5));
}

TEST_CASE("emulator: a port already in use is refused, not shared") {
    twilio_usage::testing::Emulator first;
    first.start();
    twilio_usage::testing::EmulatorOptions options;
    options.port = first.port();
    twilio_usage::testing::Emulator second(options);
    CHECK_THROWS_AS(second.start(), std::runtime_error);
}

TEST_CASE("amounts are written exactly, on both sides of 2^64 units") {
    using testing::Amount;
    // to_string() divides in 64 bits below 2^64 units (18446744.073709551616)
    // and in 128 bits from there: texts around that edge and the largest.
    for (std::string const text : {"0", "1", "-1", "0.5", "-0.000000000001", "1000000", "18446744.073709551615",
                                   "18446744.073709551616", "-18446744.073709551616", "18446744073709551615",
                                   "18446744073709551616",
                                   "99999999999999999999999999.999999999999",
                                   "-99999999999999999999999999.999999999999", "123456789012345678901234.5"}) {
        CAPTURE(text);
        auto const a = Amount::parse(text);
        REQUIRE(a.has_value());
        CHECK(a->to_string() == text);
        CHECK(Decimal::parse(a->to_string()).value() == Decimal::parse(text).value());
    }
    using testing::int128_t;
    CHECK(Amount::from_units(int128_t{1} << 64).to_string() == "18446744.073709551616");
    CHECK(Amount::from_units((int128_t{1} << 64) - 1).to_string() == "18446744.073709551615");
    CHECK(Amount::from_units(-(int128_t{1} << 100)).to_string() == "-1267650600228229401.496703205376");
}
