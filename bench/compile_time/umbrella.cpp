// Compile-time benchmark, our side: the umbrella header, and a program that
// lists one page of usage records (bench/run compiles this with -c).
#include "twilio_usage/twilio_usage.hpp"

#include <cstdio>

int main(int argc, char** argv) {
    using namespace twilio_usage;
    ClientOptions options;
    options.base_url = argc > 1 ? argv[1] : "http://127.0.0.1:8080";
    auto client = Client::from_environment(options);
    if (!client) return 2;
    auto page = client->records().daily(RecordsQuery{}.page_size(1000)).try_fetch_page();
    if (!page) return 1;
    for (UsageRecord const& r : page->items)
        std::printf("%s %s\n", std::string(r.category->wire_name()).c_str(), r.price->to_string().c_str());
    return 0;
}
