// Usage Triggers: CRUD over HTTP, firing (absolute, relative, recurring,
// count/usage/price), signed callbacks received by a real loopback server.
#include "helpers.hpp"

#include "twilio_usage/core/json_decode.hpp"
#include "twilio_usage/webhook/signature.hpp"

#include <atomic>
#include <map>
#include <mutex>
#include <set>
#include <vector>

using namespace emu_test;

namespace {

struct Received {
    std::string method, path, target, signature;
    std::map<std::string, std::string> params;
    webhook::FormParams form;
};

/// A callback receiver on loopback that records what it gets.
struct Receiver {
    httplib::Server svr;
    std::thread thread;
    int port = 0;
    std::mutex mu;
    std::vector<Received> got;
    std::atomic<int> fail_first{0};
    std::atomic<int> hits{0};
    std::chrono::milliseconds delay{0};

    Receiver() {
        auto h = [this](httplib::Request const& req, httplib::Response& res) {
            ++hits;
            if (delay.count() > 0) std::this_thread::sleep_for(delay);
            if (fail_first > 0) {
                --fail_first;
                res.status = 500;
                return;
            }
            Received r{req.method, req.path, req.target, req.get_header_value("X-Twilio-Signature"), {}, {}};
            static std::set<std::string> const callback_names{
                "AccountSid",    "UsageTriggerSid", "DateFired",    "Recurring",      "UsageCategory",
                "TriggerBy",     "TriggerValue",    "CurrentValue", "UsageRecordUri", "IdempotencyToken"};
            for (auto const& [k, v] : req.params) {
                r.params[k] = v;
                // Only the body's parameters are signed (the URL's query is part of the URL).
                if (req.method == "POST" && callback_names.count(k)) r.form.emplace_back(k, v);
            }
            std::lock_guard lock(mu);
            got.push_back(std::move(r));
            res.status = 200;
        };
        svr.Post("/cb", h);
        svr.Get("/cb", h);
        svr.Post("/", h);
        port = svr.bind_to_any_port("127.0.0.1");
        thread = std::thread([this] { svr.listen_after_bind(); });
        eventually([&] { return svr.is_running(); });
    }
    ~Receiver() {
        svr.stop();
        thread.join();
    }
    std::string url(std::string const& tail = "/cb") const { return "http://127.0.0.1:" + std::to_string(port) + tail; }
    std::size_t count() {
        std::lock_guard lock(mu);
        return got.size();
    }
    Received at(std::size_t i) {
        std::lock_guard lock(mu);
        return got.at(i);
    }
    /// Verifies the X-Twilio-Signature of received callback i with `token`.
    bool signed_with(std::size_t i, std::string const& token) {
        Received r = at(i);
        std::string const url = "http://127.0.0.1:" + std::to_string(port) + r.target;
        return webhook::signatures_equal(webhook::compute_signature(token, url, r.form), r.signature);
    }
};

std::string form_url(std::string const& u) {
    std::string out;
    testing::append_uri_encoded(out, u);
    return out;
}

boost::json::object create(Api& api, std::string const& form, std::string const& account = {}) {
    auto r = api.post(api.base(account.empty() ? api.account : account) + "/Usage/Triggers.json", form);
    REQUIRE(r);
    INFO(r->body);
    REQUIRE(r->status == 201);
    return json_of(r);
}

}  // namespace

