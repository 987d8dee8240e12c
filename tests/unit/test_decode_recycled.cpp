// PageDecoder over recycled items: a page decoded into the items of an
// earlier page must equal the same page decoded fresh, whatever the earlier
// page held (more or fewer items, fields this page omits or sends as null, a
// nested object this page lacks, an unknown category, long strings), and an
// error must be the same error. Also checks that the items' string storage
// is in fact reused, since that is the point.
#include "twilio_usage/types.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace twilio_usage;

namespace {

// Record objects that differ in every way the decoder cares about.
std::vector<std::string> const record_variants = {
    // every field, with the nested object
    R"({"account_sid":"ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","api_version":"2010-04-01","as_of":"2024-06-30T12:00:00+00:00",)"
    R"("category":"calls-inbound","description":"Voice Minutes: Inbound, a description longer than the SSO buffer",)"
    R"("start_date":"2024-06-01","end_date":"2024-06-30","count":"1234","count_unit":"calls","usage":"5678.5",)"
    R"("usage_unit":"minutes","price":"-12.345","price_unit":"usd",)"
    R"("uri":"/2010-04-01/Accounts/ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Usage/Records/Daily.json?Category=calls-inbound&StartDate=2024-06-01&EndDate=2024-06-30",)"
    R"("subresource_uris":{"all_time":"/a/AllTime.json?Category=calls-inbound","daily":"/a/Daily.json?Category=calls-inbound",)"
    R"("last_month":"/a/LastMonth.json","monthly":"/a/Monthly.json","this_month":"/a/ThisMonth.json",)"
    R"("today":"/a/Today.json","yearly":"/a/Yearly.json","yesterday":"/a/Yesterday.json"}})",
    // nothing at all
    R"({})",
    // every field null
    R"({"account_sid":null,"api_version":null,"as_of":null,"category":null,"description":null,"start_date":null,)"
    R"("end_date":null,"count":null,"count_unit":null,"usage":null,"usage_unit":null,"price":null,)"
    R"("price_unit":null,"uri":null,"subresource_uris":null})",
    // an unknown category, numbers for amounts, unknown keys, fields out of order
    R"({"price":0.1,"category":"brand-new-category-name-from-twilio","unknown":{"x":[1,2,{"y":"z"}]},)"
    R"("usage":12,"count":"0","extra":"text","description":"short"})",
    // a nested object with two of its keys, and short strings
    R"({"account_sid":"AC1","uri":"/u","subresource_uris":{"daily":"/d","yearly":"/y"},"start_date":"2023-01-01"})",
    // a nested object with none of its keys; the same key twice (the last one counts)
    R"({"subresource_uris":{},"description":"first","description":"second","count_unit":""})",
};

std::string page_of(std::vector<std::size_t> const& variants) {
    std::string out = R"({"page":0,"page_size":50,"next_page_uri":null,"usage_records":[)";
    for (std::size_t i = 0; i < variants.size(); ++i) {
        if (i) out += ',';
        out += record_variants[variants[i]];
    }
    return out + "]}";
}

// Pages of 0 to 12 records mixing the variants in different orders.
std::vector<std::string> pages() {
    std::vector<std::string> out;
    std::size_t const n = record_variants.size();
    out.push_back(page_of({}));
    for (std::size_t first = 0; first < n; ++first) out.push_back(page_of({first}));
    std::vector<std::size_t> all, reversed, twice;
    for (std::size_t i = 0; i < n; ++i) all.push_back(i);
    for (std::size_t i = n; i-- > 0;) reversed.push_back(i);
    for (std::size_t i = 0; i < 2 * n; ++i) twice.push_back((i * 5 + 1) % n);
    out.push_back(page_of(all));
    out.push_back(page_of(reversed));
    out.push_back(page_of(twice));
    return out;
}

Result<Page<UsageRecord>> decode_over(std::string_view body, std::vector<UsageRecord> recycled) {
    PageDecoder<UsageRecord> decoder("usage_records", std::move(recycled));
    // Two pieces, so that split strings reach recycled items too.
    decoder.write(body.substr(0, body.size() / 2)) && decoder.write(body.substr(body.size() / 2));
    return decoder.finish();
}

}  // namespace

TEST_CASE("a page decoded over any earlier page's items equals the page decoded fresh") {
    auto const all = pages();
    for (auto const& earlier : all) {
        auto const before = decode_page<UsageRecord>(earlier, "usage_records");
        REQUIRE(before.has_value());
        for (auto const& body : all) {
            CAPTURE(earlier);
            CAPTURE(body);
            auto const fresh = decode_page<UsageRecord>(body, "usage_records");
            REQUIRE(fresh.has_value());
            auto const recycled = decode_over(body, before->items);
            REQUIRE(recycled.has_value());
            CHECK(recycled->info == fresh->info);
            REQUIRE(recycled->items.size() == fresh->items.size());
            for (std::size_t i = 0; i < fresh->items.size(); ++i) {
                CAPTURE(i);
                CHECK(recycled->items[i] == fresh->items[i]);
            }
        }
    }
}

