// The decoder's fast path (core/fast_scan.hpp): which documents it decides
// itself, and that it hands every other one to basic_parser. Either way the
// result must be the reference's (basic_parser alone, page_checks.hpp), in
// any pieces; test_decode_chunked.cpp checks that for its own documents too.
// This file is also built with TWILIO_USAGE_NO_SIMD (tests/unit/meson.build),
// to run the scanner's portable string loop.
#include "page_checks.hpp"
#include "twilio_usage/types.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace twilio_usage;
using namespace test_support;
using namespace std::string_literals;

namespace {

// `body` decoded whole (in place), in pieces of a few sizes and in random
// pieces, always as the reference decodes it; and which tokenizer decided
// it, the same for every split.
PageTokenizer decide(std::string const& body) {
    CAPTURE(body.substr(0, 300));
    auto const want = reference_decode<UsageRecord>(body, "usage_records");
    same(decode_page<UsageRecord>(body, "usage_records"), want);
    PageTokenizer first = PageTokenizer::fast_first;
    bool have_first = false;
    for (std::size_t piece : {1u, 2u, 3u, 5u, 16u, 17u, 4096u}) {
        CAPTURE(piece);
        PageTokenizer used{};
        same(decode_in_pieces<UsageRecord>(body, "usage_records",
                                           std::vector<std::size_t>(body.size() / piece + 1, piece), &used),
             want);
        if (have_first) CHECK(used == first);
        first = used;
        have_first = true;
    }
    check_every_split<UsageRecord>(body, "usage_records", 0, 10, 3);
    return first;
}

std::string record(std::string const& fields) { return R"({"usage_records":[{)" + fields + "}]}"; }

}  // namespace

TEST_CASE("FastScan decides the documents servers send") {
    std::vector<std::string> const bodies = {
        // the shape of the emulator's and Twilio's pages
        R"({"first_page_uri":"/a?Page=0","previous_page_uri":null,"page_size":2,"start":0,"end":1,)"
        R"("usage_records":[{"account_sid":"ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","category":"sms","count":"12",)"
        R"("price":"-0.75","start_date":"2026-11-01","as_of":"2026-11-22T01:02:03+00:00","subresource_uris":null},)"
        R"({"category":"calls","count":"0","subresource_uris":{"daily":"/d","monthly":"/m"}}],"next_page_uri":null})",
        // whitespace wherever JSON allows it
        " \r\n\t{ \"usage_records\" :\n[ { \"count\" : \"1\" } , { } ] , \"page\" : 0 } \n\t ",
        R"({"usage_records":[]})", R"({"usage_records":[{}]})", R"({"page_size":1,"usage_records":[{}],"x":{}})",
        // every escape, keys with escapes, UTF-8 as is
        record(R"("description":"q\" b\\ s\/ \b\f\n\r\t \u0041\u00e9\u20AC\uD83D\uDE00 \u0000")"),
        record(R"("descr\u0069ption":"x","cat\"egory":"y")"),
        record("\"description\":\"caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80 \xf4\x8f\xbf\xbf\""),
        // numbers of every form, literals
        record(R"("count":0,"usage":-0,"price":1.5,"a":-12.25e3,"b":1E+05,"c":2e-7,"d":123456789012345678901234567890)"),
        record(R"("e":1e999,"t":true,"f":false,"n":null,"count":"7")"),
        // unknown keys with containers, nested within the limit
        record(R"("x":{"a":[1,[2,[3,{"b":[]}]]],"c":{}},"y":[],"count":"3")"),
        // a key of 1024 bytes
        record("\"" + std::string(1024, 'k') + "\":1"),
    };
    for (auto const& body : bodies) {
        CAPTURE(body);
        CHECK(decide(body) == PageTokenizer::fast_first);
    }
}

TEST_CASE("FastScan leaves every other document to basic_parser, which decides it from its first byte") {
    std::string deep = R"({"usage_records":[],"x":)";  // 33 levels with the root
    for (int i = 0; i < 32; ++i) deep += "[";
    for (int i = 0; i < 32; ++i) deep += "]";
    deep += "}";
    std::vector<std::string> const bodies = {
        // not one whole JSON object
        "", " ", "[]", "\"x\"", "null", "12", R"({"usage_records":[])", R"({"usage_records":[]} x)",
        R"({"usage_records":[]}{})", R"({"usage_records":[]}/)", "{\"usage_records\":[]}\0"s,
        // syntax
        R"({"usage_records":[],})", R"({"usage_records":[{},]})", R"({,"usage_records":[]})", R"({"usage_records" []})",
        R"({"usage_records":[]]})", R"({"usage_records":[}})", R"({"a" "b"})", R"({usage_records:[]})",
        "{\"usage_records\":[]/*c*/}", R"({"usage_records":['a']})", "\xef\xbb\xbf{\"usage_records\":[]}",
        // strings
        record(R"("description":"\x")"), record(R"("description":"\u12G4")"), record(R"("description":"\uDE00")"),
        record(R"("description":"\uD83D")"), record(R"("description":"\uD83Dx")"), record(R"("description":"\uD83D\u0041")"),
        record("\"description\":\"a\tb\""), record("\"description\":\"\xff\""), record("\"description\":\"\xc0\xaf\""),
        record("\"description\":\"\xed\xa0\x80\""), record("\"description\":\"\xf4\x90\x80\x80\""),
        record("\"description\":\"\xe2\x82\""), record("\"description\":\"\x80\""),
        // numbers and literals
        record(R"("count":01)"), record(R"("count":-)"), record(R"("count":-a)"), record(R"("count":1.)"),
        record(R"("count":1.e3)"), record(R"("count":1e)"), record(R"("count":1e+)"), record(R"("count":1e1234)"),
        record(R"("count":+1)"), record(R"("count":.5)"), record(R"("count":1x)"), record(R"("count":0x10)"),
        record(R"("count":)" + std::string(41, '1')), record(R"("count":nul)"), record(R"("count":nulls)"),
        record(R"("count":True)"), record(R"("count":truex)"), record(R"("count":NaN)"),
        // the scanner's own limits
        deep, record("\"" + std::string(1025, 'k') + "\":1"),
    };
    for (auto const& body : bodies) {
        CAPTURE(body);
        CHECK(decide(body) == PageTokenizer::basic_parser_only);
    }
}

