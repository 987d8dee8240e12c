// Shared helpers of the emulator tests: an emulator at a fixed instant and a
// plain httplib::Client (deliberately not the project's client), and a raw
// socket for requests that httplib::Client would not send as written.
#pragma once

#include "twilio_usage/testing/emulator.hpp"

#include <doctest/doctest.h>
#include <httplib.h>

#include <boost/json.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <functional>
#include <string>
#include <string_view>
#include <thread>

namespace emu_test {

using namespace twilio_usage;
using namespace twilio_usage::testing;
using namespace std::chrono_literals;

/// 2024-03-15 10:00:00 GMT, a Friday.
inline Timestamp fixed_now() { return Timestamp{std::chrono::sys_days{std::chrono::year{2024} / 3 / 15}} + 10h; }

inline Timestamp at(int y, unsigned m, unsigned d, int hour = 12) {
    return Timestamp{std::chrono::sys_days{std::chrono::year{y} / m / d}} + std::chrono::hours{hour};
}

inline EmulatorOptions fixed_options() {
    EmulatorOptions o;
    o.fixed_now = fixed_now();
    o.callback_timeout = 300ms;
    o.callback_attempts = 3;
    return o;
}

inline Decimal dec(char const* s) { return Decimal::parse(s).value(); }

inline UsageEvent event(std::string account, char const* category, Timestamp t, char const* count, char const* usage,
                        char const* price) {
    return UsageEvent{std::move(account), OpenCategory(category), t, dec(count), dec(usage), dec(price)};
}

struct Api {
    explicit Api(Emulator const& e) : Api(e, e.main_account().sid, e.main_account().auth_token) {}
    Api(Emulator const& e, std::string user, std::string password)
        : cli(e.base_url()), account(e.main_account().sid) {
        cli.set_basic_auth(user, password);
        cli.set_connection_timeout(5s);
        cli.set_read_timeout(10s);
    }
    httplib::Client cli;
    std::string account;

    std::string base(std::string const& sid) const { return "/2010-04-01/Accounts/" + sid; }
    std::string base() const { return base(account); }

    httplib::Result get(std::string const& path) { return cli.Get(path); }
    httplib::Result post(std::string const& path, std::string const& form) {
        return cli.Post(path, form, "application/x-www-form-urlencoded");
    }
    httplib::Result del(std::string const& path) { return cli.Delete(path); }
};

inline boost::json::object json_of(httplib::Result const& r) {
    REQUIRE(r);
    auto v = boost::json::parse(r->body);
    REQUIRE(v.is_object());
    return v.as_object();
}

/// The member names of `o`, in the order they were sent.
inline std::vector<std::string> keys_of(boost::json::object const& o) {
    std::vector<std::string> keys;
    for (auto const& member : o) keys.emplace_back(member.key());
    return keys;
}

inline std::string str(boost::json::value const& v) {
    if (v.is_null()) return "<null>";
    if (v.is_string()) return std::string(v.as_string());
    return boost::json::serialize(v);
}

/// Checks a Twilio-shaped error body.
inline void check_error(httplib::Result const& r, int status, int code) {
    REQUIRE(r);
    CHECK(r->status == status);
    auto o = json_of(r);
    CHECK(o.at("status").as_int64() == status);
    CHECK(o.at("code").as_int64() == code);
    CHECK(o.at("message").is_string());
    CHECK(str(o.at("more_info")) == "https://www.twilio.com/docs/errors/" + std::to_string(code));
}

inline std::string base64(std::string_view in) {
    static constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    for (std::size_t i = 0; i < in.size(); i += 3) {
        unsigned const n = std::min<std::size_t>(3, in.size() - i);
        unsigned v = 0;
        for (unsigned j = 0; j < 3; ++j) v = v << 8U | (j < n ? static_cast<unsigned char>(in[i + j]) : 0U);
        for (unsigned j = 0; j < 4; ++j) out.push_back(j <= n ? alphabet[(v >> (18 - 6 * j)) & 63U] : '=');
    }
    return out;
}

/// "Basic ..." for the emulator's main account.
inline std::string basic_auth(Account const& a) { return "Basic " + base64(a.sid + ":" + a.auth_token); }

/// A response as read off a raw socket.
struct RawResponse {
    int status = 0;
    std::string head;  // status line and headers, without the blank line
    std::string body;
    /// The value of header `name` (case-insensitive), or "".
    std::string header(std::string_view name) const {
        auto lower = [](std::string_view s) {
            std::string l(s);
            for (char& c : l) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            return l;
        };
        std::string const h = lower(head), want = "\r\n" + lower(name) + ":";
        auto const at = h.find(want);
        if (at == std::string::npos) return "";
        auto begin = at + want.size();
        while (begin < head.size() && head[begin] == ' ') ++begin;
        return head.substr(begin, head.find("\r\n", begin) - begin);
    }
};

/// Sends `request` byte for byte to the emulator on a fresh connection and
/// reads one response (framed by Content-Length, or up to the connection's
/// end), waiting at most `limit` for it.
inline RawResponse raw_request(Emulator const& e, std::string_view request,
                               std::chrono::milliseconds limit = 10000ms) {
    RawResponse out;
    int const fd = ::socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(fd >= 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(static_cast<std::uint16_t>(e.port()));
    if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        ::close(fd);
        FAIL("cannot connect to the emulator");
    }
    while (!request.empty()) {
        auto const n = ::send(fd, request.data(), request.size(), MSG_NOSIGNAL);
        if (n <= 0) break;
        request.remove_prefix(static_cast<std::size_t>(n));
    }
    std::string data;
    auto const deadline = std::chrono::steady_clock::now() + limit;
    auto complete = [&] {
        auto const end = data.find("\r\n\r\n");
        if (end == std::string::npos) return false;
        out.head = data.substr(0, end);
        auto const length = out.header("Content-Length");
        return !length.empty() && data.size() - end - 4 >= std::strtoull(length.c_str(), nullptr, 10);
    };
    char buf[4096];
    while (!complete()) {
        auto const left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) break;
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) break;
        auto const n = ::read(fd, buf, sizeof buf);
        if (n <= 0) break;
        data.append(buf, static_cast<std::size_t>(n));
    }
    ::close(fd);
    auto const end = data.find("\r\n\r\n");
    if (end == std::string::npos) return out;
    out.head = data.substr(0, end);
    out.body = data.substr(end + 4);
    if (out.head.starts_with("HTTP/1.1 ") || out.head.starts_with("HTTP/1.0 ")) out.status = std::atoi(out.head.c_str() + 9);
    return out;
}

/// Polls `done` until true or the deadline passes.
inline bool eventually(std::function<bool()> const& done, std::chrono::milliseconds limit = 5000ms) {
    auto const deadline = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < deadline) {
        if (done()) return true;
        std::this_thread::sleep_for(5ms);
    }
    return done();
}

/// The record of `category` in a records page (first match), or nullptr.
inline boost::json::object const* find_record(boost::json::object const& page, std::string_view category) {
    for (auto const& r : page.at("usage_records").as_array())
        if (r.as_object().at("category").as_string() == category) return &r.as_object();
    return nullptr;
}

}  // namespace emu_test
