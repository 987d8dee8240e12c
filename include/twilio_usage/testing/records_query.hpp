// The records query engine: validates a Usage Records request's parameters and
// resolves it into a listing (accounts, periods, categories) that can be
// rendered page by page.
//
// Periods (all GMT, dates inclusive; StartDate/EndDate are YYYY-MM-DD or
// +-Ndays offsets resolved against the emulator's today):
//   Records, AllTime   one period: StartDate (default: the first day with usage
//                      among the listed accounts, else today) .. EndDate
//                      (default today)
//   Daily              one period per day, newest first; default range: the
//                      last 30 days (EndDate - 29 days .. EndDate, EndDate
//                      defaulting to today)
//   Monthly            one per calendar month touching the range, newest
//                      first, clipped to the range; default: the last 12
//                      months (1st of the month 11 months before EndDate)
//   Yearly             one per calendar year touching the range, newest first,
//                      clipped; default start: Jan 1 of the first year with usage
//   Today, Yesterday, ThisMonth (1st .. today), LastMonth (whole month):
//                      fixed periods; StartDate/EndDate are validated, then ignored
// A start after the end is answered like Twilio does: 404 (code 20404).
// Categories: every category of the spec in spec order, then any unknown
// category with usage in the listed accounts (by name); with Category=X only X.
// Records are ordered period-major (newest period first), category-minor.
#pragma once

#include "twilio_usage/core/date.hpp"
#include "twilio_usage/core/operation_types.hpp"
#include "twilio_usage/generated/operations.hpp"
#include "twilio_usage/testing/accounts.hpp"
#include "twilio_usage/testing/paging.hpp"
#include "twilio_usage/testing/usage_store.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace twilio_usage::testing {

/// A category filter naming a category nobody has used yet.
inline constexpr CategoryKey kUninternedCategory = 0xFFFFFFFFU;

struct RecordsListing {
    Operation op = Operation::records;
    bool json = true;
    std::string account_sid;            // of the path
    std::vector<std::string> accounts;  // whose usage is summed
    std::vector<std::pair<DayNumber, DayNumber>> periods;
    std::vector<CategoryKey> categories;
    std::string uninterned_name;  // name for kUninternedCategory
    std::vector<std::pair<std::string, std::string>> filters;
    std::string path;  // of the list, e.g. /2010-04-01/Accounts/AC../Usage/Records/Daily.json
    std::string listing_id;
    Paging paging;
    Timestamp as_of{};

    std::uint64_t total() const noexcept {
        return static_cast<std::uint64_t>(periods.size()) * categories.size();
    }
};

namespace detail {

inline Date month_first(Date d) { return Date{d.year() / d.month() / 1}; }
inline Date month_last(Date d) { return Date{d.year() / d.month() / std::chrono::last}; }
/// The 1st of the month n months after (n < 0: before) d's month.
inline Date add_months(Date d, int n) {
    std::chrono::year_month const ym = std::chrono::year_month{d.year() / d.month()} + std::chrono::months{n};
    return Date{ym / std::chrono::day{1}};
}

inline std::optional<Date> date_param(QueryParams const& q, char const* name, Date today) {
    auto s = param(q, name);
    if (!s) return std::nullopt;
    auto spec = DateSpec::parse(*s);
    if (!spec) throw ApiError::bad_param(name, spec.error().what);
    return spec->resolve(today);
}

}  // namespace detail

/// The path suffix of a records operation below /Usage/Records ("" or "/Daily").
inline std::string records_suffix(Operation op) {
    if (op == Operation::records) return "";
    return "/" + std::string(info(op).xml_name);
}

inline std::string records_path(std::string_view account, Operation op, bool json) {
    std::string p = "/2010-04-01/Accounts/";
    p += account;
    p += "/Usage/Records";
    p += records_suffix(op);
    if (json) p += ".json";
    return p;
}