TEST_CASE("triggers: create, fetch, list, update, delete") {
    Emulator emu(fixed_options());
    emu.start();
    Api api(emu);
    auto const m = emu.main_account();
    std::string const form = "CallbackUrl=" + form_url("http://127.0.0.1:9/cb?x=1") +
                             "&TriggerValue=100&UsageCategory=sms&FriendlyName=Hundred+SMS&TriggerBy=count";
    auto r = api.post(api.base() + "/Usage/Triggers.json", form);
    REQUIRE(r);
    REQUIRE(r->status == 201);
    auto t = json_of(r);
    std::string const sid = str(t.at("sid"));
    CHECK(sid.size() == 34);
    CHECK(sid.starts_with("UT"));
    CHECK(t.size() == 16);
    CHECK(str(t.at("account_sid")) == m.sid);
    CHECK(str(t.at("api_version")) == "2010-04-01");
    CHECK(str(t.at("friendly_name")) == "Hundred SMS");
    CHECK(str(t.at("usage_category")) == "sms");
    CHECK(str(t.at("trigger_by")) == "count");
    CHECK(str(t.at("trigger_value")) == "100");
    CHECK(str(t.at("current_value")) == "0");
    CHECK(t.at("recurring").is_null());
    CHECK(str(t.at("callback_url")) == "http://127.0.0.1:9/cb?x=1");
    CHECK(str(t.at("callback_method")) == "POST");
    CHECK(str(t.at("usage_record_uri")) == "/2010-04-01/Accounts/" + m.sid + "/Usage/Records.json?Category=sms");
    CHECK(str(t.at("uri")) == "/2010-04-01/Accounts/" + m.sid + "/Usage/Triggers/" + sid + ".json");
    CHECK(str(t.at("date_created")) == "Fri, 15 Mar 2024 10:00:00 +0000");
    CHECK(str(t.at("date_updated")) == "Fri, 15 Mar 2024 10:00:00 +0000");
    CHECK(t.at("date_fired").is_null());

    auto decoded = decode_json<UsageTrigger>(r->body);
    REQUIRE(decoded.has_value());
    CHECK(decoded->trigger_value == dec("100"));
    CHECK(decoded->trigger_by == TriggerBy::count);
    CHECK(decoded->callback_method == CallbackMethod::post);
    CHECK(decoded->date_created == fixed_now());
    CHECK_FALSE(decoded->recurring.has_value());

    std::string const one = api.base() + "/Usage/Triggers/" + sid + ".json";
    auto f = api.get(one);
    REQUIRE(f->status == 200);
    CHECK(f->body == r->body);

    create(api, "CallbackUrl=" + form_url("http://127.0.0.1:9/b") +
                    "&TriggerValue=5&UsageCategory=calls&Recurring=daily&TriggerBy=price&CallbackMethod=GET");
    create(api, "CallbackUrl=" + form_url("http://127.0.0.1:9/c") + "&TriggerValue=5&UsageCategory=calls&Recurring=alltime");
    auto list = json_of(api.get(api.base() + "/Usage/Triggers.json"));
    CHECK(list.at("usage_triggers").as_array().size() == 3);
    CHECK(list.at("next_page_uri").is_null());
    auto by_cat = json_of(api.get(api.base() + "/Usage/Triggers.json?UsageCategory=calls"));
    CHECK(by_cat.at("usage_triggers").as_array().size() == 2);
    auto daily = json_of(api.get(api.base() + "/Usage/Triggers.json?Recurring=daily"));
    REQUIRE(daily.at("usage_triggers").as_array().size() == 1);
    CHECK(str(daily.at("usage_triggers").as_array()[0].at("recurring")) == "daily");
    auto none = json_of(api.get(api.base() + "/Usage/Triggers.json?Recurring=alltime"));
    CHECK(none.at("usage_triggers").as_array().size() == 2);  // non-recurring and alltime
    auto by_price = json_of(api.get(api.base() + "/Usage/Triggers.json?TriggerBy=price"));
    CHECK(by_price.at("usage_triggers").as_array().size() == 1);
    auto paged = api.get(api.base() + "/Usage/Triggers.json?PageSize=2");
    auto p = decode_page<UsageTrigger>(paged->body, "usage_triggers");
    REQUIRE(p.has_value());
    CHECK(p->items.size() == 2);
    REQUIRE(p->info.next_page_uri);
    auto p2 = decode_page<UsageTrigger>(api.get(*p->info.next_page_uri)->body, "usage_triggers");
    REQUIRE(p2.has_value());
    CHECK(p2->items.size() == 1);
    CHECK_FALSE(p2->info.next_page_uri);
    // The envelope in Twilio's order, next_page_uri after the list.
    std::vector<std::string> const order{"first_page_uri", "previous_page_uri", "uri",           "page_size", "start",
                                         "end",            "usage_triggers",    "next_page_uri", "page"};
    CHECK(keys_of(json_of(paged)) == order);
    CHECK(keys_of(json_of(api.get(*p->info.next_page_uri))) == order);

    // Update: only CallbackMethod, CallbackUrl, FriendlyName.
    emu.advance(std::chrono::seconds{90});
    auto u = api.post(one, "FriendlyName=Renamed&CallbackMethod=GET&CallbackUrl=" + form_url("http://localhost:9/new"));
    REQUIRE(u->status == 200);
    auto ut = json_of(u);
    CHECK(str(ut.at("friendly_name")) == "Renamed");
    CHECK(str(ut.at("callback_method")) == "GET");
    CHECK(str(ut.at("callback_url")) == "http://localhost:9/new");
    CHECK(str(ut.at("date_updated")) == "Fri, 15 Mar 2024 10:01:30 +0000");
    CHECK(str(ut.at("date_created")) == "Fri, 15 Mar 2024 10:00:00 +0000");
    auto refused = api.post(one, "FriendlyName=Again&TriggerValue=5");
    check_error(refused, 400, 20001);
    CHECK(str(json_of(refused).at("message")).find("TriggerValue") != std::string::npos);
    check_error(api.post(one, "UsageCategory=calls"), 400, 20001);
    CHECK(str(json_of(api.get(one)).at("friendly_name")) == "Renamed");  // unchanged by the refused update

    auto d = api.del(one);
    REQUIRE(d);
    CHECK(d->status == 204);
    CHECK(d->body.empty());
    check_error(api.get(one), 404, 20404);
    check_error(api.del(one), 404, 20404);

    // Another account cannot see it; the parent can manage a subaccount's triggers.
    Account other = emu.add_account();
    Api as_other(emu, other.sid, other.auth_token);
    check_error(as_other.get(api.base() + "/Usage/Triggers.json"), 401, 20003);
    Account sub = emu.add_account(m.sid);
    auto st = create(api, "CallbackUrl=" + form_url("http://127.0.0.1:9/s") + "&TriggerValue=1&UsageCategory=sms", sub.sid);
    CHECK(str(st.at("account_sid")) == sub.sid);
    check_error(api.get(api.base() + "/Usage/Triggers/" + str(st.at("sid")) + ".json"), 404, 20404);
    CHECK(api.get(api.base(sub.sid) + "/Usage/Triggers/" + str(st.at("sid")) + ".json")->status == 200);
}

