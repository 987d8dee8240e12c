// Who the client authenticates as, and which account it acts for. The auth
// token (or API key secret) is kept here and nowhere else: it is never part
// of an Error, a log line or to_string()/operator<< of any object.
#pragma once

#include "twilio_usage/config.hpp"
#include "twilio_usage/core/error.hpp"

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>

namespace twilio_usage {

namespace detail {

inline bool is_hex(char c) noexcept {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/// `prefix` followed by 32 hex digits: AC..., UT..., SK...
inline bool is_sid(std::string_view s, std::string_view prefix) noexcept {
    if (s.size() != 34 || s.substr(0, 2) != prefix) return false;
    for (char c : s.substr(2))
        if (!is_hex(c)) return false;
    return true;
}

/// "AC...abcd": enough to tell accounts apart in a log, never a whole value.
inline std::string redact_sid(std::string_view sid) {
    if (sid.size() < 8) return "[redacted]";
    return std::string(sid.substr(0, 2)) + "..." + std::string(sid.substr(sid.size() - 4));
}

/// The process environment: a variable's value, nullopt when unset or empty.
TWILIO_USAGE_DECL std::optional<std::string> process_getenv(char const* name);

/// A malformed SID as an error shows it, so the user sees the typo ('AC12 3'):
/// a SID is no secret. Only a value shaped like an auth token (32 hex
/// digits: the two variables swapped) is withheld, and a long one is cut.
inline std::string show_sid(std::string_view sid) {
    bool const token_shaped = sid.size() == 32 && std::all_of(sid.begin(), sid.end(), is_hex);
    if (token_shaped) return "[32 hex digits, withheld: is it the auth token?]";
    std::string out = "'";
    for (char c : sid.substr(0, 64)) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) out += '?';
        else out += c;
    }
    return out + (sid.size() > 64 ? "...'" : "'");
}

}  // namespace detail

/// HTTP Basic credentials: an account SID + auth token, or an API key SID +
/// secret (with the account SID the key belongs to, for the path).
class Credentials {
public:
    /// The account's own SID and auth token.
    static Credentials from_auth_token(std::string account_sid, std::string auth_token) {
        Credentials c;
        c.username_ = account_sid;
        c.account_sid_ = std::move(account_sid);
        c.secret_ = std::move(auth_token);
        return c;
    }

    /// An API key (SK...) and its secret, acting for `account_sid`.
    static Credentials from_api_key(std::string key_sid, std::string secret, std::string account_sid) {
        Credentials c;
        c.username_ = std::move(key_sid);
        c.secret_ = std::move(secret);
        c.account_sid_ = std::move(account_sid);
        return c;
    }

    using Getenv = std::function<std::optional<std::string>(char const*)>;

    /// Reads TWILIO_ACCOUNT_SID with TWILIO_AUTH_TOKEN, or TWILIO_API_KEY with
    /// TWILIO_API_SECRET (and TWILIO_ACCOUNT_SID). An API key wins when both
    /// are complete. `getenv` replaces the process environment (for tests).
    TWILIO_USAGE_DECL static Result<Credentials> from_environment(Getenv getenv = {});

    /// The account in the request path (for a subaccount, see Client::for_account).
    std::string const& account_sid() const noexcept { return account_sid_; }
    /// The Basic auth user: the account SID or an API key SID.
    std::string const& username() const noexcept { return username_; }
    bool is_api_key() const noexcept { return username_ != account_sid_; }

    /// The secret, for the transport's Authorization header only.
    std::string const& secret() const noexcept { return secret_; }

    /// Checks the SIDs' shape; the secret only for being non-empty.
    TWILIO_USAGE_DECL std::optional<Error> validate() const;

    /// "Credentials{account AC...1234, auth token [redacted]}"
    TWILIO_USAGE_DECL std::string to_string() const;
    friend std::ostream& operator<<(std::ostream& os, Credentials const& c) { return os << c.to_string(); }

private:
    Credentials() = default;
    std::string username_;
    std::string secret_;
    std::string account_sid_;
};

}  // namespace twilio_usage

#ifndef TWILIO_USAGE_SEPARATE_COMPILATION
#include "twilio_usage/client/impl/credentials.ipp"
#endif
