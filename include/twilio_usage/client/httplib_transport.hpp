// The default transport, on cpp-httplib (plain HTTP through our own socket
// reader, client/plain_http_client.hpp): HTTPS with certificate and host
// verification against the system CA store, up to max_connections kept-alive
// connections per origin (reused across pages and requests; threads sharing
// the transport run that many requests at once), connect/read timeouts, a
// deadline on the whole exchange, and a cap on the response body so that a
// hostile server cannot exhaust memory.
//
// Timeouts: cpp-httplib's read timeout applies to each socket read, so a
// server that trickles one byte at a time never trips it. request_timeout
// bounds the whole exchange (waiting for a free connection, connect, send,
// headers and body): a watchdog thread (one per connection, started on its
// first request) shuts the socket down at the deadline, which cpp-httplib
// supports from another thread (httplib::ClientImpl::stop()). The same watchdog
// holds headers and chunk framing to a fixed allowance (cpp-httplib 0.11
// keeps any amount of them in memory), and a kept-alive connection with
// unread bytes on it is never reused (see stale()). A GET that a kept-alive
// connection drops before any answer is sent once more on a new one.
#pragma once

#include "twilio_usage/client/plain_http_client.hpp"
#include "twilio_usage/client/transport.hpp"

#include <httplib.h>

#include <boost/url/parse.hpp>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/socket.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

