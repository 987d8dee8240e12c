// What fuzz_decode_records and fuzz_decode_triggers check: the streaming
// decoder against an independent DOM parse (boost::json::parse) of the same
// bytes.
//   - It fails  => a decode Error with a non-empty field path and message;
//                  and when the DOM parse also fails, so does the decoder.
//   - It decodes => the DOM parse succeeds too (no invalid JSON accepted) and
//                  every field the DOM can give exactly agrees: strings,
//                  category wire names, enum names, decimals sent as strings
//                  or integers, dates, integers, nested objects, item counts.
//   - Decoded over recycled items (the page's own, reversed, and one more),
//     the same bytes give the same page or the same error.
//   - The fast path first (core/fast_scan.hpp), whole and in two pieces, gives
//     what basic_parser alone gives: the same page or the same error.
#pragma once

#include "fuzz_common.hpp"

#include "twilio_usage/types.hpp"

#include <boost/describe/members.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>
#include <boost/mp11/algorithm.hpp>

#include <algorithm>
#include <charconv>
#include <set>

namespace fuzz {

namespace tu = twilio_usage;
namespace json = boost::json;

inline json::parse_options dom_options() {
    json::parse_options o;
    o.max_depth = 64;  // as the decoder's parser
    return o;
}

// DOM parse with the decoder's options; nullopt when the bytes are not JSON.
inline std::optional<json::value> dom_parse(std::string_view body) {
    boost::system::error_code ec;
    json::value v = json::parse(body, ec, json::storage_ptr(), dom_options());
    if (ec) return std::nullopt;
    return v;
}

inline void check_error(tu::Error const& e, std::string_view body) {
    FUZZ_CHECK(e.kind == tu::ErrorKind::decode, "error kind is not decode for " + show(body));
    FUZZ_CHECK(!e.field.empty(), "decode error without a field path for " + show(body) + ": " + e.to_string());
    FUZZ_CHECK(!e.message.empty(), "decode error without a message for " + show(body));
    // Error text is meant to be one bounded line (error.hpp: "one line
    // saying what was wrong"); keys and values from the body end up in it.
    std::string const text = e.to_string();
    bool const has_control = std::any_of(text.begin(), text.end(), [](char c) {
        return static_cast<unsigned char>(c) < 0x20 || c == 0x7F;
    });
    FUZZ_CHECK(!has_control, "a decode error carries raw control characters from the body: " + show(text));
    FUZZ_CHECK(fuzz::strict_utf8_length(text).has_value(), "a decode error that is not UTF-8: " + show(text));
    FUZZ_CHECK(text.size() <= 8192,
                    "a decode error is " + std::to_string(text.size()) + " bytes long (field path " +
                        std::to_string(e.field.size()) + " bytes)");
}

template <class T>
struct is_optional : std::false_type {};
template <class T>
struct is_optional<std::optional<T>> : std::true_type {};

template <tu::model M>
void compare_model(M const& decoded, json::object const& obj, std::string const& path);

// One field: decoded value vs the DOM value under the same key.
template <class V>
void compare_field(std::optional<V> const& got, json::value const* dom, tu::FieldInfo const& info,
                   std::string const& path) {
    std::string const where = path + "." + std::string(info.wire);
    if (!dom || dom->is_null()) {
        FUZZ_CHECK(!got.has_value(), where + ": absent or null in the DOM but decoded");
        return;
    }
    if constexpr (tu::open_enum<V>) {
        if (dom->is_string() && dom->as_string().empty()) {
            FUZZ_CHECK(!got, where + ": empty enum string decoded to a value");
            return;
        }
    }
    FUZZ_CHECK(got.has_value(), where + ": present in the DOM (" + json::serialize(*dom) + ") but not decoded");
    if constexpr (std::is_same_v<V, std::string>) {
        FUZZ_CHECK(dom->is_string() && *got == std::string_view(dom->as_string()),
                   where + ": string differs from the DOM: " + show(*got) + " vs " + json::serialize(*dom));
    } else if constexpr (std::is_same_v<V, tu::OpenCategory>) {
        FUZZ_CHECK(dom->is_string() && got->wire_name() == std::string_view(dom->as_string()),
                   where + ": category wire name differs: " + show(got->wire_name()) + " vs " + json::serialize(*dom));
        FUZZ_CHECK(got->is_known() == tu::category_from_string(got->wire_name()).has_value(),
                   where + ": is_known disagrees with category_from_string");
    } else if constexpr (tu::open_enum<V>) {
        FUZZ_CHECK(dom->is_string() && got->wire_name() == std::string_view(dom->as_string()),
                   where + ": enum differs: " + json::serialize(*dom));
        FUZZ_CHECK(got->is_known() == tu::enum_from_string<typename V::enum_type>(got->wire_name()).has_value(),
                   where + ": is_known disagrees with enum_from_string");
    } else if constexpr (std::is_same_v<V, tu::Decimal>) {
        if (dom->is_string()) {
            auto p = tu::Decimal::parse(dom->as_string());
            FUZZ_CHECK(p && p->to_string() == got->to_string(),
                       where + ": decimal differs: " + got->to_string() + " vs " + json::serialize(*dom));
        } else if (dom->is_int64()) {
            FUZZ_CHECK(*got == tu::Decimal(dom->as_int64()), where + ": decimal differs from the DOM's integer " +
                                                                 json::serialize(*dom) + ": " + got->to_string());
        } else if (dom->is_uint64()) {
            FUZZ_CHECK(*got == tu::Decimal(dom->as_uint64()), where + ": decimal differs from the DOM's integer " +
                                                                  json::serialize(*dom) + ": " + got->to_string());
        } else {
            FUZZ_CHECK(dom->is_double(), where + ": decimal decoded from a non-number " + json::serialize(*dom));
            // Same magnitude class as the DOM's double (exactness is not
            // comparable: the DOM rounds; the decoder keeps the text).
            double const d = dom->as_double();
            FUZZ_CHECK((d > 0) == (got->signum() > 0) || d == 0 || got->is_zero(),
                       where + ": decimal sign differs from the DOM's " + json::serialize(*dom) + ": " + got->to_string());
        }
    } else if constexpr (std::is_same_v<V, tu::Date>) {
        FUZZ_CHECK(dom->is_string(), where + ": date from a non-string");
        auto p = tu::parse_date(dom->as_string());
        FUZZ_CHECK(p && *p == *got, where + ": date differs");
    } else if constexpr (std::is_same_v<V, tu::Timestamp>) {
        FUZZ_CHECK(dom->is_string(), where + ": timestamp from a non-string");
        std::string_view const s = dom->as_string();
        bool const iso = info.type == tu::ValueType::iso8601_timestamp;
        auto a = iso ? tu::parse_iso8601(s) : tu::parse_rfc2822(s);
        auto b = iso ? tu::parse_rfc2822(s) : tu::parse_iso8601(s);
        FUZZ_CHECK((a && *a == *got) || (!a && b && *b == *got), where + ": timestamp differs for " + show(s));
    } else if constexpr (std::is_same_v<V, std::int64_t>) {
        if (dom->is_int64()) {
            FUZZ_CHECK(*got == dom->as_int64(), where + ": integer differs");
        } else if (dom->is_uint64()) {
            FUZZ_CHECK(dom->as_uint64() <= std::uint64_t(INT64_MAX) && *got == std::int64_t(dom->as_uint64()),
                       where + ": integer differs");
        } else {
            FUZZ_CHECK(dom->is_string(), where + ": integer decoded from " + json::serialize(*dom));
            std::string_view s = dom->as_string();
            std::int64_t v = 0;
            auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
            FUZZ_CHECK(ec == std::errc{} && end == s.data() + s.size() && v == *got,
                       where + ": integer differs from the string " + show(s));
        }
    } else if constexpr (tu::model<V>) {
        FUZZ_CHECK(dom->is_object(), where + ": object decoded from a non-object");
        compare_model(*got, dom->as_object(), where);
    } else {
        static_assert(sizeof(V) == 0, "a field type the fuzzer does not compare");
    }
}

template <tu::model M>
void compare_model(M const& decoded, json::object const& obj, std::string const& path) {
    using members = boost::describe::describe_members<M, boost::describe::mod_public>;
    boost::mp11::mp_for_each<boost::mp11::mp_iota_c<boost::mp11::mp_size<members>::value>>([&](auto I) {
        using D = boost::mp11::mp_at_c<members, I>;
        auto const& info = tu::model_traits<M>::fields[I];
        compare_field(decoded.*D::pointer, obj.if_contains(info.wire), info, path);
    });
}

// Two decodes of the same bytes: the same page, or the same error.
template <tu::model T>
void check_same(tu::Result<tu::Page<T>> const& got, tu::Result<tu::Page<T>> const& want, std::string const& what) {
    FUZZ_CHECK(got.has_value() == want.has_value(), what + (want ? " fails" : " succeeds") + " (the other: not)");
    if (want) {
        FUZZ_CHECK(got->info == want->info && got->items == want->items, what + " gives another page");
    } else {
        FUZZ_CHECK(got.error().field == want.error().field && got.error().message == want.error().message &&
                       got.error().found == want.error().found,
                   what + " gives another error: " + got.error().to_string() + " vs " + want.error().to_string());
    }
}

// A PageDecoder over recycled items against a fresh decode of the same
// bytes. The page's own items reversed meet each other's fields (present,
// absent, null), and one item more than the page holds is dropped.
template <tu::model T>
void check_recycled(std::string_view body, std::string_view list_key, tu::Result<tu::Page<T>> const& fresh) {
    std::vector<T> recycled;
    if (fresh) recycled.assign(fresh->items.rbegin(), fresh->items.rend());
    recycled.push_back(recycled.empty() ? T{} : recycled.front());
    tu::PageDecoder<T> decoder(list_key, std::move(recycled));
    decoder.write(body);
    check_same<T>(decoder.finish(), fresh, "decoded over recycled items, " + show(body));
}

// The fast path (FastScan, which leaves what it does not decide to
// basic_parser) against basic_parser alone: decode_page's result (the body
// scanned where it lies) and the body written in two pieces, cut where its
// length says, are both basic_parser's.
template <tu::model T>
void check_tokenizers(std::string_view body, std::string_view list_key, tu::Result<tu::Page<T>> const& whole) {
    tu::PageDecoder<T> reference(list_key, {}, {}, tu::PageTokenizer::basic_parser_only);
    reference.write(body);
    auto const want = reference.finish();
    check_same<T>(whole, want, "decode_page (fast path first) of " + show(body));
    std::size_t const cut = body.size() * 7 / 13;
    tu::PageDecoder<T> split(list_key);
    split.write(body.substr(0, cut));
    split.write(body.substr(cut));
    check_same<T>(split.finish(), want, "in two pieces cut at " + std::to_string(cut) + ", " + show(body));
}

// decode_page<T>(body, list_key) against the DOM.
template <tu::model T>
void check_page(std::string_view body, std::string_view list_key) {
    auto page = tu::decode_page<T>(body, list_key);
    check_recycled<T>(body, list_key, page);
    check_tokenizers<T>(body, list_key, page);
    auto dom = dom_parse(body);
    if (!page) {
        check_error(page.error(), body);
        // The decoder refuses valid documents only for a reason it names; it
        // refuses every invalid one.
        return;
    }
    FUZZ_CHECK(dom.has_value(), show(body) + " decodes as a page, but boost::json::parse refuses it");
    FUZZ_CHECK(dom->is_object(), "a page decoded from a non-object: " + show(body));
    auto const& obj = dom->as_object();
    auto const* list = obj.if_contains(list_key);
    FUZZ_CHECK(list && list->is_array(), "a page decoded without a list: " + show(body));
    FUZZ_CHECK(list->as_array().size() == page->items.size(), "item count " + std::to_string(page->items.size()) +
                                                 " != the DOM's " + std::to_string(list->as_array().size()) +
                                                 " for " + show(body));
    compare_model(page->info, obj, "page");
    for (std::size_t i = 0; i < page->items.size(); ++i) {
        auto const& item = list->as_array()[i];
        FUZZ_CHECK(item.is_object(), "a list item decoded from a non-object");
        compare_model(page->items[i], item.as_object(), std::string(list_key) + "[" + std::to_string(i) + "]");
    }
}

template <tu::model T>
void check_single(std::string_view body) {
    auto one = tu::decode_json<T>(body);
    auto dom = dom_parse(body);
    if (!one) {
        check_error(one.error(), body);
        return;
    }
    FUZZ_CHECK(dom.has_value(), show(body) + " decodes as one object, but boost::json::parse refuses it");
    FUZZ_CHECK(dom->is_object(), "a model decoded from a non-object: " + show(body));
    compare_model(*one, dom->as_object(), std::string(tu::model_traits<T>::name));
}

}  // namespace fuzz
