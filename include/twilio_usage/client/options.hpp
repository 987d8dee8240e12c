// How the client reaches the API: host, timeouts, User-Agent, body limit and
// the (opt-in) retry policy.
#pragma once

#include "twilio_usage/core/error.hpp"
#include "twilio_usage/generated/operations.hpp"

#include <chrono>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <thread>

namespace twilio_usage {

inline constexpr std::string_view library_version = "0.1.0";
inline constexpr std::string_view default_user_agent = "twilio-usage-cpp/0.1.0";

/// What the retry hook sees before each retry.
struct RetryEvent {
    int attempt;                      // the attempt that failed (1 = the first request)
    std::chrono::milliseconds delay;  // how long the client waits before the next one
    Error const& error;               // why it failed
};

/// Opt-in: exponential backoff with jitter, honouring Retry-After, on 429,
/// 503 and connection failures (refused, timed out, cut off), for GET and
/// DELETE only (a POST is never repeated). Off by default (max_attempts 1).
struct RetryPolicy {
    int max_attempts = 1;  // total attempts, the first included; 1 = no retries
    std::chrono::milliseconds initial_delay{500};
    std::chrono::milliseconds max_delay{30'000};
    double multiplier = 2.0;
    bool jitter = true;  // wait uniformly between half the backoff and all of it
    bool honour_retry_after = true;
    // A Retry-After longer than this is not waited for: the error is returned.
    std::chrono::milliseconds max_retry_after{120'000};
    std::function<void(RetryEvent const&)> on_retry;
    // How to wait (replaceable in tests); std::this_thread::sleep_for by default.
    std::function<void(std::chrono::milliseconds)> sleep;

    /// `max_attempts` attempts in all with the default backoff.
    static RetryPolicy exponential(int max_attempts = 4) {
        RetryPolicy p;
        p.max_attempts = max_attempts;
        return p;
    }
    bool enabled() const noexcept { return max_attempts > 1; }
};

struct ClientOptions {
    /// Scheme, host and port of the API (no path), e.g. the emulator's
    /// "http://127.0.0.1:PORT". Empty: https://api.twilio.com, or the
    /// regional host when edge or region is set.
    std::string base_url;
    std::optional<std::string> edge;    // e.g. "sydney"
    std::optional<std::string> region;  // e.g. "au1"
    /// Act for this (sub)account instead of the credentials' own.
    std::optional<std::string> account_sid;

    std::chrono::milliseconds connect_timeout{10'000};
    /// Each socket read or write: a server silent this long fails the request.
    std::chrono::milliseconds read_timeout{30'000};
    /// The whole exchange: connect, send, headers and body, so that a server
    /// trickling a byte at a time cannot hold a request forever. Per attempt:
    /// with retries, the call can take max_attempts times this plus the
    /// waits between attempts. Zero or less: no limit beyond the two above.
    std::chrono::milliseconds request_timeout{60'000};
    std::string user_agent{default_user_agent};
    std::size_t max_response_bytes = 64u * 1024u * 1024u;
    /// Requests that run at once when threads share this client (and the
    /// clients for_account() makes from it), each on its own kept-alive
    /// connection; more wait for one to come free, within their
    /// request_timeout. 0 counts as 1.
    std::size_t max_connections = 4;
    RetryPolicy retry;

    /// TLS: certificate and host name verification (on unless you turn it off).
    bool verify_tls = true;
    std::string ca_cert_path = "/etc/ssl/certs/ca-certificates.crt";

    /// The base URL these options resolve to.
    std::string resolved_base_url() const {
        if (!base_url.empty()) {
            std::string out = base_url;
            while (!out.empty() && out.back() == '/') out.pop_back();
            return out;
        }
        if (edge || region) {
            // Twilio's libraries default the region to us1 when only an edge is given.
            std::string host = "https://api.";
            if (edge) host += *edge + ".";
            host += region.value_or("us1");
            return host + ".twilio.com";
        }
        return std::string(api::base_url);
    }
};

}  // namespace twilio_usage