TEST_CASE("triggers: an absolute count trigger fires once with a signed POST callback") {
    Receiver rx;
    Emulator emu(fixed_options());
    emu.start();
    Api api(emu);
    auto const m = emu.main_account();
    auto t = create(api, "CallbackUrl=" + form_url(rx.url()) + "&TriggerValue=10&UsageCategory=sms&TriggerBy=count");
    std::string const sid = str(t.at("sid"));
    emu.add_usage(event(m.sid, "sms-outbound-longcode", fixed_now(), "6", "6", "0.0474"));
    CHECK(str(json_of(api.get(api.base() + "/Usage/Triggers/" + sid + ".json")).at("current_value")) == "6");
    CHECK(json_of(api.get(api.base() + "/Usage/Triggers/" + sid + ".json")).at("date_fired").is_null());
    emu.add_usage(event(m.sid, "sms-inbound-longcode", fixed_now(), "4", "4", "0.0316"));
    REQUIRE(eventually([&] { return rx.count() == 1; }));
    auto got = rx.at(0);
    CHECK(got.method == "POST");
    CHECK(got.params.size() == 10);
    CHECK(got.params["AccountSid"] == m.sid);
    CHECK(got.params["UsageTriggerSid"] == sid);
    CHECK(got.params["DateFired"] == "Fri, 15 Mar 2024 10:00:00 +0000");
    CHECK(got.params["Recurring"] == "");
    CHECK(got.params["UsageCategory"] == "sms");
    CHECK(got.params["TriggerBy"] == "count");
    CHECK(got.params["TriggerValue"] == "10");
    CHECK(got.params["CurrentValue"] == "10");
    CHECK(got.params["UsageRecordUri"] == "/2010-04-01/Accounts/" + m.sid + "/Usage/Records.json?Category=sms");
    CHECK_FALSE(got.params["IdempotencyToken"].empty());
    CHECK(rx.signed_with(0, m.auth_token));
    CHECK_FALSE(rx.signed_with(0, "some-other-token"));

    auto after = json_of(api.get(api.base() + "/Usage/Triggers/" + sid + ".json"));
    CHECK(str(after.at("date_fired")) == "Fri, 15 Mar 2024 10:00:00 +0000");
    CHECK(str(after.at("current_value")) == "10");
    // It does not fire again.
    emu.add_usage(event(m.sid, "sms-outbound-longcode", fixed_now(), "50", "50", "0.395"));
    emu.advance(std::chrono::hours{24 * 40});
    emu.add_usage(event(m.sid, "sms-outbound-longcode", emu.now(), "50", "50", "0.395"));
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    CHECK(rx.count() == 1);
}

