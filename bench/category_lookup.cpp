// Category lookup: category_from_string (wire name -> Category, a perfect
// hash and one compare) and to_string (Category -> wire name) over all the
// categories of the spec, in a shuffled order, nanoseconds per call.
//
//   ./build-bench/bench/category-lookup [ROUNDS [PASSES_PER_ROUND]]
//
// The names are copied into std::strings at run time and the order is
// shuffled, so the compiler can fold neither; every result is folded into a
// checksum that is printed. Also times OpenCategory(name) (what the decoder
// builds for each record) and a miss (a name the spec does not list).
#include "median.hpp"
#include "twilio_usage/core/category.hpp"
#include "twilio_usage/core/open_category.hpp"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

using bench::median;

int main(int argc, char** argv) {
    using namespace twilio_usage;
    int const rounds = argc > 1 ? std::max(1, std::atoi(argv[1])) : 11;
    int const passes = argc > 2 ? std::max(1, std::atoi(argv[2])) : 2000;

    std::vector<Category> cats(all_categories().begin(), all_categories().end());
    std::shuffle(cats.begin(), cats.end(), std::mt19937{12345});
    std::vector<std::string> names;
    std::vector<std::string> misses;
    for (Category c : cats) {
        names.emplace_back(to_string(c));
        misses.push_back(std::string(to_string(c)) + "-x");  // same lengths, plus two
    }
    std::size_t const n = cats.size();

    using clock = std::chrono::steady_clock;
    std::uint64_t check = 0;
    auto time = [&](auto&& body) {
        auto const t0 = clock::now();
        for (int p = 0; p < passes; ++p) body();
        double const s = std::chrono::duration<double>(clock::now() - t0).count();
        return s * 1e9 / (static_cast<double>(passes) * static_cast<double>(n));
    };
    auto from = [&] {
        for (auto const& s : names) check += static_cast<std::uint64_t>(*category_from_string(s));
    };
    auto to = [&] {
        for (Category c : cats) check += to_string(c).size();
    };
    auto open = [&] {
        for (auto const& s : names) check += OpenCategory(s).is_known();
    };
    auto miss = [&] {
        for (auto const& s : misses) check += category_from_string(s).has_value();
    };

    // Every name maps back to its own category.
    for (std::size_t i = 0; i < n; ++i)
        if (category_from_string(names[i]) != cats[i]) {
            std::fprintf(stderr, "category-lookup: %s does not map back\n", names[i].c_str());
            return 1;
        }

    std::vector<double> from_ns, to_ns, open_ns, miss_ns;
    for (int r = 0; r < rounds; ++r) {
        from_ns.push_back(time(from));
        to_ns.push_back(time(to));
        open_ns.push_back(time(open));
        miss_ns.push_back(time(miss));
    }
    std::printf("categories=%zu calls_per_round=%zu\n", n, n * static_cast<std::size_t>(passes));
    std::printf("category_from_string ns_per_call=%.2f\n", median(from_ns));
    std::printf("to_string ns_per_call=%.2f\n", median(to_ns));
    std::printf("OpenCategory(name) ns_per_call=%.2f\n", median(open_ns));
    std::printf("category_from_string(miss) ns_per_call=%.2f\n", median(miss_ns));
    std::printf("check=%llu\n", static_cast<unsigned long long>(check));
    return 0;
}
