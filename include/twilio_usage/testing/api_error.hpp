// Twilio-shaped error responses: {"code","message","more_info","status"} in
// JSON, <TwilioResponse><RestException> in XML.
#pragma once

#include "twilio_usage/core/json_encode.hpp"
#include "twilio_usage/core/utf8.hpp"
#include "twilio_usage/generated/models.hpp"

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace twilio_usage::testing {

namespace detail {
using twilio_usage::detail::append_json_int;
}  // namespace detail

/// Thrown by request handlers; the router turns it into the error response.
struct ApiError : std::runtime_error {
    int status;
    int code;
    ApiError(int http_status, int twilio_code, std::string const& message)
        : std::runtime_error(message), status(http_status), code(twilio_code) {}

    static ApiError bad_param(std::string_view name, std::string_view why) {
        return {400, 20001, "Invalid parameter " + std::string(name) + ": " + std::string(why)};
    }
    static ApiError missing_param(std::string_view name) {
        return {400, 20001, "Missing required parameter " + std::string(name) + " in the post body"};
    }
    static ApiError not_found(std::string_view what) {
        return {404, 20404, "The requested resource " + std::string(what) + " was not found"};
    }
    static ApiError unauthenticated() { return {401, 20003, "Authenticate"}; }
};

/// s with every byte of an invalid UTF-8 sequence replaced by '?'.
inline std::string sanitize_utf8(std::string_view s) {
    if (is_valid_utf8(s)) return std::string(s);
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        if (std::size_t const n = utf8_sequence_length(s, i)) {
            out.append(s.substr(i, n));
            i += n;
        } else {
            out.push_back('?');
            ++i;
        }
    }
    return out;
}

inline std::string more_info_url(int code) { return "https://www.twilio.com/docs/errors/" + std::to_string(code); }

inline std::string render_error_json(int status, int code, std::string_view message) {
    ApiErrorBody body{code, sanitize_utf8(message), more_info_url(code), status};
    return to_json(body);
}

inline void append_xml_escaped(std::string& out, std::string_view s) {
    std::size_t run = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        char const c = s[i];
        char const* rep = nullptr;
        if (static_cast<unsigned char>(c) < 0x20U && c != '\t' && c != '\n' && c != '\r') {
            out.append(s.data() + run, i - run);
            out.push_back('?');  // not allowed in XML 1.0
            run = i + 1;
            continue;
        }
        switch (c) {
            case '&': rep = "&amp;"; break;
            case '<': rep = "&lt;"; break;
            case '>': rep = "&gt;"; break;
            case '"': rep = "&quot;"; break;
            case '\'': rep = "&apos;"; break;
            default: continue;
        }
        out.append(s.data() + run, i - run);
        out += rep;
        run = i + 1;
    }
    out.append(s.data() + run, s.size() - run);
}

inline std::string render_error_xml(int status, int code, std::string_view message) {
    std::string out = "<?xml version='1.0' encoding='UTF-8'?>\n<TwilioResponse><RestException><Code>";
    out += std::to_string(code);
    out += "</Code><Message>";
    append_xml_escaped(out, sanitize_utf8(message));
    out += "</Message><MoreInfo>";
    out += more_info_url(code);
    out += "</MoreInfo><Status>";
    out += std::to_string(status);
    out += "</Status></RestException></TwilioResponse>";
    return out;
}

}  // namespace twilio_usage::testing
