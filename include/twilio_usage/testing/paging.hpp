// Paging: PageSize / Page / PageToken parsing, opaque page tokens, and the
// envelope URIs (first/next/previous page, uri).
//
// A PageToken is "PT" + 16 hex digits of the offset + 16 hex digits of a keyed
// checksum over (emulator secret, list path and filters, offset). A token that
// was not made by this emulator for this very listing is refused with 400.
#pragma once

#include "twilio_usage/testing/api_error.hpp"

#include <charconv>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace twilio_usage::testing {

using QueryParams = std::multimap<std::string, std::string>;  // == httplib::Params

/// First value of a parameter, or nullopt.
inline std::optional<std::string> param(QueryParams const& p, std::string const& name) {
    auto it = p.find(name);
    if (it == p.end()) return std::nullopt;
    return it->second;
}

/// Percent-encodes everything but RFC 3986 unreserved characters.
inline void append_uri_encoded(std::string& out, std::string_view s) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    for (char c : s) {
        auto const u = static_cast<unsigned char>(c);
        if ((u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u == '-' || u == '_' ||
            u == '.' || u == '~') {
            out.push_back(c);
        } else {
            out.push_back('%');
            out.push_back(kHex[u >> 4U]);
            out.push_back(kHex[u & 0xFU]);
        }
    }
}

/// "A=x&B=y" from (name, value) pairs, values percent-encoded.
inline std::string encode_query(std::vector<std::pair<std::string, std::string>> const& pairs) {
    std::string out;
    for (auto const& [k, v] : pairs) {
        if (!out.empty()) out.push_back('&');
        out += k;
        out.push_back('=');
        append_uri_encoded(out, v);
    }
    return out;
}

inline std::uint64_t mix64(std::uint64_t x) noexcept {
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30U)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27U)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31U);
}

inline std::uint64_t hash_text(std::uint64_t seed, std::string_view s) noexcept {
    std::uint64_t h = seed ^ 0xCBF29CE484222325ULL;
    for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001B3ULL;
    return mix64(h);
}

class PageTokens {
public:
    explicit PageTokens(std::uint64_t secret) : secret_(secret) {}

    std::string make(std::string_view listing, std::uint64_t offset) const {
        std::string out = "PT";
        append_hex(out, offset);
        append_hex(out, checksum(listing, offset));
        return out;
    }
    std::optional<std::uint64_t> read(std::string_view listing, std::string_view token) const {
        if (token.size() != 34 || token.substr(0, 2) != "PT") return std::nullopt;
        auto offset = parse_hex(token.substr(2, 16));
        auto sum = parse_hex(token.substr(18, 16));
        if (!offset || !sum || *sum != checksum(listing, *offset)) return std::nullopt;
        return offset;
    }

private:
    std::uint64_t secret_;
    std::uint64_t checksum(std::string_view listing, std::uint64_t offset) const noexcept {
        return mix64(hash_text(secret_, listing) ^ mix64(offset + secret_));
    }
    static void append_hex(std::string& out, std::uint64_t v) {
        static constexpr char kHex[] = "0123456789abcdef";
        for (int i = 15; i >= 0; --i) out.push_back(kHex[(v >> (4U * static_cast<unsigned>(i))) & 0xFU]);
    }
    static std::optional<std::uint64_t> parse_hex(std::string_view s) {
        std::uint64_t v = 0;
        for (char c : s) {
            int d = -1;
            if (c >= '0' && c <= '9') d = c - '0';
            if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
            if (d < 0) return std::nullopt;
            v = (v << 4U) | static_cast<std::uint64_t>(d);
        }
        return v;
    }
};

/// Where a page starts and how long it is.
struct Paging {
    std::int64_t page = 0;
    std::int64_t page_size = 50;
    std::uint64_t offset = 0;
};

/// Strict non-negative integer of at most 9 digits.
inline std::optional<std::int64_t> parse_small_int(std::string_view s) {
    if (s.empty() || s.size() > 9) return std::nullopt;
    std::int64_t v = 0;
    auto r = std::from_chars(s.data(), s.data() + s.size(), v);
    if (r.ec != std::errc{} || r.ptr != s.data() + s.size() || v < 0) return std::nullopt;
    return v;
}

/// Reads PageSize (1..1000, default 50), Page and PageToken. `listing`
/// identifies the list (path + filters) the token must have been made for.
inline Paging parse_paging(QueryParams const& q, PageTokens const& tokens, std::string_view listing) {
    Paging p;
    if (auto s = param(q, "PageSize")) {
        auto v = parse_small_int(*s);
        if (!v || *v < 1 || *v > 1000)
            throw ApiError::bad_param("PageSize", "'" + *s + "' is not an integer between 1 and 1000");
        p.page_size = *v;
    }
    if (auto s = param(q, "Page")) {
        auto v = parse_small_int(*s);
        if (!v) throw ApiError::bad_param("Page", "'" + *s + "' is not a non-negative integer");
        p.page = *v;
    }
    if (auto t = param(q, "PageToken")) {
        auto off = tokens.read(listing, *t);
        if (!off) throw ApiError::bad_param("PageToken", "the page token is not valid for this list");
        p.offset = *off;
    } else {
        p.offset = static_cast<std::uint64_t>(p.page) * static_cast<std::uint64_t>(p.page_size);
    }
    return p;
}

