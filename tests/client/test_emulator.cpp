// The client against the emulator over loopback: every operation and
// subresource, paging over thousands of records, errors and retries,
// subaccounts and API keys, and a signed trigger callback end to end.
#include "servers.hpp"
#include "twilio_usage/testing/emulator.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <sstream>

using namespace twilio_usage;
using namespace test_support;
using namespace std::chrono_literals;

namespace {

// One record per category a day: every category the spec lists.
constexpr std::size_t categories = category_count;
Timestamp const now = std::chrono::sys_days{2024y / 3 / 15} + 12h;

testing::EmulatorOptions fixed(bool prices_as_numbers = false) {
    testing::EmulatorOptions o;
    o.fixed_now = now;
    o.prices_as_numbers = prices_as_numbers;
    return o;
}

struct Fixture {
    explicit Fixture(testing::EmulatorOptions o = fixed()) : emu(std::move(o)) { emu.start(); }
    Client client(ClientOptions options = {}) const {
        options.base_url = emu.base_url();
        return Client(Credentials::from_auth_token(emu.main_account().sid, emu.main_account().auth_token),
                      std::move(options));
    }
    void usage(OpenCategory c, int count, std::string const& price, Timestamp when = now - 1h,
               std::string account = {}) {
        emu.add_usage({account.empty() ? emu.main_account().sid : account, std::move(c), when, Decimal(count),
                       Decimal(count), Decimal::parse(price).value()});
    }
    testing::Emulator emu;
};

using Key = std::pair<std::string, std::string>;  // category, start date
Key key(UsageRecord const& r) {
    return {std::string(r.category ? r.category->wire_name() : ""), r.start_date ? format_date(*r.start_date) : ""};
}

std::vector<std::string>& messages() {
    static std::vector<std::string> all;
    return all;
}
Error const& noted(Error const& e) {
    messages().push_back(e.to_string());
    return e;
}

}  // namespace

TEST_CASE("the seed's first example: today's usage by category with prices") {
    Fixture f;
    f.usage(Category::sms, 3, "0.38");
    auto client = f.client();
    std::ostringstream out;
    for (auto const& r : client.records().today())
        out << r.description.value_or("") << ": " << r.price.value_or(Decimal{}) << "\n";
    std::istringstream in(out.str());
    std::vector<std::string> lines;
    for (std::string l; std::getline(in, l);) lines.push_back(l);
    CHECK(lines.size() == categories);
    CHECK(std::count(lines.begin(), lines.end(), std::string(description(Category::sms)) + ": 0.38") == 1);
}

TEST_CASE("| non_zero keeps the records with usage, lazily, page by page") {
    Fixture f;
    f.usage(Category::sms_outbound_longcode, 3, "0.0237");
    f.usage(Category::calls_inbound_local, 2, "0.0170");
    auto client = f.client();
    auto listing = client.records().today(RecordsQuery{}.page_size(100));
    std::set<std::string> kept;
    for (UsageRecord const& r : listing | non_zero) {
        CHECK(has_usage(r));
        kept.insert(std::string(r.category->wire_name()));
    }
    // The two categories, their parents up the hierarchy and the totals; far fewer than all.
    CHECK(kept.count("sms-outbound-longcode") == 1);
    CHECK(kept.count("sms") == 1);
    CHECK(kept.count("calls-inbound-local") == 1);
    CHECK(kept.count("calls") == 1);
    CHECK(kept.count("totalprice") == 1);
    CHECK(kept.count("calls-outbound") == 0);
    std::size_t with_usage = 0;
    for (UsageRecord const& r : client.records().today()) with_usage += has_usage(r);
    CHECK(kept.size() == with_usage);
    CHECK(kept.size() < categories / 10);
    // An rvalue listing works too (the adaptor owns it).
    CHECK(std::ranges::distance(client.records().today() | non_zero) == static_cast<std::ptrdiff_t>(with_usage));
}

