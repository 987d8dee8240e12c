// The hash behind the generated perfect-hash table of category names.
// The generator (codegen/) includes this same header, so the table it computes
// and the lookup the headers run can never disagree.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <type_traits>

namespace twilio_usage::detail {

// The n (1..8) bytes at p as a little-endian integer: the same value at
// compile time and at run time, on any host.
constexpr std::uint64_t category_load(char const* p, std::size_t n) noexcept {
    if (!std::is_constant_evaluated() && n == 8) {
        std::uint64_t v = 0;
        std::memcpy(&v, p, 8);
        if constexpr (std::endian::native == std::endian::big) v = __builtin_bswap64(v);
        return v;
    }
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < n; ++i) v |= static_cast<std::uint64_t>(static_cast<unsigned char>(p[i])) << (8 * i);
    return v;
}

// Eight bytes at a time (a name is 25 bytes on average): each word is mixed
// in with a multiply and a shift, the last (partial) word is read as the
// last eight bytes, overlapping the one before, and the length goes in
// first, so names of different lengths never share a sequence of words.
// A 64-bit mixer finishes, so that nearby seeds give independent hashes.
constexpr std::uint64_t category_hash(std::string_view text, std::uint64_t seed) noexcept {
    constexpr std::uint64_t m = 0xbf58476d1ce4e5b9ull;
    std::size_t const n = text.size();
    char const* p = text.data();
    std::uint64_t h = 0xcbf29ce484222325ull ^ (seed * 0x9e3779b97f4a7c15ull) ^ (static_cast<std::uint64_t>(n) * m);
    auto mix = [&](std::uint64_t w) {
        h = (h ^ w) * m;
        h ^= h >> 31;
    };
    if (n < 8) {
        mix(category_load(p, n));
    } else {
        for (std::size_t i = 0; i + 8 < n; i += 8) mix(category_load(p + i, 8));
        mix(category_load(p + n - 8, 8));
    }
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    return h;
}

}  // namespace twilio_usage::detail

namespace twilio_usage::detail {

// Second level of the hash-and-displace table: the slot of a key whose
// bucket was given displacement `d`. Table sizes are powers of two.
constexpr std::uint32_t category_slot(std::uint64_t hash, std::uint32_t displacement,
                                      std::uint32_t slot_mask) noexcept {
    std::uint64_t h = hash ^ (static_cast<std::uint64_t>(displacement) * 0x9e3779b97f4a7c15ull);
    h ^= h >> 29;
    h *= 0xbf58476d1ce4e5b9ull;
    h ^= h >> 32;
    return static_cast<std::uint32_t>(h) & slot_mask;
}

constexpr std::uint32_t category_bucket(std::uint64_t hash, std::uint32_t bucket_mask) noexcept {
    return static_cast<std::uint32_t>(hash >> 40) & bucket_mask;
}

}  // namespace twilio_usage::detail
