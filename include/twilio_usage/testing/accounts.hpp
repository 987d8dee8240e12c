// Accounts, subaccounts and API keys of the emulator, and Basic auth.
// Not thread-safe by itself: the Emulator guards it with its state mutex.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace twilio_usage::testing {

struct Account {
    std::string sid;         // AC + 32 hex
    std::string auth_token;  // 32 hex
    std::optional<std::string> parent_sid;
};

struct ApiKey {
    std::string sid;     // SK + 32 hex
    std::string secret;  // 32 alphanumerics
    std::string account_sid;
};

namespace detail {

/// Random lower-case hex digits (std::random_device seeded, not for real secrets).
inline std::string random_hex(std::mt19937_64& rng, std::size_t n) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    out.reserve(n);
    while (out.size() < n) {
        std::uint64_t v = rng();
        for (int i = 0; i < 16 && out.size() < n; ++i, v >>= 4U) out.push_back(kHex[v & 0xFU]);
    }
    return out;
}

/// Decodes standard base64 (padding optional); nullopt on a bad character.
inline std::optional<std::string> base64_decode(std::string_view in) {
    auto value = [](char c) -> int {
        if (c >= 'A' && c <= 'Z') return c - 'A';
        if (c >= 'a' && c <= 'z') return c - 'a' + 26;
        if (c >= '0' && c <= '9') return c - '0' + 52;
        if (c == '+') return 62;
        if (c == '/') return 63;
        return -1;
    };
    while (!in.empty() && in.back() == '=') in.remove_suffix(1);
    std::string out;
    out.reserve(in.size() * 3 / 4);
    std::uint32_t acc = 0;
    int bits = 0;
    for (char c : in) {
        int const v = value(c);
        if (v < 0) return std::nullopt;
        acc = (acc << 6U) | static_cast<std::uint32_t>(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out.push_back(static_cast<char>((acc >> static_cast<unsigned>(bits)) & 0xFFU));
        }
    }
    return out;
}

}  // namespace detail

class AccountRegistry {
public:
    AccountRegistry() : rng_(std::random_device{}()) {}

    Account const& add(std::optional<std::string> parent_sid = std::nullopt) {
        Account a{"AC" + detail::random_hex(rng_, 32), detail::random_hex(rng_, 32), std::move(parent_sid)};
        return insert(std::move(a));
    }
    /// Adds an account with fixed credentials (demo data, data files); replaces one with the same SID.
    Account const& insert(Account a) {
        auto sid = a.sid;
        auto [it, fresh] = accounts_.insert_or_assign(sid, std::move(a));
        if (fresh) order_.push_back(sid);
        return it->second;
    }
    ApiKey const& add_key(std::string const& account_sid) {
        ApiKey k{"SK" + detail::random_hex(rng_, 32), detail::random_hex(rng_, 32), account_sid};
        return insert_key(std::move(k));
    }
    ApiKey const& insert_key(ApiKey k) {
        auto sid = k.sid;
        return keys_.insert_or_assign(sid, std::move(k)).first->second;
    }

    Account const* find(std::string_view sid) const {
        auto it = accounts_.find(std::string(sid));
        return it == accounts_.end() ? nullptr : &it->second;
    }
    /// Direct subaccounts, in creation order.
    std::vector<std::string> children(std::string_view sid) const {
        std::vector<std::string> out;
        for (auto const& s : order_) {
            auto const& a = accounts_.at(s);
            if (a.parent_sid && *a.parent_sid == sid) out.push_back(s);
        }
        return out;
    }
    std::vector<std::string> const& all() const noexcept { return order_; }

    /// The account a Basic "user:password" acts for, or nullopt.
    std::optional<std::string> authenticate(std::string_view user, std::string_view password) const {
        if (user.starts_with("SK")) {
            auto it = keys_.find(std::string(user));
            if (it == keys_.end() || !same(it->second.secret, password)) return std::nullopt;
            if (!find(it->second.account_sid)) return std::nullopt;
            return it->second.account_sid;
        }
        auto const* a = find(user);
        if (!a || !same(a->auth_token, password)) return std::nullopt;
        return a->sid;
    }
    /// The account of an "Authorization: Basic ..." header value, or nullopt.
    std::optional<std::string> authenticate_header(std::string_view header) const {
        constexpr std::string_view kBasic = "Basic ";
        if (header.size() <= kBasic.size()) return std::nullopt;
        for (std::size_t i = 0; i < kBasic.size() - 1; ++i)
            if ((header[i] | 0x20) != (kBasic[i] | 0x20)) return std::nullopt;
        if (header[kBasic.size() - 1] != ' ') return std::nullopt;
        auto decoded = detail::base64_decode(header.substr(kBasic.size()));
        if (!decoded) return std::nullopt;
        auto const colon = decoded->find(':');
        if (colon == std::string::npos) return std::nullopt;
        return authenticate(std::string_view(*decoded).substr(0, colon),
                            std::string_view(*decoded).substr(colon + 1));
    }

    /// May credentials of `actor` read or change `target`'s resources?
    bool may_access(std::string_view actor, std::string_view target) const {
        if (actor == target) return find(target) != nullptr;
        auto const* t = find(target);
        return t && t->parent_sid && *t->parent_sid == actor;
    }

    std::mt19937_64& rng() noexcept { return rng_; }

private:
    std::map<std::string, Account, std::less<>> accounts_;
    std::map<std::string, ApiKey, std::less<>> keys_;
    std::vector<std::string> order_;
    std::mt19937_64 rng_;

    static bool same(std::string_view a, std::string_view b) noexcept {
        if (a.size() != b.size()) return false;
        unsigned char diff = 0;
        for (std::size_t i = 0; i < a.size(); ++i)
            diff = static_cast<unsigned char>(diff | (static_cast<unsigned char>(a[i]) ^ static_cast<unsigned char>(b[i])));
        return diff == 0;
    }
};

}  // namespace twilio_usage::testing
