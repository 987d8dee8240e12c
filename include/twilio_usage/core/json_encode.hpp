// Generic JSON encoder of the generated models, the mirror of json_decode.hpp.
//
// Driven by model_traits<T>::fields (wire name and ValueType of every member)
// and Boost.Describe (the members themselves, in the same order). Appends to a
// caller's std::string, no DOM. Empty optionals are `null`; decimals are JSON
// strings ("0.38") unless JsonEncodeOptions::decimals_as_numbers; dates are
// YYYY-MM-DD; timestamps ISO 8601 or RFC 2822 as the field's ValueType says;
// categories by their wire name; enums by their wire name. What this writes,
// decode_json / decode_page read back to an equal value.
#pragma once

#include "twilio_usage/core/date.hpp"
#include "twilio_usage/core/decimal.hpp"
#include "twilio_usage/core/enum_traits.hpp"
#include "twilio_usage/core/open_enum.hpp"
#include "twilio_usage/core/model_support.hpp"
#include "twilio_usage/core/open_category.hpp"
#include "twilio_usage/core/utf8.hpp"
#include "twilio_usage/generated/models.hpp"

#include <boost/describe/members.hpp>
#include <boost/mp11/algorithm.hpp>

#include <charconv>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace twilio_usage {

struct JsonEncodeOptions {
    /// Send decimals (count, usage, price, trigger values) as JSON numbers.
    bool decimals_as_numbers = false;
};

/// Appends s as a JSON string literal (quotes included). Well-formed UTF-8
/// passes through; control characters become \uXXXX; each byte that is not
/// part of a well-formed UTF-8 sequence becomes \ufffd, so that what this
/// writes is always JSON (text echoed from a hostile request included).
inline void append_json_string(std::string& out, std::string_view s) {
    static constexpr char kHex[] = "0123456789abcdef";
    out.push_back('"');
    std::size_t run = 0;  // start of the bytes not yet copied
    for (std::size_t i = 0; i < s.size(); ++i) {
        auto const c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20U && c < 0x80U && c != '"' && c != '\\') continue;
        if (c >= 0x80U) {
            if (std::size_t const n = utf8_sequence_length(s, i)) {
                i += n - 1;
                continue;
            }
        }
        out.append(s.data() + run, i - run);
        run = i + 1;
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            default:
                if (c >= 0x80U) {
                    out += "\\ufffd";
                } else {
                    out += "\\u00";
                    out.push_back(kHex[c >> 4U]);
                    out.push_back(kHex[c & 0x0FU]);
                }
        }
    }
    out.append(s.data() + run, s.size() - run);
    out.push_back('"');
}

namespace detail {

inline void append_json_int(std::string& out, std::int64_t v) {
    char buf[24];
    auto const r = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, r.ptr);
}

template <class T>
void encode_json_object(std::string& out, T const& value, JsonEncodeOptions const& opts);

template <class T>
void append_json_value(std::string& out, T const& v, ValueType type, JsonEncodeOptions const& opts) {
    if constexpr (std::is_same_v<T, std::string>) {
        append_json_string(out, v);
    } else if constexpr (std::is_same_v<T, bool>) {
        out += v ? "true" : "false";
    } else if constexpr (std::is_integral_v<T>) {
        append_json_int(out, static_cast<std::int64_t>(v));
    } else if constexpr (std::is_same_v<T, Decimal>) {
        if (opts.decimals_as_numbers)
            out += v.to_string();
        else
            append_json_string(out, v.to_string());
    } else if constexpr (std::is_same_v<T, Date>) {
        out.push_back('"');
        out += format_date(v);
        out.push_back('"');
    } else if constexpr (std::is_same_v<T, Timestamp>) {
        out.push_back('"');
        out += type == ValueType::rfc2822_timestamp ? format_rfc2822(v) : format_iso8601(v);
        out.push_back('"');
    } else if constexpr (std::is_same_v<T, OpenCategory>) {
        append_json_string(out, v.wire_name());
    } else if constexpr (open_enum<T>) {
        append_json_string(out, v.wire_name());
    } else if constexpr (model<T>) {
        encode_json_object(out, v, opts);
    } else {
        static_assert(sizeof(T) == 0, "no JSON encoding for this member type");
    }
}

template <class T>
void append_json_member(std::string& out, std::optional<T> const& v, ValueType type, JsonEncodeOptions const& opts) {
    if (!v) {
        out += "null";
        return;
    }
    append_json_value(out, *v, type, opts);
}

template <class T>
void append_json_member(std::string& out, T const& v, ValueType type, JsonEncodeOptions const& opts) {
    append_json_value(out, v, type, opts);
}

template <class T>
void encode_json_object(std::string& out, T const& value, JsonEncodeOptions const& opts) {
    using members = boost::describe::describe_members<T, boost::describe::mod_public>;
    static_assert(boost::mp11::mp_size<members>::value == model_traits<T>::fields.size(),
                  "model_traits fields and described members disagree");
    out.push_back('{');
    std::size_t i = 0;
    boost::mp11::mp_for_each<members>([&](auto d) {
        FieldInfo const& f = model_traits<T>::fields[i];
        if (i != 0) out.push_back(',');
        out.push_back('"');
        out += f.wire;  // wire names are plain ASCII identifiers
        out += "\":";
        append_json_member(out, value.*d.pointer, f.type, opts);
        ++i;
    });
    out.push_back('}');
}

}  // namespace detail

/// Appends the JSON object of a model to `out`.
template <model T>
void encode_json(std::string& out, T const& value, JsonEncodeOptions const& opts = {}) {
    detail::encode_json_object(out, value, opts);
}

/// The JSON object of a model as a string.
template <model T>
std::string to_json(T const& value, JsonEncodeOptions const& opts = {}) {
    std::string out;
    out.reserve(64 * model_traits<T>::fields.size());
    detail::encode_json_object(out, value, opts);
    return out;
}

/// A page: the envelope's fields, then the items under `list_key`.
template <model T>
std::string encode_page(PageInfo const& info, std::string_view list_key, std::vector<T> const& items,
                        JsonEncodeOptions const& opts = {}) {
    std::string out;
    out.reserve(512 + items.size() * 64 * model_traits<T>::fields.size());
    detail::encode_json_object(out, info, opts);
    out.pop_back();  // reopen the envelope object
    out += ",";
    append_json_string(out, list_key);
    out += ":[";
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i != 0) out.push_back(',');
        detail::encode_json_object(out, items[i], opts);
    }
    out += "]}";
    return out;
}

}  // namespace twilio_usage
