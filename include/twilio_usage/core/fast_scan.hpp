// The decoder's fast path: a JSON tokenizer for the documents servers send,
// driving DecodeHandler with exactly the events basic_parser would give it.
//
// Why: basic_parser can stop and resume anywhere, and pays for it at every
// token; on a page of usage records it was about 60% of the client's
// instructions (bench/README.md). This scanner resumes only between tokens,
// over a buffer that holds the whole document so far.
//
// It accepts a strict subset of JSON and says "unsure" at anything else (any
// syntax error, a comment, an invalid escape or UTF-8 sequence, a number
// with a long exponent, deep nesting, a long key). The caller then hands the
// whole document to basic_parser from its first byte, so every error and
// every odd document is decided by basic_parser alone. What this scanner
// delivers, basic_parser would deliver too, at the same point or earlier:
// a number or literal only once the delimiter after it is seen, a key only
// with its colon. fuzz_decode_records checks both paths against each other.
#pragma once

#include "twilio_usage/core/hex.hpp"
#include "twilio_usage/core/utf8.hpp"

#include <boost/system/error_code.hpp>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

// TWILIO_USAGE_NO_SIMD selects the portable string loop (for tests); define it
// for every translation unit of a program or for none.
#if defined(__SSE2__) && !defined(TWILIO_USAGE_NO_SIMD)
#include <emmintrin.h>
#endif

namespace twilio_usage::detail {

class FastScan {
public:
    enum class Step : std::uint8_t {
        more,     // the document so far is fine; scanning goes on with more bytes
        done,     // the root object closed; only whitespace followed so far
        unsure,   // something this scanner does not decide: leave it to basic_parser
        refused,  // the handler refused an event (its `error` says why)
    };

    /// Scans `doc` (every byte of the document so far; each call passes the
    /// same bytes and maybe more) from where the last call stopped.
    template <class Handler>
    Step scan(std::string_view doc, Handler& h);

    // Deeper documents are left to basic_parser (whose own limit is 64).
    static constexpr int max_depth = 32;
    // Longer keys are left to basic_parser, which checks Handler::max_key_size.
    static constexpr std::size_t max_key_bytes = 1024;
    static constexpr std::size_t max_number_bytes = 40;

private:
    enum class Expect : std::uint8_t { root, first_key, key, first_element, value, next, end };
    enum class Token : std::uint8_t { ok, more, unsure };

    static bool is_space(char c) noexcept { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }
    static bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
    // What may follow a value inside a container.
    static bool ends_value(char c) noexcept { return c == ',' || c == '}' || c == ']' || is_space(c); }

    static char const* skip_space(char const* p, char const* end) noexcept {
        while (p != end && is_space(*p)) ++p;
        return p;
    }

    // The first byte at or after p that a plain string cannot hold as is:
    // '"', '\\', a control character, or a byte above 0x7F; end if none.
    static char const* string_stop(char const* p, char const* end) noexcept {
#if defined(__SSE2__) && !defined(TWILIO_USAGE_NO_SIMD)
        __m128i const quote = _mm_set1_epi8('"');
        __m128i const backslash = _mm_set1_epi8('\\');
        __m128i const space = _mm_set1_epi8(0x20);
        while (end - p >= 16) {
            __m128i const v = _mm_loadu_si128(reinterpret_cast<__m128i const*>(p));
            // Signed compare: bytes above 0x7F are negative, so "< 0x20" takes them too.
            __m128i const hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)),
                                             _mm_cmplt_epi8(v, space));
            if (int const mask = _mm_movemask_epi8(hit)) return p + __builtin_ctz(static_cast<unsigned>(mask));
            p += 16;
        }
#endif
        for (; p != end; ++p) {
            auto const c = static_cast<unsigned char>(*p);
            if (c == '"' || c == '\\' || c < 0x20 || c > 0x7F) break;
        }
        return p;
    }

    // The string whose opening quote is at p: its text in `text`, *next past
    // the closing quote.
    Token string(char const* p, char const* end, std::string_view& text, char const*& next);
    // A string with escapes or non-ASCII bytes, from its first such byte.
    Token string_slow(char const* start, char const* p, char const* end, std::string_view& text,
                      char const*& next);
    static Token number(char const* p, char const* end, char const*& next) noexcept;
    static Token literal(char const* p, char const* end, std::string_view word) noexcept;

    void push(bool is_object) noexcept {
        objects_ = (objects_ << 1) | (is_object ? 1u : 0u);
        ++depth_;
    }
    bool in_object() const noexcept { return (objects_ & 1u) != 0; }

    std::size_t pos_ = 0;          // where the next call resumes: always between tokens
    Expect expect_ = Expect::root;
    int depth_ = 0;
    std::uint64_t objects_ = 0;    // bit 0: the innermost container is an object; bit 1: its parent; ...
    std::string unescaped_;        // the text of the last string that had escapes
};

