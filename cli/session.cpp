#include "session.hpp"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <string>
#include <twilio_usage/testing/emulator.hpp>

namespace twilio_usage_cli {

namespace {

bool is_set(char const* name) {
    char const* v = std::getenv(name);
    return v && *v;
}

}  // namespace

Session::Session(ParsedArgs const& args) {
    using namespace twilio_usage;
    if (auto url = args.nonempty("--base-url")) options_.base_url = *url;
    // TWILIO_USAGE_BASE_URL, TWILIO_EDGE and TWILIO_REGION, as the library reads them.
    options_ = Client::options_from_environment(std::move(options_));
    if (auto account = args.nonempty("--account")) {
        if (!detail::is_sid(*account, "AC"))
            args.fail("--account must be AC followed by 32 hex digits, got " + detail::show_sid(*account));
        options_.account_sid = *account;
    }

    if (auto seconds = args.integer("--timeout", 1)) {
        if (*seconds > 86'400) args.fail("--timeout must be at most 86400 seconds, got " + std::to_string(*seconds));
        std::chrono::milliseconds const limit = std::chrono::seconds(*seconds);
        options_.request_timeout = limit;
        options_.connect_timeout = std::min(options_.connect_timeout, limit);
        options_.read_timeout = std::min(options_.read_timeout, limit);
    }

    bool const any_credentials = is_set("TWILIO_ACCOUNT_SID") || is_set("TWILIO_AUTH_TOKEN") ||
                                 is_set("TWILIO_API_KEY") || is_set("TWILIO_API_SECRET");
    if (!any_credentials) {
        if (!options_.base_url.empty())
            throw UsageError("a base URL (" + options_.base_url +
                             ") is set but no credentials: set TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN");
        return;
    }
    auto credentials = Credentials::from_environment();
    if (!credentials) throw UsageError(credentials.error().message);
    if (auto bad = credentials->validate()) throw UsageError(bad->message);
    credentials_ = std::move(*credentials);
}

twilio_usage::Client const& Session::client() {
    using namespace twilio_usage;
    if (client_) return *client_;
    if (credentials_) return client_.emplace(*credentials_, options_);
    testing::EmulatorOptions eo;
    eo.demo_data = true;
    emulator_ = std::make_unique<testing::Emulator>(eo);
    try {
        emulator_->start();
    } catch (std::exception const& e) {
        throw UsageError(std::string("no credentials set and the built-in emulator did not start: ") +
                         e.what());
    }
    std::cerr << program
              << ": no TWILIO_ACCOUNT_SID/TWILIO_AUTH_TOKEN set; answering from the built-in emulator with "
                 "demo data\n";
    ClientOptions options = options_;
    options.base_url = emulator_->base_url();
    auto const& account = emulator_->main_account();
    return client_.emplace(Credentials::from_auth_token(account.sid, account.auth_token), options);
}

Session::~Session() = default;

}  // namespace twilio_usage_cli