TEST_CASE("every records operation, one record per category per period") {
    Fixture f;
    f.usage(Category::sms, 7, "0.07");
    auto records = f.client().records();
    auto q = RecordsQuery{}.page_size(1000);
    auto count = [](Listing<UsageRecord> l) {
        auto all = l.collect();
        std::set<Key> keys;
        for (auto const& r : all) keys.insert(key(r));
        CHECK(keys.size() == all.size());
        return all.size();
    };
    CHECK(count(records.list(q)) == categories);
    CHECK(count(records.all_time(q)) == categories);
    CHECK(count(records.today(q)) == categories);
    CHECK(count(records.yesterday(q)) == categories);
    CHECK(count(records.this_month(q)) == categories);
    CHECK(count(records.last_month(q)) == categories);
    CHECK(count(records.daily(RecordsQuery{}.start_date(2024y / 3 / 10).end_date(2024y / 3 / 15).page_size(1000))) ==
          6 * categories);
    CHECK(count(records.monthly(RecordsQuery{}.start_date(2024y / 1 / 1).end_date(2024y / 3 / 15).page_size(1000))) ==
          3 * categories);
    CHECK(count(records.yearly(RecordsQuery{}.start_date(2023y / 1 / 1).end_date(2024y / 3 / 15).page_size(1000))) ==
          2 * categories);

    // A category filter, and the typed fields of the record.
    auto sms = records.today(RecordsQuery{}.category(Category::sms)).collect();
    REQUIRE(sms.size() == 1);
    CHECK(sms[0].count == Decimal(7));
    CHECK(sms[0].price == Decimal::parse("0.07").value());
    CHECK(sms[0].start_date == Date{2024y / 3 / 15});
    CHECK(sms[0].price_unit == "usd");
    CHECK(sms[0].account_sid == f.emu.main_account().sid);
    auto yesterday = records.yesterday(RecordsQuery{}.category(Category::sms)).collect();
    REQUIRE(yesterday.size() == 1);
    CHECK(yesterday[0].count == Decimal(0));
}

TEST_CASE("paging over thousands of Daily records: lazy, no duplicates, no gaps, one page held") {
    Fixture f;
    auto client = f.client();
    auto const q = RecordsQuery{}.start_date(2024y / 3 / 4).end_date(2024y / 3 / 15).page_size(1000);
    std::size_t const total = 12 * categories;

    auto listing = client.records().daily(q);
    auto const before = f.emu.request_count();
    std::set<Key> keys;
    std::size_t i = 0;
    std::size_t max_buffered = 0;
    for (auto const& r : listing) {
        // The page holding item i has been fetched, and no page after it.
        CHECK(f.emu.request_count() - before == i / 1000 + 1);
        max_buffered = std::max(max_buffered, listing.buffered_items());
        keys.insert(key(r));
        ++i;
    }
    CHECK(i == total);
    CHECK(keys.size() == total);  // no duplicates
    CHECK(f.emu.request_count() - before == 8);
    CHECK(max_buffered <= 1000);
    // No gaps: every category on every day.
    std::set<std::string> days;
    for (auto const& k : keys) days.insert(k.second);
    CHECK(days.size() == 12);
    CHECK(*days.begin() == "2024-03-04");
    CHECK(*days.rbegin() == "2024-03-15");

    // Nothing is fetched before iteration begins.
    auto const idle = f.emu.request_count();
    auto unused = client.records().daily(q);
    CHECK(f.emu.request_count() == idle);
}

TEST_CASE("page size and limit are separate settings") {
    Fixture f;
    auto client = f.client();
    auto const q = RecordsQuery{}.start_date(2024y / 3 / 4).end_date(2024y / 3 / 15).page_size(500);
    auto before = f.emu.request_count();
    auto limited = client.records().daily(q).limit(1234).collect();
    CHECK(limited.size() == 1234);
    CHECK(f.emu.request_count() - before == 3);
    std::set<Key> keys;
    for (auto const& r : limited) keys.insert(key(r));
    CHECK(keys.size() == 1234);

    before = f.emu.request_count();
    CHECK(client.records().today(RecordsQuery{}.page_size(50)).limit(10).collect().size() == 10);
    CHECK(f.emu.request_count() - before == 1);

    // Default page size (50): one page per 50 categories (13 for the spec's 646).
    before = f.emu.request_count();
    std::size_t pages = 0;
    for (auto const& page : client.records().today().pages()) {
        REQUIRE(page.has_value());
        CHECK(page->items.size() <= 50);
        ++pages;
    }
    CHECK(pages == (categories + 49) / 50);
    CHECK(f.emu.request_count() - before == pages);
}

