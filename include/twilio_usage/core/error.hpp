// One error type for everything that can go wrong between a query and a typed
// result, and the Result alias that carries it. Messages never contain
// credentials: nothing that builds an Error is ever handed the auth token.
#pragma once

#include <boost/system/result.hpp>
#include <boost/assert/source_location.hpp>

#include <cstdint>
#include <optional>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

namespace twilio_usage {

enum class ErrorKind {
    invalid_request,  // refused before anything was sent (bad page size, start after end, ...)
    transport,        // no usable HTTP response: refused, timed out, TLS, cut off
    api,              // the server answered with an error status
    decode,           // the server answered, but the body is not what the contract says
};

enum class TransportFailure {
    none,
    connect,         // could not connect (refused, unreachable, DNS)
    timeout,         // connect or read timed out
    tls,             // TLS handshake or certificate verification failed
    connection,      // connection closed or broken mid-exchange
    unsafe_redirect, // a page URI pointed at another host or scheme
    other,
};

constexpr std::string_view to_string(ErrorKind k) noexcept {
    switch (k) {
        case ErrorKind::invalid_request: return "invalid request";
        case ErrorKind::transport: return "transport error";
        case ErrorKind::api: return "API error";
        case ErrorKind::decode: return "decode error";
    }
    return "error";
}

constexpr std::string_view to_string(TransportFailure f) noexcept {
    switch (f) {
        case TransportFailure::none: return "none";
        case TransportFailure::connect: return "connect";
        case TransportFailure::timeout: return "timeout";
        case TransportFailure::tls: return "tls";
        case TransportFailure::connection: return "connection";
        case TransportFailure::unsafe_redirect: return "unsafe redirect";
        case TransportFailure::other: return "other";
    }
    return "other";
}

struct Error {
    ErrorKind kind = ErrorKind::invalid_request;
    std::string message;  // one line saying what was wrong

    // invalid_request and decode: where, and (decode) what was found instead.
    std::string field;
    std::string found;

    // api: Twilio's error body and the HTTP status.
    int http_status = 0;
    std::optional<std::int64_t> code;
    std::string more_info;

    // transport: which kind of failure.
    TransportFailure transport = TransportFailure::none;

    static Error invalid_request(std::string field, std::string message) {
        Error e;
        e.kind = ErrorKind::invalid_request;
        e.field = std::move(field);
        e.message = std::move(message);
        return e;
    }
    static Error decode(std::string field, std::string expected, std::string found) {
        Error e;
        e.kind = ErrorKind::decode;
        e.message = "expected " + expected + ", found " + found;
        e.field = std::move(field);
        e.found = std::move(found);
        return e;
    }
    static Error api(int http_status, std::optional<std::int64_t> code, std::string message,
                     std::string more_info) {
        Error e;
        e.kind = ErrorKind::api;
        e.http_status = http_status;
        e.code = code;
        e.message = std::move(message);
        e.more_info = std::move(more_info);
        return e;
    }
    static Error transport_failure(TransportFailure failure, std::string message) {
        Error e;
        e.kind = ErrorKind::transport;
        e.transport = failure;
        e.message = std::move(message);
        return e;
    }

    // "decode error at usage_records[3].price: expected decimal text, found true"
    std::string to_string() const {
        std::string out{twilio_usage::to_string(kind)};
        if (kind == ErrorKind::api) {
            out += " (HTTP " + std::to_string(http_status);
            if (code) out += ", code " + std::to_string(*code);
            out += ")";
        } else if (kind == ErrorKind::transport) {
            out += " (";
            out += twilio_usage::to_string(transport);
            out += ")";
        }
        if (!field.empty()) out += " at " + field;
        out += ": " + message;
        if (kind == ErrorKind::api && !more_info.empty()) out += " (" + more_info + ")";
        return out;
    }

    friend std::ostream& operator<<(std::ostream& os, Error const& e) { return os << e.to_string(); }
};

// What the throwing forms throw; error() gives the same Error the
// non-throwing forms return.
class Exception : public std::runtime_error {
public:
    explicit Exception(Error error) : std::runtime_error(error.to_string()), error_(std::move(error)) {}
    Error const& error() const noexcept { return error_; }

private:
    Error error_;
};

// Found by ADL from boost::system::result<T, Error>::value().
[[noreturn]] inline void throw_exception_from_error(Error const& e, boost::source_location const&) {
    throw Exception(e);
}

template <class T>
using Result = boost::system::result<T, Error>;

}  // namespace twilio_usage