template <class Handler>
FastScan::Step FastScan::scan(std::string_view doc, Handler& h) {
    char const* const begin = doc.data();
    char const* const end = begin + doc.size();
    char const* p = begin + pos_;
    boost::system::error_code ec;
    // Stops between tokens: the next call starts again at p.
    auto const more = [&] {
        pos_ = static_cast<std::size_t>(p - begin);
        return Step::more;
    };
    // A token that did not come out whole: wait for more bytes, or give up.
    auto const incomplete = [&](Token t) { return t == Token::more ? more() : Step::unsure; };
    for (;;) {
        p = skip_space(p, end);
        if (p == end) {
            pos_ = static_cast<std::size_t>(p - begin);
            return expect_ == Expect::end ? Step::done : Step::more;
        }
        char const c = *p;
        switch (expect_) {
        case Expect::end:
            return Step::unsure;  // data after the document: basic_parser's error
        case Expect::root:
            if (c != '{') return Step::unsure;
            if (!h.on_object_begin(ec)) return Step::refused;
            push(true);
            expect_ = Expect::first_key;
            ++p;
            continue;
        case Expect::first_key:
            if (c == '}') break;  // closes below
            [[fallthrough]];
        case Expect::key: {
            if (c != '"') return Step::unsure;
            std::string_view key;
            char const* after = nullptr;
            if (Token const t = string(p, end, key, after); t != Token::ok) return incomplete(t);
            if (static_cast<std::size_t>(after - p) - 2 > max_key_bytes) return Step::unsure;  // as sent, escapes and all
            after = skip_space(after, end);
            if (after == end) return more();
            if (*after != ':') return Step::unsure;
            if (!h.on_key(key, key.size(), ec)) return Step::refused;
            p = after + 1;
            expect_ = Expect::value;
            continue;
        }
        case Expect::first_element:
            if (c == ']') break;  // closes below
            [[fallthrough]];
        case Expect::value: {
            char const* after = nullptr;
            if (c == '"') {
                std::string_view text;
                if (Token const t = string(p, end, text, after); t != Token::ok) return incomplete(t);
                if (!h.on_string(text, text.size(), ec)) return Step::refused;
            } else if (c == '{' || c == '[') {
                if (depth_ >= max_depth) return Step::unsure;
                if (!(c == '{' ? h.on_object_begin(ec) : h.on_array_begin(ec))) return Step::refused;
                push(c == '{');
                expect_ = c == '{' ? Expect::first_key : Expect::first_element;
                ++p;
                continue;
            } else if (c == '-' || is_digit(c)) {
                if (Token const t = number(p, end, after); t != Token::ok) return incomplete(t);
                if (!h.on_number(std::string_view(p, static_cast<std::size_t>(after - p)), ec)) return Step::refused;
            } else {
                std::string_view const word = c == 'n' ? "null" : c == 't' ? "true" : c == 'f' ? "false" : "";
                if (word.empty()) return Step::unsure;
                if (Token const t = literal(p, end, word); t != Token::ok) return incomplete(t);
                if (!(c == 'n' ? h.on_null(ec) : h.on_bool(c == 't', ec))) return Step::refused;
                after = p + word.size();
            }
            p = after;
            expect_ = Expect::next;
            continue;
        }
        case Expect::next:
            if (c == ',') {
                expect_ = in_object() ? Expect::key : Expect::value;
                ++p;
                continue;
            }
            if (c != (in_object() ? '}' : ']')) return Step::unsure;
            break;  // closes below
        }
        // c closes the innermost container.
        if (!(in_object() ? h.on_object_end(0, ec) : h.on_array_end(0, ec))) return Step::refused;
        objects_ >>= 1;
        --depth_;
        expect_ = depth_ == 0 ? Expect::end : Expect::next;
        ++p;
    }
}

inline FastScan::Token FastScan::string(char const* p, char const* end, std::string_view& text,
                                        char const*& next) {
    char const* const start = p + 1;
    char const* const stop = string_stop(start, end);
    if (stop == end) return Token::more;
    if (*stop != '"') [[unlikely]]
        return string_slow(start, stop, end, text, next);
    text = std::string_view(start, static_cast<std::size_t>(stop - start));
    next = stop + 1;
    return Token::ok;
}

