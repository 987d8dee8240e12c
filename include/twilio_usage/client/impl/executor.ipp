// The definitions of client/executor.hpp (see config.hpp for when this is
// included).
#pragma once

#include "twilio_usage/client/executor.hpp"
#include "twilio_usage/core/date.hpp"
#include "twilio_usage/core/decode.hpp"
#include "twilio_usage/generated/models.hpp"
#include "twilio_usage/generated/operations.hpp"
#include "twilio_usage/webhook/signature.hpp"
#ifndef TWILIO_USAGE_SEPARATE_COMPILATION
#include "twilio_usage/core/json_decode.hpp"
#endif

#include <boost/url/parse.hpp>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <memory>
#include <random>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

namespace twilio_usage::detail {

TWILIO_USAGE_DECL std::optional<Origin> Origin::of(boost::urls::url_view u) {
    std::string scheme(u.scheme());
    std::transform(scheme.begin(), scheme.end(), scheme.begin(), [](unsigned char c) { return std::tolower(c); });
    if ((scheme != "http" && scheme != "https") || !u.has_authority() || u.encoded_host().empty())
        return std::nullopt;
    std::string host(u.encoded_host());
    std::transform(host.begin(), host.end(), host.begin(), [](unsigned char c) { return std::tolower(c); });
    std::string port(u.port());
    if (port.empty()) port = scheme == "https" ? "443" : "80";
    return Origin{scheme, host, port};
}

TWILIO_USAGE_DECL std::optional<std::chrono::milliseconds> parse_retry_after(std::optional<std::string_view> value) {
    if (!value) return std::nullopt;
    std::string_view v = *value;
    while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
    while (!v.empty() && v.back() == ' ') v.remove_suffix(1);
    if (v.empty()) return std::nullopt;
    if (std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        if (v.size() > 9) return std::chrono::milliseconds::max();
        return std::chrono::seconds(std::stoll(std::string(v)));
    }
    std::string text(v);
    if (text.size() > 4 && text.substr(text.size() - 4) == " GMT") text = text.substr(0, text.size() - 4) + " +0000";
    auto when = parse_rfc2822(text);
    if (!when) return std::nullopt;
    auto now = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
    if (*when <= now) return std::chrono::milliseconds(0);
    return std::chrono::duration_cast<std::chrono::milliseconds>(*when - now);
}

TWILIO_USAGE_DECL Error api_error(HttpResponse const& response) {
    auto body = decode_json<ApiErrorBody>(response.body);
    if (body && (body->message || body->code)) {
        return Error::api(response.status, body->code,
                          body->message.value_or("HTTP " + std::to_string(response.status)),
                          body->more_info.value_or(""));
    }
    std::string excerpt;
    for (char c : std::string_view(response.body).substr(0, 120)) excerpt += (c >= 0x20 && c < 0x7f) ? c : ' ';
    std::string message = "HTTP " + std::to_string(response.status) + " without a Twilio JSON error body";
    if (!excerpt.empty()) message += ": '" + excerpt + (response.body.size() > 120 ? "...'" : "'");
    return Error::api(response.status, std::nullopt, std::move(message), "");
}

TWILIO_USAGE_DECL bool retryable_method(HttpMethod m) noexcept { return m == HttpMethod::get || m == HttpMethod::delete_; }

TWILIO_USAGE_DECL bool retryable(Error const& e) noexcept {
    if (e.kind == ErrorKind::api) return e.http_status == 429 || e.http_status == 503;
    if (e.kind == ErrorKind::transport)
        return e.transport == TransportFailure::connect || e.transport == TransportFailure::timeout ||
               e.transport == TransportFailure::connection;
    return false;
}

TWILIO_USAGE_DECL Executor::Executor(Credentials credentials, ClientOptions options, std::shared_ptr<Transport> transport)
    : credentials_(std::move(credentials)),
      options_(std::move(options)),
      transport_(std::move(transport)),
      base_url_(options_.resolved_base_url()) {
    account_sid_ = options_.account_sid.value_or(credentials_.account_sid());
    setup_error_ = credentials_.validate();
    if (!setup_error_ && !is_sid(account_sid_, "AC"))
        setup_error_ = Error::invalid_request("account_sid", "account SID " + show_sid(account_sid_) +
                                                                 " is not AC followed by 32 hex digits");
    auto base = boost::urls::parse_absolute_uri(base_url_);
    std::optional<Origin> origin;
    if (base) origin = Origin::of(*base);
    if (!origin) {
        if (!setup_error_)
            setup_error_ = Error::invalid_request("base_url", "base URL '" + base_url_.substr(0, 200) +
                                                                  "' is not an absolute http(s) URL");
    } else if (!base->encoded_path().empty() || base->has_query() || base->has_fragment() ||
               base->has_userinfo()) {
        // A path would be dropped (every request path starts at /2010-04-01),
        // so it is refused rather than ignored.
        if (!setup_error_)
            setup_error_ = Error::invalid_request(
                "base_url", "base URL '" + base_url_.substr(0, 200) +
                                "' has more than a scheme, host and port; give only those (e.g. http://127.0.0.1:8080): "
                                "request paths always start at /" + std::string(api::version));
    } else {
        origin_ = *origin;
        base_url_ = std::string(base->scheme()) + "://" + std::string(base->encoded_host_and_port());
    }
    std::string const userpass = credentials_.username() + ":" + credentials_.secret();
    authorization_ = "Basic " + webhook::detail::base64(reinterpret_cast<unsigned char const*>(userpass.data()),
                                                        userpass.size());
}

TWILIO_USAGE_DECL std::string Executor::path(std::string_view below_account) const {
    return "/" + std::string(api::version) + "/Accounts/" + account_sid_ + std::string(below_account);
}

TWILIO_USAGE_DECL Result<std::string> Executor::resolve(std::string_view uri) const {
    if (setup_error_) return *setup_error_;
    auto refuse = [&](char const* why) {
        // The URI came from the server: it may echo the secret, which
        // the excerpt must not cut in two.
        std::string shown(uri);
        redact(shown);
        bool const long_uri = shown.size() > 200;
        shown.resize(std::min<std::size_t>(shown.size(), 200));
        return Error::transport_failure(TransportFailure::unsafe_redirect,
                                        "refusing page URI '" + shown + (long_uri ? "...'" : "'") + ": " + why +
                                            "; credentials are only sent to " + base_url_);
    };
    if (uri.empty()) return refuse("it is empty");
    for (char c : uri)
        if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f || c == '\\') return refuse("it has a space, control character or backslash");
    if (uri.front() == '/') {
        if (uri.size() > 1 && uri[1] == '/') return refuse("it names another host");
        if (!boost::urls::parse_origin_form(uri)) return refuse("it is not a valid path and query");
        return base_url_ + std::string(uri);
    }
    auto u = boost::urls::parse_absolute_uri(uri);
    if (!u) return refuse("it is neither a path nor an absolute URL");
    auto o = Origin::of(*u);
    if (!o || !(*o == origin_)) return refuse("it names another host, port or scheme");
    if (u->has_userinfo()) return refuse("it carries user information");
    std::string target(u->encoded_target());
    if (target.empty() || target.front() != '/') target.insert(0, "/");
    return base_url_ + target;
}

