// A value of one of the API's small enums (Recurring, TriggerBy,
// CallbackMethod) as it comes from the wire: a known enumerator, or a value
// Twilio added after the spec was generated, kept byte for byte. Decoding a
// response never fails because a value is new; OpenCategory does the same
// for categories.
#pragma once

#include "twilio_usage/core/enum_traits.hpp"

#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

namespace twilio_usage {

template <wire_enum E>
class OpenEnum {
public:
    using enum_type = E;

    /// A known value (implicit: an E goes wherever an OpenEnum<E> does, so a
    /// query sends only known values unless a raw one is written explicitly).
    constexpr OpenEnum(E value) noexcept : known_(value) {}  // NOLINT(google-explicit-constructor)

    /// Any wire text; recognised when the spec lists it (case-sensitive).
    explicit OpenEnum(std::string_view wire_name) : known_(enum_from_string<E>(wire_name)) {
        if (!known_) unknown_ = std::string(wire_name);
    }

    /// The enumerator, or nullopt for a value the spec does not list.
    constexpr std::optional<E> known() const noexcept { return known_; }
    constexpr bool is_known() const noexcept { return known_.has_value(); }

    /// The wire text: the spec's for a known value, exactly as received otherwise.
    std::string_view wire_name() const noexcept { return known_ ? to_string(*known_) : std::string_view(unknown_); }

    friend bool operator==(OpenEnum const& a, OpenEnum const& b) noexcept { return a.wire_name() == b.wire_name(); }
    friend bool operator==(OpenEnum const& a, E b) noexcept { return a.known_ == b; }

    friend std::ostream& operator<<(std::ostream& os, OpenEnum const& v) { return os << v.wire_name(); }

private:
    std::optional<E> known_;
    std::string unknown_;
};

template <wire_enum E>
std::string_view to_string(OpenEnum<E> const& v) noexcept {
    return v.wire_name();
}

template <class T>
inline constexpr bool is_open_enum_v = false;
template <class E>
inline constexpr bool is_open_enum_v<OpenEnum<E>> = true;

/// OpenEnum<Recurring>, OpenEnum<TriggerBy>, ...
template <class T>
concept open_enum = is_open_enum_v<T>;

}  // namespace twilio_usage

template <class E>
struct std::hash<twilio_usage::OpenEnum<E>> {
    std::size_t operator()(twilio_usage::OpenEnum<E> const& v) const noexcept {
        return std::hash<std::string_view>{}(v.wire_name());
    }
};