inline FastScan::Token FastScan::string_slow(char const* start, char const* p, char const* end,
                                             std::string_view& text, char const*& next) {
    unescaped_.assign(start, p);
    auto const hex4 = [](char const* q, unsigned& out) {
        out = 0;
        for (int i = 0; i < 4; ++i) {
            int const d = hex_value(q[i]);
            if (d < 0) return false;
            out = out << 4 | static_cast<unsigned>(d);
        }
        return true;
    };
    while (p != end) {
        auto const c = static_cast<unsigned char>(*p);
        if (c == '"') {
            text = unescaped_;
            next = p + 1;
            return Token::ok;
        }
        if (c < 0x20) return Token::unsure;
        if (c > 0x7F) {
            std::size_t const n = utf8_sequence_length(std::string_view(p, static_cast<std::size_t>(end - p)), 0);
            if (n == 0) return end - p < 4 ? Token::more : Token::unsure;  // maybe cut, else invalid
            unescaped_.append(p, n);
            p += n;
            continue;
        }
        if (c != '\\') {
            char const* const stop = string_stop(p, end);
            unescaped_.append(p, stop);
            p = stop;
            continue;
        }
        if (end - p < 2) return Token::more;
        char const e = p[1];
        char const simple = e == '"' ? '"' : e == '\\' ? '\\' : e == '/' ? '/' : e == 'b' ? '\b'
                            : e == 'f' ? '\f' : e == 'n' ? '\n' : e == 'r' ? '\r' : e == 't' ? '\t' : '\0';
        if (simple != '\0') {
            unescaped_ += simple;
            p += 2;
            continue;
        }
        if (e != 'u') return Token::unsure;
        if (end - p < 6) return Token::more;
        unsigned unit = 0;
        if (!hex4(p + 2, unit)) return Token::unsure;
        std::uint32_t point = unit;
        std::size_t used = 6;
        if (unit >= 0xDC00 && unit <= 0xDFFF) return Token::unsure;  // a lone low surrogate
        if (unit >= 0xD800 && unit <= 0xDBFF) {
            if (end - p < 12) return Token::more;
            unsigned low = 0;
            if (p[6] != '\\' || p[7] != 'u' || !hex4(p + 8, low) || low < 0xDC00 || low > 0xDFFF)
                return Token::unsure;
            point = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
            used = 12;
        }
        if (point < 0x80) {
            unescaped_ += static_cast<char>(point);
        } else if (point < 0x800) {
            unescaped_ += static_cast<char>(0xC0 | point >> 6);
            unescaped_ += static_cast<char>(0x80 | (point & 0x3F));
        } else if (point < 0x10000) {
            unescaped_ += static_cast<char>(0xE0 | point >> 12);
            unescaped_ += static_cast<char>(0x80 | (point >> 6 & 0x3F));
            unescaped_ += static_cast<char>(0x80 | (point & 0x3F));
        } else {
            unescaped_ += static_cast<char>(0xF0 | point >> 18);
            unescaped_ += static_cast<char>(0x80 | (point >> 12 & 0x3F));
            unescaped_ += static_cast<char>(0x80 | (point >> 6 & 0x3F));
            unescaped_ += static_cast<char>(0x80 | (point & 0x3F));
        }
        p += used;
    }
    return Token::more;
}

// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]{1,3})?, then a delimiter.
inline FastScan::Token FastScan::number(char const* p, char const* end, char const*& next) noexcept {
    char const* const start = p;
    auto const at = [&](char const* q) { return q != end; };
    if (*p == '-') ++p;
    if (!at(p)) return Token::more;
    if (*p == '0') {
        ++p;
    } else if (is_digit(*p)) {
        while (at(p) && is_digit(*p)) ++p;
    } else {
        return Token::unsure;
    }
    if (at(p) && *p == '.') {
        ++p;
        if (!at(p)) return Token::more;
        if (!is_digit(*p)) return Token::unsure;
        while (at(p) && is_digit(*p)) ++p;
    }
    if (at(p) && (*p == 'e' || *p == 'E')) {
        ++p;
        if (at(p) && (*p == '+' || *p == '-')) ++p;
        char const* const digits = p;
        while (at(p) && is_digit(*p)) ++p;
        if (at(p) && (p == digits || p - digits > 3)) return Token::unsure;
    }
    if (!at(p)) return Token::more;
    if (!ends_value(*p) || static_cast<std::size_t>(p - start) > max_number_bytes) return Token::unsure;
    next = p;
    return Token::ok;
}

// null, true or false, then a delimiter.
inline FastScan::Token FastScan::literal(char const* p, char const* end, std::string_view word) noexcept {
    auto const have = static_cast<std::size_t>(end - p);
    if (have <= word.size()) return std::memcmp(p, word.data(), have) == 0 ? Token::more : Token::unsure;
    if (std::memcmp(p, word.data(), word.size()) != 0 || !ends_value(p[word.size()])) return Token::unsure;
    return Token::ok;
}

}  // namespace twilio_usage::detail
