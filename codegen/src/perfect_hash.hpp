// Builds the hash-and-displace table behind Category's from_string: every
// known name lands in its own slot, so a lookup is one hash and one compare.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace codegen {

struct PerfectHash {
    std::uint64_t seed = 0;
    std::uint32_t bucket_mask = 0;
    std::uint32_t slot_mask = 0;
    std::vector<std::uint16_t> displacements;  // one per bucket
    std::vector<std::uint16_t> slots;          // key index, or keys.size() when empty
};

// Deterministic: the same keys always give the same table.
PerfectHash build_perfect_hash(std::vector<std::string> const& keys);

}  // namespace codegen