TEST_CASE("triggers: relative value (+N sent as %2B) against the value at creation, by usage") {
    Receiver rx;
    Emulator emu(fixed_options());
    emu.start();
    Api api(emu);
    auto const m = emu.main_account();
    emu.add_usage(event(m.sid, "calls-outbound", fixed_now(), "10", "100", "1.4"));
    auto t = create(api, "CallbackUrl=" + form_url(rx.url()) + "&TriggerValue=%2B50&UsageCategory=calls");
    CHECK(str(t.at("trigger_value")) == "150");
    CHECK(str(t.at("current_value")) == "100");
    CHECK(str(t.at("trigger_by")) == "usage");
    emu.add_usage(event(m.sid, "calls-inbound-local", fixed_now(), "5", "49", "0.4165"));
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    CHECK(rx.count() == 0);
    emu.add_usage(event(m.sid, "calls-inbound-local", fixed_now(), "1", "1.5", "0.01275"));
    REQUIRE(eventually([&] { return rx.count() == 1; }));
    CHECK(rx.at(0).params["CurrentValue"] == "150.5");
    CHECK(rx.at(0).params["TriggerValue"] == "150");
    CHECK(rx.signed_with(0, m.auth_token));
}

TEST_CASE("triggers: price trigger on totalprice with a signed GET callback") {
    Receiver rx;
    Emulator emu(fixed_options());
    emu.start();
    Api api(emu);
    auto const m = emu.main_account();
    create(api, "CallbackUrl=" + form_url(rx.url("/cb?tenant=7")) +
                    "&TriggerValue=1.00&UsageCategory=totalprice&TriggerBy=price&CallbackMethod=GET");
    emu.add_usage(event(m.sid, "calls-outbound", fixed_now(), "1", "40", "0.56"));
    emu.add_usage(event(m.sid, "sms-outbound-longcode", fixed_now(), "60", "60", "0.424"));
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    CHECK(rx.count() == 0);
    emu.add_usage(event(m.sid, "mms-outbound-longcode", fixed_now(), "1", "1", "0.02"));
    REQUIRE(eventually([&] { return rx.count() == 1; }));
    auto got = rx.at(0);
    CHECK(got.method == "GET");
    CHECK(got.params["tenant"] == "7");
    CHECK(got.params["TriggerBy"] == "price");
    CHECK(got.params["CurrentValue"] == "1.004");
    CHECK(got.params["TriggerValue"] == "1");
    CHECK(got.params["DateFired"] == "Fri, 15 Mar 2024 10:00:00 +0000");  // '+' survived the query string
    CHECK(rx.signed_with(0, m.auth_token));
}

TEST_CASE("triggers: recurring daily, monthly and yearly fire once per period") {
    Receiver rx;
    Emulator emu(fixed_options());
    emu.start();
    Api api(emu);
    auto const m = emu.main_account();
    auto daily = create(api, "CallbackUrl=" + form_url(rx.url("/cb?d")) +
                                 "&TriggerValue=5&UsageCategory=sms&TriggerBy=count&Recurring=daily");
    CHECK(str(daily.at("usage_record_uri")).ends_with("/Usage/Records/Today.json?Category=sms"));
    auto monthly = create(api, "CallbackUrl=" + form_url(rx.url("/cb?m")) +
                                   "&TriggerValue=12&UsageCategory=sms&TriggerBy=count&Recurring=monthly");
    CHECK(str(monthly.at("usage_record_uri")).ends_with("/Usage/Records/ThisMonth.json?Category=sms"));
    auto yearly = create(api, "CallbackUrl=" + form_url(rx.url("/cb?y")) +
                                  "&TriggerValue=30&UsageCategory=sms&TriggerBy=count&Recurring=yearly");
    auto fired = [&](char const* which) {
        std::size_t n = 0;
        for (std::size_t i = 0; i < rx.count(); ++i)
            if (rx.at(i).target == std::string("/cb?") + which) ++n;
        return n;
    };
    auto add = [&](char const* n) { emu.add_usage(event(m.sid, "sms-outbound-longcode", emu.now(), n, n, "0")); };

    add("5");  // day 1 (Mar 15): daily 5 -> fires
    REQUIRE(eventually([&] { return fired("d") == 1; }));
    add("5");  // daily again at 10 the same day: no; monthly 10
    emu.advance(std::chrono::hours{24});  // Mar 16
    add("4");  // daily 4: no; monthly 14 -> fires
    REQUIRE(eventually([&] { return fired("m") == 1; }));
    add("1");  // daily 5 -> fires (new day)
    REQUIRE(eventually([&] { return fired("d") == 2; }));
    CHECK(rx.at(rx.count() - 1).params["Recurring"] == "daily");
    CHECK(rx.at(rx.count() - 1).params["CurrentValue"] == "5");
    emu.set_now(at(2024, 4, 2));  // April: monthly restarts
    add("12");                    // daily fires, monthly fires again, yearly at 27: no
    REQUIRE(eventually([&] { return fired("m") == 2 && fired("d") == 3; }));
    CHECK(fired("y") == 0);
    add("3");  // yearly 30 -> fires
    REQUIRE(eventually([&] { return fired("y") == 1; }));
    add("10");
    emu.set_now(at(2025, 1, 5));
    add("29");
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    CHECK(fired("y") == 1);
    add("1");  // 2025: 30 -> fires again
    REQUIRE(eventually([&] { return fired("y") == 2; }));
    for (std::size_t i = 0; i < rx.count(); ++i) CHECK(rx.signed_with(i, m.auth_token));
    auto y = json_of(api.get(api.base() + "/Usage/Triggers/" + str(yearly.at("sid")) + ".json"));
    CHECK(str(y.at("current_value")) == "30");
    CHECK(str(y.at("date_fired")) == "Sun, 05 Jan 2025 12:00:00 +0000");
}

