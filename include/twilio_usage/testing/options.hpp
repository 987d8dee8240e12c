// The emulator's options and its usage event.
#pragma once

#include "twilio_usage/core/date.hpp"
#include "twilio_usage/core/decimal.hpp"
#include "twilio_usage/core/open_category.hpp"

#include <chrono>
#include <optional>
#include <string>

namespace twilio_usage::testing {

/// One piece of usage: `count`, `usage` and `price` of `category` at `time`.
struct UsageEvent {
    std::string account_sid;
    OpenCategory category{Category{}};
    Timestamp time{};
    Decimal count;
    Decimal usage;
    Decimal price;
};

struct EmulatorOptions {
    std::string host = "127.0.0.1";
    int port = 0;                       // 0: any free port
    bool demo_data = false;             // load the built-in demo data set
    std::optional<Timestamp> fixed_now; // else the system clock (GMT)
    bool prices_as_numbers = false;     // send price/count/usage as JSON numbers
    std::chrono::milliseconds callback_timeout{2000};
    int callback_attempts = 3;
};

}  // namespace twilio_usage::testing
