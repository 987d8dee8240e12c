// Decode only: one page of 1000 usage records, as bytes in memory, turned
// into typed records by twilio_usage::decode_page<UsageRecord> (and by a
// PageDecoder over the previous page's records, as the client's listings
// decode one page after another), against
// Boost.JSON's own boost::json::parse of the same bytes into a plain
// boost::json::value (the floor of this stack: the same parser, no types).
//
//   ./build-bench/bench/decode-page [ROUNDS [PAGES_PER_ROUND [typed|recycled|dom|all]]]
//
// The page is what the emulator serves for a Daily listing (demo data, a
// fixed date, the second page of 1000 so that it spans two days), fetched
// once over loopback. Each round times PAGES_PER_ROUND decodes of each kind,
// the kinds alternating round by round; the medians are printed.
// Under valgrind, collect only decode_typed / decode_recycled / decode_dom:
//   valgrind --tool=callgrind --collect-atstart=no --toggle-collect='*decode_typed*' ...
#include "median.hpp"
#include "twilio_usage/testing/emulator.hpp"
#include "twilio_usage/types.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <httplib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace {

std::size_t sink = 0;

std::string fetch_page() {
    using namespace twilio_usage::testing;
    EmulatorOptions o;
    o.fixed_now = twilio_usage::Timestamp{std::chrono::sys_days{std::chrono::year{2024} / 6 / 30}};
    o.demo_data = true;
    Emulator emu(o);
    emu.start();
    httplib::Client cli(emu.base_url());
    cli.set_basic_auth(emu.main_account().sid, emu.main_account().auth_token);
    cli.set_decompress(false);
    std::string const sid = emu.main_account().sid;
    auto first = cli.Get("/2010-04-01/Accounts/" + sid +
                         "/Usage/Records/Daily.json?StartDate=2024-01-27&EndDate=2024-06-29&PageSize=1000");
    if (!first || first->status != 200) return {};
    // Second page: follow next_page_uri (it carries the page token).
    auto const np = first->body.find("\"next_page_uri\":\"");
    if (np == std::string::npos) return {};
    auto const q = np + 17;
    auto second = cli.Get(first->body.substr(q, first->body.find('"', q) - q));
    if (!second || second->status != 200) return {};
    return second->body;
}

// Kept out of line so that callgrind can collect exactly these.
[[gnu::noinline]] std::size_t decode_typed(std::string_view body, int pages) {
    std::size_t n = 0;
    for (int i = 0; i < pages; ++i) {
        auto page = twilio_usage::decode_page<twilio_usage::UsageRecord>(body, "usage_records");
        if (!page) {
            std::fprintf(stderr, "decode-page: %s\n", page.error().to_string().c_str());
            std::exit(1);
        }
        n += page->items.size() + page->items.back().uri->size();
    }
    return n;
}

[[gnu::noinline]] std::size_t decode_recycled(std::string_view body, int pages) {
    std::size_t n = 0;
    std::vector<twilio_usage::UsageRecord> previous;
    std::string buffer;
    for (int i = 0; i < pages; ++i) {
        twilio_usage::PageDecoder<twilio_usage::UsageRecord> decoder("usage_records", std::move(previous),
                                                                     std::move(buffer));
        decoder.write(body);
        auto page = decoder.finish();
        buffer = std::move(decoder).take_buffer();
        if (!page) {
            std::fprintf(stderr, "decode-page: %s\n", page.error().to_string().c_str());
            std::exit(1);
        }
        n += page->items.size() + page->items.back().uri->size();
        previous = std::move(page->items);
    }
    return n;
}

[[gnu::noinline]] std::size_t decode_dom(std::string_view body, int pages) {
    std::size_t n = 0;
    for (int i = 0; i < pages; ++i) {
        boost::json::value v = boost::json::parse(body);
        auto const& list = v.as_object().at("usage_records").as_array();
        n += list.size() + list.back().as_object().at("uri").as_string().size();
    }
    return n;
}

using bench::median;

}  // namespace

int main(int argc, char** argv) {
    int const rounds = argc > 1 ? std::max(1, std::atoi(argv[1])) : 11;
    int const pages = argc > 2 ? std::max(1, std::atoi(argv[2])) : 100;
    std::string const mode = argc > 3 ? argv[3] : "all";
    bool const all = mode == "all" || mode == "both";
    bool const typed = all || mode == "typed", recycled = all || mode == "recycled", dom = all || mode == "dom";

    std::string const body = fetch_page();
    if (body.empty()) {
        std::fprintf(stderr, "decode-page: could not fetch a page from the emulator\n");
        return 1;
    }
    std::size_t const records = twilio_usage::decode_page<twilio_usage::UsageRecord>(body, "usage_records")->items.size();

    using clock = std::chrono::steady_clock;
    auto time = [&](auto f) {
        auto const t0 = clock::now();
        sink += f(body, pages);
        return std::chrono::duration<double>(clock::now() - t0).count() / pages;
    };
    std::vector<double> typed_s, recycled_s, dom_s;
    time(decode_typed), time(decode_recycled), time(decode_dom);  // warm up caches and the allocator
    for (int r = 0; r < rounds; ++r) {
        if (typed) typed_s.push_back(time(decode_typed));
        if (recycled) recycled_s.push_back(time(decode_recycled));
        if (dom) dom_s.push_back(time(decode_dom));
    }

    double const mb = static_cast<double>(body.size()) / 1e6;
    std::printf("page: %zu records, %zu bytes\n", records, body.size());
    auto report = [&](char const* name, std::vector<double> const& s) {
        double const m = median(s);
        std::printf("%s us_per_page=%.1f ns_per_record=%.1f mb_per_s=%.0f\n", name, m * 1e6,
                    m * 1e9 / static_cast<double>(records), mb / m);
        return m;
    };
    double const t = typed ? report("decode_page", typed_s) : 0;
    double const rt = recycled ? report("decode_recycled", recycled_s) : 0;
    double const d = dom ? report("json_parse", dom_s) : 0;
    if (typed && dom) std::printf("ratio=%.2f\n", t / d);
    if (recycled && dom) std::printf("ratio_recycled=%.2f\n", rt / d);
    std::printf("sink=%zu\n", sink);
    return 0;
}