TEST_CASE("the fields a record omits come out empty, not left from the recycled record") {
    auto const full = decode_page<UsageRecord>(page_of({0, 0}), "usage_records");
    REQUIRE(full.has_value());
    REQUIRE(full->items[0].subresource_uris.has_value());
    auto const page = decode_over(page_of({4, 1}), full->items);
    REQUIRE(page.has_value());
    REQUIRE(page->items.size() == 2);
    UsageRecord const& some = page->items[0];
    CHECK(some.account_sid == "AC1");
    CHECK(!some.description.has_value());
    CHECK(!some.price.has_value());
    CHECK(!some.as_of.has_value());
    CHECK(!some.category.has_value());
    REQUIRE(some.subresource_uris.has_value());
    CHECK(some.subresource_uris->daily == "/d");
    CHECK(!some.subresource_uris->all_time.has_value());
    CHECK(page->items[1] == UsageRecord{});
}

TEST_CASE("recycled items keep their string storage") {
    auto const body = page_of({0, 0, 0});
    auto first = decode_page<UsageRecord>(body, "usage_records");
    REQUIRE(first.has_value());
    std::vector<char const*> buffers;
    for (auto const& r : first->items) buffers.push_back(r.uri->data());
    auto const again = decode_over(body, std::move(first->items));
    REQUIRE(again.has_value());
    REQUIRE(again->items.size() == 3);
    for (std::size_t i = 0; i < 3; ++i) CHECK(static_cast<void const*>(again->items[i].uri->data()) == buffers[i]);
}

TEST_CASE("an error over recycled items is the error of a fresh decoder") {
    auto const earlier = decode_page<UsageRecord>(page_of({0, 3, 4}), "usage_records");
    REQUIRE(earlier.has_value());
    for (std::string const body : {
             R"({"usage_records":[{},{"price":"abc"}]})",
             R"({"usage_records":[{"subresource_uris":"text"}]})",
             R"({"usage_records":[{"uri":"/x"},)",
             R"({"page":0})",
         }) {
        CAPTURE(body);
        auto const fresh = decode_page<UsageRecord>(body, "usage_records");
        auto const recycled = decode_over(body, earlier->items);
        REQUIRE(!fresh.has_value());
        REQUIRE(!recycled.has_value());
        CHECK(recycled.error().field == fresh.error().field);
        CHECK(recycled.error().message == fresh.error().message);
        CHECK(recycled.error().found == fresh.error().found);
    }
}

TEST_CASE("triggers decoded over earlier triggers equal triggers decoded fresh") {
    std::string const full =
        R"({"sid":"UTaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","account_sid":"ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",)"
        R"("api_version":"2010-04-01","friendly_name":"a name long enough to leave the SSO buffer",)"
        R"("usage_category":"sms","trigger_by":"price","trigger_value":"+100.5","current_value":"3",)"
        R"("recurring":"monthly","callback_url":"https://example.com/hook","callback_method":"POST",)"
        R"("usage_record_uri":"/u","uri":"/t","date_created":"Sat, 01 Jun 2024 00:00:00 +0000",)"
        R"("date_updated":"Sat, 01 Jun 2024 00:00:00 +0000","date_fired":null})";
    std::string const sparse = R"({"sid":"UT1","recurring":"","trigger_by":"count"})";
    auto page = [](std::vector<std::string> const& items) {
        std::string out = R"({"usage_triggers":[)";
        for (std::size_t i = 0; i < items.size(); ++i) out += (i ? "," : "") + items[i];
        return out + "]}";
    };
    for (auto const& [earlier, later] : std::vector<std::pair<std::string, std::string>>{
             {page({full, full}), page({sparse})},
             {page({sparse}), page({full, sparse, full})},
             {page({full}), page({})},
         }) {
        CAPTURE(later);
        auto const before = decode_page<UsageTrigger>(earlier, "usage_triggers");
        REQUIRE(before.has_value());
        auto const fresh = decode_page<UsageTrigger>(later, "usage_triggers");
        REQUIRE(fresh.has_value());
        PageDecoder<UsageTrigger> decoder("usage_triggers", before->items);
        decoder.write(later);
        auto const recycled = decoder.finish();
        REQUIRE(recycled.has_value());
        CHECK(recycled->items == fresh->items);
    }
}

TEST_CASE("a string buffer grown by one long value is given back, not kept for the listing") {
    std::string const long_text(100000, 'x');
    auto const record = [](std::string const& description) {
        return R"({"usage_records":[{"description":")" + description + R"(","uri":"/u"}]})";
    };
    auto long_page = decode_page<UsageRecord>(record(long_text), "usage_records");
    REQUIRE(long_page.has_value());
    REQUIRE(long_page->items.at(0).description->capacity() >= long_text.size());

    SUBCASE("an ordinary value after it gets an ordinary buffer") {
        auto const next = decode_over(record("Inbound Calls"), std::move(long_page->items));
        REQUIRE(next.has_value());
        CHECK(next->items.at(0).description == "Inbound Calls");
        CHECK(next->items.at(0).description->capacity() <= detail::kReusedStringCapacity);
    }
    SUBCASE("another long value reuses it") {
        char const* const buffer = long_page->items.at(0).description->data();
        std::string const other(90000, 'y');
        auto const next = decode_over(record(other), std::move(long_page->items));
        REQUIRE(next.has_value());
        CHECK(next->items.at(0).description == other);
        CHECK(static_cast<void const*>(next->items.at(0).description->data()) == buffer);
    }
}
