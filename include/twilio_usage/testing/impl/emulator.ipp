// The definitions of testing/emulator.hpp (see the macro there for when this
// is included).
#pragma once

#include "twilio_usage/testing/data_file.hpp"
#include "twilio_usage/testing/demo_data.hpp"
#include "twilio_usage/testing/emulator.hpp"

#include <httplib.h>

#include <netinet/in.h>
#include <netinet/tcp.h>

#include <chrono>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>

namespace twilio_usage::testing {

TWILIO_USAGE_EMULATOR_DECL Emulator::Emulator(EmulatorOptions options)
    : state_(std::make_unique<EmulatorState>(std::move(options))), router_(*state_) {
    if (state_->options.demo_data) {
        main_ = load_demo_data(*state_);
    } else {
        std::unique_lock lock(state_->mu);
        main_ = state_->accounts.add();
    }
}

TWILIO_USAGE_EMULATOR_DECL Emulator::~Emulator() {
    stop();
    state_->dispatcher.stop();
}

TWILIO_USAGE_EMULATOR_DECL void Emulator::start() {
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

TWILIO_USAGE_EMULATOR_DECL void Emulator::stop() {
    if (!server_) return;
    server_->stop();
    if (thread_.joinable()) thread_.join();
    server_.reset();
}

TWILIO_USAGE_EMULATOR_DECL std::string Emulator::base_url() const {
    std::string host = state_->options.host;
    if (host.find(':') != std::string::npos) host = "[" + host + "]";
    return "http://" + host + ":" + std::to_string(port_);
}

TWILIO_USAGE_EMULATOR_DECL Account Emulator::add_account(std::optional<std::string> parent_sid) {
    std::unique_lock lock(state_->mu);
    if (parent_sid && !state_->accounts.find(*parent_sid))
        throw std::invalid_argument("no such parent account: " + *parent_sid);
    return state_->accounts.add(std::move(parent_sid));
}

TWILIO_USAGE_EMULATOR_DECL ApiKey Emulator::add_api_key(std::string const& account_sid) {
    std::unique_lock lock(state_->mu);
    if (!state_->accounts.find(account_sid)) throw std::invalid_argument("no such account: " + account_sid);
    return state_->accounts.add_key(account_sid);
}

TWILIO_USAGE_EMULATOR_DECL void Emulator::add_usage(UsageEvent const& e) { state_->add_usage(e); }

TWILIO_USAGE_EMULATOR_DECL void Emulator::load_data_file(std::string const& path) {
    if (auto m = testing::load_data_file(*state_, path, main_.sid)) main_ = *m;
}

TWILIO_USAGE_EMULATOR_DECL void Emulator::set_now(Timestamp t) {
    state_->clock.set(t);
    state_->evaluate_all_triggers();
}

TWILIO_USAGE_EMULATOR_DECL void Emulator::advance(std::chrono::seconds d) {
    state_->clock.advance(d);
    state_->evaluate_all_triggers();
}

TWILIO_USAGE_EMULATOR_DECL Timestamp Emulator::now() const { return state_->clock.now(); }

TWILIO_USAGE_EMULATOR_DECL void Emulator::fail_next(int count, int http_status, std::optional<int> retry_after_seconds) {
    state_->fail_next(count, http_status, retry_after_seconds);
}

TWILIO_USAGE_EMULATOR_DECL std::size_t Emulator::request_count() const { return state_->requests.load(); }

TWILIO_USAGE_EMULATOR_DECL CallbackStats Emulator::callback_stats() const { return state_->dispatcher.stats(); }

}  // namespace twilio_usage::testing
