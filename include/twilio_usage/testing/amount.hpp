// Amount: the emulator's exact fixed-point number for counts, usage and
// prices (a 128-bit integer of 10^-12 units). Sums are exact; rendering gives
// the shortest plain decimal text ("0.38", "21", "2192.84855", "0").
#pragma once

#include "twilio_usage/core/decimal.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace twilio_usage::testing {

__extension__ typedef __int128 int128_t;           // NOLINT: GNU extension, silenced for -Wpedantic
__extension__ typedef unsigned __int128 uint128_t;  // NOLINT

class Amount {
public:
    static constexpr int kScale = 12;  // digits after the point
    static constexpr std::int64_t kOne = 1'000'000'000'000;

    constexpr Amount() = default;
    static constexpr Amount from_units(int128_t units) noexcept {
        Amount a;
        a.units_ = units;
        return a;
    }
    static constexpr Amount from_int(std::int64_t v) noexcept { return from_units(int128_t{v} * kOne); }

    /// Exact conversion; nullopt when d has more than 12 fraction digits or
    /// is beyond +-10^26.
    static std::optional<Amount> from_decimal(Decimal const& d) {
        std::string_view digits = d.coefficient();
        int const scale = d.scale();
        if (scale > kScale) {
            // Accept trailing zeros beyond the scale ("0.1000000000000").
            int extra = scale - kScale;
            std::string_view tail = digits.substr(digits.size() >= static_cast<std::size_t>(extra)
                                                      ? digits.size() - static_cast<std::size_t>(extra)
                                                      : 0);
            if (tail.find_first_not_of('0') != std::string_view::npos) return std::nullopt;
            if (digits.size() <= static_cast<std::size_t>(extra)) return Amount{};
            digits.remove_suffix(static_cast<std::size_t>(extra));
            return build(digits, kScale, d.is_negative());
        }
        return build(digits, scale, d.is_negative());
    }

    /// Parses decimal text (see Decimal::parse); nullopt when it does not
    /// parse or does not fit.
    static std::optional<Amount> parse(std::string_view text) {
        auto d = Decimal::parse(text);
        if (!d) return std::nullopt;
        return from_decimal(*d);
    }

    constexpr int128_t units() const noexcept { return units_; }
    constexpr bool is_zero() const noexcept { return units_ == 0; }
    constexpr bool is_negative() const noexcept { return units_ < 0; }

    constexpr Amount& operator+=(Amount o) noexcept {
        units_ += o.units_;
        return *this;
    }
    constexpr Amount& operator-=(Amount o) noexcept {
        units_ -= o.units_;
        return *this;
    }
    friend constexpr Amount operator+(Amount a, Amount b) noexcept { return a += b; }
    friend constexpr Amount operator-(Amount a, Amount b) noexcept { return a -= b; }
    friend constexpr bool operator==(Amount a, Amount b) noexcept { return a.units_ == b.units_; }
    friend constexpr bool operator<(Amount a, Amount b) noexcept { return a.units_ < b.units_; }
    friend constexpr bool operator<=(Amount a, Amount b) noexcept { return a.units_ <= b.units_; }
    friend constexpr bool operator>=(Amount a, Amount b) noexcept { return a.units_ >= b.units_; }
    friend constexpr bool operator>(Amount a, Amount b) noexcept { return a.units_ > b.units_; }

    /// Appends the shortest plain decimal text.
    void append_to(std::string& out) const {
        char buf[64];
        char* end = buf + sizeof buf;
        char* p = end;
        bool const neg = units_ < 0;
        auto mag = static_cast<uint128_t>(neg ? -units_ : units_);
        auto const one = static_cast<uint128_t>(kOne);
        // Amounts below 2^64 units (18 million whole units) divide in 64
        // bits: 128-bit division is a libgcc call, once per digit.
        bool const narrow = (mag >> 64) == 0;
        auto const one64 = static_cast<std::uint64_t>(kOne);
        auto frac = narrow ? static_cast<std::uint64_t>(mag) % one64 : static_cast<std::uint64_t>(mag % one);
        auto whole = narrow ? static_cast<uint128_t>(static_cast<std::uint64_t>(mag) / one64) : mag / one;
        if (frac != 0) {
            int digits = kScale;
            while (frac % 10 == 0) {
                frac /= 10;
                --digits;
            }
            for (int i = 0; i < digits; ++i) {
                *--p = static_cast<char>('0' + frac % 10);
                frac /= 10;
            }
            *--p = '.';
        }
        while ((whole >> 64) != 0) {
            *--p = static_cast<char>('0' + static_cast<int>(whole % 10));
            whole /= 10;
        }
        auto small = static_cast<std::uint64_t>(whole);
        do {
            *--p = static_cast<char>('0' + static_cast<int>(small % 10));
            small /= 10;
        } while (small != 0);
        if (neg) *--p = '-';
        out.append(p, static_cast<std::size_t>(end - p));
    }
    std::string to_string() const {
        std::string s;
        append_to(s);
        return s;
    }
    Decimal to_decimal() const { return Decimal::parse(to_string()).value(); }

private:
    int128_t units_ = 0;

    static std::optional<Amount> build(std::string_view digits, int scale, bool negative) {
        // 10^26 * 10^12 < 2^127: at most 38 significant digits at scale 12.
        std::size_t nz = digits.find_first_not_of('0');
        if (nz == std::string_view::npos) return Amount{};
        digits.remove_prefix(nz);
        if (digits.size() + static_cast<std::size_t>(kScale - scale) > 38) return std::nullopt;
        int128_t v = 0;
        for (char c : digits) v = v * 10 + (c - '0');
        for (int i = scale; i < kScale; ++i) v *= 10;
        return from_units(negative ? -v : v);
    }
};

}  // namespace twilio_usage::testing
