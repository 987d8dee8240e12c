// Category names checked at compile time:
//     using namespace twilio_usage::literals;
//     auto c = "sms-outbound"_category;          // Category::sms_outbound
//     auto d = twilio_usage::category_v<"sms">;  // same, without the literal
// A name the spec does not list fails to compile. For names known only at run
// time use category_from_string() or OpenCategory.
#pragma once

#include "twilio_usage/core/category.hpp"

#include <algorithm>
#include <cstddef>
#include <string_view>

namespace twilio_usage {

template <std::size_t N>
struct CategoryName {
    char text[N]{};
    constexpr CategoryName(char const (&s)[N]) noexcept { std::copy_n(s, N, text); }  // NOLINT
    constexpr std::string_view view() const noexcept { return {text, N - 1}; }
};

namespace detail {
template <CategoryName Name>
constexpr Category checked_category() noexcept {
    constexpr auto found = category_from_string(Name.view());
    static_assert(found.has_value(),
                  "unknown usage category: check the spelling against spec/usage.yaml, add the "
                  "category there and regenerate, or use OpenCategory{name} for a name known only "
                  "at run time");
    return *found;
}
}  // namespace detail

template <CategoryName Name>
inline constexpr Category category_v = detail::checked_category<Name>();

namespace literals {
template <CategoryName Name>
constexpr Category operator""_category() noexcept {
    return detail::checked_category<Name>();
}
}  // namespace literals

}  // namespace twilio_usage
