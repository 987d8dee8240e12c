// Shared helpers of the emulator tests: an emulator at a fixed instant and a
// plain httplib::Client (deliberately not the project's client).
#pragma once

#include "twilio_usage/testing/emulator.hpp"

#include <doctest/doctest.h>
#include <httplib.h>

#include <boost/json.hpp>

#include <chrono>
#include <functional>
#include <string>
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
