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
#pragma once

#include "twilio_usage/testing/data_file.hpp"
#include "twilio_usage/testing/demo_data.hpp"
#include "twilio_usage/testing/http_routes.hpp"
#include "twilio_usage/testing/options.hpp"
#include "twilio_usage/testing/state.hpp"

#include <httplib.h>

#include <netinet/in.h>
#include <netinet/tcp.h>

#include <chrono>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>

namespace twilio_usage::testing {

class Emulator {
public:
    explicit Emulator(EmulatorOptions options = {})
        : state_(std::make_unique<EmulatorState>(std::move(options))), router_(*state_) {
        if (state_->options.demo_data) {
            main_ = load_demo_data(*state_);
        } else {
            std::unique_lock lock(state_->mu);
            main_ = state_->accounts.add();
        }
    }
    ~Emulator() {
        stop();
        state_->dispatcher.stop();
    }
    Emulator(Emulator const&) = delete;
    Emulator& operator=(Emulator const&) = delete;

    /// Listens in a background thread; returns when connections are accepted.
    /// Throws std::runtime_error when the host/port cannot be bound.
    void start() {
        if (server_) return;
        auto server = std::make_unique<httplib::Server>();
        router_.install(*server);
        // httplib's default sets SO_REUSEPORT, which lets a second emulator
        // bind the same port silently; SO_REUSEADDR alone makes it fail.
        // TCP_NODELAY (inherited by accepted connections): records pages are
        // streamed in chunks smaller than loopback's MSS, which Nagle's
        // algorithm would hold back until the client's delayed ACK.
        server->set_tcp_nodelay(true);
        // Connections stay open for 100 requests (cpp-httplib's default is
        // 5), as nginx and load balancers keep them in front of real APIs: a
        // listing of 100 pages reconnects once, not 20 times.
        server->set_keep_alive_max_count(100);
        server->set_socket_options([](socket_t sock) {
            int yes = 1;
            ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
            ::setsockopt(sock, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof(yes));
        });
        auto const& o = state_->options;
        int port = o.port;
        if (port == 0) {
            port = server->bind_to_any_port(o.host);
            if (port <= 0) throw std::runtime_error("emulator: cannot bind " + o.host);
        } else if (!server->bind_to_port(o.host, port)) {
            throw std::runtime_error("emulator: cannot bind " + o.host + ":" + std::to_string(port));
        }
        port_ = port;
        server_ = std::move(server);
        thread_ = std::thread([s = server_.get()] { s->listen_after_bind(); });
        auto const deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
        while (!server_->is_running() && std::chrono::steady_clock::now() < deadline)
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }

    void stop() {
        if (!server_) return;
        server_->stop();
        if (thread_.joinable()) thread_.join();
        server_.reset();
    }

    std::string base_url() const {
        std::string host = state_->options.host;
        if (host.find(':') != std::string::npos) host = "[" + host + "]";
        return "http://" + host + ":" + std::to_string(port_);
    }
    int port() const { return port_; }

    Account const& main_account() const { return main_; }

    Account add_account(std::optional<std::string> parent_sid = std::nullopt) {
        std::unique_lock lock(state_->mu);
        if (parent_sid && !state_->accounts.find(*parent_sid))
            throw std::invalid_argument("no such parent account: " + *parent_sid);
        return state_->accounts.add(std::move(parent_sid));
    }
    ApiKey add_api_key(std::string const& account_sid) {
        std::unique_lock lock(state_->mu);
        if (!state_->accounts.find(account_sid)) throw std::invalid_argument("no such account: " + account_sid);
        return state_->accounts.add_key(account_sid);
    }

    /// Rolls up the category hierarchy and fires the account's triggers.
    void add_usage(UsageEvent const& e) { state_->add_usage(e); }

    /// See data_file.hpp for the format.
    void load_data_file(std::string const& path) {
        if (auto m = testing::load_data_file(*state_, path, main_.sid)) main_ = *m;
    }

    void set_now(Timestamp t) {
        state_->clock.set(t);
        state_->evaluate_all_triggers();
    }
    void advance(std::chrono::seconds d) {
        state_->clock.advance(d);
        state_->evaluate_all_triggers();
    }
    Timestamp now() const { return state_->clock.now(); }

    /// The next `count` API requests (/2010-04-01/... paths) get this status
    /// and a Twilio-shaped error body (code 20000 + status), with Retry-After
    /// when given.
    void fail_next(int count, int http_status, std::optional<int> retry_after_seconds = std::nullopt) {
        state_->fail_next(count, http_status, retry_after_seconds);
    }
    /// API requests (/2010-04-01/... paths) received so far.
    std::size_t request_count() const { return state_->requests.load(); }

    /// Trigger callbacks queued / delivered / failed / dropped so far.
    CallbackStats callback_stats() const { return state_->dispatcher.stats(); }

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
