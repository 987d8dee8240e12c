// Usage store: per account, per category, per GMT day totals of count, usage
// and price, with the category hierarchy rolled up at ingestion.
//
// Rollup: an event of category c adds its count/usage/price to c and to each
// ancestor of c (Category parent() chain), once each. Every event's price also
// goes to `totalprice` (usage = price = sum of all prices; its count is never
// rendered). A category the spec does not list is kept under its own name and
// rolls up only into totalprice. Not thread-safe by itself (the Emulator
// guards it with its state mutex).
#pragma once

#include "twilio_usage/core/category.hpp"
#include "twilio_usage/core/date.hpp"
#include "twilio_usage/testing/amount.hpp"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace twilio_usage::testing {

/// Days since 1970-01-01 (GMT).
using DayNumber = std::int32_t;

inline DayNumber day_number(Date d) {
    return static_cast<DayNumber>(std::chrono::sys_days{d}.time_since_epoch().count());
}
inline Date date_of(DayNumber n) { return Date{std::chrono::sys_days{std::chrono::days{n}}}; }
inline DayNumber day_number(Timestamp t) {
    return static_cast<DayNumber>(std::chrono::floor<std::chrono::days>(t).time_since_epoch().count());
}

/// A category as the store keys it: index < category_count is a known
/// Category, above that an interned unknown name.
using CategoryKey = std::uint32_t;

class CategoryTable {
public:
    CategoryTable() {
        for (Category c : all_categories())
            if (sums_all_prices(c)) total_ = static_cast<CategoryKey>(c);
    }

    std::optional<CategoryKey> find(std::string_view name) const {
        if (auto c = category_from_string(name)) return static_cast<CategoryKey>(*c);
        auto it = unknown_index_.find(std::string(name));
        if (it == unknown_index_.end()) return std::nullopt;
        return it->second;
    }
    CategoryKey intern(std::string_view name) {
        if (auto k = find(name)) return *k;
        auto const key = static_cast<CategoryKey>(category_count + unknown_.size());
        unknown_.emplace_back(name);
        unknown_index_.emplace(std::string(name), key);
        return key;
    }
    static bool is_known(CategoryKey k) noexcept { return k < category_count; }
    std::string_view name(CategoryKey k) const {
        return is_known(k) ? to_string(static_cast<Category>(k)) : std::string_view(unknown_[k - category_count]);
    }
    /// A record's description, as Twilio sends it: the spec's short name;
    /// where it has none, its long description; where it has neither, the name.
    std::string_view description(CategoryKey k) const {
        if (is_known(k)) {
            auto const c = static_cast<Category>(k);
            if (auto s = twilio_usage::short_description(c); !s.empty()) return s;
            if (auto d = twilio_usage::description(c); !d.empty()) return d;
        }
        return name(k);
    }
    std::string_view count_unit(CategoryKey k) const {
        return is_known(k) ? twilio_usage::count_unit(static_cast<Category>(k)) : std::string_view{};
    }
    std::string_view usage_unit(CategoryKey k) const {
        if (k == total_) return "usd";
        return is_known(k) ? twilio_usage::usage_unit(static_cast<Category>(k)) : std::string_view{};
    }
    CategoryKey totalprice() const noexcept { return total_; }
    std::size_t unknown_count() const noexcept { return unknown_.size(); }

private:
    CategoryKey total_ = 0;
    std::vector<std::string> unknown_;
    std::unordered_map<std::string, CategoryKey> unknown_index_;
};

struct Totals {
    Amount count;
    Amount usage;
    Amount price;

    Totals& operator+=(Totals const& o) noexcept {
        count += o.count;
        usage += o.usage;
        price += o.price;
        return *this;
    }
};

class UsageStore {
    struct AccountUsage;

public:
    using DayMap = std::map<DayNumber, Totals>;

    /// Some accounts' usage, looked up by SID once for many sums (a page
    /// of records sums every category it holds in each of its accounts).
    class Selection {
        friend class UsageStore;
        std::vector<AccountUsage const*> usage_;
    };

