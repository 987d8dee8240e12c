// The hash behind the generated perfect-hash table of category names.
// The generator (codegen/) includes this same header, so the table it computes
// and the lookup the headers run can never disagree.
#pragma once

#include <cstdint>
#include <string_view>

namespace twilio_usage::detail {

// FNV-1a over the bytes, started from a seed-dependent basis and finished
// with a 64-bit mixer so that nearby seeds give independent hashes.
constexpr std::uint64_t category_hash(std::string_view text, std::uint64_t seed) noexcept {
    std::uint64_t h = 0xcbf29ce484222325ull ^ (seed * 0x9e3779b97f4a7c15ull);
    for (char c : text) {
        h ^= static_cast<unsigned char>(c);
        h *= 0x100000001b3ull;
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