TEST_CASE("resuming: a limit inside a page, resumed by a second client, gives the rest, nothing twice") {
    Fixture f;
    auto const q = RecordsQuery{}.start_date(2024y / 3 / 4).end_date(2024y / 3 / 5).page_size(100);
    std::size_t const total = 2 * categories;
    std::vector<Key> const all = [&] {
        std::vector<Key> out;
        for (auto const& r : f.client().records().daily(q)) out.push_back(key(r));
        return out;
    }();
    REQUIRE(all.size() == total);
    for (std::size_t limit : {1, 4, 150, 200, 333}) {
        CAPTURE(limit);
        // Item by item, stopping at the limit, then in chunks of `limit` until nothing is left.
        std::vector<Key> seen;
        std::optional<ResumePoint> at;
        {
            auto listing = f.client().records().daily(q).limit(limit);
            for (auto const& r : listing) seen.push_back(key(r));
            at = listing.resume_point();
        }
        int rounds = 0;
        while (at && ++rounds < 2000) {
            auto const stored = at->to_string();  // what a program would write down
            auto second = f.client().records().resume(stored).limit(limit);
            for (auto const& r : second) seen.push_back(key(r));
            at = second.resume_point();
        }
        CHECK_FALSE(at);
        CHECK(seen == all);  // the same items in the same order: none lost, none twice

        // The same through fetch_page() and Page::resume.
        std::vector<Key> paged;
        auto page = f.client().records().daily(q).limit(limit).fetch_page();
        for (auto const& r : page.items) paged.push_back(key(r));
        rounds = 0;
        while (page.resume && ++rounds < 2000) {
            page = f.client().records().resume(page.resume->to_string()).limit(limit).fetch_page();
            for (auto const& r : page.items) paged.push_back(key(r));
        }
        CHECK(paged == all);
    }
}

TEST_CASE("resuming: a point taken inside the iteration resumes after the item being read") {
    Fixture f;
    auto client = f.client();
    auto const q = RecordsQuery{}.start_date(2024y / 3 / 4).end_date(2024y / 3 / 4).page_size(50);
    auto listing = client.records().daily(q);
    CHECK(listing.resume_point() == ResumePoint{listing.first_page_uri().value(), 0});
    std::vector<Key> head;
    std::optional<ResumePoint> at;
    for (auto const& r : listing) {
        head.push_back(key(r));
        if (head.size() == 73) {
            at = listing.resume_point();
            break;
        }
    }
    REQUIRE(at);
    CHECK(at->skip == 23);  // the second page, its first 23 read
    CHECK(at->to_string().ends_with("#skip=23"));
    auto rest = client.for_account(f.emu.main_account().sid).records().resume(*at).collect();
    CHECK(head.size() + rest.size() == categories);
    std::set<Key> keys(head.begin(), head.end());
    for (auto const& r : rest) keys.insert(key(r));
    CHECK(keys.size() == categories);

    // A listing read to its end has nothing left to resume.
    auto whole = client.records().daily(q);
    for ([[maybe_unused]] auto const& r : whole) {
    }
    CHECK_FALSE(whole.resume_point());

    // A text that is not a resume point is refused before anything is sent.
    auto before = f.emu.request_count();
    auto bad = client.records().resume(at->page_uri + "#page=2").try_fetch_page();
    REQUIRE_FALSE(bad.has_value());
    CHECK(bad.error().field == "resume");
    CHECK(f.emu.request_count() == before);
}

TEST_CASE("one page on its own, then resume from the stored next_page_uri") {
    Fixture f;
    auto client = f.client();
    auto const q = RecordsQuery{}.start_date(2024y / 3 / 4).end_date(2024y / 3 / 15).page_size(700);
    auto first = client.records().daily(q).fetch_page();
    CHECK(first.items.size() == 700);
    REQUIRE(first.info.next_page_uri);
    std::string const stored = *first.info.next_page_uri;

    std::set<Key> keys;
    for (auto const& r : first.items) keys.insert(key(r));
    auto before = f.emu.request_count();
    auto rest = client.records().resume(stored).collect();
    CHECK(rest.size() == 12 * categories - 700);
    for (auto const& r : rest) keys.insert(key(r));
    CHECK(keys.size() == 12 * categories);
    CHECK(f.emu.request_count() - before == 11);

    // The stored URI spelled as an absolute URL on the same host works too.
    auto second = client.records().fetch_page(f.emu.base_url() + stored);
    CHECK(second.items.size() == 700);
    CHECK(key(second.items[0]) == key(rest[0]));
}

