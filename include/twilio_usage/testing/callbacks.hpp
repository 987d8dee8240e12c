// Delivery of trigger callbacks: one worker thread with a queue, so that
// ingestion and the API never wait for a receiver. Each callback is signed
// (X-Twilio-Signature, see webhook/signature.hpp) and retried with backoff up
// to `attempts` times; every attempt is bounded by `timeout` (connect, read,
// write). Only loopback receivers (localhost, 127.0.0.0/8, ::1) are ever
// contacted: a callback to any other host is dropped and logged to stderr, so
// the emulator never sends traffic off this machine. stop() (and the
// destructor) returns after at most one attempt's timeout.
#pragma once

#include "twilio_usage/generated/enums.hpp"
#include "twilio_usage/webhook/signature.hpp"

#include <httplib.h>

#include <boost/url/parse.hpp>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <iostream>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>

namespace twilio_usage::testing {

struct CallbackJob {
    std::string url;  // callback_url as given at create/update
    CallbackMethod method = CallbackMethod::post;
    webhook::FormParams params;  // the ten parameters of the contract
    std::string auth_token;      // of the trigger's account
};

struct CallbackStats {
    std::size_t queued = 0;     // jobs accepted
    std::size_t delivered = 0;  // answered 2xx
    std::size_t failed = 0;     // gave up after all attempts
    std::size_t dropped = 0;    // not loopback / bad URL / emulator stopping
    std::size_t attempts = 0;   // HTTP attempts made
};

namespace detail {

inline std::string form_encode(webhook::FormParams const& params) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (auto const& [k, v] : params) {
        if (!out.empty()) out.push_back('&');
        for (std::string const* s : {&k, &v}) {
            for (char c : *s) {
                auto const u = static_cast<unsigned char>(c);
                if ((u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u == '-' ||
                    u == '_' || u == '.' || u == '~') {
                    out.push_back(c);
                } else {
                    out.push_back('%');
                    out.push_back(kHex[u >> 4U]);
                    out.push_back(kHex[u & 0xFU]);
                }
            }
            if (s == &k) out.push_back('=');
        }
    }
    return out;
}

inline bool is_loopback_host(std::string_view host) {
    if (host == "localhost" || host == "::1" || host == "[::1]") return true;
    if (host.starts_with("127.")) {
        int dots = 0;
        for (char c : host) {
            if (c == '.') ++dots;
            else if (c < '0' || c > '9') return false;
        }
        return dots == 3;
    }
    return false;
}

}  // namespace detail

class CallbackDispatcher {
public:
    CallbackDispatcher(std::chrono::milliseconds timeout, int attempts)
        : timeout_(timeout), attempts_(std::max(1, attempts)), worker_([this] { run(); }) {}
    ~CallbackDispatcher() { stop(); }
    CallbackDispatcher(CallbackDispatcher const&) = delete;
    CallbackDispatcher& operator=(CallbackDispatcher const&) = delete;

    void enqueue(CallbackJob job) {
        {
            std::lock_guard lock(mu_);
            if (stopping_) {
                ++stats_.dropped;
                return;
            }
            queue_.push_back(std::move(job));
            ++stats_.queued;
        }
        cv_.notify_all();
    }

    void stop() {
        {
            std::lock_guard lock(mu_);
            if (stopping_ && !worker_.joinable()) return;
            stopping_ = true;
            stats_.dropped += queue_.size();
            queue_.clear();
        }
        cv_.notify_all();
        if (worker_.joinable() && worker_.get_id() != std::this_thread::get_id()) worker_.join();
    }

    CallbackStats stats() const {
        std::lock_guard lock(mu_);
        return stats_;
    }
    /// True when nothing is queued or being delivered.
    bool idle() const {
        std::lock_guard lock(mu_);
        return queue_.empty() && !busy_;
    }

private:
    std::chrono::milliseconds timeout_;
    int attempts_;
    mutable std::mutex mu_;
    std::condition_variable cv_;
    std::deque<CallbackJob> queue_;
    bool stopping_ = false;
    bool busy_ = false;
    CallbackStats stats_;
    std::thread worker_;  // last: starts after the members above exist

    void run() {
        std::unique_lock lock(mu_);
        for (;;) {
            cv_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
            if (stopping_) return;
            CallbackJob job = std::move(queue_.front());
            queue_.pop_front();
            busy_ = true;
            lock.unlock();
            deliver(job);
            lock.lock();
            busy_ = false;
        }
    }

    void count(std::size_t CallbackStats::*field) {
        std::lock_guard lock(mu_);
        ++(stats_.*field);
    }

    void deliver(CallbackJob const& job) {
        auto parsed = boost::urls::parse_uri(job.url);
        if (!parsed || (parsed->scheme() != "http" && parsed->scheme() != "https")) {
            std::cerr << "twilio-usage-emulator: dropping callback to unusable URL " << job.url << "\n";
            return count(&CallbackStats::dropped);
        }
        std::string const host(parsed->encoded_host());
        if (!detail::is_loopback_host(host)) {
            std::cerr << "twilio-usage-emulator: not delivering callback to non-loopback host " << host
                      << " (the emulator only calls this machine)\n";
            return count(&CallbackStats::dropped);
        }
        std::string origin = std::string(parsed->scheme()) + "://" + std::string(parsed->encoded_host_and_port());
        // The URL as requested (an empty path is "/", no fragment): that is what gets signed.
        std::string target = parsed->encoded_path().empty() ? "/" : std::string(parsed->encoded_path());
        if (parsed->has_query()) target += "?" + std::string(parsed->encoded_query());
        std::string const form = detail::form_encode(job.params);
        std::string signature;
        if (job.method == CallbackMethod::get) {
            target += parsed->has_query() ? "&" : "?";
            target += form;
            signature = webhook::compute_signature(job.auth_token, origin + target, {});
        } else {
            signature = webhook::compute_signature(job.auth_token, origin + target, job.params);
        }
        std::string idempotency;
        for (auto const& [k, v] : job.params)
            if (k == "IdempotencyToken") idempotency = v;
        httplib::Headers headers{{"X-Twilio-Signature", signature},
                                 {"I-Twilio-Idempotency-Token", idempotency},
                                 {"User-Agent", "TwilioProxy/1.1"}};

        auto backoff = std::chrono::milliseconds(100);
        for (int attempt = 0; attempt < attempts_; ++attempt) {
            {
                std::unique_lock lock(mu_);
                if (stopping_) {
                    ++stats_.dropped;
                    return;
                }
                ++stats_.attempts;
            }
            bool ok = false;
            try {
                httplib::Client cli(origin);
                cli.set_connection_timeout(timeout_);
                cli.set_read_timeout(timeout_);
                cli.set_write_timeout(timeout_);
                cli.enable_server_certificate_verification(false);  // loopback test receivers only
                // The target was signed as it stands; cpp-httplib would
                // otherwise re-encode ',', '+', ';' ... on the way out.
                cli.set_url_encode(false);
                auto res = job.method == CallbackMethod::get
                               ? cli.Get(target, headers)
                               : cli.Post(target, headers, form, "application/x-www-form-urlencoded");
                ok = res && res->status >= 200 && res->status < 300;
            } catch (...) {
                ok = false;
            }
            if (ok) return count(&CallbackStats::delivered);
            if (attempt + 1 < attempts_) {
                std::unique_lock lock(mu_);
                cv_.wait_for(lock, backoff, [&] { return stopping_; });
                backoff = std::min(backoff * 2, std::chrono::milliseconds(2000));
            }
        }
        count(&CallbackStats::failed);
    }
};

}  // namespace twilio_usage::testing
