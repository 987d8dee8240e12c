// PageDecoder: a page fed in pieces of any size gives exactly what the whole
// body gives (the same page, or the same error: kind, field path, message,
// byte positions), for the fixtures, a large emulator-like page and hostile
// documents. The reference is an independent whole-body parse (one
// basic_parser::write_some with more=false, as decode_page was written before
// PageDecoder).
#include "fixture.hpp"
#include "page_checks.hpp"
#include "twilio_usage/types.hpp"

#include <doctest/doctest.h>

using namespace twilio_usage;
using namespace test_support;
using namespace std::string_literals;

TEST_CASE("PageDecoder: the fixtures in pieces of every size decode as whole") {
    for (char const* name : {"seed_all_records.json", "seed_calls_inbound_range.json", "seed_daily_calls_inbound.json",
                             "seed_last_month.json", "seed_today_calls.json"}) {
        CAPTURE(name);
        std::string const body = fixture(name);
        REQUIRE(reference_decode<UsageRecord>(body, "usage_records").has_value());
        check_every_split<UsageRecord>(body, "usage_records", body.size(), 200);
    }
}

TEST_CASE("PageDecoder: a large page in random pieces, and in pieces of transport sizes") {
    std::string body = R"({"first_page_uri":"/a?Page=0","end":999,"page":0,"page_size":1000,"usage_records":[)";
    for (int i = 0; i < 1000; ++i) {
        if (i) body += ',';
        body += R"({"account_sid":"ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","category":"sms-outbound","count":")" +
                std::to_string(i) + R"(","usage":)" + std::to_string(i * 7) + R"(.25,"price":"-0.)" +
                std::to_string(1000 + i) + R"(","start_date":"2026-11-01","end_date":"2026-11-01",)"
                R"("as_of":"2026-11-22T01:02:03+00:00","subresource_uris":null,"uri":"/x?C=\u00e9"})";
    }
    body += R"(],"next_page_uri":"/a?Page=1&PageToken=PA5","uri":"/a?Page=0"})";
    auto const want = reference_decode<UsageRecord>(body, "usage_records");
    REQUIRE(want.has_value());
    REQUIRE(want->items.size() == 1000);
    for (std::size_t piece : {1u, 2u, 3u, 7u, 64u, 1000u, 4096u, 16384u, 65536u})
        same(decode_in_pieces<UsageRecord>(body, "usage_records", std::vector<std::size_t>(body.size() / piece + 1, piece)),
             want);
    check_every_split<UsageRecord>(body, "usage_records", 0, 20, 7);
}