/// The envelope's URIs and numbers for a page of `count` items out of `total`.
struct PageEnvelope {
    std::string uri;
    std::string first_page_uri;
    std::optional<std::string> next_page_uri;
    std::optional<std::string> previous_page_uri;
    std::int64_t page = 0;
    std::int64_t page_size = 0;
    std::int64_t start = 0;
    std::int64_t end = 0;
};

/// `path` is the list's path (with .json or not), `filters` its filter
/// pairs in order; `listing` the token identity.
inline PageEnvelope make_envelope(std::string const& path, std::vector<std::pair<std::string, std::string>> filters,
                                  std::string_view listing, PageTokens const& tokens, Paging const& p,
                                  std::uint64_t count, std::uint64_t total) {
    PageEnvelope e;
    std::string const fq = encode_query(filters);
    e.uri = fq.empty() ? path : path + "?" + fq;
    auto with = [&](std::string tail) { return path + "?" + (fq.empty() ? tail : fq + "&" + tail); };
    std::string const size = std::to_string(p.page_size);
    e.first_page_uri = with("Page=0&PageSize=" + size);
    if (p.offset + count < total) {
        auto const next = p.offset + count;
        e.next_page_uri = with("Page=" + std::to_string(p.page + 1) + "&PageSize=" + size +
                               "&PageToken=" + tokens.make(listing, next));
    }
    if (p.offset > 0) {
        auto const step = static_cast<std::uint64_t>(p.page_size);
        auto const prev = p.offset > step ? p.offset - step : 0;
        e.previous_page_uri = with("Page=" + std::to_string(p.page > 0 ? p.page - 1 : 0) + "&PageSize=" + size +
                                   "&PageToken=" + tokens.make(listing, prev));
    }
    e.page = p.page;
    e.page_size = p.page_size;
    e.start = static_cast<std::int64_t>(p.offset);
    e.end = count == 0 ? e.start : static_cast<std::int64_t>(p.offset + count - 1);
    return e;
}

/// The envelope's JSON members around the list, in the order Twilio sends
/// them (every page in the seeds: first_page_uri, previous_page_uri, uri,
/// page_size, the list, next_page_uri, page). The order matters to a client
/// that streams the page: next_page_uri comes after the records, so a client
/// cannot learn it before it has read them all. start and end, which the
/// contract lists and the seeds leave out, go before the list.
///
/// The page up to its list: the opening brace, the members before the list,
/// and the list's name and opening bracket.
inline void append_envelope_head_json(std::string& out, PageEnvelope const& e, std::string_view list_name) {
    using detail::append_json_int;
    out += "{\"first_page_uri\":";
    append_json_string(out, e.first_page_uri);
    out += ",\"previous_page_uri\":";
    if (e.previous_page_uri) append_json_string(out, *e.previous_page_uri); else out += "null";
    out += ",\"uri\":";
    append_json_string(out, e.uri);
    out += ",\"page_size\":";
    append_json_int(out, e.page_size);
    out += ",\"start\":";
    append_json_int(out, e.start);
    out += ",\"end\":";
    append_json_int(out, e.end);
    out += ",\"";
    out += list_name;
    out += "\":[";
}

/// The page after its list's items: the closing bracket, the members after
/// the list, and the closing brace.
inline void append_envelope_tail_json(std::string& out, PageEnvelope const& e) {
    out += "],\"next_page_uri\":";
    if (e.next_page_uri) append_json_string(out, *e.next_page_uri); else out += "null";
    out += ",\"page\":";
    detail::append_json_int(out, e.page);
    out += '}';
}

/// The envelope as XML attributes of the list element: the six the seed's
/// XML examples give, in their order (pagesize, nextpageuri, uri,
/// firstpageuri, previouspageuri, page). start and end, which the JSON page
/// carries, are not among them.
inline void append_envelope_xml(std::string& out, PageEnvelope const& e) {
    auto attr = [&](char const* name, std::string_view v) {
        out.push_back(' ');
        out += name;
        out += "=\"";
        append_xml_escaped(out, v);
        out.push_back('"');
    };
    attr("pagesize", std::to_string(e.page_size));
    attr("nextpageuri", e.next_page_uri ? *e.next_page_uri : std::string());
    attr("uri", e.uri);
    attr("firstpageuri", e.first_page_uri);
    attr("previouspageuri", e.previous_page_uri ? *e.previous_page_uri : std::string());
    attr("page", std::to_string(e.page));
}

}  // namespace twilio_usage::testing