TEST_CASE("triggers: a subaccount's usage fires its own triggers, signed with its own token") {
    Receiver rx;
    Emulator emu(fixed_options());
    auto const m = emu.main_account();
    Account sub = emu.add_account(m.sid);
    emu.start();
    Api api(emu);
    create(api, "CallbackUrl=" + form_url(rx.url("/cb?parent")) + "&TriggerValue=1&UsageCategory=calls&TriggerBy=count");
    create(api, "CallbackUrl=" + form_url(rx.url("/cb?sub")) + "&TriggerValue=1&UsageCategory=calls&TriggerBy=count",
           sub.sid);
    emu.add_usage(event(sub.sid, "calls-outbound", fixed_now(), "1", "2", "0.028"));
    REQUIRE(eventually([&] { return rx.count() == 1; }));
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    REQUIRE(rx.count() == 1);
    CHECK(rx.at(0).target == "/cb?sub");
    CHECK(rx.at(0).params["AccountSid"] == sub.sid);
    CHECK(rx.signed_with(0, sub.auth_token));
    CHECK_FALSE(rx.signed_with(0, m.auth_token));
}

TEST_CASE("triggers: callback retries are bounded; a dead receiver never hangs the emulator") {
    SUBCASE("receiver fails twice, then accepts") {
        Receiver rx;
        rx.fail_first = 2;
        Emulator emu(fixed_options());
        emu.start();
        Api api(emu);
        create(api, "CallbackUrl=" + form_url(rx.url()) + "&TriggerValue=1&UsageCategory=sms&TriggerBy=count");
        emu.add_usage(event(emu.main_account().sid, "sms", fixed_now(), "1", "1", "0"));
        REQUIRE(eventually([&] { return rx.count() == 1; }));
        CHECK(rx.hits == 3);
        CHECK(eventually([&] { return emu.callback_stats().delivered == 1; }));
        CHECK(emu.callback_stats().attempts == 3);
    }
    SUBCASE("nobody listens") {
        int dead_port = 0;
        {
            httplib::Server probe;
            dead_port = probe.bind_to_any_port("127.0.0.1");
        }  // closed again: connections are refused
        auto const t0 = std::chrono::steady_clock::now();
        {
            Emulator emu(fixed_options());
            emu.start();
            Api api(emu);
            create(api, "CallbackUrl=" + form_url("http://127.0.0.1:" + std::to_string(dead_port) + "/cb") +
                            "&TriggerValue=1&UsageCategory=sms&TriggerBy=count");
            emu.add_usage(event(emu.main_account().sid, "sms", fixed_now(), "1", "1", "0"));
            CHECK(api.get(api.base() + "/Usage/Records/Today.json")->status == 200);  // API unaffected
            REQUIRE(eventually([&] { return emu.callback_stats().failed == 1; }));
            CHECK(emu.callback_stats().attempts == 3);
        }
        CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(5));
    }
    SUBCASE("a receiver slower than the timeout; destructor returns promptly") {
        Receiver rx;
        rx.delay = std::chrono::milliseconds(1500);
        auto const t0 = std::chrono::steady_clock::now();
        {
            Emulator emu(fixed_options());  // 300 ms timeout, 3 attempts
            emu.start();
            Api api(emu);
            create(api, "CallbackUrl=" + form_url(rx.url()) + "&TriggerValue=1&UsageCategory=sms&TriggerBy=count");
            emu.add_usage(event(emu.main_account().sid, "sms", fixed_now(), "1", "1", "0"));
            REQUIRE(eventually([&] { return rx.hits >= 1; }));
        }  // destroyed mid-delivery
        CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(3));
    }
    SUBCASE("non-loopback callback URLs are accepted but never called") {
        Emulator emu(fixed_options());
        emu.start();
        Api api(emu);
        create(api, "CallbackUrl=" + form_url("http://example.com/cb") + "&TriggerValue=1&UsageCategory=sms&TriggerBy=count");
        emu.add_usage(event(emu.main_account().sid, "sms", fixed_now(), "1", "1", "0"));
        REQUIRE(eventually([&] { return emu.callback_stats().dropped == 1; }));
        CHECK(emu.callback_stats().attempts == 0);
    }
}

