// What you can ask of a Category: its wire name, descriptions, group, parent,
// units, and the reverse lookup from a wire name. The data are the generated
// constexpr tables; the lookup is a perfect hash (one hash, one compare).
#pragma once

#include "twilio_usage/core/category_hash.hpp"
#include "twilio_usage/generated/categories.hpp"

#include <cstddef>
#include <iterator>
#include <optional>
#include <ostream>
#include <string_view>

namespace twilio_usage {

namespace detail {
constexpr CategoryRow const& row(Category c) noexcept {
    return category_rows[static_cast<std::size_t>(c)];
}
}  // namespace detail

/// The wire name, e.g. "sms-inbound-longcode".
constexpr std::string_view to_string(Category c) noexcept { return detail::row(c).name; }

/// The Category of a wire name; nullopt for a name the spec does not list.
constexpr std::optional<Category> category_from_string(std::string_view name) noexcept {
    using namespace detail;
    auto const h = category_hash(name, category_hash_seed);
    auto const d = category_displacements[category_bucket(h, category_bucket_mask)];
    auto const index = category_slots[category_slot(h, d, category_slot_mask)];
    if (index < category_count && category_rows[index].name == name)
        return static_cast<Category>(index);
    return std::nullopt;
}

/// Twilio's description; empty where the spec has none.
constexpr std::string_view description(Category c) noexcept { return detail::row(c).description; }
/// The short name Twilio sends as a usage record's `description` ("Total
/// Calls" for calls); empty where the spec has none.
constexpr std::string_view short_description(Category c) noexcept {
    auto const& table = detail::category_short_descriptions;
    std::size_t lo = 0, hi = table.size();
    while (lo < hi) {
        std::size_t const mid = lo + (hi - lo) / 2;
        if (table[mid].category < c) lo = mid + 1;
        else hi = mid;
    }
    return lo < table.size() && table[lo].category == c ? table[lo].text : std::string_view{};
}
constexpr CategoryGroup group(Category c) noexcept { return detail::row(c).group; }
constexpr std::string_view count_unit(Category c) noexcept { return detail::row(c).count_unit; }
constexpr std::string_view usage_unit(Category c) noexcept { return detail::row(c).usage_unit; }
/// Date the category first appeared in Twilio's published list ("" if unknown).
constexpr std::string_view first_listed(Category c) noexcept { return detail::row(c).first_listed; }
/// Listed once, no longer: a server may still send it for old usage.
constexpr bool is_retired(Category c) noexcept { return detail::row(c).retired; }
/// The category whose usage is the total price of all usage (totalprice).
constexpr bool sums_all_prices(Category c) noexcept { return detail::row(c).sums_all_prices; }

/// The category whose usage includes this one's (sms-outbound for sms-outbound-longcode).
constexpr std::optional<Category> parent(Category c) noexcept {
    auto const p = detail::row(c).parent;
    if (p >= category_count) return std::nullopt;
    return static_cast<Category>(p);
}

/// True when usage of `c` counts towards `ancestor` (a category is its own ancestor).
constexpr bool rolls_up_to(Category c, Category ancestor) noexcept {
    for (std::optional<Category> at = c; at; at = parent(*at))
        if (*at == ancestor) return true;
    return false;
}

constexpr std::string_view to_string(CategoryGroup g) noexcept {
    return detail::category_group_titles[static_cast<std::size_t>(g)];
}

/// Every Category, in spec order: `for (Category c : all_categories())`.
class CategoryRange {
public:
    class iterator {
    public:
        using value_type = Category;
        using difference_type = std::ptrdiff_t;
        using iterator_category = std::forward_iterator_tag;
        constexpr iterator() = default;
        constexpr explicit iterator(std::size_t i) : i_(i) {}
        constexpr Category operator*() const noexcept { return static_cast<Category>(i_); }
        constexpr iterator& operator++() noexcept { ++i_; return *this; }
        constexpr iterator operator++(int) noexcept { auto old = *this; ++i_; return old; }
        friend constexpr bool operator==(iterator, iterator) = default;

    private:
        std::size_t i_ = 0;
    };
    constexpr iterator begin() const noexcept { return iterator{0}; }
    constexpr iterator end() const noexcept { return iterator{category_count}; }
    constexpr std::size_t size() const noexcept { return category_count; }
};

constexpr CategoryRange all_categories() noexcept { return {}; }

inline std::ostream& operator<<(std::ostream& os, Category c) { return os << to_string(c); }
inline std::ostream& operator<<(std::ostream& os, CategoryGroup g) { return os << to_string(g); }

}  // namespace twilio_usage
