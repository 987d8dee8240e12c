// What a web handler calls when a trigger fires: check X-Twilio-Signature
// (validate_signature), then read the typed parameters (parse_callback).
//
//   auto params = webhook::parse_form(request.body);            // POST
//   if (!params || !webhook::validate_signature(token, "https://example.com/hook", *params,
//                                               request.get_header("X-Twilio-Signature")))
//       return 403;
//   auto callback = webhook::parse_callback(*params);   // Result<TriggerCallback>
#pragma once

#include "twilio_usage/config.hpp"

#include "twilio_usage/core/error.hpp"
#include "twilio_usage/core/hex.hpp"
#include "twilio_usage/generated/models.hpp"
#include "twilio_usage/webhook/signature.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace twilio_usage::webhook {

namespace detail {
// application/x-www-form-urlencoded: '+' is a space, %XX a byte.
TWILIO_USAGE_DECL std::optional<std::string> form_decode(std::string_view s);
}  // namespace detail

/// Splits a form body or query string ("a=1&b=2", a leading '?' allowed)
/// into decoded name/value pairs, in order, repeated names kept.
TWILIO_USAGE_DECL Result<FormParams> parse_form(std::string_view body);

/// Reads the callback's parameters into a TriggerCallback (by their wire
/// names: AccountSid, UsageTriggerSid, DateFired, ...). Unknown parameters
/// are ignored; a known one given twice, or with a bad value, is an error
/// naming it.
TWILIO_USAGE_DECL Result<TriggerCallback> parse_callback(FormParams const& params);

/// Same, from the raw form body (POST) or query string (GET).
TWILIO_USAGE_DECL Result<TriggerCallback> parse_callback(std::string_view form_body_or_query);

/// The URL as given, then with the scheme's default port added or removed
/// (proxies differ on whether they keep ":443" / ":80").
TWILIO_USAGE_DECL std::vector<std::string> url_port_variants(std::string_view url);

/// Checks X-Twilio-Signature. `url`: the full URL Twilio requested (with
/// its query; for GET that is all that is signed, so pass no params).
/// `params`: the POST form parameters, repeated names and all. Compares in
/// constant time; accepts the URL with and without the default port. A
/// missing or empty header is rejected. For a subaccount's trigger, pass the
/// subaccount's auth token.
TWILIO_USAGE_DECL bool validate_signature(std::string_view auth_token, std::string_view url, FormParams const& params,
                               std::optional<std::string_view> header_value);
}  // namespace twilio_usage::webhook

#ifndef TWILIO_USAGE_SEPARATE_COMPILATION
#include "twilio_usage/webhook/impl/callback.ipp"
#endif