TEST_CASE("PageDecoder: hostile documents give the same error in any pieces") {
    std::string deep = R"({"usage_records":[{"subresource_uris":{"x":)";
    for (int i = 0; i < 200; ++i) deep += "[";
    std::string deep_ok = R"({"usage_records":[],"x":)";  // 63 levels: within the limit
    for (int i = 0; i < 62; ++i) deep_ok += "[";
    for (int i = 0; i < 62; ++i) deep_ok += "]";
    deep_ok += "}";
    std::string deep_one_more = R"({"usage_records":[],"x":)";
    for (int i = 0; i < 64; ++i) deep_one_more += "[";
    for (int i = 0; i < 64; ++i) deep_one_more += "]";
    deep_one_more += "}";

    std::vector<std::string> const bodies = {
        "", " ", "null", "[]", "\"x\"", "{", "12", "-1.5e3", "tru", "true", "{\"a\":tru", "{\"a\":12",
        "{\"usage_records\":{}}", "{\"usage_records\":null}", "{\"usage_records\":[1]}",
        "{\"usage_records\":[{\"price\":1e999999}]}", "{\"usage_records\":[{\"price\":\"1e1001\"}]}",
        "{\"usage_records\":[{\"as_of\":7}]}", "{\"usage_records\":[{\"subresource_uris\":[]}]}",
        "{\"page\":1.5,\"usage_records\":[]}", "{\"page\":18446744073709551615,\"usage_records\":[]}",
        "{\"usage_records\":[]", "{\"usage_records\":[{\"category\":\"\xff\"}]}", "{\"usage_records\":[],}",
        R"({"usage_records":[]} trailing)", R"({"usage_records":[]}x)", "{\"usage_records\":[]}//c",
        "{\"usage_records\":[]}\f", "{\"usage_records\":[]} \r\n\t", "{\"usage_records\":[]}  \n  {}",
        "\n {\"usage_records\":[]} \n", R"({"page": 0})", R"({"usage_records":[{"uri":"a"}],"usage_records":[{"uri":"b"}]})",
        R"({"usage_records":[{"uri":"a","uri":"b","price":"1","price":null}]})", "{\"a\\r\\nb\": tru",
        "{\"usage_records\":[{\"price\":\"\\n1\"}]}", R"({"usage_records": [{"price": "0.1"}, {"price": true}]})",
        R"({"usage_records": [{"start_date": "2012-13-01"}]})", R"({"usage_records": [{"subresource_uris": {"daily": 5}}]})",
        R"({"usage_records": [{"price": "0.1"})", R"({"usage_records":[{"price": x}], "a":1})",
        R"({"usage_records":[], "a":1 "b"})", "{\"usage_records\":[{\"description\":\"\\ud83d\\ude00\\u00e9\"}]}",
        "{\"usage_records\":[{\"description\":\"\\ud83d\"}]}", "{\"usage_records\":[{\"description\":\"\xf0\x9f\x98\x80\"}]}",
        "{\"usage_records\":[{\"description\":\"\xf0\x9f\x98\"}]}", "{\"usage_records\":[{\"count\":00}]}",
        "{\"usage_records\":[{\"count\":-}]}", "{\"usage_records\":[{\"count\":1.}]}", "{\"usage_records\":[{\"count\":1e}]}",
        "{\"usage_records\":[{\"count\":123456789012345678901234567890}]}", "{\"\xff\":1,\"usage_records\":[]}",
        "{\"usage_records\":[{\"unknown\":{\"a\":[1,{\"b\":\"c\"}]},\"price\":\"2\"}]}", deep, deep_ok, deep_one_more,
        "{\"usage_records\":[{\"category\":\"a\0b\"}]}"s, "{\"usage_records\":[]}\0"s,
        // Found by fuzz_decode_records: basic_parser places, or words, these
        // syntax errors by where a piece ends (fuzz/README.md, Findings).
        "trig", "{\"a\":nul!}", "{\"a\":fals}", "{\"a\":\"\\uD83D\\u0041\"}", "\"Xu{\xD5\xCCuX5XXX",
        "{\"a\":\"\xE2\xCC\"}", "{\"a\":\"\xF0\x9F\xCC\"}", "{\"a\":\"\\u12G4\"}"};
    for (auto const& body : bodies) check_every_split<UsageRecord>(body, "usage_records", body.size(), 30);

    // Triggers and their list key go through the same decoder.
    check_every_split<UsageTrigger>(R"({"usage_triggers":[{"sid":"UTaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","trigger_value":"+100",)"
                                    R"("current_value":12.5,"recurring":"daily","date_created":"Mon, 06 Sep 2015 12:58:45 +0000"}],"page":0})",
                                    "usage_triggers", 200, 50);
    check_every_split<UsageTrigger>(R"({"usage_records":[]})", "usage_triggers", 30, 5);
}

TEST_CASE("PageDecoder: stops at the first error and ignores what follows") {
    PageDecoder<UsageRecord> decoder("usage_records");
    CHECK(decoder.write(R"({"usage_records":[{"price":)"));
    CHECK_FALSE(decoder.write(R"(true}]})"));
    CHECK_FALSE(decoder.write(R"(anything)"));
    auto page = decoder.finish();
    REQUIRE_FALSE(page.has_value());
    CHECK(page.error().field == "page.usage_records[0].price");

    PageDecoder<UsageRecord> trailing("usage_records");
    CHECK(trailing.write(R"({"usage_records":[]}  )"));
    CHECK(trailing.write("\n"));
    CHECK_FALSE(trailing.write(" x"));
    CHECK(trailing.finish().error().found == "extra data at byte 24");
}

TEST_CASE("PageDecoder: values under unknown keys are not gathered, known ones split anywhere still are") {
    // An unknown key's string or number cut across pieces is skipped without
    // being collected (a server may send megabytes under a key we do not
    // read); a known field cut across pieces is still whole.
    std::string const long_text(300, 'x');
    std::string const body = R"({"junk":")" + long_text + R"(","junk_number":123456789012345678901234567890,)" +
                             R"("usage_records":[{"extra":")" + long_text + R"(","description":")" + long_text +
                             R"(","price":"1234567890.0987654321","other":-98765432109876543210}],"page_size":50})";
    check_every_split<UsageRecord>(body, "usage_records", 40, 200);
    auto const page = decode_in_pieces<UsageRecord>(body, "usage_records", std::vector<std::size_t>(body.size(), 1));
    REQUIRE(page.has_value());
    REQUIRE(page->items.size() == 1);
    CHECK(page->items[0].description == long_text);
    CHECK(page->items[0].price->to_string() == "1234567890.0987654321");
    CHECK(page->info.page_size == 50);
}
