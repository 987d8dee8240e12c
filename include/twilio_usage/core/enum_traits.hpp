// Wire names of the small closed enums (Recurring, TriggerBy, CallbackMethod).
// The generator specialises enum_traits for each; these functions serve all.
#pragma once

#include <cstddef>
#include <optional>
#include <ostream>
#include <string_view>
#include <type_traits>

namespace twilio_usage {

template <class E>
struct enum_traits;  // specialised in generated/enums.hpp

template <class E>
concept wire_enum = std::is_enum_v<E> && requires { enum_traits<E>::wire_names; };

template <wire_enum E>
constexpr std::string_view to_string(E value) noexcept {
    auto const i = static_cast<std::size_t>(value);
    auto const& names = enum_traits<E>::wire_names;
    return i < names.size() ? names[i] : std::string_view{};
}

// Exact, case-sensitive match of the wire name.
template <wire_enum E>
constexpr std::optional<E> enum_from_string(std::string_view text) noexcept {
    auto const& names = enum_traits<E>::wire_names;
    for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i] == text) return static_cast<E>(i);
    return std::nullopt;
}

template <wire_enum E>
std::ostream& operator<<(std::ostream& os, E value) {
    return os << to_string(value);
}

}  // namespace twilio_usage
