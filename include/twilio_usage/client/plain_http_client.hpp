// cpp-httplib's plain-HTTP client with a socket reader of our own.
//
// cpp-httplib 0.11 reads a body 4 KiB at a time (CPPHTTPLIB_RECV_BUFSIZ,
// fixed inside Debian's compiled library) and polls before every read: two
// system calls per 4 KiB, about 270 for a page of 1000 records. This stream
// reads up to 64 KiB at once and polls only when nothing is waiting, and it
// tells the client what it read beyond the response (the server sent more
// than the response said: the connection must not carry the next request).
// HTTPS keeps cpp-httplib's own SSLClient: TLS records are 16 KiB anyway.
//
// This implements cpp-httplib 0.11's Stream interface (Debian 12's); later
// versions change its virtual functions (wait_readable, wait_writable), so
// a newer cpp-httplib stops compiling here rather than misbehaving.
#pragma once

#include <httplib.h>

#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>

namespace twilio_usage::detail {

/// An httplib::Stream over a connected socket, reading ahead into a buffer
/// that the client keeps across requests. Timeouts are those of
/// cpp-httplib's own SocketStream: each wait for the socket is bounded.
class ReadAheadStream final : public httplib::Stream {
public:
    ReadAheadStream(socket_t sock, int read_timeout_ms, int write_timeout_ms, char* buffer, std::size_t capacity,
                    std::atomic<std::size_t>* held, std::size_t* reads)
        : sock_(sock),
          read_timeout_ms_(read_timeout_ms),
          write_timeout_ms_(write_timeout_ms),
          buffer_(buffer),
          capacity_(capacity),
          held_(held),
          reads_(reads) {
        held_->store(0, std::memory_order_relaxed);
    }
    ReadAheadStream(ReadAheadStream const&) = delete;
    ReadAheadStream& operator=(ReadAheadStream const&) = delete;

    bool is_readable() const override { return begin_ < end_ || wait(POLLIN, read_timeout_ms_); }
    bool is_writable() const override { return wait(POLLOUT, write_timeout_ms_) && !peer_closed(); }

    ssize_t read(char* ptr, std::size_t size) override {
        if (begin_ == end_) {
            ssize_t const n = fill();
            if (n <= 0) return n;
        }
        std::size_t const n = std::min(size, end_ - begin_);
        std::memcpy(ptr, buffer_ + begin_, n);
        begin_ += n;
        held_->store(end_ - begin_, std::memory_order_relaxed);
        return static_cast<ssize_t>(n);
    }

    ssize_t write(char const* ptr, std::size_t size) override {
        if (!is_writable()) return -1;
        for (;;) {
            ssize_t const n = ::send(sock_, ptr, size, MSG_NOSIGNAL);
            if (n < 0 && errno == EINTR) continue;
            return n;
        }
    }

    void get_remote_ip_and_port(std::string& ip, int& port) const override { address(::getpeername, ip, port); }
    void get_local_ip_and_port(std::string& ip, int& port) const override { address(::getsockname, ip, port); }
    socket_t socket() const override { return sock_; }

    /// Bytes read from the socket that no one has taken.
    std::size_t unread() const noexcept { return end_ - begin_; }

private:
    // One read of whatever is waiting (up to the buffer), waiting for some
    // first when nothing is: >0 bytes, 0 at the peer's close, -1 on an error
    // or a timeout.
    // While recv() runs, the kernel already counts its bytes as read and
    // held_ does not have them yet: the watchdog, which reads the kernel's
    // count and then held_, would see up to a buffer of body as headers. So
    // held_ says "a whole buffer" until recv() has returned.
    ssize_t fill() {
        for (;;) {
            held_->store(capacity_);
            ssize_t const n = ::recv(sock_, buffer_, capacity_, MSG_DONTWAIT);
            if (n >= 0) {
                ++*reads_;
                begin_ = 0;
                end_ = static_cast<std::size_t>(n);
                held_->store(end_);
                return n;
            }
            held_->store(0);
            if (errno == EINTR) continue;
            if (errno != EAGAIN && errno != EWOULDBLOCK) return -1;
            if (!wait(POLLIN, read_timeout_ms_)) return -1;
        }
    }

    bool wait(short events, int timeout_ms) const {
        pollfd p{sock_, events, 0};
        for (;;) {
            int const r = ::poll(&p, 1, timeout_ms);
            if (r < 0 && errno == EINTR) continue;
            return r > 0 && (p.revents & (events | POLLHUP | POLLERR)) != 0;
        }
    }

    // Whether the peer has closed (or reset) the connection.
    bool peer_closed() const {
        char c;
        ssize_t const n = ::recv(sock_, &c, 1, MSG_PEEK | MSG_DONTWAIT);
        return n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR);
    }

    template <class Query>
    void address(Query query, std::string& ip, int& port) const {
        sockaddr_storage addr{};
        socklen_t len = sizeof addr;
        if (query(sock_, reinterpret_cast<sockaddr*>(&addr), &len) != 0) return;
        char host[NI_MAXHOST];
        char serv[NI_MAXSERV];
        if (::getnameinfo(reinterpret_cast<sockaddr*>(&addr), len, host, sizeof host, serv, sizeof serv,
                          NI_NUMERICHOST | NI_NUMERICSERV) != 0)
            return;
        ip = host;
        port = std::atoi(serv);
    }

    socket_t sock_;
    int read_timeout_ms_;
    int write_timeout_ms_;
    char* buffer_;
    std::size_t capacity_;
    std::atomic<std::size_t>* held_;
    std::size_t* reads_;
    std::size_t begin_ = 0;
    std::size_t end_ = 0;
};

/// httplib::ClientImpl for http:// with the stream above.
class PlainHttpClient final : public httplib::ClientImpl {
public:
    static constexpr std::size_t read_ahead = 64 * 1024;

    using httplib::ClientImpl::ClientImpl;

    /// Whether the last exchange left bytes read but not part of its
    /// response (the server sent more than it announced).
    bool left_bytes_behind() const noexcept { return left_bytes_behind_; }

    /// Bytes read from the socket and not yet handed to cpp-httplib, while a
    /// request runs (the watchdog counts them as not yet read).
    std::atomic<std::size_t> const& held() const noexcept { return held_; }

    /// Reads from the socket that returned data or its close, over the
    /// client's life (for tests: cpp-httplib's own stream makes one per 4 KiB).
    std::size_t socket_reads() const noexcept { return reads_; }

private:
    bool process_socket(Socket const& socket, std::function<bool(httplib::Stream&)> callback) override {
        if (!buffer_) buffer_ = std::make_unique<char[]>(read_ahead);
        // poll() counts milliseconds: a part of one rounds up, as a wait of
        // "a few microseconds" must not become "do not wait".
        auto const ms = [](time_t sec, time_t usec) {
            auto const total = static_cast<long long>(sec) * 1000 + (static_cast<long long>(usec) + 999) / 1000;
            return static_cast<int>(std::min<long long>(total, 0x7fffffff));
        };
        ReadAheadStream stream(socket.sock, ms(read_timeout_sec_, read_timeout_usec_),
                               ms(write_timeout_sec_, write_timeout_usec_), buffer_.get(), read_ahead, &held_, &reads_);
        bool const ok = callback(stream);
        left_bytes_behind_ = stream.unread() > 0;
        held_.store(0, std::memory_order_relaxed);
        return ok;
    }

    std::unique_ptr<char[]> buffer_;
    std::atomic<std::size_t> held_{0};
    std::size_t reads_ = 0;
    bool left_bytes_behind_ = false;
};

}  // namespace twilio_usage::detail
