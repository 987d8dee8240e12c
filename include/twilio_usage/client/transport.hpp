// The pluggable HTTP layer: one request in, one response (or a transport
// Error) out. The client builds absolute URLs and every header itself, so a
// transport only moves bytes. Replace it at run time by passing a
// std::shared_ptr<Transport> to the Client constructor (e.g. one that records
// requests and forwards them to Client::default_transport(options)).
#pragma once

#include "twilio_usage/core/error.hpp"
#include "twilio_usage/core/operation_types.hpp"

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace twilio_usage {

using HttpHeaders = std::vector<std::pair<std::string, std::string>>;

namespace detail {
inline bool iequal(std::string_view a, std::string_view b) noexcept {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}
inline std::optional<std::string_view> find_header(HttpHeaders const& headers, std::string_view name) {
    for (auto const& [k, v] : headers)
        if (iequal(k, name)) return std::string_view(v);
    return std::nullopt;
}
}  // namespace detail

struct HttpRequest {
    HttpMethod method = HttpMethod::get;
    std::string url;  // absolute: scheme://host[:port]/path?query
    HttpHeaders headers;
    std::string body;  // form body for POST, empty otherwise

    std::optional<std::string_view> header(std::string_view name) const { return detail::find_header(headers, name); }

    /// "GET http://host/path" and the header names; Authorization is redacted.
    friend std::ostream& operator<<(std::ostream& os, HttpRequest const& r) {
        os << to_string(r.method) << ' ' << r.url;
        for (auto const& [k, v] : r.headers)
            os << "\n" << k << ": " << (detail::iequal(k, "Authorization") ? std::string("[redacted]") : v);
        return os;
    }
};

struct HttpResponse {
    int status = 0;
    HttpHeaders headers;
    std::string body;

    std::optional<std::string_view> header(std::string_view name) const { return detail::find_header(headers, name); }
};

/// Takes a response body as it arrives, instead of in HttpResponse::body
/// (see Transport::send_to).
class BodySink {
public:
    virtual ~BodySink() = default;
    /// Status and headers, before any of the body. True: the body goes to
    /// write(), piece by piece; false: it is collected into
    /// HttpResponse::body as send() does (e.g. an error status).
    virtual bool accept(int status, HttpHeaders const& headers) = 0;
    /// The next piece of an accepted body. False: the sink needs no more
    /// (it knows why); the transport stops reading this response.
    virtual bool write(char const* data, std::size_t size) = 0;
};

/// Implement this to replace the HTTP layer (a proxy, a recorder, a fake).
/// Failures come back as Error::transport_failure(kind, message); any HTTP
/// status, error statuses included, is a response.
class Transport {
public:
    virtual ~Transport() = default;
    virtual Result<HttpResponse> send(HttpRequest const& request) = 0;

    /// send(), with the body handed to `sink` if sink.accept(status, headers)
    /// says so; the HttpResponse then has an empty body. When sink.write()
    /// returns false the exchange ends there and still returns the response
    /// (the sink says what was wrong). Limits apply as for send(): a body
    /// over the size limit, a cut connection or a timeout is a transport
    /// Error, whatever the sink has already been given.
    ///
    /// The default calls send() and hands the whole body over in one piece,
    /// so a transport that implements only send() works unchanged.
    /// HttplibTransport overrides it to hand the body over as it is read.
    virtual Result<HttpResponse> send_to(HttpRequest const& request, BodySink& sink) {
        auto response = send(request);
        if (response && sink.accept(response->status, response->headers)) {
            std::string body = std::move(response->body);
            response->body.clear();
            if (!body.empty()) sink.write(body.data(), body.size());
        }
        return response;
    }
};

}  // namespace twilio_usage