namespace twilio_usage {

struct HttplibTransportOptions {
    std::chrono::milliseconds connect_timeout{10'000};
    /// Each socket read and write (cpp-httplib's own timeouts).
    std::chrono::milliseconds read_timeout{30'000};
    /// The whole exchange: connect, send, headers and body (and waiting for a
    /// free connection while others run). Zero or less: no limit beyond the
    /// connect and read timeouts.
    std::chrono::milliseconds request_timeout{60'000};
    /// Requests to one origin that run at once, each on its own kept-alive
    /// connection; more wait for one to come free (0 counts as 1).
    std::size_t max_connections = 4;
    std::size_t max_response_bytes = 64u * 1024u * 1024u;
    bool verify_tls = true;
    std::string ca_cert_path = "/etc/ssl/certs/ca-certificates.crt";
};

namespace detail {

/// Bytes of a TCP connection the process has read so far (received by TCP
/// minus those still queued), or nullopt where that cannot be told.
inline std::optional<std::uint64_t> tcp_bytes_consumed(int fd) {
#ifdef __linux__
    // struct tcp_info of <linux/tcp.h> (append-only ABI): tcpi_bytes_received
    // is the u64 at offset 128, present since Linux 4.1. glibc's own
    // <netinet/tcp.h> copy of the struct stops before it.
    alignas(8) unsigned char info[256];
    socklen_t len = sizeof info;
    if (fd < 0 || ::getsockopt(fd, IPPROTO_TCP, TCP_INFO, info, &len) != 0 || len < 136) return std::nullopt;
    std::uint64_t received = 0;
    std::memcpy(&received, info + 128, sizeof received);
    int queued = 0;
    if (::ioctl(fd, FIONREAD, &queued) != 0 || queued < 0) return std::nullopt;
    auto const q = static_cast<std::uint64_t>(queued);
    return received > q ? received - q : 0;
#else
    (void)fd;
    return std::nullopt;
#endif
}

/// Watches the one request a connection runs at a time, from one thread
/// started on first use, and stops its client (httplib::ClientImpl::stop(),
/// which cpp-httplib allows from another thread) when
///  - the whole-request deadline passes, or
///  - the connection has read more than the body bytes delivered plus a
///    small allowance for the status line, headers and chunk framing. The
///    body is capped exactly by the transport's content receiver, but
///    cpp-httplib 0.11 keeps headers (and a header or chunk-size line of any
///    length) in memory without limit, and offers no hook before the headers
///    end: this check bounds that memory.
/// Arming and disarming take one short lock each; the thread wakes every
/// `poll_interval` while a request runs (a request quicker than that costs no
/// wake-up beyond the first). Once it fires, it calls stop() again every few
/// milliseconds until disarmed, so a stop() that lands just before the request
/// takes its socket (and finds nothing in flight) is repeated.
class RequestWatchdog {
public:
    using clock = std::chrono::steady_clock;
    enum class Fired { none, deadline, volume };

    /// What the connection may read beyond the body: status line, headers,
    /// chunk-size lines, trailers and (HTTPS) the handshake.
    static constexpr std::uint64_t header_allowance = 64 * 1024;
    /// And per piece of body delivered: its chunk framing and TLS record overhead.
    static constexpr std::uint64_t per_piece_allowance = 64;
    static constexpr std::chrono::milliseconds poll_interval{2};
#ifdef __linux__
    static constexpr bool volume_checks = true;
#else
    static constexpr bool volume_checks = false;  // no way to tell what was read
#endif

    RequestWatchdog() = default;
    RequestWatchdog(RequestWatchdog const&) = delete;
    RequestWatchdog& operator=(RequestWatchdog const&) = delete;
    ~RequestWatchdog() {
        {
            std::lock_guard lock(mutex_);
            quit_ = true;
        }
        wake_.notify_one();
        if (thread_.joinable()) thread_.join();
    }

    /// Watches `client` until disarm(). `fd` is its open connection, or -1
    /// when it will connect (connected() then tells the socket). False when
    /// no thread could be started (only the caller's own checks then apply).
    /// `read_ahead`: bytes the client's stream has read from the socket and
    /// not yet handed to cpp-httplib (not counted as read), or nullptr.
    bool arm(httplib::ClientImpl* client, clock::time_point deadline, int fd,
             std::atomic<std::size_t> const* read_ahead = nullptr) {
        std::lock_guard lock(mutex_);
        if (!thread_.joinable()) {
            try {
                thread_ = std::thread([this] { run(); });
            } catch (std::system_error const&) {
                return false;
            }
        }
        client_ = client;
        read_ahead_ = read_ahead;
        deadline_ = deadline;
        fired_ = Fired::none;
        allowed_.store(header_allowance, std::memory_order_relaxed);
        connected(fd, fd >= 0 ? tcp_bytes_consumed(fd).value_or(0) : 0);
        next_check_ = volume_checks ? clock::now() + poll_interval : clock::time_point::max();
        if (std::min(deadline_, next_check_) < sleeping_until_) wake_.notify_one();
        return true;
    }

    /// A new connection for the armed request (from the socket-options
    /// callback, which runs inside httplib with its socket mutex held: no lock
    /// here, the watchdog's thread may be waiting for that mutex).
    void connected(int fd, std::uint64_t already_read = 0) {
        baseline_.store(already_read, std::memory_order_relaxed);
        fd_.store(fd, std::memory_order_release);
    }

    /// `n` body bytes reached the content receiver.
    void delivered(std::size_t n) {
        allowed_.fetch_add(static_cast<std::uint64_t>(n) + per_piece_allowance, std::memory_order_relaxed);
    }

    /// Stops watching; says whether (and why) the client was stopped.
    Fired disarm() {
        std::lock_guard lock(mutex_);
        client_ = nullptr;
        fd_.store(-1, std::memory_order_relaxed);
        return fired_;
    }

private:
    bool over_volume() const {
        int const fd = fd_.load(std::memory_order_acquire);
        if (fd < 0) return false;
        auto const consumed = tcp_bytes_consumed(fd);
        if (!consumed) return false;
        auto const baseline = baseline_.load(std::memory_order_relaxed);
        // What the client's stream read ahead has not reached cpp-httplib yet.
        std::uint64_t const held = read_ahead_ ? read_ahead_->load() : 0;
        auto const taken = *consumed > held ? *consumed - held : 0;
        return taken > baseline && taken - baseline > allowed_.load(std::memory_order_relaxed);
    }

    void run() {
        std::unique_lock lock(mutex_);
        while (!quit_) {
            if (!client_) {
                sleeping_until_ = clock::time_point::max();
                wake_.wait(lock);
                continue;
            }
            auto const now = clock::now();
            if (fired_ == Fired::none && now >= deadline_) fired_ = Fired::deadline;
            if (fired_ == Fired::none && now >= next_check_) {
                if (over_volume()) fired_ = Fired::volume;
                next_check_ = now + poll_interval;
            }
            if (fired_ != Fired::none) {
                // disarm() waits for the lock, so the client outlives this call.
                client_->stop();
                sleeping_until_ = now + std::chrono::milliseconds(5);
            } else {
                sleeping_until_ = std::min(deadline_, next_check_);
            }
            if (sleeping_until_ == clock::time_point::max()) wake_.wait(lock);  // no deadline, no checks
            else wake_.wait_until(lock, sleeping_until_);
        }
    }

    std::mutex mutex_;
    std::condition_variable wake_;
    std::thread thread_;
    httplib::ClientImpl* client_ = nullptr;
    std::atomic<std::size_t> const* read_ahead_ = nullptr;
    clock::time_point deadline_{};
    clock::time_point next_check_{};
    clock::time_point sleeping_until_ = clock::time_point::max();
    Fired fired_ = Fired::none;
    bool quit_ = false;
    std::atomic<int> fd_{-1};
    std::atomic<std::uint64_t> baseline_{0};
    std::atomic<std::uint64_t> allowed_{header_allowance};
};

}  // namespace detail

class HttplibTransport : public Transport {
public:
    explicit HttplibTransport(HttplibTransportOptions options = {}) : options_(std::move(options)) {}

    HttplibTransportOptions const& options() const noexcept { return options_; }

    /// GETs sent a second time because a kept-alive connection dropped them
    /// unanswered (see exchange()). Below the executor, so neither the retry
    /// hook nor RetryPolicy's attempts see them; this count does.
    std::uint64_t resent_requests() const noexcept { return resent_.load(std::memory_order_relaxed); }

    Result<HttpResponse> send(HttpRequest const& request) override { return exchange(request, nullptr); }

    /// The body goes to `sink` as it is read (when sink.accept() takes it),
    /// under the same deadline, size limit and header allowance as send().
    Result<HttpResponse> send_to(HttpRequest const& request, BodySink& sink) override {
        return exchange(request, &sink);
    }

private:
    Result<HttpResponse> exchange(HttpRequest const& request, BodySink* sink) {
        using clock = std::chrono::steady_clock;
        auto const started = clock::now();
        // No deadline when it is off, or so far away that it means "never"
        // (and would overflow the clock).
        bool const has_deadline = options_.request_timeout.count() > 0 &&
                                  options_.request_timeout < std::chrono::hours(24 * 365 * 100);
        auto const deadline = has_deadline ? started + options_.request_timeout : clock::time_point::max();

        auto url = boost::urls::parse_absolute_uri(request.url);
        if (!url || (url->scheme() != "http" && url->scheme() != "https") || url->encoded_host().empty())
            return Error::transport_failure(TransportFailure::other, "not an absolute http(s) URL");
        std::string origin = std::string(url->scheme()) + "://" + std::string(url->encoded_host_and_port());
        std::string target(url->encoded_target());
        if (target.empty() || target.front() != '/') target.insert(0, "/");

        // A connection of this origin's pool, or a new one while fewer than
        // max_connections are open; waiting for one counts against the deadline.
        Lease lease(*this, origin);
        if (!lease.take(deadline))
            return whole_request_timeout(" while waiting for one of the " + std::to_string(connection_limit()) +
                                         " connections to " + origin + " to come free");
        Connection& conn = lease.connection();
        if ((!conn.client || stale(conn)) && !new_client(conn, *url))
            return Error::transport_failure(TransportFailure::tls, "cannot make a client for " + origin);
        detail::RequestWatchdog& watchdog = conn.watchdog;
        // Connecting (and the TLS handshake) may not outlast the deadline.
        auto connect_timeout = options_.connect_timeout;
        auto limit_connect = [&] {
            if (has_deadline) {
                auto const left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - clock::now());
                if (left.count() <= 0) return false;
                connect_timeout = std::min(options_.connect_timeout, left);
            }
            conn.client->set_connection_timeout(connect_timeout);
            return true;
        };
        if (!limit_connect()) return whole_request_timeout(" before the request was sent (" + origin + ")");

        httplib::Request req;
        req.method = std::string(to_string(request.method));
        req.path = target;
        for (auto const& [k, v] : request.headers) req.headers.emplace(k, v);
        req.body = request.body;

        std::string body;
        std::size_t received = 0;      // body bytes, collected or given to the sink
        bool to_sink = false;          // the sink accepted the body
        bool sink_stopped = false;     // and then wanted no more of it
        HttpHeaders headers;
        bool too_large = false;
        bool headers_too_large = false;
        bool past_deadline = false;
        auto last_progress = started;  // when bytes last arrived (or the start)
        std::size_t const limit = options_.max_response_bytes;
        bool answered = false;         // the response's headers arrived
        req.response_handler = [&](httplib::Response const& r) {
            answered = true;
            last_progress = clock::now();
            if (last_progress >= deadline) {
                past_deadline = true;
                return false;
            }
            std::optional<unsigned long long> declared;
            if (r.has_header("Content-Length")) {
                declared = std::strtoull(r.get_header_value("Content-Length").c_str(), nullptr, 10);
                if (*declared > limit) {
                    too_large = true;
                    return false;
                }
            }
            if (sink) {
                for (auto const& [k, v] : r.headers) headers.emplace_back(k, v);
                to_sink = sink->accept(r.status, headers);
            }
            // A body collected here (no sink, or one that declined it) gets
            // its declared size at once: at most the limit.
            if (declared && !to_sink) body.reserve(static_cast<std::size_t>(*declared));
            return true;
        };
        req.content_receiver = [&](char const* data, std::size_t n, std::uint64_t, std::uint64_t) {
            if (n > limit - received) {
                too_large = true;
                return false;
            }
            last_progress = clock::now();
            if (last_progress >= deadline) {
                past_deadline = true;
                return false;
            }
            received += n;
            watchdog.delivered(n);
            if (to_sink) {
                if (sink->write(data, n)) return true;
                sink_stopped = true;
                return false;
            }
            if (body.capacity() - body.size() < n) {
                // Without a Content-Length: grow fourfold, never past the
                // limit, so that few buffers are left behind on the heap.
                std::size_t const grown = std::max<std::size_t>(body.capacity() * 4, 16 * 1024);
                body.reserve(std::max(body.size() + n, std::min(limit, grown)));
            }
            body.append(data, n);
            return true;
        };

        httplib::Response res;
        httplib::Error error = httplib::Error::Success;
        bool ok = false;
        for (bool first_sending = true;; first_sending = false) {
            httplib::ClientImpl& entry = *conn.client;
            int const open_fd = entry.is_socket_open() ? static_cast<int>(entry.socket()) : -1;
            bool const watched = watchdog.arm(&entry, deadline, open_fd, conn.plain ? &conn.plain->held() : nullptr);
            ok = entry.send(req, res, error);
            if (watched) {
                auto const fired = watchdog.disarm();
                if (fired == detail::RequestWatchdog::Fired::deadline) past_deadline = true;
                if (fired == detail::RequestWatchdog::Fired::volume) headers_too_large = true;
            }
            // A kept-alive connection the server closed as the request went
            // out (its idle timeout, after stale() looked) fails before any
            // answer. A GET changes nothing on the server, so it is sent once
            // more, on a new connection; any other request could have been
            // carried out, and its failure stands.
            bool const dropped_unanswered = !ok && !answered && open_fd >= 0 && !past_deadline &&
                                            !headers_too_large &&
                                            (error == httplib::Error::Read || error == httplib::Error::Write);
            if (!first_sending || !dropped_unanswered || request.method != HttpMethod::get) break;
            resent_.fetch_add(1, std::memory_order_relaxed);
            if (!new_client(conn, *url))
                return Error::transport_failure(TransportFailure::tls, "cannot make a client for " + origin);
            if (!limit_connect()) return whole_request_timeout(" before the request was sent again (" + origin + ")");
            res = httplib::Response();
            error = httplib::Error::Success;
        }
        auto const now = clock::now();
        if (sink_stopped && !too_large && !headers_too_large && !past_deadline) {
            // The sink ended the exchange: the answer stands; the connection,
            // with the rest of the body unread, does not (the lease closes it).
            HttpResponse out;
            out.status = res.status;
            out.headers = std::move(headers);
            return out;
        }
        if (!ok || error != httplib::Error::Success) {
            // A failed exchange leaves the connection in an unknown state: the
            // lease closes it.
            if (headers_too_large && !too_large)
                return Error::transport_failure(
                    TransportFailure::other,
                    "response headers (or chunk framing) larger than the limit of " +
                        std::to_string(detail::RequestWatchdog::header_allowance) + " bytes (" + origin + ")");
            if (!too_large && (past_deadline || now >= deadline))
                return whole_request_timeout(" (" + origin + ")");
            return map_error(error, too_large, now - started, now - last_progress, connect_timeout, origin);
        }
        lease.keep();  // a complete exchange: the connection may carry the next one
        HttpResponse out;
        out.status = res.status;
        if (sink) out.headers = std::move(headers);
        else
            for (auto const& [k, v] : res.headers) out.headers.emplace_back(k, v);
        out.body = std::move(body);
        return out;
    }

    /// One kept-alive connection and the watchdog of the request on it.
    struct Connection {
        std::unique_ptr<httplib::ClientImpl> client;  // made on first use
        detail::PlainHttpClient* plain = nullptr;     // client, when it is ours (http); set by make_client
        detail::RequestWatchdog watchdog;             // declared last, destroyed first: it may point at client
    };
    /// An origin's connections: those not in use, and how many are open.
    struct Pool {
        std::vector<std::unique_ptr<Connection>> idle;  // the most recently used last
        std::size_t open = 0;                           // idle and in use
    };

    std::size_t connection_limit() const noexcept { return std::max<std::size_t>(1, options_.max_connections); }

    /// One connection of an origin's pool for one exchange. It goes back to
    /// the pool if keep() was called (the exchange ended cleanly); otherwise
    /// (an error, a body left unread, an exception) it is closed, since its
    /// state is unknown.
    /// (A condition variable rather than a timed mutex: std::timed_mutex's
    /// try_lock_until(steady_clock) is pthread_mutex_clocklock, which
    /// ThreadSanitizer does not see.)
    class Lease {
    public:
        Lease(HttplibTransport& t, std::string origin) : t_(t), origin_(std::move(origin)) {}
        Lease(Lease const&) = delete;
        Lease& operator=(Lease const&) = delete;
        ~Lease() {
            if (!conn_) return;
            std::unique_ptr<Connection> closed;  // destroyed after the lock is released
            {
                std::lock_guard lock(t_.pool_mutex_);
                Pool& pool = t_.pools_[origin_];
                if (keep_ && conn_->client) {
                    pool.idle.push_back(std::move(conn_));
                } else {
                    --pool.open;
                    closed = std::move(conn_);
                }
            }
            // Waiters for other origins share the condition: wake them all.
            t_.pool_free_.notify_all();
        }

        /// False when none came free before `deadline`.
        bool take(std::chrono::steady_clock::time_point deadline) {
            std::unique_lock lock(t_.pool_mutex_);
            Pool& pool = t_.pools_[origin_];
            auto const limit = t_.connection_limit();
            auto available = [&] { return !pool.idle.empty() || pool.open < limit; };
            if (deadline == std::chrono::steady_clock::time_point::max()) t_.pool_free_.wait(lock, available);
            else if (!t_.pool_free_.wait_until(lock, deadline, available)) return false;
            if (!pool.idle.empty()) {
                conn_ = std::move(pool.idle.back());
                pool.idle.pop_back();
            } else {
                conn_ = std::make_unique<Connection>();
                ++pool.open;
            }
            return true;
        }
        Connection& connection() const noexcept { return *conn_; }
        void keep() noexcept { keep_ = true; }

    private:
        HttplibTransport& t_;
        std::string origin_;
        std::unique_ptr<Connection> conn_;
        bool keep_ = false;
    };

    /// A kept-alive connection with something to read while no request is
    /// running holds either the server's close or bytes the server sent
    /// beyond its last response (a body longer than its Content-Length).
    /// Either way it must not carry the next request: those bytes would be
    /// read as the start of the next response.
    static bool stale(Connection const& conn) {
        httplib::ClientImpl const& client = *conn.client;
        if (!client.is_socket_open()) return false;
        if (conn.plain && conn.plain->left_bytes_behind()) return true;  // read ahead with the last response
        pollfd p{static_cast<int>(client.socket()), POLLIN, 0};
        return ::poll(&p, 1, 0) != 0;
    }

    /// A new client on `conn` (replacing any it had), set up for the
    /// transport's options; false if it cannot be made (TLS setup).
    bool new_client(Connection& conn, boost::urls::url_view const& url) const {
        make_client(conn, url);
        auto& c = *conn.client;
        if (!c.is_valid()) return false;
        c.set_keep_alive(true);
        c.set_follow_location(false);
        // Tells the watchdog each new connection (runs inside send()).
        c.set_socket_options([w = &conn.watchdog](socket_t sock) { w->connected(static_cast<int>(sock)); });
        c.set_read_timeout(options_.read_timeout);
        c.set_write_timeout(options_.read_timeout);
        c.enable_server_certificate_verification(options_.verify_tls);
        if (url.scheme() == "https" && !options_.ca_cert_path.empty()) c.set_ca_cert_path(options_.ca_cert_path);
        return true;
    }

    /// A new client for the connection (replacing any it had) for the URL's
    /// origin: ours for http, cpp-httplib's SSLClient for https.
    static void make_client(Connection& conn, boost::urls::url_view const& url) {
        std::string host(url.host_address());
        bool const tls = url.scheme() == "https";
        // "http://host:/" has a port of no digits: the scheme's, as for none.
        int const port = !url.port().empty() ? static_cast<int>(url.port_number()) : tls ? 443 : 80;
        conn.plain = nullptr;
        if (tls) {
            conn.client = std::make_unique<httplib::SSLClient>(host, port);
        } else {
            auto plain = std::make_unique<detail::PlainHttpClient>(host, port);
            conn.plain = plain.get();
            conn.client = std::move(plain);
        }
    }

    Error whole_request_timeout(std::string const& where) const {
        return Error::transport_failure(TransportFailure::timeout,
                                        "the whole-request timeout of " +
                                            std::to_string(options_.request_timeout.count()) + " ms was exceeded" +
                                            where);
    }

    Result<HttpResponse> map_error(httplib::Error error, bool too_large, std::chrono::steady_clock::duration elapsed,
                                   std::chrono::steady_clock::duration idle, std::chrono::milliseconds connect_timeout,
                                   std::string const& origin) const {
        using httplib::Error;
        auto const near = [](std::chrono::steady_clock::duration d, std::chrono::milliseconds timeout) {
            return d + std::chrono::milliseconds(50) >= timeout;
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
                if (near(elapsed, connect_timeout))
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
                // Nothing arrived for a whole read timeout (a body cut off
                // after a long, steady download is not a timeout).
                if (near(idle, options_.read_timeout))
                    return twilio_usage::Error::transport_failure(TransportFailure::timeout,
                                                                  "no answer within the read timeout of " +
                                                                      std::to_string(options_.read_timeout.count()) +
                                                                      " ms" + where);
                return twilio_usage::Error::transport_failure(
                    TransportFailure::connection,
                    "connection closed or broken mid-exchange (" + httplib::to_string(error) + ")" + where);
            default:
                return twilio_usage::Error::transport_failure(TransportFailure::other,
                                                              "HTTP failure: " + httplib::to_string(error) + where);
        }
    }

    HttplibTransportOptions options_;
    std::mutex pool_mutex_;
    std::condition_variable pool_free_;
    std::map<std::string, Pool> pools_;  // by origin
    std::atomic<std::uint64_t> resent_{0};
};

}  // namespace twilio_usage
