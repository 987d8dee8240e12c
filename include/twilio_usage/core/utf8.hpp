// Strict UTF-8 (RFC 3629): no overlong forms, no UTF-16 surrogates, nothing
// above U+10FFFF. One definition shared by the query builder (lengths in code
// points), the JSON writer (invalid bytes become U+FFFD) and the emulator.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace twilio_usage {

/// The length in bytes of the well-formed UTF-8 sequence starting at s[i],
/// or 0 when none starts there (a stray continuation byte, a truncated or
/// overlong sequence, a surrogate, a value above U+10FFFF).
constexpr std::size_t utf8_sequence_length(std::string_view s, std::size_t i) noexcept {
    auto const byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    unsigned char const c = byte(i);
    if (c < 0x80U) return 1;
    std::size_t len = 0;
    // The second byte's range depends on the lead (RFC 3629, section 4).
    unsigned char lo = 0x80U, hi = 0xBFU;
    if (c >= 0xC2U && c <= 0xDFU) len = 2;
    else if (c == 0xE0U) len = 3, lo = 0xA0U;          // no overlongs
    else if (c == 0xEDU) len = 3, hi = 0x9FU;          // no surrogates
    else if (c >= 0xE1U && c <= 0xEFU) len = 3;
    else if (c == 0xF0U) len = 4, lo = 0x90U;          // no overlongs
    else if (c == 0xF4U) len = 4, hi = 0x8FU;          // nothing above U+10FFFF
    else if (c >= 0xF1U && c <= 0xF3U) len = 4;
    else return 0;
    if (s.size() - i < len) return 0;
    if (byte(i + 1) < lo || byte(i + 1) > hi) return 0;
    for (std::size_t k = 2; k < len; ++k)
        if ((byte(i + k) & 0xC0U) != 0x80U) return 0;
    return len;
}

/// The number of code points, or nullopt for text that is not UTF-8.
constexpr std::optional<std::size_t> utf8_length(std::string_view s) noexcept {
    std::size_t count = 0;
    for (std::size_t i = 0; i < s.size(); ++count) {
        std::size_t const n = utf8_sequence_length(s, i);
        if (n == 0) return std::nullopt;
        i += n;
    }
    return count;
}

constexpr bool is_valid_utf8(std::string_view s) noexcept { return utf8_length(s).has_value(); }

}  // namespace twilio_usage
