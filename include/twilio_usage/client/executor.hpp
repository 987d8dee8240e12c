// Request execution: builds the absolute URL (refusing page URIs that leave
// the API's origin), adds authentication and User-Agent, retries what the
// policy allows, and turns error statuses into API Errors. Every request of
// the client goes through Executor::execute.
//
// The member functions are defined in client/impl/executor.ipp: included
// below when header-only, compiled once by src.hpp otherwise (config.hpp).
#pragma once

#include "twilio_usage/client/credentials.hpp"
#include "twilio_usage/client/options.hpp"
#include "twilio_usage/client/transport.hpp"
#include "twilio_usage/config.hpp"
#include "twilio_usage/core/error.hpp"

#include <boost/url/url_view.hpp>

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace twilio_usage::detail {

/// Scheme, host and effective port of a URL, for same-origin checks.
struct Origin {
    std::string scheme;
    std::string host;
    std::string port;

    TWILIO_USAGE_DECL static std::optional<Origin> of(boost::urls::url_view u);
    friend bool operator==(Origin const&, Origin const&) = default;
};

/// "Retry-After: 3" or an HTTP date; nullopt when absent or unreadable.
TWILIO_USAGE_DECL std::optional<std::chrono::milliseconds> parse_retry_after(std::optional<std::string_view> value);

/// An Error for a non-2xx answer: Twilio's JSON body when there is one,
/// otherwise the status and a short, printable excerpt.
TWILIO_USAGE_DECL Error api_error(HttpResponse const& response);

TWILIO_USAGE_DECL bool retryable_method(HttpMethod m) noexcept;
TWILIO_USAGE_DECL bool retryable(Error const& e) noexcept;

/// A body consumer for Executor::execute_to: a BodySink that can start over
/// (each attempt of a retried request restarts it).
class StreamTarget : public BodySink {
public:
    virtual void restart() = 0;
};

class Executor {
public:
    TWILIO_USAGE_DECL Executor(Credentials credentials, ClientOptions options, std::shared_ptr<Transport> transport);

    std::string const& account_sid() const noexcept { return account_sid_; }
    std::string const& base_url() const noexcept { return base_url_; }
    Credentials const& credentials() const noexcept { return credentials_; }
    ClientOptions const& options() const noexcept { return options_; }
    std::shared_ptr<Transport> const& transport() const noexcept { return transport_; }
    /// What makes every request fail before it is sent (bad credentials or base URL).
    std::optional<Error> const& setup_error() const noexcept { return setup_error_; }

    /// "/2010-04-01/Accounts/AC.../Usage/Records/Today.json"
    TWILIO_USAGE_DECL std::string path(std::string_view below_account) const;

    /// An absolute URL for `uri`: a path on the API host ("/2010-04-01/..."),
    /// or an absolute URL on exactly the same scheme, host and port.
    /// Anything else is an unsafe redirect and is never sent.
    TWILIO_USAGE_DECL Result<std::string> resolve(std::string_view uri) const;

    /// Sends one request (retrying per the policy) and returns the 2xx answer.
    TWILIO_USAGE_DECL Result<HttpResponse> execute(HttpMethod method, std::string_view uri, std::string body = {}) const;

    /// execute() for a GET whose 2xx body goes to `target` as it arrives
    /// (Transport::send_to); the returned response then has an empty body.
    /// Any other status is read whole and becomes the API Error, as in
    /// execute(). Each attempt starts with target.restart(), so a retry
    /// never sees what an earlier attempt delivered.
    TWILIO_USAGE_DECL Result<HttpResponse> execute_to(std::string_view uri, StreamTarget& target) const;

    /// Replaces the secret and the Authorization value in `s` with
    /// "[redacted]"; true when there was one. Idempotent: what lies inside a
    /// "[redacted]" already is left alone (a secret may be part of that word).
    TWILIO_USAGE_DECL bool redact(std::string& s) const;

    /// Removes the secret (and the Authorization value) from everything an
    /// Error says, in case a server echoed them back.
    TWILIO_USAGE_DECL Error scrub(Error e) const;

    /// What redact() replaces: the Authorization value and the secret.
    TWILIO_USAGE_DECL std::vector<std::string_view> secrets() const;

    /// The error for a 2xx body that did not decode. Decode errors quote a
    /// bounded excerpt of the offending value and key, which could cut a
    /// secret the server echoed in two (scrub() would not find it). The
    /// decoder says whether that value, or a key on its path, held one, as
    /// decoded (escapes resolved): its excerpt is then withheld, and the
    /// path is cut to the root.
    TWILIO_USAGE_DECL Error decode_failure(Error first, bool value_held_secret, bool path_held_secret) const;

private:
    template <class Send>
    Result<HttpResponse> run(HttpMethod method, std::string_view uri, std::string body, Send&& send) const;

    TWILIO_USAGE_DECL static std::chrono::milliseconds backoff(RetryPolicy const& p, int attempt);

    Credentials credentials_;
    ClientOptions options_;
    std::shared_ptr<Transport> transport_;
    std::string base_url_;
    std::string account_sid_;
    Origin origin_;
    std::optional<Error> setup_error_;
    std::string authorization_;
};

}  // namespace twilio_usage::detail

#ifndef TWILIO_USAGE_SEPARATE_COMPILATION
#include "twilio_usage/client/impl/executor.ipp"
#endif