TEST_CASE("triggers: a callback URL without a path is called and signed as '/'") {
    Receiver rx;
    Emulator emu(fixed_options());
    emu.start();
    Api api(emu);
    create(api, "CallbackUrl=" + form_url(rx.url("")) + "&TriggerValue=1&UsageCategory=sms&TriggerBy=count");
    emu.add_usage(event(emu.main_account().sid, "sms", fixed_now(), "1", "1", "0"));
    REQUIRE(eventually([&] { return rx.count() == 1; }));
    CHECK(rx.at(0).target == "/");
    CHECK(rx.signed_with(0, emu.main_account().auth_token));
}

TEST_CASE("triggers: a callback URL's query goes out byte for byte as it was signed (',' '+' ';' not re-encoded)") {
    // Twilio signs the URL as configured; a receiver checks the URL it was
    // called on. Were the query re-encoded on the way ("a,b" as "a%2Cb"),
    // every signature check of such a URL would fail.
    Receiver rx;
    Emulator emu(fixed_options());
    emu.start();
    Api api(emu);
    auto const m = emu.main_account();
    std::string const query = "/cb?q=a,b&r=x+y;z&s=%2B1";
    create(api, "CallbackUrl=" + form_url(rx.url(query)) + "&TriggerValue=1&UsageCategory=sms&TriggerBy=count");
    create(api, "CallbackUrl=" + form_url(rx.url(query)) +
                    "&TriggerValue=1&UsageCategory=sms&TriggerBy=count&CallbackMethod=GET");
    emu.add_usage(event(m.sid, "sms", fixed_now(), "1", "1", "0"));
    REQUIRE(eventually([&] { return rx.count() == 2; }));
    for (std::size_t i = 0; i < 2; ++i) {
        auto got = rx.at(i);
        CAPTURE(got.method);
        CHECK(got.target.substr(0, query.size()) == query);
        CHECK(got.params["q"] == "a,b");
        CHECK(rx.signed_with(i, m.auth_token));
    }
}

TEST_CASE("triggers: a trigger whose value is already reached when it is created fires without more usage") {
    Receiver rx;
    Emulator emu(fixed_options());
    emu.start();
    Api api(emu);
    auto const m = emu.main_account();
    emu.add_usage(event(m.sid, "calls-outbound", fixed_now(), "100", "300", "4.2"));
    auto t = create(api, "CallbackUrl=" + form_url(rx.url()) + "&TriggerValue=50&UsageCategory=calls&TriggerBy=count");
    CHECK(str(t.at("current_value")) == "100");
    CHECK(t.at("date_fired").is_null());  // the answer to the create: not fired yet
    REQUIRE(eventually([&] { return rx.count() == 1; }));
    CHECK(rx.at(0).params["CurrentValue"] == "100");
    CHECK(rx.at(0).params["TriggerValue"] == "50");
    CHECK(rx.signed_with(0, m.auth_token));
    auto after = json_of(api.get(api.base() + "/Usage/Triggers/" + str(t.at("sid")) + ".json"));
    CHECK(str(after.at("date_fired")) == "Fri, 15 Mar 2024 10:00:00 +0000");
    // One below the value: created, not fired.
    create(api, "CallbackUrl=" + form_url(rx.url()) + "&TriggerValue=101&UsageCategory=calls&TriggerBy=count");
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    CHECK(rx.count() == 1);
}
