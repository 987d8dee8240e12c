// Benchmark: records per second the emulator serves for a Daily listing of
// about 100,000 records (155 days x 646 categories), fetched in pages of 1000
// over loopback HTTP by following next_page_uri with a plain httplib::Client.
//
//   ./build/bench/emulator-serve [rounds]
//
// Prints records/s and MB/s per round and the best round. Not a test.
#include "twilio_usage/testing/emulator.hpp"
#include "twilio_usage/testing/server_heap.hpp"

#include <httplib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

int main(int argc, char** argv) {
    using namespace twilio_usage;
    using namespace twilio_usage::testing;
    // As the standalone emulator does, so that this row measures the same server.
    keep_heap_between_pages();
    int const rounds = argc > 1 ? std::max(1, std::atoi(argv[1])) : 5;

    EmulatorOptions o;
    o.fixed_now = Timestamp{std::chrono::sys_days{std::chrono::year{2024} / 6 / 30}};
    o.demo_data = true;  // realistic usage in the range, three accounts summed
    Emulator emu(o);
    emu.start();

    httplib::Client cli(emu.base_url());
    cli.set_basic_auth(emu.main_account().sid, emu.main_account().auth_token);
    cli.set_decompress(false);  // no Accept-Encoding: measure plain JSON
    cli.set_keep_alive(true);
    cli.set_read_timeout(std::chrono::seconds(30));

    std::string const first = "/2010-04-01/Accounts/" + emu.main_account().sid +
                              "/Usage/Records/Daily.json?StartDate=2024-01-27&EndDate=2024-06-29&PageSize=1000";
    double best = 0;
    for (int round = 0; round < rounds; ++round) {
        std::size_t records = 0, bytes = 0, pages = 0;
        std::string next = first;
        auto const t0 = std::chrono::steady_clock::now();
        while (!next.empty()) {
            auto r = cli.Get(next);
            if (!r || r->status != 200) {
                std::fprintf(stderr, "request failed\n");
                return 1;
            }
            std::string const& b = r->body;
            bytes += b.size();
            ++pages;
            // Envelope fields, without a JSON parser: start/end and next_page_uri.
            auto field = [&](char const* key) {
                auto p = b.find(key);
                return p == std::string::npos ? std::string() : b.substr(p + std::char_traits<char>::length(key));
            };
            long const start = std::atol(field("\"start\":").c_str());
            long const end = std::atol(field("\"end\":").c_str());
            records += static_cast<std::size_t>(end - start + 1);
            auto const np = b.find("\"next_page_uri\":");
            if (b.compare(np + 16, 4, "null") == 0) {
                next.clear();
            } else {
                auto const q1 = np + 17;
                next = b.substr(q1, b.find('"', q1) - q1);
            }
        }
        double const secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        double const rate = static_cast<double>(records) / secs;
        best = std::max(best, rate);
        std::printf("round %d: %zu records in %zu pages, %.1f MB, %.3f s: %.0f records/s, %.0f MB/s\n", round + 1,
                    records, pages, static_cast<double>(bytes) / 1e6, secs, rate,
                    static_cast<double>(bytes) / 1e6 / secs);
    }
    std::printf("best: %.0f records/s\n", best);
    return 0;
}
