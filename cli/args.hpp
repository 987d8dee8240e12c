// Command-line parsing: options declared up front (name, whether it takes a
// value, help text), "--name value" and "--name=value" forms, positionals in
// order. Anything undeclared is a UsageError naming it.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cli.hpp"

namespace twilio_usage_cli {

struct OptionSpec {
    std::string name;        // "--category"
    std::string value_name;  // "C"; empty for a flag
    std::string help;
};

class ParsedArgs {
public:
    /// Parses `args` for the subcommand `command` ("records", "triggers create").
    /// "--help"/"-h" is always accepted (see help()).
    ParsedArgs(std::string command, Arguments const& args, std::vector<OptionSpec> const& specs);

    bool help() const noexcept { return help_; }
    bool flag(std::string_view name) const;
    std::optional<std::string> value(std::string_view name) const;
    std::vector<std::string> const& positionals() const noexcept { return positionals_; }

    /// The value of a value option, refused when empty.
    std::optional<std::string> nonempty(std::string_view name) const;
    /// A positive (or >= minimum) integer option.
    std::optional<std::int64_t> integer(std::string_view name, std::int64_t minimum = 1) const;
    /// One of `choices`.
    std::optional<std::string> choice(std::string_view name,
                                      std::vector<std::string_view> const& choices) const;

    std::string const& command() const noexcept { return command_; }
    /// "twilio-usage records: " for error lines.
    [[noreturn]] void fail(std::string const& message) const;

private:
    std::string command_;
    bool help_ = false;
    std::map<std::string, std::string, std::less<>> values_;
    std::vector<std::string> flags_;
    std::vector<std::string> positionals_;
};

/// "Usage: ...\n\nOptions:\n  --x V  help\n" for --help.
std::string help_text(std::string const& usage, std::string const& summary,
                      std::vector<OptionSpec> const& specs);

/// The options every subcommand that talks to the API takes.
OptionSpec account_option();
OptionSpec base_url_option();
/// --timeout SECONDS: the limit on each request (see Session).
OptionSpec timeout_option();

}  // namespace twilio_usage_cli