template <class Send>
Result<HttpResponse> Executor::run(HttpMethod method, std::string_view uri, std::string body, Send&& send) const {
    auto url = resolve(uri);
    if (!url) return url.error();
    HttpRequest request;
    request.method = method;
    request.url = std::move(*url);
    request.headers = {{"Authorization", authorization_},
                       {"User-Agent", options_.user_agent},
                       {"Accept", "application/json"}};
    if (method == HttpMethod::post) {
        request.headers.emplace_back("Content-Type", "application/x-www-form-urlencoded");
        request.body = std::move(body);
    }

    RetryPolicy const& policy = options_.retry;
    int const attempts = retryable_method(method) ? std::max(1, policy.max_attempts) : 1;
    for (int attempt = 1;; ++attempt) {
        auto response = send(request);
        Error error;
        std::optional<std::chrono::milliseconds> retry_after;
        if (response) {
            if (response->status >= 200 && response->status < 300) return std::move(*response);
            // Before the excerpt cuts it: a secret the server echoed must
            // not survive even in part.
            redact(response->body);
            error = api_error(*response);
            if (policy.honour_retry_after) retry_after = parse_retry_after(response->header("Retry-After"));
        } else {
            error = response.error();
        }
        error = scrub(std::move(error));
        if (attempt >= attempts || !retryable(error)) return error;
        std::chrono::milliseconds delay = backoff(policy, attempt);
        if (retry_after) {
            if (*retry_after > policy.max_retry_after) return error;
            delay = *retry_after;
        }
        if (policy.on_retry) policy.on_retry(RetryEvent{attempt, delay, error});
        if (delay.count() > 0) {
            if (policy.sleep) policy.sleep(delay);
            else std::this_thread::sleep_for(delay);
        }
    }
}

