// The run-time checks and the encoding of core/query_builder.hpp: one
// function for every query type (see config.hpp for when this is included).
#pragma once

#include "twilio_usage/core/query_builder.hpp"

#include <boost/describe/members.hpp>
#include <boost/mp11/algorithm.hpp>
#include <boost/url/encode.hpp>
#include <boost/url/parse.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>

namespace twilio_usage::detail {

inline std::string to_wire(OpenCategory const& v) { return std::string(v.wire_name()); }
inline std::string to_wire(DateSpec const& v) { return v.to_wire(); }
inline std::string to_wire(bool v) { return v ? "true" : "false"; }
inline std::string to_wire(std::int64_t v) { return std::to_string(v); }
inline std::string to_wire(std::string const& v) { return v; }
inline std::string to_wire(TriggerValue const& v) { return v.to_wire(); }
template <open_enum E>
std::string to_wire(E const& v) {
    return std::string(v.wire_name());
}

inline std::string where(ParamInfo const& p) {
    return std::string(p.name) + " (" + std::string(p.wire) + ")";
}

template <class T>
std::optional<Error> check_value(ParamInfo const& p, T const& v) {
    if constexpr (std::is_same_v<T, std::int64_t>) {
        if (p.has_range && (v < p.min || v > p.max))
            return Error::invalid_request(std::string(p.name), where(p) + " must be within " +
                                                                   std::to_string(p.min) + ".." +
                                                                   std::to_string(p.max) + ", got " +
                                                                   std::to_string(v));
    } else if constexpr (std::is_same_v<T, std::string>) {
        if (p.max_length > 0) {
            auto n = utf8_length(v);
            if (!n) return Error::invalid_request(std::string(p.name), where(p) + " is not valid UTF-8");
            if (*n > static_cast<std::size_t>(p.max_length))
                return Error::invalid_request(std::string(p.name),
                                              where(p) + " is " + std::to_string(*n) +
                                                  " characters long; the limit is " +
                                                  std::to_string(p.max_length));
        }
        if (p.type == ValueType::url) {
            auto url = boost::urls::parse_absolute_uri(v);
            bool ok = url && (url->scheme() == "http" || url->scheme() == "https") && url->has_authority() &&
                      !url->encoded_host().empty();
            if (!ok)
                return Error::invalid_request(std::string(p.name),
                                              where(p) + " must be an absolute http or https URL, got '" +
                                                  v.substr(0, 200) + "'");
        }
    } else if constexpr (std::is_same_v<T, OpenCategory>) {
        if (v.wire_name().empty())
            return Error::invalid_request(std::string(p.name), where(p) + " is empty");
    } else if constexpr (std::is_same_v<T, DateSpec>) {
        if (!v.is_offset() && !v.date().ok())
            return Error::invalid_request(std::string(p.name), where(p) + " " + format_date(v.date()) +
                                                                   " is not a date of the calendar");
    } else if constexpr (std::is_same_v<T, TriggerValue>) {
        if (v.error()) return Error::invalid_request(std::string(p.name), *v.error());
    }
    return std::nullopt;
}

inline std::string percent_encode(std::string_view s) {
    // Only unreserved characters stay as they are: '+' goes as %2B (or the
    // server reads a space), a space as %20, non-ASCII as its UTF-8 bytes.
    return boost::urls::encode(s, boost::urls::unreserved_chars);
}

template <class F>
void for_each_param_value(ParamValues const& values, F&& f) {
    using members = boost::describe::describe_members<ParamValues, boost::describe::mod_public>;
    boost::mp11::mp_for_each<boost::mp11::mp_iota_c<boost::mp11::mp_size<members>::value>>([&](auto I) {
        using D = boost::mp11::mp_at_c<members, I>;
        f(static_cast<Param>(I()), values.*D::pointer);
    });
}

TWILIO_USAGE_DECL std::optional<Error> validate_params(ParamValues const& values, Date today, bool has_date_range) {
    std::optional<Error> error;
    for_each_param_value(values, [&](Param p, auto const& value) {
        if (!error && value) error = check_value(info(p), *value);
    });
    if (error) return error;
    if (has_date_range && values.start_date && values.end_date &&
        values.start_date->resolve(today) > values.end_date->resolve(today))
        return Error::invalid_request("start_date", "start_date " + format_date(values.start_date->resolve(today)) +
                                                        " is after end_date " +
                                                        format_date(values.end_date->resolve(today)) +
                                                        " (dates are GMT); swap them");
    return std::nullopt;
}

TWILIO_USAGE_DECL Result<std::string> encode_params(ParamValues const& values, std::span<Param const> order, Date today,
                                                    bool has_date_range) {
    if (auto error = validate_params(values, today, has_date_range)) return *error;
    std::string out;
    for (Param p : order) {
        for_each_param_value(values, [&](Param q, auto const& value) {
            if (q != p || !value) return;
            if (!out.empty()) out += '&';
            out += info(p).wire;
            out += '=';
            // A day offset goes out as the date it means today, so that a
            // stored page URI (a resume point) names the same window tomorrow.
            if constexpr (std::is_same_v<std::decay_t<decltype(*value)>, DateSpec>)
                out += format_date(value->resolve(today));
            else
                out += percent_encode(to_wire(*value));
        });
    }
    return out;
}

}  // namespace twilio_usage::detail
