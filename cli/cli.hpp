// twilio-usage: what the command's files share. Each subcommand is a
// function taking its own arguments (after the subcommand name) and
// returning the process exit code; failures are thrown as UsageError
// (exit 2) or twilio_usage::Exception (exit 1, or 2 for a request the
// library refused before sending it), and main() turns them into one line
// on stderr.
#pragma once

#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

namespace twilio_usage_cli {

inline constexpr char const* program = "twilio-usage";

/// Exit codes.
inline constexpr int exit_ok = 0;
inline constexpr int exit_failure = 1;  // API, transport or decode error
inline constexpr int exit_usage = 2;    // bad command line

/// A mistake on the command line: exit 2 with `message` on stderr.
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

using Arguments = std::vector<std::string>;

int run_records(Arguments const& args);
int run_chart(Arguments const& args);
int run_triggers(Arguments const& args);
int run_categories(Arguments const& args);
int run_emulator(Arguments const& args);

/// Runs `command` and turns what it throws into one line on stderr and the
/// exit code (shared by twilio-usage and twilio-usage-emulator).
int run_reporting_failures(std::function<int()> const& command);

}  // namespace twilio_usage_cli
