// Everything the emulator knows, behind one reader/writer lock: accounts,
// usage, triggers, the clock, paging secret, fault injection and counters.
// The HTTP routes and the Emulator facade both work on an EmulatorState.
#pragma once

#include "twilio_usage/testing/accounts.hpp"
#include "twilio_usage/testing/callbacks.hpp"
#include "twilio_usage/testing/clock.hpp"
#include "twilio_usage/testing/options.hpp"
#include "twilio_usage/testing/paging.hpp"
#include "twilio_usage/testing/trigger_store.hpp"
#include "twilio_usage/testing/usage_store.hpp"

#include <atomic>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <stdexcept>
#include <string>

namespace twilio_usage::testing {

struct FaultPlan {
    int remaining = 0;
    int status = 500;
    std::optional<int> retry_after;
};

class EmulatorState {
public:
    explicit EmulatorState(EmulatorOptions opts)
        : options(std::move(opts)),
          clock(options.fixed_now),
          store(categories),
          triggers(categories, store),
          tokens(accounts.rng()()),
          dispatcher(options.callback_timeout, options.callback_attempts) {}

    EmulatorOptions const options;
    mutable std::shared_mutex mu;  // guards accounts, categories, store, triggers
    Clock clock;
    AccountRegistry accounts;
    CategoryTable categories;
    UsageStore store;
    TriggerStore triggers;
    PageTokens const tokens;
    CallbackDispatcher dispatcher;
    std::atomic<std::size_t> requests{0};

    /// Adds one event (rollup, then the account's triggers). Throws
    /// std::invalid_argument for an unknown account or an amount with more
    /// than 12 fraction digits.
    void add_usage(UsageEvent const& e) {
        auto count = Amount::from_decimal(e.count);
        auto usage = Amount::from_decimal(e.usage);
        auto price = Amount::from_decimal(e.price);
        if (!count || !usage || !price)
            throw std::invalid_argument("usage amounts must have at most 12 fraction digits and fit in 10^26");
        std::unique_lock lock(mu);
        Account const* a = accounts.find(e.account_sid);
        if (!a) throw std::invalid_argument("no such account: " + e.account_sid);
        CategoryKey const key = categories.intern(e.category.wire_name());
        store.add(a->sid, key, day_number(e.time), Totals{*count, *usage, *price});
        fire_due_triggers(*a, clock.now());
    }

    /// After the clock moved: fire what the new period makes due.
    void evaluate_all_triggers() {
        std::unique_lock lock(mu);
        Timestamp const now = clock.now();
        for (auto const& sid : accounts.all()) fire_due_triggers(*accounts.find(sid), now);
    }

    /// Fires the account's triggers whose value is reached: their callbacks
    /// go to the dispatcher. The caller holds `mu` exclusively.
    void fire_due_triggers(Account const& account, Timestamp now) {
        for (auto& job : triggers.evaluate(account, now)) dispatcher.enqueue(std::move(job));
    }

    /// Fault injection: the next `count` API requests get this status.
    void fail_next(int count, int status, std::optional<int> retry_after) {
        std::lock_guard lock(fault_mu_);
        fault_ = FaultPlan{count, status, retry_after};
    }
    /// Takes one injected fault, if any is pending.
    std::optional<FaultPlan> take_fault() {
        std::lock_guard lock(fault_mu_);
        if (fault_.remaining <= 0) return std::nullopt;
        --fault_.remaining;
        return fault_;
    }

private:
    std::mutex fault_mu_;
    FaultPlan fault_;
};

}  // namespace twilio_usage::testing