TWILIO_USAGE_DECL Result<HttpResponse> Executor::execute(HttpMethod method, std::string_view uri, std::string body) const {
    return run(method, uri, std::move(body), [&](HttpRequest const& request) { return transport_->send(request); });
}

TWILIO_USAGE_DECL Result<HttpResponse> Executor::execute_to(std::string_view uri, StreamTarget& target) const {
    return run(HttpMethod::get, uri, {}, [&](HttpRequest const& request) {
        target.restart();
        return transport_->send_to(request, target);
    });
}

TWILIO_USAGE_DECL bool Executor::redact(std::string& s) const {
    static constexpr std::string_view marker = "[redacted]";
    auto inside_marker = [&](std::size_t pos, std::size_t len) {
        for (auto q = s.find(marker, pos >= marker.size() ? pos - marker.size() + 1 : 0); q != std::string::npos && q <= pos;
             q = s.find(marker, q + 1))
            if (pos + len <= q + marker.size()) return true;
        return false;
    };
    bool found = false;
    for (std::string_view needle : {std::string_view(authorization_).substr(6), std::string_view(credentials_.secret())}) {
        if (needle.size() < 4) continue;
        for (auto pos = s.find(needle); pos != std::string::npos;) {
            if (inside_marker(pos, needle.size())) {
                pos = s.find(needle, pos + 1);
                continue;
            }
            s.replace(pos, needle.size(), marker);
            found = true;
            pos = s.find(needle, pos + marker.size());
        }
    }
    return found;
}

TWILIO_USAGE_DECL Error Executor::scrub(Error e) const {
    redact(e.message);
    redact(e.field);
    redact(e.found);
    redact(e.more_info);
    return e;
}

TWILIO_USAGE_DECL std::vector<std::string_view> Executor::secrets() const {
    std::vector<std::string_view> out;
    for (std::string_view needle : {std::string_view(authorization_).substr(6), std::string_view(credentials_.secret())})
        if (needle.size() >= 4) out.push_back(needle);
    return out;
}

TWILIO_USAGE_DECL Error Executor::decode_failure(Error first, bool value_held_secret, bool path_held_secret) const {
    if (value_held_secret) {
        first.found = "[redacted]";
        first.message = "expected valid data, found a value holding the credentials";
    }
    if (path_held_secret) first.field = first.field.substr(0, first.field.find_first_of(".["));
    return scrub(std::move(first));
}

TWILIO_USAGE_DECL std::chrono::milliseconds Executor::backoff(RetryPolicy const& p, int attempt) {
    double ms = static_cast<double>(p.initial_delay.count()) * std::pow(p.multiplier, attempt - 1);
    ms = std::min(ms, static_cast<double>(p.max_delay.count()));
    if (!(ms > 0)) return std::chrono::milliseconds(0);  // also NaN (a NaN or negative multiplier)
    ms = std::min(ms, 1e12);                               // about 30 years: no overflow below
    if (p.jitter) {
        thread_local std::mt19937_64 rng{std::random_device{}()};
        ms = std::uniform_real_distribution<double>(ms / 2, ms)(rng);
    }
    return std::chrono::milliseconds(static_cast<std::int64_t>(ms));
}

}  // namespace twilio_usage::detail