// Needs the IPv6 loopback address (::1) on the test machine; without it the
// emulator's start() throws "cannot bind ::1" and this case fails.
TEST_CASE("over IPv6 loopback: a bracketed base URL, its pages and an absolute next page URL") {
    auto o = fixed();
    o.host = "::1";
    Fixture f(o);
    REQUIRE(f.emu.base_url().starts_with("http://[::1]:"));
    f.usage(Category::sms, 4, "0.04");
    auto client = f.client();

    auto const q = RecordsQuery{}.start_date(2024y / 3 / 13).end_date(2024y / 3 / 15).page_size(1000);
    std::set<Key> keys;
    for (auto const& r : client.records().daily(q)) keys.insert(key(r));
    CHECK(keys.size() == 3 * categories);  // two pages of the spec's 646
    auto const today = client.records().today(RecordsQuery{}.category(Category::sms)).collect();
    REQUIRE(today.size() == 1);
    CHECK(today[0].count == Decimal(4));

    auto first = client.records().daily(q).fetch_page();
    REQUIRE(first.info.next_page_uri);
    auto second = client.records().fetch_page(f.emu.base_url() + *first.info.next_page_uri);
    CHECK(second.items.size() == std::min<std::size_t>(3 * categories - 1000, 1000));
}

TEST_CASE("an unknown category and prices sent as JSON numbers") {
    for (bool numbers : {false, true}) {
        CAPTURE(numbers);
        Fixture f(fixed(numbers));
        f.usage(OpenCategory("brand-new-category-2030"), 5, "1.2345");
        f.usage(Category::sms, 3, "0.38");
        auto all = f.client().records().today(RecordsQuery{}.page_size(1000)).collect();
        CHECK(all.size() == categories + 1);
        auto unknown = std::find_if(all.begin(), all.end(), [](UsageRecord const& r) {
            return r.category && r.category->wire_name() == "brand-new-category-2030";
        });
        REQUIRE(unknown != all.end());
        CHECK_FALSE(unknown->category->is_known());
        CHECK(unknown->price == Decimal::parse("1.2345").value());
        auto sms = std::find_if(all.begin(), all.end(),
                                [](UsageRecord const& r) { return r.category && *r.category == Category::sms; });
        REQUIRE(sms != all.end());
        CHECK(sms->price == Decimal::parse("0.38").value());
        CHECK(sms->price->to_string() == "0.38");
    }
}

TEST_CASE("API errors from the emulator: 401, 404, 400") {
    Fixture f;
    ClientOptions options;
    options.base_url = f.emu.base_url();
    Client wrong(Credentials::from_auth_token(f.emu.main_account().sid, auth_token), options);
    auto unauthorized = wrong.records().today().try_fetch_page();
    REQUIRE_FALSE(unauthorized.has_value());
    CHECK(noted(unauthorized.error()).http_status == 401);
    CHECK(unauthorized.error().code == 20003);
    CHECK_FALSE(unauthorized.error().message.empty());
    CHECK_THROWS_AS(wrong.triggers().fetch("UT0123456789abcdef0123456789abcdef"), Exception);

    auto client = f.client();
    auto missing = client.triggers().try_fetch("UT0123456789abcdef0123456789abcdef");
    REQUIRE_FALSE(missing.has_value());
    CHECK(noted(missing.error()).http_status == 404);
    CHECK(missing.error().code == 20404);
    CHECK_FALSE(missing.error().more_info.empty());

    // A range the client lets through but the emulator refuses.
    auto bad = client.records().daily(RecordsQuery{}.start_date(1700y / 1 / 1).end_date(2024y / 1 / 1)).try_fetch_page();
    REQUIRE_FALSE(bad.has_value());
    CHECK(noted(bad.error()).http_status == 400);
    CHECK(bad.error().kind == ErrorKind::api);
}

