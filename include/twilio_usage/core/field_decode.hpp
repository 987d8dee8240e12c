// How one JSON (or form) value becomes one typed field. Shared by the
// streaming JSON decoder and the callback (form) decoder.
#pragma once

#include "twilio_usage/core/enum_traits.hpp"
#include "twilio_usage/core/open_enum.hpp"
#include "twilio_usage/core/model_support.hpp"
#include "twilio_usage/core/utf8.hpp"

#include <charconv>
#include <optional>
#include <string>
#include <string_view>

namespace twilio_usage::detail {

// One scalar value as it appeared on the wire.
struct Scalar {
    enum Kind { null, boolean, number, string } kind = null;
    bool flag = false;
    std::string_view text;  // number text exactly as sent, or the unescaped string
};

// Text from the body as it may appear in an error: at most `limit` bytes
// (then "..."), with control characters, DEL and every byte outside a
// well-formed UTF-8 sequence written as \xNN, so that a hostile body can
// neither break a log line nor make an error message huge or not UTF-8.
inline std::string printable(std::string_view s, std::size_t limit = 64) {
    static constexpr char hex[] = "0123456789abcdef";
    bool const cut = s.size() > limit;
    if (cut) s = s.substr(0, limit);
    std::string out;
    out.reserve(s.size() + 3);
    for (std::size_t i = 0; i < s.size();) {
        auto const c = static_cast<unsigned char>(s[i]);
        std::size_t const n = c >= 0x20 && c != 0x7f ? utf8_sequence_length(s, i) : 0;
        if (n > 0) {
            out.append(s.substr(i, n));
            i += n;
        } else {
            out += "\\x";
            out += hex[c >> 4];
            out += hex[c & 0xf];
            ++i;
        }
    }
    if (cut) out += "...";
    return out;
}

// "found" part of a decode error: short and never huge.
inline std::string describe_found(Scalar const& s) {
    switch (s.kind) {
        case Scalar::null: return "null";
        case Scalar::boolean: return s.flag ? "true" : "false";
        case Scalar::number: return std::string(s.text.substr(0, 64));
        case Scalar::string: {
            std::string out = "\"";
            out += printable(s.text.substr(0, 64));
            if (s.text.size() > 64) out += "...";
            return out + "\"";
        }
    }
    return "?";
}

// Each returns true on success; on failure, false with what was expected in
// `why` (only written on failure, so a success costs no string).
inline bool assign(std::string& out, Scalar const& s, ValueType, std::string& why) {
    if (s.kind != Scalar::string) {
        why = "a string";
        return false;
    }
    out.assign(s.text);
    return true;
}

inline bool assign(std::int64_t& out, Scalar const& s, ValueType, std::string& why) {
    if (s.kind == Scalar::number || s.kind == Scalar::string) {
        auto const* first = s.text.data();
        auto const* last = first + s.text.size();
        auto [end, ec] = std::from_chars(first, last, out);
        if (ec == std::errc{} && end == last && !s.text.empty()) return true;
    }
    why = "an integer";
    return false;
}

inline bool assign(bool& out, Scalar const& s, ValueType, std::string& why) {
    if (s.kind == Scalar::boolean) {
        out = s.flag;
        return true;
    }
    if (s.kind == Scalar::string && (s.text == "true" || s.text == "false")) {
        out = s.text == "true";
        return true;
    }
    why = "true or false";
    return false;
}

inline bool assign(Decimal& out, Scalar const& s, ValueType, std::string& why) {
    if (s.kind != Scalar::number && s.kind != Scalar::string) {
        why = "a decimal (string or number)";
        return false;
    }
    if (DecimalFastParse::parse(s.text, out)) return true;
    auto parsed = Decimal::parse(s.text);
    if (!parsed) {
        why = "a decimal (" + parsed.error().what + ")";
        return false;
    }
    out = std::move(*parsed);
    return true;
}

inline bool assign(Date& out, Scalar const& s, ValueType, std::string& why) {
    if (s.kind != Scalar::string) {
        why = "a date YYYY-MM-DD";
        return false;
    }
    if (parse_date_fast(s.text, out)) return true;
    auto parsed = parse_date(s.text);
    if (!parsed) {
        why = "a date YYYY-MM-DD (" + parsed.error().what + ")";
        return false;
    }
    out = *parsed;
    return true;
}

// Liberal: the declared format first, then the other one.
inline bool assign(Timestamp& out, Scalar const& s, ValueType type, std::string& why) {
    bool const iso = type == ValueType::iso8601_timestamp;
    char const* expected = iso ? "an ISO 8601 timestamp" : "an RFC 2822 date";
    if (s.kind != Scalar::string) {
        why = expected;
        return false;
    }
    if (iso && parse_iso8601_fast(s.text, out)) return true;
    auto first = iso ? parse_iso8601(s.text) : parse_rfc2822(s.text);
    if (first) {
        out = *first;
        return true;
    }
    auto second = iso ? parse_rfc2822(s.text) : parse_iso8601(s.text);
    if (second) {
        out = *second;
        return true;
    }
    why = std::string(expected) + " (" + first.error().what + ")";
    return false;
}

inline bool assign(OpenCategory& out, Scalar const& s, ValueType, std::string& why) {
    if (s.kind != Scalar::string) {
        why = "a category name";
        return false;
    }
    out = OpenCategory(s.text);
    return true;
}

// A string field keeps its buffer from one record to the next up to this
// capacity (every field of a usage record or trigger is far shorter).
inline constexpr std::size_t kReusedStringCapacity = 4096;

// Null (or, for enums, an empty string) leaves the field empty. True on
// success; false with what was expected in `why` (and the field empty).
template <class T>
bool assign_optional(std::optional<T>& out, Scalar const& s, ValueType type, std::string& why) {
    if (s.kind == Scalar::null) {
        out.reset();
        return true;
    }
    if constexpr (open_enum<T>) {
        if (s.kind == Scalar::string && s.text.empty()) {
            out.reset();
            return true;
        }
    }
    if constexpr (model<T>) {
        why = "an object";
        return false;
    } else if constexpr (std::is_same_v<T, std::string>) {
        // Straight into the optional: one allocation of the right size for a
        // new field, the old capacity reused for a repeated one (a listing
        // decodes each page over the previous page's records). A buffer that
        // one unusually long value grew is given back when an ordinary value
        // replaces it, so that it is not kept for the rest of the listing.
        if (s.kind == Scalar::string) {
            if (out && (out->capacity() <= kReusedStringCapacity || s.text.size() > kReusedStringCapacity)) {
                out->assign(s.text);
            } else {
                out.emplace(s.text);
            }
            return true;
        }
        out.reset();
        why = "a string";
        return false;
    } else if constexpr (std::is_same_v<T, Decimal>) {
        if (s.kind == Scalar::number || s.kind == Scalar::string) {
            if (DecimalFastParse::parse(s.text, out)) return true;
        } else if (!out) {
            out.emplace();
        }
        if (assign(*out, s, type, why)) return true;
        out.reset();
        return false;
    } else if constexpr (std::is_same_v<T, OpenCategory>) {
        if (s.kind == Scalar::string) {
            if (out) {
                *out = OpenCategory(s.text);
            } else {
                out.emplace(s.text);
            }
            return true;
        }
        out.reset();
        why = "a category name";
        return false;
    } else if constexpr (open_enum<T>) {
        // Any string is a value: a known one, or a new one kept as sent.
        if (s.kind == Scalar::string) {
            if (auto v = enum_from_string<typename T::enum_type>(s.text)) out = *v;
            else out.emplace(s.text);
            return true;
        }
        out.reset();
        why = "a string";
        return false;
    } else {
        if (!out) out.emplace();
        if (assign(*out, s, type, why)) return true;
        out.reset();
        return false;
    }
}

// The same, returning an empty string on success or what was expected.
template <class T>
std::string assign_optional(std::optional<T>& out, Scalar const& s, ValueType type) {
    std::string why;
    assign_optional(out, s, type, why);
    return why;
}

}  // namespace twilio_usage::detail
