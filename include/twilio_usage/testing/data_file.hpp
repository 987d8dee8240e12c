// Loading a JSON data file into the emulator.
//
// Format (every member optional; amounts are decimal strings or JSON numbers):
// {
//   "accounts": [ {"sid": "AC<32 hex>", "auth_token": "<token>", "parent_sid": "AC..."} ],
//   "api_keys": [ {"sid": "SK<32 hex>", "secret": "<secret>", "account_sid": "AC..."} ],
//   "usage": [ {"account_sid": "AC...",            // default: the main account
//               "category": "sms-outbound-longcode",  // any name, known or not
//               "date": "2024-01-31"  |  "time": "2024-01-31T10:00:00Z"  |  "days_ago": 3,
//                                                  // default: now
//               "count": "3", "usage": "3", "price": "0.0237"} ]  // default "0"
// }
// Accounts are added before API keys and usage. The first account without a
// parent_sid becomes the main account. Throws std::runtime_error naming the
// entry on any error.
#pragma once

#include "twilio_usage/testing/state.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include <fstream>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>

namespace twilio_usage::testing {

namespace detail {

inline std::string json_text(boost::json::object const& o, char const* key, std::string const& where,
                             bool required = true) {
    auto const* v = o.if_contains(key);
    if (!v || v->is_null()) {
        if (required) throw std::runtime_error(where + ": missing \"" + key + "\"");
        return {};
    }
    if (v->is_string()) return std::string(v->as_string());
    if (v->is_number()) return boost::json::serialize(*v);
    throw std::runtime_error(where + ": \"" + key + "\" must be a string or a number");
}

inline Decimal json_amount(boost::json::object const& o, char const* key, std::string const& where) {
    if (!o.if_contains(key)) return Decimal{};
    auto text = json_text(o, key, where);
    auto d = Decimal::parse(text);
    if (!d) throw std::runtime_error(where + ": \"" + key + "\": " + d.error().what);
    return *d;
}

}  // namespace detail

/// Loads the file; returns the new main account if the file names one.
inline std::optional<Account> load_data(EmulatorState& s, std::string const& text, std::string const& main_sid) {
    boost::system::error_code ec;
    auto doc = boost::json::parse(text, ec);
    if (ec || !doc.is_object()) throw std::runtime_error("data file: not a JSON object (" + ec.message() + ")");
    auto const& root = doc.as_object();
    std::optional<Account> main;
    auto array = [&](char const* key) -> boost::json::array const* {
        auto const* v = root.if_contains(key);
        if (!v) return nullptr;
        if (!v->is_array()) throw std::runtime_error(std::string("data file: \"") + key + "\" must be an array");
        return &v->as_array();
    };
    auto object = [](boost::json::value const& v, std::string const& where) -> boost::json::object const& {
        if (!v.is_object()) throw std::runtime_error(where + ": must be an object");
        return v.as_object();
    };
    if (auto const* accounts = array("accounts")) {
        std::size_t i = 0;
        for (auto const& v : *accounts) {
            std::string const where = "accounts[" + std::to_string(i++) + "]";
            auto const& o = object(v, where);
            Account a{detail::json_text(o, "sid", where), detail::json_text(o, "auth_token", where), std::nullopt};
            auto parent = detail::json_text(o, "parent_sid", where, false);
            if (!parent.empty()) a.parent_sid = parent;
            std::unique_lock lock(s.mu);
            if (a.parent_sid && !s.accounts.find(*a.parent_sid))
                throw std::runtime_error(where + ": parent_sid names no account declared before it");
            s.accounts.insert(a);
            if (!a.parent_sid && !main) main = a;
        }
    }
    if (auto const* keys = array("api_keys")) {
        std::size_t i = 0;
        for (auto const& v : *keys) {
            std::string const where = "api_keys[" + std::to_string(i++) + "]";
            auto const& o = object(v, where);
            ApiKey k{detail::json_text(o, "sid", where), detail::json_text(o, "secret", where),
                     detail::json_text(o, "account_sid", where)};
            std::unique_lock lock(s.mu);
            if (!s.accounts.find(k.account_sid)) throw std::runtime_error(where + ": account_sid names no account");
            s.accounts.insert_key(std::move(k));
        }
    }
    std::string const default_account = main ? main->sid : main_sid;
    if (auto const* usage = array("usage")) {
        std::size_t i = 0;
        Timestamp const now = s.clock.now();
        for (auto const& v : *usage) {
            std::string const where = "usage[" + std::to_string(i++) + "]";
            auto const& o = object(v, where);
            UsageEvent e;
            e.account_sid = detail::json_text(o, "account_sid", where, false);
            if (e.account_sid.empty()) e.account_sid = default_account;
            e.category = OpenCategory(detail::json_text(o, "category", where));
            e.time = now;
            if (o.if_contains("date")) {
                auto d = parse_date(detail::json_text(o, "date", where));
                if (!d) throw std::runtime_error(where + ": date: " + d.error().what);
                e.time = Timestamp{std::chrono::sys_days{*d}};
            } else if (o.if_contains("time")) {
                auto t = parse_iso8601(detail::json_text(o, "time", where));
                if (!t) throw std::runtime_error(where + ": time: " + t.error().what);
                e.time = *t;
            } else if (auto const* ago = o.if_contains("days_ago")) {
                if (!ago->is_int64()) throw std::runtime_error(where + ": days_ago must be an integer");
                e.time = now - std::chrono::days{ago->as_int64()};
            }
            e.count = detail::json_amount(o, "count", where);
            e.usage = detail::json_amount(o, "usage", where);
            e.price = detail::json_amount(o, "price", where);
            try {
                s.add_usage(e);
            } catch (std::invalid_argument const& x) {
                throw std::runtime_error(where + ": " + x.what());
            }
        }
    }
    return main;
}

inline std::optional<Account> load_data_file(EmulatorState& s, std::string const& path, std::string const& main_sid) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot open data file " + path);
    std::ostringstream buf;
    buf << in.rdbuf();
    return load_data(s, buf.str(), main_sid);
}

}  // namespace twilio_usage::testing
