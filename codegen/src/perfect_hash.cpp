#include "perfect_hash.hpp"

#include "twilio_usage/core/category_hash.hpp"

#include <algorithm>
#include <numeric>
#include <stdexcept>

namespace codegen {

namespace {

std::uint32_t next_power_of_two(std::size_t n) {
    std::uint32_t p = 1;
    while (p < n) p <<= 1;
    return p;
}

bool try_build(std::vector<std::string> const& keys, std::uint64_t seed, PerfectHash& out) {
    using twilio_usage::detail::category_bucket;
    using twilio_usage::detail::category_hash;
    using twilio_usage::detail::category_slot;

    auto const n = keys.size();
    auto const slot_count = next_power_of_two(n + n / 2 + 1);
    auto const bucket_count = next_power_of_two(std::max<std::size_t>(1, n / 2));
    out.seed = seed;
    out.slot_mask = slot_count - 1;
    out.bucket_mask = bucket_count - 1;
    out.displacements.assign(bucket_count, 0);
    out.slots.assign(slot_count, static_cast<std::uint16_t>(n));

    std::vector<std::uint64_t> hashes(n);
    std::vector<std::vector<std::size_t>> buckets(bucket_count);
    for (std::size_t i = 0; i < n; ++i) {
        hashes[i] = category_hash(keys[i], seed);
        buckets[category_bucket(hashes[i], out.bucket_mask)].push_back(i);
    }
    // Largest buckets first: they are the hardest to place.
    std::vector<std::size_t> order(bucket_count);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return buckets[a].size() > buckets[b].size();
    });

    std::vector<std::uint32_t> placed;
    for (auto b : order) {
        if (buckets[b].empty()) break;
        bool done = false;
        for (std::uint32_t d = 0; d < 65535 && !done; ++d) {
            placed.clear();
            bool ok = true;
            for (auto key : buckets[b]) {
                auto slot = category_slot(hashes[key], d, out.slot_mask);
                if (out.slots[slot] != n ||
                    std::find(placed.begin(), placed.end(), slot) != placed.end()) {
                    ok = false;
                    break;
                }
                placed.push_back(slot);
            }
            if (!ok) continue;
            for (std::size_t k = 0; k < buckets[b].size(); ++k)
                out.slots[placed[k]] = static_cast<std::uint16_t>(buckets[b][k]);
            out.displacements[b] = static_cast<std::uint16_t>(d);
            done = true;
        }
        if (!done) return false;
    }
    return true;
}

}  // namespace

PerfectHash build_perfect_hash(std::vector<std::string> const& keys) {
    if (keys.size() >= 65535) throw std::length_error("too many keys for a 16-bit perfect hash");
    PerfectHash table;
    for (std::uint64_t seed = 0; seed < 1000; ++seed)
        if (try_build(keys, seed, table)) return table;
    throw std::runtime_error("no perfect hash found for the category names");
}

}  // namespace codegen
