// The value that fires a trigger: absolute (1000) or relative to the value
// when the trigger is created (+1000). On the wire the '+' goes as %2B.
#pragma once

#include "twilio_usage/core/decimal.hpp"
#include "twilio_usage/core/parse_result.hpp"

#include <concepts>
#include <optional>
#include <string>
#include <string_view>

namespace twilio_usage {

class TriggerValue {
public:
    /// Absolute: fires when the watched value reaches `amount`.
    TriggerValue(Decimal amount) : amount_(std::move(amount)) {}  // NOLINT(google-explicit-constructor)
    TriggerValue(std::integral auto amount) : amount_(amount) {}   // NOLINT(google-explicit-constructor)

    /// Text as the seed writes it: "1000" or "+1000". Text that does not parse
    /// is kept as an error that the query reports before anything is sent.
    TriggerValue(char const* text) : TriggerValue(std::string_view(text)) {}  // NOLINT
    TriggerValue(std::string_view text) {                                      // NOLINT
        auto parsed = parse(text);
        if (parsed) {
            *this = *parsed;
        } else {
            error_ = parsed.error().what;
        }
    }

    /// Fires when the watched value grows by `amount` from its value at creation.
    static TriggerValue relative(Decimal amount) {
        TriggerValue v(std::move(amount));
        v.relative_ = true;
        return v;
    }

    static ParseResult<TriggerValue> parse(std::string_view text) {
        bool const plus = !text.empty() && text.front() == '+';
        if (plus && text.size() > 1 && (text[1] == '+' || text[1] == '-'))
            return ParseError{"trigger value '" + std::string(text) + "' has two signs"};
        auto amount = Decimal::parse(plus ? text.substr(1) : text);
        if (!amount) return ParseError{"trigger value: " + amount.error().what};
        if (plus && amount->signum() < 0)
            return ParseError{"trigger value '" + std::string(text) + "' is relative and negative"};
        return plus ? relative(*amount) : TriggerValue(*amount);
    }

    bool is_relative() const noexcept { return relative_; }
    Decimal const& amount() const noexcept { return amount_; }
    /// Why the text given to the constructor was refused; nullopt when valid.
    std::optional<std::string> const& error() const noexcept { return error_; }

    /// "1000" or "+1000" (before percent-encoding).
    std::string to_wire() const { return (relative_ ? "+" : "") + amount_.to_string(); }

    friend bool operator==(TriggerValue const&, TriggerValue const&) = default;

private:
    Decimal amount_;
    bool relative_ = false;
    std::optional<std::string> error_;
};

}  // namespace twilio_usage
