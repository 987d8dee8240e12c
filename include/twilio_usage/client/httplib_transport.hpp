// The default transport, on cpp-httplib: HTTPS with certificate and host
// verification against the system CA store, one kept-alive connection per
// origin (reused across pages), connect/read timeouts, and a cap on the
// response body so that a hostile server cannot exhaust memory.
#pragma once

#include "twilio_usage/client/transport.hpp"

#include <httplib.h>

#include <boost/url/parse.hpp>

#include <chrono>
#include <cstddef>
#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace twilio_usage {

struct HttplibTransportOptions {
    std::chrono::milliseconds connect_timeout{10'000};
    std::chrono::milliseconds read_timeout{30'000};
    std::size_t max_response_bytes = 64u * 1024u * 1024u;
    bool verify_tls = true;
    std::string ca_cert_path = "/etc/ssl/certs/ca-certificates.crt";
};

class HttplibTransport : public Transport {
public:
    explicit HttplibTransport(HttplibTransportOptions options = {}) : options_(std::move(options)) {}

    Result<HttpResponse> send(HttpRequest const& request) override {
        auto url = boost::urls::parse_absolute_uri(request.url);
        if (!url || (url->scheme() != "http" && url->scheme() != "https") || url->encoded_host().empty())
            return Error::transport_failure(TransportFailure::other, "not an absolute http(s) URL");
        std::string origin = std::string(url->scheme()) + "://" + std::string(url->encoded_host_and_port());
        std::string target(url->encoded_target());
        if (target.empty() || target.front() != '/') target.insert(0, "/");

        std::lock_guard lock(mutex_);
        auto& entry = clients_[origin];
        if (!entry) {
            entry = std::make_unique<httplib::Client>(origin);
            if (!entry->is_valid())
                return Error::transport_failure(TransportFailure::tls, "cannot make a client for " + origin);
            entry->set_keep_alive(true);
            entry->set_follow_location(false);
            entry->set_connection_timeout(options_.connect_timeout);
            entry->set_read_timeout(options_.read_timeout);
            entry->set_write_timeout(options_.read_timeout);
            entry->enable_server_certificate_verification(options_.verify_tls);
            if (url->scheme() == "https" && !options_.ca_cert_path.empty())
                entry->set_ca_cert_path(options_.ca_cert_path);
        }

        httplib::Request req;
        req.method = std::string(to_string(request.method));
        req.path = target;
        for (auto const& [k, v] : request.headers) req.headers.emplace(k, v);
        req.body = request.body;

        std::string body;
        bool too_large = false;
        std::size_t const limit = options_.max_response_bytes;
        req.response_handler = [&](httplib::Response const& r) {
            if (r.has_header("Content-Length")) {
                auto declared = std::strtoull(r.get_header_value("Content-Length").c_str(), nullptr, 10);
                if (declared > limit) {
                    too_large = true;
                    return false;
                }
            }
            return true;
        };
        req.content_receiver = [&](char const* data, std::size_t n, std::uint64_t, std::uint64_t) {
            if (body.size() + n > limit) {
                too_large = true;
                return false;
            }
            body.append(data, n);
            return true;
        };

        httplib::Response res;
        httplib::Error error = httplib::Error::Success;
        auto const started = std::chrono::steady_clock::now();
        bool const ok = entry->send(req, res, error);
        auto const elapsed = std::chrono::steady_clock::now() - started;
        if (!ok || error != httplib::Error::Success) {
            // A failed exchange leaves the connection in an unknown state.
            clients_.erase(origin);
            return map_error(error, too_large, elapsed, origin);
        }
        HttpResponse out;
        out.status = res.status;
        for (auto const& [k, v] : res.headers) out.headers.emplace_back(k, v);
        out.body = std::move(body);
        return out;
    }

private:
    Result<HttpResponse> map_error(httplib::Error error, bool too_large, std::chrono::steady_clock::duration elapsed,
                                   std::string const& origin) const {
        using httplib::Error;
        auto const near = [&](std::chrono::milliseconds timeout) {
            return elapsed + std::chrono::milliseconds(50) >= timeout;
        };
        std::string const where = " (" + origin + ")";
        if (too_large)
            return twilio_usage::Error::transport_failure(
                TransportFailure::other,
                "response body larger than the limit of " + std::to_string(options_.max_response_bytes) + " bytes" + where);
        switch (error) {
            case Error::ConnectionTimeout:
                return twilio_usage::Error::transport_failure(TransportFailure::timeout,
                                                              "connect timed out" + where);
            case Error::Connection:
                if (near(options_.connect_timeout))
                    return twilio_usage::Error::transport_failure(TransportFailure::timeout,
                                                                  "connect timed out" + where);
                return twilio_usage::Error::transport_failure(TransportFailure::connect,
                                                              "could not connect" + where);
            case Error::BindIPAddress:
                return twilio_usage::Error::transport_failure(TransportFailure::connect,
                                                              "could not bind a local address" + where);
            case Error::SSLConnection:
            case Error::SSLLoadingCerts:
            case Error::SSLServerVerification:
                return twilio_usage::Error::transport_failure(
                    TransportFailure::tls, "TLS failed: " + httplib::to_string(error) + where);
            case Error::Read:
            case Error::Write:
                if (near(options_.read_timeout))
                    return twilio_usage::Error::transport_failure(TransportFailure::timeout,
                                                                  "no answer within the read timeout" + where);
                return twilio_usage::Error::transport_failure(
                    TransportFailure::connection,
                    "connection closed or broken mid-exchange (" + httplib::to_string(error) + ")" + where);
            default:
                return twilio_usage::Error::transport_failure(TransportFailure::other,
                                                              "HTTP failure: " + httplib::to_string(error) + where);
        }
    }

    HttplibTransportOptions options_;
    std::mutex mutex_;
    std::map<std::string, std::unique_ptr<httplib::Client>> clients_;
};

}  // namespace twilio_usage