TEST_CASE("FastScan: a document the decoder refuses is refused on the fast path, with the reference's error") {
    // Valid JSON whose values do not fit the record: the handler's error,
    // exactly as basic_parser's run gives it, without a second decode.
    std::vector<std::string> const bodies = {
        record(R"("price":true)"), record(R"("start_date":"2012-13-01")"), record(R"("subresource_uris":[])"),
        record(R"("count":"x")"), R"({"usage_records":{}})", R"({"usage_records":[7]})", R"({"usage_records":null})",
        R"({"usage_records":[],"usage_records":[]})", R"({"page":"zero","usage_records":[]})",
        // refused before a syntax error that follows: the handler's error comes first for both
        record(R"("price":true,})"),
    };
    for (auto const& body : bodies) {
        CAPTURE(body);
        REQUIRE_FALSE(reference_decode<UsageRecord>(body, "usage_records").has_value());
        CHECK(decide(body) == PageTokenizer::fast_first);
    }
    // A document without the list is whole JSON: decided on the fast path too.
    CHECK(decide(R"({"page":0})") == PageTokenizer::fast_first);
}

TEST_CASE("FastScan: past max_kept bytes the document goes to basic_parser, with the same page") {
    std::size_t const limit = PageDecoder<UsageRecord>::max_kept;
    std::string const item = R"({"description":")" + std::string(1000, 'd') + R"(","count":"1"},)";
    std::string body = R"({"usage_records":[)";
    std::size_t items = 0;
    for (; body.size() < limit + 10'000; ++items) body += item;
    body.back() = ']';
    body += '}';
    auto const want = reference_decode<UsageRecord>(body, "usage_records");
    REQUIRE(want.has_value());
    CHECK(want->items.size() == items);
    same(decode_page<UsageRecord>(body, "usage_records"), want);
    for (std::size_t piece : std::vector<std::size_t>{4096, 65536, limit, limit + 1}) {
        CAPTURE(piece);
        PageTokenizer used{};
        same(decode_in_pieces<UsageRecord>(body, "usage_records",
                                           std::vector<std::size_t>(body.size() / piece + 1, piece), &used),
             want);
        CHECK(used == PageTokenizer::basic_parser_only);
    }
    // Up to the limit, the fast path keeps it.
    std::string small = R"({"usage_records":[)";
    while (small.size() + item.size() < limit - 100) small += item;
    small.back() = ']';
    small += '}';
    REQUIRE(small.size() <= limit);
    PageTokenizer used{};
    same(decode_in_pieces<UsageRecord>(small, "usage_records", std::vector<std::size_t>(small.size() / 4096 + 1, 4096),
                                       &used),
         reference_decode<UsageRecord>(small, "usage_records"));
    CHECK(used == PageTokenizer::fast_first);
}

TEST_CASE("PageDecoder: the buffer of its copy is handed from page to page, emptied, with its capacity") {
    std::string const body = record(R"("description":"first page","count":"1")");
    PageDecoder<UsageRecord> first("usage_records");
    CHECK(first.write(body));
    REQUIRE(first.finish().has_value());
    std::string buffer = std::move(first).take_buffer();
    CHECK(buffer.empty());
    CHECK(buffer.capacity() >= body.size());
    auto const* storage = buffer.data();

    std::string const second_body = record(R"("description":"second","count":"2")");
    PageDecoder<UsageRecord> second("usage_records", {}, std::move(buffer));
    CHECK(second.write(second_body.substr(0, 10)));
    CHECK(second.write(second_body.substr(10)));
    auto const page = second.finish();
    REQUIRE(page.has_value());
    REQUIRE(page->items.size() == 1);
    CHECK(page->items[0].description == "second");
    std::string again = std::move(second).take_buffer();
    CHECK(again.data() == storage);  // the same storage: nothing was allocated for the second page

    // A buffer that still holds bytes is emptied before use.
    std::string stale = "{\"usage_records\":[{\"description\":\"stale\"}]} garbage";
    PageDecoder<UsageRecord> third("usage_records", {}, std::move(stale));
    CHECK(third.write(second_body));
    auto const third_page = third.finish();
    REQUIRE(third_page.has_value());
    CHECK(third_page->items[0].description == "second");
}
