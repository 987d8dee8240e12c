// The definitions of webhook/callback.hpp (see config.hpp for when this is
// included).
#pragma once

#include "twilio_usage/webhook/callback.hpp"
#include "twilio_usage/core/field_decode.hpp"

#include <boost/describe/members.hpp>
#include <boost/mp11/algorithm.hpp>
#include <boost/url/parse.hpp>
#include <boost/url/url.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace twilio_usage::webhook {

TWILIO_USAGE_DECL std::optional<std::string> detail::form_decode(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (c == '+') {
            out += ' ';
        } else if (c == '%') {
            if (i + 2 >= s.size()) return std::nullopt;
            int const hi = twilio_usage::detail::hex_value(s[i + 1]);
            int const lo = twilio_usage::detail::hex_value(s[i + 2]);
            if (hi < 0 || lo < 0) return std::nullopt;
            out += static_cast<char>(hi * 16 + lo);
            i += 2;
        } else {
            out += c;
        }
    }
    return out;
}

TWILIO_USAGE_DECL Result<FormParams> parse_form(std::string_view body) {
    if (!body.empty() && body.front() == '?') body.remove_prefix(1);
    FormParams out;
    while (!body.empty()) {
        auto amp = body.find('&');
        std::string_view pair = body.substr(0, amp);
        body = amp == std::string_view::npos ? std::string_view{} : body.substr(amp + 1);
        if (pair.empty()) continue;
        auto eq = pair.find('=');
        auto name = detail::form_decode(pair.substr(0, eq));
        auto value = detail::form_decode(eq == std::string_view::npos ? std::string_view{} : pair.substr(eq + 1));
        if (!name || !value)
            return Error::decode("form", "percent-encoded form data",
                                 "a bad %-escape in '" + std::string(pair.substr(0, 64)) + "'");
        out.emplace_back(std::move(*name), std::move(*value));
    }
    return out;
}

TWILIO_USAGE_DECL Result<TriggerCallback> parse_callback(FormParams const& params) {
    TriggerCallback out;
    using members = boost::describe::describe_members<TriggerCallback, boost::describe::mod_public>;
    constexpr auto const& fields = model_traits<TriggerCallback>::fields;
    std::array<bool, fields.size()> seen{};
    for (auto const& param : params) {
        // Not a structured binding: clang before 16 cannot capture one in the lambda below.
        auto const& name = param.first;
        auto const& value = param.second;
        for (std::size_t i = 0; i < fields.size(); ++i) {
            if (fields[i].wire != name) continue;
            if (seen[i]) return Error::decode(name, "one value", "the parameter repeated");
            seen[i] = true;
            std::string why;
            boost::mp11::mp_with_index<fields.size()>(i, [&](auto I) {
                using D = boost::mp11::mp_at_c<members, I>;
                twilio_usage::detail::Scalar scalar{twilio_usage::detail::Scalar::string, false, value};
                why = twilio_usage::detail::assign_optional(out.*D::pointer, scalar, fields[I].type);
            });
            if (!why.empty()) {
                twilio_usage::detail::Scalar scalar{twilio_usage::detail::Scalar::string, false, value};
                return Error::decode(name, why, twilio_usage::detail::describe_found(scalar));
            }
        }
    }
    return out;
}

TWILIO_USAGE_DECL Result<TriggerCallback> parse_callback(std::string_view form_body_or_query) {
    auto params = parse_form(form_body_or_query);
    if (!params) return params.error();
    return parse_callback(*params);
}

TWILIO_USAGE_DECL std::vector<std::string> url_port_variants(std::string_view url) {
    std::vector<std::string> out{std::string(url)};
    auto parsed = boost::urls::parse_absolute_uri(url);
    if (!parsed) return out;
    boost::urls::url u(*parsed);
    std::string scheme(u.scheme());
    for (auto& ch : scheme) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    std::string_view default_port = scheme == "https" ? "443" : scheme == "http" ? "80" : "";
    if (default_port.empty()) return out;
    if (!u.has_port()) {
        u.set_port(default_port);
        out.emplace_back(u.buffer());
    } else if (u.port() == default_port) {
        u.remove_port();
        out.emplace_back(u.buffer());
    }
    return out;
}

TWILIO_USAGE_DECL bool validate_signature(std::string_view auth_token, std::string_view url, FormParams const& params,
                               std::optional<std::string_view> header_value) {
    if (!header_value || header_value->empty() || auth_token.empty()) return false;
    bool ok = false;
    for (auto const& candidate : url_port_variants(url))
        ok |= signatures_equal(compute_signature(auth_token, candidate, params), *header_value);
    return ok;
}

}  // namespace twilio_usage::webhook
