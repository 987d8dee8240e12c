// The definitions of client/credentials.hpp (see config.hpp for when this is
// included).
#pragma once

#include "twilio_usage/client/credentials.hpp"

#include <cstdlib>
#include <optional>
#include <string>
#include <utility>

namespace twilio_usage {

TWILIO_USAGE_DECL std::optional<std::string> detail::process_getenv(char const* name) {
    char const* v = std::getenv(name);
    if (!v || !*v) return std::nullopt;
    return std::string(v);
}

TWILIO_USAGE_DECL Result<Credentials> Credentials::from_environment(Getenv getenv) {
    if (!getenv) getenv = detail::process_getenv;
    auto account = getenv("TWILIO_ACCOUNT_SID");
    auto token = getenv("TWILIO_AUTH_TOKEN");
    auto key = getenv("TWILIO_API_KEY");
    auto secret = getenv("TWILIO_API_SECRET");
    if (!account)
        return Error::invalid_request("TWILIO_ACCOUNT_SID",
                                      "TWILIO_ACCOUNT_SID is not set: set it to your account SID (AC...) "
                                      "and TWILIO_AUTH_TOKEN, or TWILIO_API_KEY and TWILIO_API_SECRET");
    if (key && secret) return from_api_key(std::move(*key), std::move(*secret), std::move(*account));
    if (key && !secret)
        return Error::invalid_request("TWILIO_API_SECRET",
                                      "TWILIO_API_KEY is set but TWILIO_API_SECRET is not");
    if (!token)
        return Error::invalid_request("TWILIO_AUTH_TOKEN",
                                      "TWILIO_AUTH_TOKEN is not set (nor TWILIO_API_KEY and "
                                      "TWILIO_API_SECRET): the client has no secret to authenticate with");
    return from_auth_token(std::move(*account), std::move(*token));
}

TWILIO_USAGE_DECL std::optional<Error> Credentials::validate() const {
    if (!detail::is_sid(account_sid_, "AC"))
        return Error::invalid_request("account_sid", "account SID " + detail::show_sid(account_sid_) +
                                                         " is not AC followed by 32 hex digits");
    if (is_api_key() && !detail::is_sid(username_, "SK"))
        return Error::invalid_request("api_key", "API key SID " + detail::show_sid(username_) +
                                                     " is not SK followed by 32 hex digits");
    if (secret_.empty())
        return Error::invalid_request(is_api_key() ? "api_secret" : "auth_token",
                                      is_api_key() ? "the API key secret is empty" : "the auth token is empty");
    return std::nullopt;
}

TWILIO_USAGE_DECL std::string Credentials::to_string() const {
    std::string out = "Credentials{account " + detail::redact_sid(account_sid_);
    if (is_api_key()) out += ", API key " + detail::redact_sid(username_) + ", secret [redacted]}";
    else out += ", auth token [redacted]}";
    return out;
}

}  // namespace twilio_usage
