// twilio_usage::testing::Emulator: a faithful local emulator of the Usage API
// over real loopback HTTP, for tests, users' tests and the demo.
//
//   twilio_usage::testing::Emulator emu({.demo_data = true});
//   emu.start();
//   // point a client at emu.base_url() with emu.main_account().sid / .auth_token
//
// See http_routes.hpp for the endpoints, records_query.hpp for the period
// rules, trigger_store.hpp for firing, callbacks.hpp for callback delivery and
// data_file.hpp for the data-file format.
//
// Like the library (config.hpp), the emulator is header-only by default:
// every translation unit that constructs or starts one compiles the server,
// its routes and the demo data itself, which takes seconds per file. A test
// suite of many files can compile them once instead: define
// TWILIO_USAGE_EMULATOR_SEPARATE_COMPILATION in every translation unit and
// include "twilio_usage/testing/src.hpp" in exactly one of them (Meson:
// dependency('twilio-usage-emulator-compiled')). The switch is independent of
// TWILIO_USAGE_SEPARATE_COMPILATION; each must be the same in every file.
#pragma once

#include "twilio_usage/testing/http_routes.hpp"
#include "twilio_usage/testing/options.hpp"
#include "twilio_usage/testing/state.hpp"

#include <httplib.h>

#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <thread>

#ifdef TWILIO_USAGE_EMULATOR_SEPARATE_COMPILATION
#define TWILIO_USAGE_EMULATOR_DECL
#else
#define TWILIO_USAGE_EMULATOR_DECL inline
#endif

namespace twilio_usage::testing {

class Emulator {
public:
    TWILIO_USAGE_EMULATOR_DECL explicit Emulator(EmulatorOptions options = {});
    TWILIO_USAGE_EMULATOR_DECL ~Emulator();
    Emulator(Emulator const&) = delete;
    Emulator& operator=(Emulator const&) = delete;

    /// Listens in a background thread; returns when connections are accepted.
    /// Throws std::runtime_error when the host/port cannot be bound.
    TWILIO_USAGE_EMULATOR_DECL void start();
    TWILIO_USAGE_EMULATOR_DECL void stop();

    TWILIO_USAGE_EMULATOR_DECL std::string base_url() const;
    int port() const { return port_; }

    Account const& main_account() const { return main_; }

    /// Throws std::invalid_argument when the parent account does not exist.
    TWILIO_USAGE_EMULATOR_DECL Account add_account(std::optional<std::string> parent_sid = std::nullopt);
    /// Throws std::invalid_argument when the account does not exist.
    TWILIO_USAGE_EMULATOR_DECL ApiKey add_api_key(std::string const& account_sid);

    /// Rolls up the category hierarchy and fires the account's triggers.
    TWILIO_USAGE_EMULATOR_DECL void add_usage(UsageEvent const& e);

    /// See data_file.hpp for the format.
    TWILIO_USAGE_EMULATOR_DECL void load_data_file(std::string const& path);

    TWILIO_USAGE_EMULATOR_DECL void set_now(Timestamp t);
    TWILIO_USAGE_EMULATOR_DECL void advance(std::chrono::seconds d);
    TWILIO_USAGE_EMULATOR_DECL Timestamp now() const;

    /// The next `count` API requests (/2010-04-01/... paths) get this status
    /// and a Twilio-shaped error body (code 20000 + status), with Retry-After
    /// when given.
    TWILIO_USAGE_EMULATOR_DECL void fail_next(int count, int http_status,
                                              std::optional<int> retry_after_seconds = std::nullopt);
    /// API requests (/2010-04-01/... paths) received so far.
    TWILIO_USAGE_EMULATOR_DECL std::size_t request_count() const;

    /// Trigger callbacks queued / delivered / failed / dropped so far.
    TWILIO_USAGE_EMULATOR_DECL CallbackStats callback_stats() const;

    /// The state behind the facade (advanced use: benchmarks, bulk loading).
    EmulatorState& state() { return *state_; }

private:
    std::unique_ptr<EmulatorState> state_;
    Router router_;
    std::unique_ptr<httplib::Server> server_;
    std::thread thread_;
    int port_ = 0;
    Account main_;
};

}  // namespace twilio_usage::testing

#ifndef TWILIO_USAGE_EMULATOR_SEPARATE_COMPILATION
#include "twilio_usage/testing/impl/emulator.ipp"
#endif
