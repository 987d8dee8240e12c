// The built-in demo data set: one parent account with well-known credentials,
// two subaccounts, and about four months of plausible, deterministic usage
// (seeded generator, no std::random distributions) over a dozen categories,
// dated relative to the emulator's today so that "today", "this month" and
// "last month" always have data.
#pragma once

#include "twilio_usage/testing/records_query.hpp"
#include "twilio_usage/testing/state.hpp"

#include <array>
#include <cstdint>
#include <string_view>

namespace twilio_usage::testing {

namespace demo {
inline constexpr std::string_view parent_sid = "ACdeadbeefdeadbeefdeadbeefdeadbeef";
inline constexpr std::string_view parent_token = "0123456789abcdef0123456789abcdef";
inline constexpr std::string_view sub1_sid = "ACfeedfacefeedfacefeedfacefeedface";  // "Support line"
inline constexpr std::string_view sub1_token = "fedcba9876543210fedcba9876543210";
inline constexpr std::string_view sub2_sid = "ACcafebabecafebabecafebabecafebabe";  // "Marketing"
inline constexpr std::string_view sub2_token = "00112233445566778899aabbccddeeff";
inline constexpr std::string_view api_key_sid = "SK5e1ec7ed5e1ec7ed5e1ec7ed5e1ec7ed";
inline constexpr std::string_view api_key_secret = "demoApiKeySecret0123456789abcdef";
}  // namespace demo

namespace detail {

struct DemoProfile {
    std::string_view category;
    int mean_count;        // per day, before the account's factor
    int units_per_count;   // usage per count (minutes per call, segments per message, ...)
    int price_micros;      // usd per usage unit, in millionths
    bool monthly;          // charged on the 1st of the month (phone numbers)
};

inline constexpr std::array<DemoProfile, 13> kDemoProfiles{{
    {"calls-inbound-local", 22, 3, 8500, false},
    {"calls-inbound-tollfree", 6, 4, 22000, false},
    {"calls-outbound", 15, 2, 14000, false},
    {"sms-outbound-longcode", 120, 1, 7900, false},
    {"sms-inbound-longcode", 80, 1, 7900, false},
    {"mms-outbound-longcode", 10, 1, 20000, false},
    {"mms-inbound-longcode", 4, 1, 10000, false},
    {"phonenumbers-local", 3, 1, 1150000, true},
    {"phonenumbers-tollfree", 1, 1, 2150000, true},
    {"recordings", 8, 4, 2500, false},
    {"transcriptions", 3, 2, 50000, false},
    {"carrier-lookups", 25, 1, 5000, false},
    {"calleridlookups", 5, 1, 10000, false},
}};

struct SplitMix {
    std::uint64_t s;
    std::uint64_t next() { return mix64(s++); }
    /// Roughly uniform in [lo, hi].
    int between(int lo, int hi) { return lo + static_cast<int>(next() % static_cast<std::uint64_t>(hi - lo + 1)); }
};

}  // namespace detail

/// Adds the demo accounts and usage; returns the parent account.
inline Account load_demo_data(EmulatorState& s) {
    Account parent{std::string(demo::parent_sid), std::string(demo::parent_token), std::nullopt};
    Account sub1{std::string(demo::sub1_sid), std::string(demo::sub1_token), parent.sid};
    Account sub2{std::string(demo::sub2_sid), std::string(demo::sub2_token), parent.sid};
    {
        std::unique_lock lock(s.mu);
        s.accounts.insert(parent);
        s.accounts.insert(sub1);
        s.accounts.insert(sub2);
        s.accounts.insert_key(ApiKey{std::string(demo::api_key_sid), std::string(demo::api_key_secret), parent.sid});
    }
    Date const today = s.clock.today();
    DayNumber const first = day_number(detail::add_months(today, -4));
    DayNumber const last = day_number(today);
    struct Who {
        std::string const* sid;
        int factor_percent;
    };
    std::array<Who, 3> const who{{{&parent.sid, 100}, {&sub1.sid, 45}, {&sub2.sid, 70}}};
    detail::SplitMix rng{0x7711'0D3E'5EEDULL};
    for (DayNumber d = first; d <= last; ++d) {
        Date const date = date_of(d);
        bool const weekend = std::chrono::weekday{std::chrono::sys_days{date}}.c_encoding() % 6 == 0;
        for (auto const& w : who) {
            for (auto const& p : detail::kDemoProfiles) {
                if (p.monthly && date.day() != std::chrono::day{1}) continue;
                int count = p.mean_count * w.factor_percent / 100;
                if (!p.monthly) {
                    if (weekend) count = count * 2 / 5;
                    count = rng.between(count / 2, count + count / 2);
                }
                if (count <= 0) continue;
                int usage = p.monthly ? count : 0;
                if (!p.monthly)
                    for (int i = 0; i < count; ++i) usage += rng.between(1, 2 * p.units_per_count - 1);
                auto const price_micros = static_cast<std::int64_t>(usage) * p.price_micros;
                UsageEvent e;
                e.account_sid = *w.sid;
                e.category = OpenCategory(p.category);
                e.time = Timestamp{std::chrono::sys_days{date}} + std::chrono::hours{12};
                e.count = Decimal(count);
                e.usage = Decimal(usage);
                e.price = Amount::from_units(int128_t{price_micros} * 1000000).to_decimal();
                s.add_usage(e);
            }
        }
    }
    return parent;
}

}  // namespace twilio_usage::testing