inline RecordsListing resolve_records(Operation op, bool json, std::string const& account, QueryParams const& q,
                                      UsageStore const& store, CategoryTable const& table,
                                      AccountRegistry const& accounts, Timestamp now, PageTokens const& tokens) {
    RecordsListing l;
    l.op = op;
    l.json = json;
    l.account_sid = account;
    l.as_of = now;
    Date const today = today_gmt(now);

    // Filters, validated in a fixed order.
    std::optional<std::string> category = param(q, "Category");
    if (category && category->empty()) throw ApiError::bad_param("Category", "must not be empty");
    auto start = detail::date_param(q, "StartDate", today);
    auto end = detail::date_param(q, "EndDate", today);
    bool include_sub = true;
    if (auto s = param(q, "IncludeSubaccounts")) {
        if (*s == "true" || *s == "True" || *s == "TRUE") include_sub = true;
        else if (*s == "false" || *s == "False" || *s == "FALSE") include_sub = false;
        else throw ApiError::bad_param("IncludeSubaccounts", "'" + *s + "' is not true or false");
    }
    for (char const* name : {"Category", "StartDate", "EndDate", "IncludeSubaccounts"})
        if (auto v = param(q, name)) l.filters.emplace_back(name, *v);

    l.path = records_path(account, op, json);
    l.listing_id = l.path + "?" + encode_query(l.filters);
    l.paging = parse_paging(q, tokens, l.listing_id);

    l.accounts.push_back(account);
    if (include_sub)
        for (auto& c : accounts.children(account)) l.accounts.push_back(std::move(c));

    if (start && end && *start > *end)
        throw ApiError(404, 20404,
                       "StartDate " + format_date(*start) + " is after EndDate " + format_date(*end));

    auto const period = info(op).period;
    DayNumber const t = day_number(today);
    auto first_usage = [&] { return store.first_day(l.accounts).value_or(t); };
    switch (period) {
        case RecordPeriod::range:
        case RecordPeriod::none: {
            DayNumber const e = end ? day_number(*end) : std::max(t, start ? day_number(*start) : t);
            DayNumber const s = start ? day_number(*start) : std::min(first_usage(), e);
            l.periods.emplace_back(s, e);
            break;
        }
        case RecordPeriod::day: {
            DayNumber const e = end ? day_number(*end) : std::max(t, start ? day_number(*start) : t);
            DayNumber const s = start ? day_number(*start) : e - 29;
            if (e - s >= 100000)
                throw ApiError::bad_param("StartDate", "the Daily range is limited to 100000 days in this emulator");
            for (DayNumber d = e; d >= s; --d) l.periods.emplace_back(d, d);
            break;
        }
        case RecordPeriod::month: {
            DayNumber const e = end ? day_number(*end) : std::max(t, start ? day_number(*start) : t);
            Date const ed = date_of(e);
            DayNumber const s = start ? day_number(*start)
                                      : day_number(detail::add_months(ed, -11));
            Date m = detail::month_first(ed);
            while (day_number(detail::month_last(m)) >= s) {
                l.periods.emplace_back(std::max(s, day_number(m)), std::min(e, day_number(detail::month_last(m))));
                m = detail::add_months(m, -1);
            }
            break;
        }
        case RecordPeriod::year: {
            DayNumber const e = end ? day_number(*end) : std::max(t, start ? day_number(*start) : t);
            DayNumber s = start ? day_number(*start) : std::min(first_usage(), e);
            if (!start) s = day_number(Date{date_of(s).year() / 1 / 1});
            for (auto y = date_of(e).year(); day_number(Date{y / 12 / 31}) >= s; --y)
                l.periods.emplace_back(std::max(s, day_number(Date{y / 1 / 1})), std::min(e, day_number(Date{y / 12 / 31})));
            break;
        }
        case RecordPeriod::today: l.periods.emplace_back(t, t); break;
        case RecordPeriod::yesterday: l.periods.emplace_back(t - 1, t - 1); break;
        case RecordPeriod::this_month: l.periods.emplace_back(day_number(detail::month_first(today)), t); break;
        case RecordPeriod::last_month: {
            Date const lm = detail::add_months(today, -1);
            l.periods.emplace_back(day_number(lm), day_number(detail::month_last(lm)));
            break;
        }
    }

    if (category) {
        auto key = table.find(*category);
        if (key) {
            l.categories.push_back(*key);
        } else {
            l.categories.push_back(kUninternedCategory);
            l.uninterned_name = *category;
        }
    } else {
        l.categories.reserve(category_count + table.unknown_count());
        for (CategoryKey k = 0; k < category_count; ++k) l.categories.push_back(k);
        for (auto k : store.unknown_with_usage(l.accounts)) l.categories.push_back(k);
    }
    return l;
}

}  // namespace twilio_usage::testing
