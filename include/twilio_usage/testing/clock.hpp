// The emulator's clock: the system clock (GMT), or a fixed instant that tests
// set and advance. Thread-safe.
#pragma once

#include "twilio_usage/core/date.hpp"

#include <chrono>
#include <mutex>
#include <optional>

namespace twilio_usage::testing {

class Clock {
public:
    explicit Clock(std::optional<Timestamp> fixed = std::nullopt) : fixed_(fixed) {}

    Timestamp now() const {
        std::lock_guard lock(mu_);
        if (fixed_) return *fixed_;
        return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()) + offset_;
    }
    Date today() const { return today_gmt(now()); }

    /// Freezes the clock at t.
    void set(Timestamp t) {
        std::lock_guard lock(mu_);
        fixed_ = t;
    }
    /// Moves the clock (fixed or running) forward by d.
    void advance(std::chrono::seconds d) {
        std::lock_guard lock(mu_);
        if (fixed_)
            *fixed_ += d;
        else
            offset_ += d;
    }

private:
    mutable std::mutex mu_;
    std::optional<Timestamp> fixed_;
    std::chrono::seconds offset_{0};
};

}  // namespace twilio_usage::testing