TEST_CASE("retries against the emulator: 429 with Retry-After, hook, 500 not retried") {
    Fixture f;
    ClientOptions options;
    options.retry = RetryPolicy::exponential(4);
    std::vector<RetryEvent> events;
    std::vector<std::string> event_messages;
    options.retry.on_retry = [&](RetryEvent const& e) {
        events.push_back(e);
        event_messages.push_back(e.error.to_string());
    };
    auto client = f.client(options);

    f.emu.fail_next(2, 429, 0);
    auto before = f.emu.request_count();
    CHECK(client.records().today(RecordsQuery{}.page_size(1000)).collect().size() == categories);
    CHECK(f.emu.request_count() - before == 3);
    REQUIRE(events.size() == 2);
    CHECK(events[0].attempt == 1);
    CHECK(events[1].attempt == 2);
    CHECK(events[0].delay == 0ms);
    CHECK(event_messages[0].find("429") != std::string::npos);

    // Retry-After: 1 is waited for.
    events.clear();
    f.emu.fail_next(1, 503, 1);
    auto started = std::chrono::steady_clock::now();
    CHECK(client.triggers().list().collect().empty());
    CHECK(std::chrono::steady_clock::now() - started >= 900ms);
    REQUIRE(events.size() == 1);
    CHECK(events[0].delay == 1000ms);

    // 500 is not retried.
    events.clear();
    f.emu.fail_next(1, 500);
    before = f.emu.request_count();
    auto failed = client.records().today().try_fetch_page();
    REQUIRE_FALSE(failed.has_value());
    CHECK(noted(failed.error()).http_status == 500);
    CHECK(f.emu.request_count() - before == 1);
    CHECK(events.empty());

    // Without a policy, a 429 comes straight back.
    f.emu.fail_next(1, 429, 0);
    auto plain = f.client().records().today().try_fetch_page();
    REQUIRE_FALSE(plain.has_value());
    CHECK(noted(plain.error()).http_status == 429);
}

TEST_CASE("triggers against the emulator: create, relative create, list, fetch, update, delete") {
    Fixture f;
    f.usage(Category::sms, 250, "2.5");
    auto triggers = f.client().triggers();

    auto absolute = triggers.create(TriggerCreate{}
                                        .friendly_name("1000 messages")
                                        .usage_category(Category::sms)
                                        .trigger_value("1000")
                                        .callback_url("http://example.com/thousand-sms")
                                        .trigger_by(TriggerBy::count));
    REQUIRE(absolute.sid);
    CHECK(detail::is_sid(*absolute.sid, "UT"));
    CHECK(absolute.trigger_value == Decimal(1000));
    CHECK(absolute.current_value == Decimal(250));
    CHECK(absolute.trigger_by == TriggerBy::count);
    CHECK(absolute.callback_method == CallbackMethod::post);
    CHECK(absolute.date_created);
    CHECK_FALSE(absolute.date_fired);

    auto relative = triggers.create(TriggerCreate{}
                                        .friendly_name("next 1000")
                                        .usage_category(Category::sms)
                                        .trigger_value(TriggerValue::relative(1000))
                                        .callback_url("http://example.com/thousand-sms")
                                        .trigger_by(TriggerBy::count)
                                        .recurring(Recurring::daily));
    CHECK(relative.trigger_value == Decimal(1250));
    CHECK(relative.recurring == Recurring::daily);

    for (int i = 0; i < 3; ++i)
        triggers.create(TriggerCreate{}
                            .usage_category(Category::calls)
                            .trigger_value(10 + i)
                            .callback_url("https://example.com/calls"));

    auto all = triggers.list(TriggersQuery{}.page_size(2)).collect();
    CHECK(all.size() == 5);
    auto sms = triggers.list(TriggersQuery{}.usage_category(Category::sms)).collect();
    CHECK(sms.size() == 2);
    auto daily = triggers.list(TriggersQuery{}.recurring(Recurring::daily)).collect();
    REQUIRE(daily.size() == 1);
    CHECK(daily[0].sid == relative.sid);

    auto fetched = triggers.fetch(*absolute.sid);
    CHECK(fetched.friendly_name == "1000 messages");
    auto updated = triggers.update(*absolute.sid, TriggerUpdate{}
                                                      .friendly_name("renamed")
                                                      .callback_url("https://example.com/new")
                                                      .callback_method(CallbackMethod::get));
    CHECK(updated.friendly_name == "renamed");
    CHECK(updated.callback_url == "https://example.com/new");
    CHECK(updated.callback_method == CallbackMethod::get);
    CHECK(updated.trigger_value == Decimal(1000));

    triggers.remove(*absolute.sid);
    auto gone = triggers.try_fetch(*absolute.sid);
    REQUIRE_FALSE(gone.has_value());
    CHECK(gone.error().http_status == 404);
    CHECK(triggers.list().collect().size() == 4);
    auto again = triggers.try_remove(*absolute.sid);
    REQUIRE_FALSE(again.has_value());
    CHECK(again.error().http_status == 404);
}

