// Who to talk to: credentials from the environment and the base URL from
// --base-url or TWILIO_USAGE_BASE_URL; with no credentials at all, the
// built-in emulator with demo data, started in this process (one line on
// stderr says so). Nothing is started or connected before the first
// client() call, so that a command refuses a bad request first.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <twilio_usage/client/client.hpp>

#include "args.hpp"

namespace twilio_usage::testing {
class Emulator;
}

namespace twilio_usage_cli {

class Session {
public:
    /// Reads the environment and `--base-url`; throws UsageError for
    /// incomplete or malformed credentials.
    explicit Session(ParsedArgs const& args);
    ~Session();
    Session(Session const&) = delete;
    Session& operator=(Session const&) = delete;

    /// The client (starting the built-in emulator on first use if needed).
    twilio_usage::Client const& client();
    bool uses_builtin_emulator() const noexcept { return !credentials_; }

private:
    twilio_usage::ClientOptions options_;
    std::optional<twilio_usage::Credentials> credentials_;  // none: the built-in emulator
    std::unique_ptr<twilio_usage::testing::Emulator> emulator_;
    std::optional<twilio_usage::Client> client_;
};

}  // namespace twilio_usage_cli
