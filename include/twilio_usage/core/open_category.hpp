// A category as it comes from the wire: a known Category, or any other name
// Twilio has added since the spec was generated, kept byte for byte.
#pragma once

#include "twilio_usage/core/category.hpp"

#include <compare>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>

namespace twilio_usage {

class OpenCategory {
public:
    /// A known category (implicit, so a Category goes wherever an OpenCategory does).
    constexpr OpenCategory(Category c) noexcept : known_(c) {}  // NOLINT(google-explicit-constructor)

    /// Any wire name; recognised when the spec lists it. This is the runtime
    /// escape hatch for names only known at run time.
    explicit OpenCategory(std::string_view wire_name)
        : known_(category_from_string(wire_name)) {
        if (!known_) unknown_ = std::string(wire_name);
    }

    /// The Category, or nullopt for a name the spec does not list.
    constexpr std::optional<Category> known() const noexcept { return known_; }
    constexpr bool is_known() const noexcept { return known_.has_value(); }

    /// The wire name, exactly as received for an unknown one.
    std::string_view wire_name() const noexcept { return known_ ? to_string(*known_) : std::string_view(unknown_); }

    friend bool operator==(OpenCategory const& a, OpenCategory const& b) noexcept {
        return a.wire_name() == b.wire_name();
    }
    friend bool operator==(OpenCategory const& a, Category b) noexcept { return a.known_ == b; }
    friend std::strong_ordering operator<=>(OpenCategory const& a, OpenCategory const& b) noexcept {
        return a.wire_name().compare(b.wire_name()) <=> 0;
    }

    friend std::ostream& operator<<(std::ostream& os, OpenCategory const& c) { return os << c.wire_name(); }

private:
    std::optional<Category> known_;
    std::string unknown_;
};

inline std::string_view to_string(OpenCategory const& c) noexcept { return c.wire_name(); }

}  // namespace twilio_usage

template <>
struct std::hash<twilio_usage::OpenCategory> {
    std::size_t operator()(twilio_usage::OpenCategory const& c) const noexcept {
        return std::hash<std::string_view>{}(c.wire_name());
    }
};