    explicit UsageStore(CategoryTable const& categories) : categories_(&categories) {}

    /// Adds one event (already interned category) with rollup.
    void add(std::string const& account, CategoryKey key, DayNumber day, Totals const& event) {
        auto& acc = accounts_[account];
        acc.first_day = acc.first_day ? std::min(*acc.first_day, day) : day;
        CategoryKey const total = categories_->totalprice();
        if (key != total) {
            if (CategoryTable::is_known(key)) {
                for (std::optional<Category> c = static_cast<Category>(key); c; c = parent(*c)) {
                    if (static_cast<CategoryKey>(*c) == total) continue;
                    acc.days(static_cast<CategoryKey>(*c))[day] += event;
                }
            } else {
                acc.days(key)[day] += event;
            }
        }
        acc.days(total)[day] += Totals{Amount{}, event.price, event.price};
    }

    /// Totals of one category of one account over [from, to] (inclusive days).
    Totals sum(std::string const& account, CategoryKey key, DayNumber from, DayNumber to) const {
        Totals t;
        auto a = accounts_.find(account);
        if (a == accounts_.end()) return t;
        if (DayMap const* days = a->second.find(key)) add_days(t, *days, from, to);
        return t;
    }
    /// The accounts of `accounts` that have any usage.
    Selection select(std::vector<std::string> const& accounts) const {
        Selection out;
        for (auto const& a : accounts)
            if (auto it = accounts_.find(a); it != accounts_.end()) out.usage_.push_back(&it->second);
        return out;
    }
    /// Totals of one category over [from, to] in the selected accounts.
    static Totals sum(Selection const& selection, CategoryKey key, DayNumber from, DayNumber to) {
        Totals t;
        for (AccountUsage const* usage : selection.usage_)
            if (DayMap const* days = usage->find(key)) add_days(t, *days, from, to);
        return t;
    }

    /// Earliest day with usage among these accounts.
    std::optional<DayNumber> first_day(std::vector<std::string> const& accounts) const {
        std::optional<DayNumber> out;
        for (AccountUsage const* usage : select(accounts).usage_) {
            if (!usage->first_day) continue;
            out = out ? std::min(*out, *usage->first_day) : *usage->first_day;
        }
        return out;
    }

    /// Unknown categories with any usage in these accounts, by name.
    std::vector<CategoryKey> unknown_with_usage(std::vector<std::string> const& accounts) const {
        std::vector<CategoryKey> out;
        for (AccountUsage const* usage : select(accounts).usage_) {
            auto const& by_category = usage->by_category;
            for (auto k = static_cast<CategoryKey>(category_count); k < by_category.size(); ++k)
                if (!by_category[k].empty()) out.push_back(k);
        }
        std::sort(out.begin(), out.end(), [&](CategoryKey x, CategoryKey y) {
            return categories_->name(x) < categories_->name(y);
        });
        out.erase(std::unique(out.begin(), out.end()), out.end());
        return out;
    }

private:
    static void add_days(Totals& t, DayMap const& days, DayNumber from, DayNumber to) {
        if (from == to) {
            if (auto it = days.find(from); it != days.end()) t += it->second;
            return;
        }
        for (auto it = days.lower_bound(from); it != days.end() && it->first <= to; ++it) t += it->second;
    }

    struct AccountUsage {
        // Indexed by CategoryKey (keys are dense: the spec's categories, then
        // interned names): a records page looks up each of its categories in
        // each account, and as hash lookups those were half of the work
        // before the page's first byte.
        std::vector<DayMap> by_category;
        std::optional<DayNumber> first_day;

        DayMap& days(CategoryKey key) {
            if (key >= by_category.size()) by_category.resize(std::max<std::size_t>(key + 1, category_count));
            return by_category[key];
        }
        /// The category's days, or null when it has none.
        DayMap const* find(CategoryKey key) const {
            return key < by_category.size() && !by_category[key].empty() ? &by_category[key] : nullptr;
        }
    };
    CategoryTable const* categories_;
    std::unordered_map<std::string, AccountUsage> accounts_;
};

}  // namespace twilio_usage::testing
