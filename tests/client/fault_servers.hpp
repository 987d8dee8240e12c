// Faults on the wire: a loopback server that serves good pages and breaks
// one of them in a chosen way (cut off, trickled, endless, oversized, not
// HTTP, invalid JSON, 429 forever...), and helpers to measure time and peak
// memory. Used by test_faults.cpp and by the command-line tool's tests.
#pragma once

#include "servers.hpp"

#include <sys/resource.h>

#include <zlib.h>

#include <cerrno>
#include <cstdio>

#include <fstream>
#include <optional>
#include <sstream>

namespace test_support {

using Clock = std::chrono::steady_clock;

/// Writes `s` one byte every `interval`; false when the client hung up or the server stops.
inline bool trickle(int fd, std::string_view s, std::chrono::milliseconds interval, std::atomic<bool> const& stop) {
    for (char c : s) {
        if (stop) return false;
        if (::send(fd, &c, 1, MSG_NOSIGNAL) != 1) return false;
        std::this_thread::sleep_for(interval);
    }
    return true;
}

/// Sleeps up to `d`, returning early (false) when the server stops.
inline bool idle(std::chrono::milliseconds d, std::atomic<bool> const& stop) {
    auto const until = Clock::now() + d;
    while (Clock::now() < until) {
        if (stop) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return true;
}

/// Sends all of `data` unless the client hangs up or the server stops (false);
/// adds what the kernel accepted to `sent`. Never blocked in send(): a client
/// that closed without reading leaves an orphaned socket that may hold the
/// window shut for a long while, and the server must still stop when told to.
inline bool send_all(int fd, std::string_view data, std::atomic<bool> const& stop, std::uint64_t& sent) {
    while (!data.empty()) {
        if (stop) return false;
        pollfd p{fd, POLLOUT, 0};
        int const ready = ::poll(&p, 1, 20);
        if (ready < 0) return false;
        if (ready == 0) continue;
        if (p.revents & (POLLERR | POLLHUP)) return false;
        auto n = ::send(fd, data.data(), data.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) continue;
        if (n <= 0) return false;
        sent += static_cast<std::uint64_t>(n);
        data.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

/// Sends `chunk` again and again until the client hangs up (or `cap` bytes);
/// returns the bytes the kernel accepted.
inline std::uint64_t flood(int fd, std::string const& chunk, std::atomic<bool> const& stop,
                           std::uint64_t cap = std::uint64_t(16) << 30) {
    std::uint64_t sent = 0;
    while (sent < cap && send_all(fd, chunk, stop, sent)) {
    }
    return sent;
}

/// The request line of a request head ("GET /path?query HTTP/1.1").
inline std::string request_line(std::string const& head) { return head.substr(0, head.find("\r\n")); }

/// How a server answers one request: write to `fd`, return false to close the connection.
using Responder = std::function<bool(std::string const& head, int fd, std::atomic<bool> const& stop)>;

/// The URI of the second page of every listing these servers serve.
inline std::string second_page_uri() {
    return std::string("/2010-04-01/Accounts/") + account_sid + "/Usage/Records/Today.json?Page=1&PageToken=p2";
}

/// A good first page (records 0..2) pointing at second_page_uri().
inline std::string first_page() { return page_json(0, 3, second_page_uri()); }

/// A loopback server answering the requests on each connection (kept
/// alive) in turn: the first page with first_page(), the second page with
/// `second` (or, with `break_first`, every request with `second`).
class FaultServer {
public:
    explicit FaultServer(Responder second, bool break_first = false)
        : second_(std::move(second)), break_first_(break_first),
          raw_([this](int fd, std::atomic<bool> const& stop) {
              for (;;) {
                  std::string head = read_head(fd);
                  if (head.empty() || stop) return;
                  ++requests;
                  {
                      std::lock_guard lock(mutex_);
                      lines_.push_back(request_line(head));
                      heads_.push_back(head);
                  }
                  bool const second = break_first_ || head.find("PageToken=p2") != std::string::npos;
                  if (!second) {
                      write_all(fd, http_response(200, first_page()));
                      continue;
                  }
                  if (!second_(head, fd, stop)) return;
              }
          }, RawServer::Serving::concurrently) {}
    std::string base_url() const { return raw_.base_url(); }
    int port() const { return raw_.port(); }
    int connections() const { return raw_.connections; }
    std::vector<std::string> lines() {
        std::lock_guard lock(mutex_);
        return lines_;
    }
    std::vector<std::string> heads() {
        std::lock_guard lock(mutex_);
        return heads_;
    }
    std::atomic<int> requests{0};

private:
    Responder second_;
    bool break_first_;
    std::mutex mutex_;
    std::vector<std::string> lines_;
    std::vector<std::string> heads_;
    RawServer raw_;  // last: its threads use the members above
};

// The faults. Each is a Responder.
namespace faults {

/// Declares more than it sends, then closes.
inline Responder cut_off_body() {
    return [](std::string const&, int fd, auto const&) {
        std::string const body = page_json(100, 3, "");
        write_all(fd, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
                          std::to_string(body.size() + 1000) + "\r\n\r\n" + body.substr(0, body.size() / 2));
        return false;
    };
}

/// A status line, then a header trickled a byte every `interval`, forever.
inline Responder trickled_headers(std::chrono::milliseconds interval) {
    return [interval](std::string const&, int fd, std::atomic<bool> const& stop) {
        write_all(fd, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Slow: ");
        while (trickle(fd, "abcdefghij", interval, stop)) {
        }
        return false;
    };
}

/// Honest headers, then the body a byte every `interval`.
inline Responder trickled_body(std::chrono::milliseconds interval) {
    return [interval](std::string const&, int fd, std::atomic<bool> const& stop) {
        std::string const body = page_json(100, 3, "");
        write_all(fd, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
                          std::to_string(body.size()) + "\r\n\r\n");
        trickle(fd, body, interval, stop);
        return false;
    };
}

/// Says nothing for `delay`, then answers properly.
inline Responder late(std::chrono::milliseconds delay) {
    return [delay](std::string const&, int fd, std::atomic<bool> const& stop) {
        if (!idle(delay, stop)) return false;
        write_all(fd, http_response(200, page_json(100, 3, "")));
        return false;
    };
}

/// Chunked, 64 KiB chunks, never ending (until the client hangs up).
inline Responder endless_chunked(std::atomic<std::uint64_t>* sent = nullptr) {
    return [sent](std::string const&, int fd, std::atomic<bool> const& stop) {
        write_all(fd, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
        std::string chunk = "10000\r\n" + std::string(0x10000, ' ') + "\r\n";
        chunk.replace(7, 1, "[");
        auto n = flood(fd, chunk, stop);
        if (sent) *sent = n;
        return false;
    };
}

/// Declares `declared` bytes (gigabytes) and streams until the client hangs up.
inline Responder huge_content_length(std::string declared, std::atomic<std::uint64_t>* sent = nullptr) {
    return [declared, sent](std::string const&, int fd, std::atomic<bool> const& stop) {
        write_all(fd, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + declared +
                          "\r\n\r\n{\"usage_records\":[");
        auto n = flood(fd, std::string(0x10000, ' '), stop);
        if (sent) *sent = n;
        return false;
    };
}

/// No length and no chunking: the body runs until the connection closes (never).
inline Responder until_close(std::atomic<std::uint64_t>* sent = nullptr) {
    return [sent](std::string const&, int fd, std::atomic<bool> const& stop) {
        write_all(fd, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n{\"a\":\"");
        auto n = flood(fd, std::string(0x10000, 'x'), stop);
        if (sent) *sent = n;
        return false;
    };
}

/// Headers without end, as fast as the client reads: many short ones, or one endless line.
inline Responder endless_headers(bool one_line, std::atomic<std::uint64_t>* sent = nullptr) {
    return [one_line, sent](std::string const&, int fd, std::atomic<bool> const& stop) {
        write_all(fd, one_line ? "HTTP/1.1 200 OK\r\nX-Long: " : "HTTP/1.1 200 OK\r\n");
        std::string chunk;
        if (one_line) chunk.assign(0x10000, 'a');
        else
            for (int i = 0; i < 4096; ++i) chunk += "X-A: b\r\n";
        auto n = flood(fd, chunk, stop);
        if (sent) *sent = n;
        return false;
    };
}

/// A gzip bomb: chunked, Content-Encoding gzip, the compression of
/// gigabytes of spaces (about a thousand to one), made as it is sent.
inline Responder gzip_bomb(std::atomic<std::uint64_t>* sent_out = nullptr) {
    return [sent_out](std::string const&, int fd, std::atomic<bool> const& stop) {
        write_all(fd, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\n"
                      "Transfer-Encoding: chunked\r\n\r\n");
        z_stream z{};
        // The smallest window and state: this server shares the client's
        // process, whose memory the tests measure.
        if (deflateInit2(&z, 9, Z_DEFLATED, 16 + 9, 1, Z_DEFAULT_STRATEGY) != Z_OK) return false;
        std::string const spaces(1 << 16, ' ');
        std::string out(1 << 16, '\0');
        std::uint64_t sent = 0;
        bool open = true;
        for (std::uint64_t fed = 0; open && fed < (std::uint64_t(8) << 30); fed += spaces.size()) {
            z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(spaces.data()));
            z.avail_in = static_cast<uInt>(spaces.size());
            do {
                z.next_out = reinterpret_cast<Bytef*>(out.data());
                z.avail_out = static_cast<uInt>(out.size());
                deflate(&z, Z_NO_FLUSH);
                std::size_t const have = out.size() - z.avail_out;
                if (have == 0) continue;
                char size[32];
                std::snprintf(size, sizeof size, "%zx\r\n", have);
                open = send_all(fd, size, stop, sent) && send_all(fd, std::string_view(out).substr(0, have), stop, sent) &&
                       send_all(fd, "\r\n", stop, sent);
            } while (open && z.avail_out == 0);
        }
        deflateEnd(&z);
        if (sent_out) *sent_out = sent;
        return false;
    };
}

/// Not HTTP at all.
inline Responder garbage() {
    return [](std::string const&, int fd, auto const&) {
        write_all(fd, "SSH-2.0-OpenSSH_9.2\r\n\x01\x02\x03 this is not HTTP\r\n\r\n");
        return false;
    };
}

/// A proper HTTP answer with this body.
inline Responder body(int status, std::string text, std::string extra_headers = "") {
    return [status, text = std::move(text), extra_headers = std::move(extra_headers)](std::string const&, int fd,
                                                                                      auto const&) {
        write_all(fd, http_response(status, text, extra_headers));
        return true;
    };
}

/// A page whose second record's description holds invalid UTF-8.
inline std::string invalid_utf8_page() {
    std::string p = page_json(100, 3, "");
    auto pos = p.find("SMS 101");
    p.replace(pos, 7, "SMS \xff\xfe\xc3");
    return p;
}

/// A page whose first record holds `depth` nested arrays under an unknown key.
inline std::string deeply_nested_page(int depth) {
    std::string p = page_json(100, 3, "");
    auto pos = p.find("\"api_version\"");
    p.insert(pos, "\"nested\":" + std::string(static_cast<std::size_t>(depth), '[') +
                      std::string(static_cast<std::size_t>(depth), ']') + ",");
    return p;
}

}  // namespace faults

/// Peak resident memory, in KiB: since the last reset_peak_rss() where Linux
/// allows resetting it (VmHWM after /proc/self/clear_refs), else getrusage's
/// ru_maxrss for the whole process.
struct PeakRss {
    static long ru_maxrss_kib() {
        rusage u{};
        ::getrusage(RUSAGE_SELF, &u);
        return u.ru_maxrss;
    }
    static std::optional<long> status_kib(std::string const& key) {
        std::ifstream in("/proc/self/status");
        for (std::string line; std::getline(in, line);)
            if (line.rfind(key + ":", 0) == 0) return std::stol(line.substr(key.size() + 1));
        return std::nullopt;
    }
    /// True when the peak was reset to the current resident size.
    static bool reset() {
        std::ofstream out("/proc/self/clear_refs");
        out << "5";
        out.flush();
        return static_cast<bool>(out);
    }
};

}  // namespace test_support
