// The library compiled separately (config.hpp): this translation unit sees
// only declarations of the client, the decoder, dates, decimals, query
// encoding and the webhook helpers, and links them from
// twilio_usage_compiled_dep. Every call below must resolve to the compiled
// definitions and behave exactly as header-only (the other suites).
#ifndef TWILIO_USAGE_SEPARATE_COMPILATION
#error "this test is built with TWILIO_USAGE_SEPARATE_COMPILATION"
#endif

#include "twilio_usage/testing/emulator.hpp"
#include "twilio_usage/twilio_usage.hpp"

#include <doctest/doctest.h>

#include <set>
#include <string>

using namespace twilio_usage;
using namespace std::chrono_literals;

namespace {

Timestamp const now = std::chrono::sys_days{2024y / 3 / 15} + 12h;

struct Fixture {
    Fixture() : emu(options()) { emu.start(); }
    static testing::EmulatorOptions options() {
        testing::EmulatorOptions o;
        o.fixed_now = now;
        return o;
    }
    Client client() const {
        ClientOptions options;
        options.base_url = emu.base_url();
        return Client(Credentials::from_auth_token(emu.main_account().sid, emu.main_account().auth_token),
                      std::move(options));
    }
    testing::Emulator emu;
};

}  // namespace

TEST_CASE("separate compilation: records listed over loopback, page by page, typed") {
    Fixture f;
    f.emu.add_usage({f.emu.main_account().sid, Category::sms, now - 1h, Decimal(7), Decimal(7),
                     Decimal::parse("0.0525").value()});
    auto client = f.client();

    auto today = client.records().today(RecordsQuery{}.category(Category::sms)).try_collect();
    REQUIRE(today.has_value());
    REQUIRE(today->size() == 1);
    CHECK((*today)[0].count == Decimal(7));
    CHECK((*today)[0].price->to_string() == "0.0525");
    CHECK(format_date(*(*today)[0].start_date) == "2024-03-15");

    // Two days of every category in pages of 100: the page fetcher, the pager
    // and the executor all come from the library.
    auto listing = client.records().daily(
        RecordsQuery{}.start_date(2024y / 3 / 14).end_date(2024y / 3 / 15).page_size(100));
    std::set<std::pair<std::string, std::string>> seen;
    std::size_t items = 0;
    for (UsageRecord const& r : listing) {
        ++items;
        seen.emplace(std::string(r.category->wire_name()), format_date(*r.start_date));
    }
    CHECK(items == 2 * category_count);
    CHECK(seen.size() == items);
    CHECK(listing.pages_fetched() == (2 * category_count + 99) / 100);
}

TEST_CASE("separate compilation: a wrong query and a wrong SID fail before anything is sent") {
    Fixture f;
    auto client = f.client();
    auto bad = client.records().daily(RecordsQuery{}.start_date(2024y / 3 / 15).end_date(2024y / 3 / 1)).try_fetch_page();
    REQUIRE_FALSE(bad.has_value());
    CHECK(bad.error().field == "start_date");
    CHECK(bad.error().message.find("swap them") != std::string::npos);

    auto missing = client.triggers().try_fetch("UTnothex");
    REQUIRE_FALSE(missing.has_value());
    CHECK(missing.error().kind == ErrorKind::invalid_request);
    CHECK(missing.error().field == "sid");
}

TEST_CASE("separate compilation: a trigger created, read, changed, listed and deleted") {
    Fixture f;
    auto triggers = f.client().triggers();
    auto created = triggers.try_create(TriggerCreate{}
                                           .friendly_name("separate")
                                           .usage_category(Category::sms)
                                           .trigger_value("+1000")
                                           .callback_url("http://example.com/hook")
                                           .trigger_by(TriggerBy::count));
    REQUIRE(created.has_value());
    REQUIRE(created->sid);
    CHECK(created->friendly_name == "separate");

    auto updated = triggers.try_update(*created->sid, TriggerUpdate{}.friendly_name("renamed"));
    REQUIRE(updated.has_value());
    CHECK(updated->friendly_name == "renamed");

    auto all = triggers.list().try_collect();
    REQUIRE(all.has_value());
    REQUIRE(all->size() == 1);
    CHECK((*all)[0].sid == created->sid);

    REQUIRE(triggers.try_remove(*created->sid).has_value());
    auto gone = triggers.try_fetch(*created->sid);
    REQUIRE_FALSE(gone.has_value());
    CHECK(gone.error().http_status == 404);
}

TEST_CASE("separate compilation: decoder, dates, decimals and webhook helpers from the library") {
    auto page = decode_page<UsageRecord>(
        R"({"usage_records":[{"category":"sms","price":"1.50","start_date":"2024-03-15"}],"page_size":50})",
        "usage_records");
    REQUIRE(page.has_value());
    REQUIRE(page->items.size() == 1);
    CHECK(page->items[0].price->to_string() == "1.50");
    CHECK(page->info.page_size == 50);

    auto wrong = decode_json<UsageTrigger>(R"({"trigger_value": true})");
    REQUIRE_FALSE(wrong.has_value());
    CHECK(wrong.error().field == "UsageTrigger.trigger_value");

    CHECK_FALSE(parse_date("2024-02-30").has_value());
    CHECK(format_iso8601(parse_iso8601("2024-03-15T12:00:00+01:00").value()) == "2024-03-15T11:00:00+00:00");
    CHECK((Decimal::parse("0.1").value() + Decimal::parse("0.2").value()).to_string() == "0.3");

    webhook::FormParams params{{"UsageCategory", "sms"}, {"CurrentValue", "1000.5"}};
    std::string const url = "https://example.com/hook";
    auto signature = webhook::compute_signature("token", url, params);
    CHECK(webhook::validate_signature("token", url, params, signature));
    CHECK_FALSE(webhook::validate_signature("other", url, params, signature));
    auto callback = webhook::parse_callback(params);
    REQUIRE(callback.has_value());
    CHECK(callback->current_value->to_string() == "1000.5");
}