TEST_CASE("a subaccount with the parent's credentials, and an API key") {
    Fixture f;
    auto sub = f.emu.add_account(f.emu.main_account().sid);
    f.usage(Category::sms, 11, "0.11", now - 1h, sub.sid);
    auto parent = f.client();
    auto for_sub = parent.for_account(sub.sid);
    CHECK(for_sub.account_sid() == sub.sid);
    auto records = for_sub.records().today(RecordsQuery{}.category(Category::sms)).collect();
    REQUIRE(records.size() == 1);
    CHECK(records[0].count == Decimal(11));
    CHECK(records[0].account_sid == sub.sid);

    auto key = f.emu.add_api_key(f.emu.main_account().sid);
    ClientOptions options;
    options.base_url = f.emu.base_url();
    Client with_key(Credentials::from_api_key(key.sid, key.secret, f.emu.main_account().sid), options);
    auto page = with_key.records().today(RecordsQuery{}.category(Category::sms)).try_fetch_page();
    REQUIRE(page.has_value());
    CHECK(page->items.size() == 1);
    // The subaccount option works the same as for_account.
    options.account_sid = sub.sid;
    Client sub_by_option(Credentials::from_auth_token(f.emu.main_account().sid, f.emu.main_account().auth_token),
                         options);
    CHECK(sub_by_option.records().today(RecordsQuery{}.category(Category::sms)).collect().at(0).count == Decimal(11));
}

TEST_CASE("a trigger callback from the emulator: signature checked, parameters typed") {
    Fixture f;
    LocalServer hook;
    std::mutex mu;
    std::condition_variable cv;
    std::vector<std::pair<bool, Result<TriggerCallback>>> received;
    std::string const token = f.emu.main_account().auth_token;
    std::string hook_url;
    hook.server.Post("/hook", [&](httplib::Request const& req, httplib::Response& res) {
        auto params = webhook::parse_form(req.body);
        bool valid = params.has_value() &&
                     webhook::validate_signature(token, hook_url, *params,
                                                 req.has_header("X-Twilio-Signature")
                                                     ? std::optional<std::string>(req.get_header_value("X-Twilio-Signature"))
                                                     : std::nullopt);
        bool tampered_valid = false;
        if (params && !params->empty()) {
            auto tampered = *params;
            tampered[0].second += "x";
            tampered_valid = webhook::validate_signature(token, hook_url, tampered, req.get_header_value("X-Twilio-Signature"));
        }
        {
            std::lock_guard lock(mu);
            received.emplace_back(valid && !tampered_valid, webhook::parse_callback(req.body));
        }
        cv.notify_all();
        res.status = 200;
    });
    hook.start();
    hook_url = hook.base_url() + "/hook";

    auto trigger = f.client().triggers().create(TriggerCreate{}
                                                    .usage_category(Category::sms)
                                                    .trigger_value(100)
                                                    .trigger_by(TriggerBy::count)
                                                    .callback_url(hook_url));
    f.usage(Category::sms, 150, "1.5");
    std::unique_lock lock(mu);
    REQUIRE(cv.wait_for(lock, 5s, [&] { return !received.empty(); }));
    auto const& [valid, callback] = received.front();
    CHECK(valid);
    REQUIRE(callback.has_value());
    CHECK(callback->usage_trigger_sid == trigger.sid);
    CHECK(callback->account_sid == f.emu.main_account().sid);
    CHECK(callback->usage_category == OpenCategory(Category::sms));
    CHECK(callback->trigger_value == Decimal(100));
    CHECK(callback->current_value == Decimal(150));
    CHECK(callback->date_fired);
    CHECK(callback->idempotency_token);
}

TEST_CASE("no error message from the emulator cases contains an auth token") {
    REQUIRE(messages().size() >= 5);
    for (auto const& m : messages()) {
        CAPTURE(m);
        CHECK(m.find(auth_token) == std::string::npos);
        CHECK(m.find("[redacted]") == std::string::npos);
    }
}
