// End to end, our side: lists a Daily range of usage records from a running
// emulator (or any base URL) with twilio_usage::Client, in pages of PAGE_SIZE,
// stopping after LIMIT records, and prints one line of results:
//
//   ./build-bench/bench/list-records BASE_URL START END LIMIT [PAGE_SIZE]
//   cpp records=100000 pages=100 seconds=0.171 records_per_s=584795 max_rss_kb=9876 check=...
//
// Credentials come from TWILIO_ACCOUNT_SID / TWILIO_AUTH_TOKEN. Peak RSS is
// this process's own (getrusage), so the server must run elsewhere. The
// check value folds every record's fields in, so nothing decoded is dead code.
#include "twilio_usage/twilio_usage.hpp"

#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

int main(int argc, char** argv) {
    using namespace twilio_usage;
    if (argc < 5) {
        std::fprintf(stderr, "usage: list-records BASE_URL START END LIMIT [PAGE_SIZE]\n");
        return 2;
    }
    auto const start = parse_date(argv[2]);
    auto const end = parse_date(argv[3]);
    long const limit = std::atol(argv[4]);
    int const page_size = argc > 5 ? std::atoi(argv[5]) : 1000;
    if (!start || !end || limit <= 0 || page_size <= 0) {
        std::fprintf(stderr, "list-records: bad START, END, LIMIT or PAGE_SIZE\n");
        return 2;
    }

    ClientOptions options;
    options.base_url = argv[1];
    auto client = Client::from_environment(options);
    if (!client) {
        std::fprintf(stderr, "list-records: %s\n", client.error().to_string().c_str());
        return 2;
    }

    auto const t0 = std::chrono::steady_clock::now();
    auto query = RecordsQuery{}.start_date(*start).end_date(*end).page_size(page_size);
    auto listing = client->records().daily(query).limit(static_cast<std::size_t>(limit));
    std::size_t records = 0, max_buffered = 0;
    std::size_t check = 0;
    try {
        for (UsageRecord const& r : listing) {
            ++records;
            // Touch what a user would: the category, the day, the price.
            check += r.category ? r.category->wire_name().size() : 0;
            check += r.start_date ? static_cast<unsigned>(r.start_date->day()) : 0;
            check += r.price ? r.price->coefficient().size() : 0;
            if (records % 1000 == 1) max_buffered = std::max(max_buffered, listing.buffered_items());
        }
    } catch (Exception const& e) {
        std::fprintf(stderr, "list-records: %s\n", e.what());
        return 1;
    }
    double const secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    std::printf("cpp records=%zu pages=%zu seconds=%.4f records_per_s=%.0f max_rss_kb=%ld max_buffered=%zu check=%zu\n",
                records, listing.pages_fetched(), secs, static_cast<double>(records) / secs, ru.ru_maxrss,
                max_buffered, check);
    return records == static_cast<std::size_t>(limit) ? 0 : 1;
}
