// Small misbehaving servers on 127.0.0.1 for the client tests, and helpers.
#pragma once

#include "twilio_usage/twilio_usage.hpp"

#include <httplib.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace test_support {

inline constexpr char const* account_sid = "AC0123456789abcdef0123456789abcdef";
inline constexpr char const* auth_token = "tok-SECRET-do-not-print-9f8e7d";

/// A socket listening on 127.0.0.1 on a free port; `port` receives the port.
inline int listen_on_loopback(int backlog, int& port) {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    ::listen(fd, backlog);
    socklen_t len = sizeof addr;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
    port = ntohs(addr.sin_port);
    return fd;
}

/// A listening socket on 127.0.0.1 whose connections go to `handler`: one
/// by one on its accepting thread, or each on a thread of its own (so that
/// a slow answer on one connection does not hold up the next), all joined
/// when it is destroyed.
class RawServer {
public:
    using Handler = std::function<void(int fd, std::atomic<bool> const& stop)>;
    enum class Serving { in_turn, concurrently };

    explicit RawServer(Handler handler, Serving serving = Serving::in_turn) : handler_(std::move(handler)) {
        fd_ = listen_on_loopback(serving == Serving::concurrently ? 64 : 16, port_);
        thread_ = std::thread([this, serving] {
            while (!stop_) {
                pollfd p{fd_, POLLIN, 0};
                if (::poll(&p, 1, 20) <= 0) continue;
                int c = ::accept(fd_, nullptr, nullptr);
                if (c < 0) continue;
                ++connections;
                auto serve = [this, c] {
                    handler_(c, stop_);
                    ::close(c);
                };
                if (serving == Serving::in_turn) {
                    serve();
                } else {
                    std::lock_guard lock(mutex_);
                    workers_.emplace_back(serve);
                }
            }
        });
    }
    ~RawServer() {
        stop_ = true;
        thread_.join();
        for (auto& w : workers_) w.join();
        ::close(fd_);
    }
    RawServer(RawServer const&) = delete;
    RawServer& operator=(RawServer const&) = delete;
    int port() const { return port_; }
    std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }
    std::atomic<int> connections{0};

private:
    Handler handler_;
    int fd_ = -1;
    int port_ = 0;
    std::atomic<bool> stop_{false};
    std::mutex mutex_;
    std::vector<std::thread> workers_;
    std::thread thread_;
};

/// Reads up to the end of the request headers.
inline std::string read_head(int fd) {
    std::string data;
    char buf[4096];
    while (data.find("\r\n\r\n") == std::string::npos) {
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, 2000) <= 0) break;
        auto n = ::read(fd, buf, sizeof buf);
        if (n <= 0) break;
        data.append(buf, static_cast<std::size_t>(n));
    }
    return data;
}

/// "HTTP/1.1 <status>" with a Content-Length that matches `body`.
inline std::string http_response(int status, std::string const& body, std::string const& extra_headers = "") {
    std::string reason = status == 200 ? "OK" : status == 429 ? "Too Many Requests" : "Error";
    return "HTTP/1.1 " + std::to_string(status) + " " + reason +
           "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) + "\r\n" +
           extra_headers + "\r\n" + body;
}

inline void write_all(int fd, std::string_view s) {
    while (!s.empty()) {
        auto n = ::send(fd, s.data(), s.size(), MSG_NOSIGNAL);
        if (n <= 0) return;
        s.remove_prefix(static_cast<std::size_t>(n));
    }
}

/// A port on 127.0.0.1 with nothing listening.
inline int closed_port() {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    socklen_t len = sizeof addr;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
    ::close(fd);
    return ntohs(addr.sin_port);
}

/// An httplib::Server on 127.0.0.1 running in its own thread.
class LocalServer {
public:
    LocalServer() = default;
    void start() {
        port_ = server.bind_to_any_port("127.0.0.1");
        thread_ = std::thread([this] { server.listen_after_bind(); });
        while (!server.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    ~LocalServer() {
        server.stop();
        if (thread_.joinable()) thread_.join();
    }
    int port() const { return port_; }
    std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }
    httplib::Server server;

private:
    int port_ = 0;
    std::thread thread_;
};

/// One usage record as the API sends it.
inline std::string record_json(int i, std::string const& price = "\"0.38\"") {
    return R"({"account_sid":"AC0123456789abcdef0123456789abcdef","api_version":"2010-04-01","category":"sms",)"
           R"("description":"SMS )" +
           std::to_string(i) + R"(","count":")" + std::to_string(i) +
           R"(","count_unit":"messages","usage":"1","usage_unit":"messages","price":)" + price +
           R"(,"price_unit":"usd","start_date":"2024-01-01","end_date":"2024-01-01","as_of":"2024-01-01T10:00:00+00:00"})";
}

/// A page of records [first, first + n) with the given next_page_uri (or null).
inline std::string page_json(int first, int n, std::string const& next) {
    std::string out = R"({"first_page_uri":"/x","next_page_uri":)";
    out += next.empty() ? "null" : "\"" + next + "\"";
    out += R"(,"page":0,"page_size":)" + std::to_string(n) + R"(,"usage_records":[)";
    for (int i = 0; i < n; ++i) {
        if (i) out += ",";
        out += record_json(first + i);
    }
    return out + "]}";
}

inline twilio_usage::Client local_client(std::string base_url, twilio_usage::ClientOptions options = {}) {
    options.base_url = std::move(base_url);
    return twilio_usage::Client(twilio_usage::Credentials::from_auth_token(account_sid, auth_token),
                                std::move(options));
}

/// Records every request, then hands it to another transport.
class RecordingTransport : public twilio_usage::Transport {
public:
    explicit RecordingTransport(std::shared_ptr<twilio_usage::Transport> next) : next_(std::move(next)) {}
    twilio_usage::Result<twilio_usage::HttpResponse> send(twilio_usage::HttpRequest const& request) override {
        {
            std::lock_guard lock(mutex);
            requests.push_back(request);
        }
        return next_->send(request);
    }
    std::mutex mutex;
    std::vector<twilio_usage::HttpRequest> requests;

private:
    std::shared_ptr<twilio_usage::Transport> next_;
};

/// Answers from a function, without any network.
class FakeTransport : public twilio_usage::Transport {
public:
    using Handler = std::function<twilio_usage::Result<twilio_usage::HttpResponse>(twilio_usage::HttpRequest const&)>;
    explicit FakeTransport(Handler h) : handler(std::move(h)) {}
    twilio_usage::Result<twilio_usage::HttpResponse> send(twilio_usage::HttpRequest const& request) override {
        requests.push_back(request);
        return handler(request);
    }
    Handler handler;
    std::vector<twilio_usage::HttpRequest> requests;
};

inline twilio_usage::HttpResponse response(int status, std::string body, twilio_usage::HttpHeaders headers = {}) {
    return twilio_usage::HttpResponse{status, std::move(headers), std::move(body)};
}

}  // namespace test_support
