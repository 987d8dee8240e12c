// Shared helpers of the fuzz targets: a check that aborts with a message (so
// libFuzzer records the input as a crash), and a splitter of the input bytes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace fuzz {

[[noreturn]] inline void fail(char const* file, int line, char const* what, std::string const& detail) {
    std::fprintf(stderr, "\n%s:%d: FUZZ CHECK FAILED: %s\n  %s\n", file, line, what, detail.c_str());
    std::fflush(stderr);
    std::abort();
}

// FUZZ_CHECK(condition, detail-string-expression): aborts when false.
#define FUZZ_CHECK(cond, detail)                                   \
    do {                                                           \
        if (!(cond)) ::fuzz::fail(__FILE__, __LINE__, #cond, (detail)); \
    } while (0)

inline std::string_view as_text(std::uint8_t const* data, std::size_t size) {
    return {reinterpret_cast<char const*>(data), size};
}

// Splits the input at each '\n' (keeps empty pieces), at most `max` pieces;
// the last piece keeps the remaining newlines.
inline std::vector<std::string_view> split_lines(std::string_view s, std::size_t max) {
    std::vector<std::string_view> out;
    while (out.size() + 1 < max) {
        auto nl = s.find('\n');
        if (nl == std::string_view::npos) break;
        out.push_back(s.substr(0, nl));
        s.remove_prefix(nl + 1);
    }
    out.push_back(s);
    return out;
}

// A finding already reported (see fuzz/README.md, "Known findings"): printed
// once per id and process as "KNOWN-ISSUE <id>: ...", which fuzz/run counts;
// it aborts like any failed check only when FUZZ_STRICT=1 is set.
inline void known_issue(char const* id, std::string const& detail) {
    static bool const strict = std::getenv("FUZZ_STRICT") != nullptr && std::string_view(std::getenv("FUZZ_STRICT")) == "1";
    static std::set<std::string> reported;
    if (strict) fail("known issue", 0, id, detail);
    if (reported.insert(id).second) {
        std::fprintf(stderr, "KNOWN-ISSUE %s: %s\n", id, detail.c_str());
        std::fflush(stderr);
    }
}

// Strict UTF-8 (RFC 3629: no overlongs, no surrogates, <= U+10FFFF): the
// number of code points, or nullopt.
inline std::optional<std::size_t> strict_utf8_length(std::string_view s) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < s.size(); ++n) {
        auto const c = static_cast<unsigned char>(s[i]);
        std::size_t len;
        std::uint32_t cp;
        if (c < 0x80) len = 1, cp = c;
        else if (c >= 0xC2 && c <= 0xDF) len = 2, cp = c & 0x1F;
        else if (c >= 0xE0 && c <= 0xEF) len = 3, cp = c & 0x0F;
        else if (c >= 0xF0 && c <= 0xF4) len = 4, cp = c & 0x07;
        else return std::nullopt;
        if (i + len > s.size()) return std::nullopt;
        for (std::size_t k = 1; k < len; ++k) {
            auto const cc = static_cast<unsigned char>(s[i + k]);
            if ((cc & 0xC0) != 0x80) return std::nullopt;
            cp = (cp << 6) | (cc & 0x3F);
        }
        if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return std::nullopt;
        i += len;
    }
    return n;
}

// Printable form of a string for failure messages: bytes outside 0x20..0x7E as \xNN.
inline std::string show(std::string_view s) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out = "\"";
    for (char c : s.substr(0, 400)) {
        auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u > 0x7E || c == '"' || c == '\\') {
            out += "\\x";
            out += kHex[u >> 4];
            out += kHex[u & 15];
        } else {
            out += c;
        }
    }
    if (s.size() > 400) out += "...";
    return out + "\"";
}

}  // namespace fuzz
