// The value of one hexadecimal digit: shared by the form decoder (%XX) and
// the JSON scanner (\uXXXX).
#pragma once

namespace twilio_usage::detail {

/// 0..15 for 0-9, a-f, A-F; -1 for anything else.
inline int hex_value(char c) noexcept {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

}  // namespace twilio_usage::detail
