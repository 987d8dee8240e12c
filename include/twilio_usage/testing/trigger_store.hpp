// Usage triggers: storage, request validation (create / update / list
// filters), firing and JSON rendering.
//
// Firing: a trigger watches the count, usage or price of its category for its
// own account only (a subaccount's usage fires the subaccount's triggers),
// summed over its period: all time when it does not recur (or recurs
// `alltime`), else the current GMT day / month / year. When the watched value
// reaches trigger_value it fires: once ever when it does not recur, at most
// once per period when it does. current_value is the watched value now.
// usage_record_uri points at the records that hold the watched value:
// Records.json (non-recurring), Today.json (daily), ThisMonth.json (monthly),
// Yearly.json (yearly), each with ?Category=.
#pragma once

#include "twilio_usage/core/date.hpp"
#include "twilio_usage/core/json_encode.hpp"
#include "twilio_usage/generated/enums.hpp"
#include "twilio_usage/generated/models.hpp"
#include "twilio_usage/testing/accounts.hpp"
#include "twilio_usage/testing/api_error.hpp"
#include "twilio_usage/testing/callbacks.hpp"
#include "twilio_usage/testing/paging.hpp"
#include "twilio_usage/testing/usage_store.hpp"

#include <boost/url/parse.hpp>

#include <limits>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace twilio_usage::testing {

struct Trigger {
    std::string sid;
    std::string account_sid;
    std::optional<std::string> friendly_name;
    CategoryKey category = 0;
    TriggerBy trigger_by = TriggerBy::usage;
    Amount trigger_value;
    std::optional<Recurring> recurring;
    std::string callback_url;
    CallbackMethod callback_method = CallbackMethod::post;
    Timestamp date_created{};
    Timestamp date_updated{};
    std::optional<Timestamp> date_fired;
    std::optional<std::int64_t> fired_period;  // period key of the last firing
};

namespace detail {

inline bool recurs(std::optional<Recurring> r) { return r && *r != Recurring::alltime; }

/// The days a trigger's value is summed over at `today`, and a key of that period.
struct TriggerPeriod {
    DayNumber from, to;
    std::int64_t key;
};
inline TriggerPeriod trigger_period(std::optional<Recurring> r, Date today) {
    if (!recurs(r))
        return {std::numeric_limits<DayNumber>::min(), std::numeric_limits<DayNumber>::max(), 0};
    int const y = static_cast<int>(today.year());
    auto const m = static_cast<unsigned>(today.month());
    switch (*r) {
        case Recurring::daily: return {day_number(today), day_number(today), day_number(today)};
        case Recurring::monthly:
            return {day_number(Date{today.year() / today.month() / 1}),
                    day_number(Date{today.year() / today.month() / std::chrono::last}), y * 12 + m};
        default:
            return {day_number(Date{today.year() / 1 / 1}), day_number(Date{today.year() / 12 / 31}), y};
    }
}

inline Amount watched(Totals const& t, TriggerBy by) {
    switch (by) {
        case TriggerBy::count: return t.count;
        case TriggerBy::price: return t.price;
        default: return t.usage;
    }
}

inline void check_callback_url(std::string const& url) {
    auto u = boost::urls::parse_uri(url);
    if (!u || (u->scheme() != "http" && u->scheme() != "https") || u->encoded_host().empty())
        throw ApiError::bad_param("CallbackUrl", "'" + url + "' is not an absolute http or https URL");
}

inline void check_friendly_name(std::string const& name) {
    std::size_t code_points = 0;
    for (char c : name)
        if ((static_cast<unsigned char>(c) & 0xC0U) != 0x80U) ++code_points;
    if (code_points > 64) throw ApiError::bad_param("FriendlyName", "is longer than 64 characters");
}

template <class E>
std::optional<E> enum_param(QueryParams const& q, char const* name, bool allow_empty = false) {
    auto s = param(q, name);
    if (!s || (allow_empty && s->empty())) return std::nullopt;
    auto v = enum_from_string<E>(*s);
    if (!v) {
        std::string expected;
        for (auto n : enum_traits<E>::wire_names) (expected += expected.empty() ? "" : ", ") += n;
        throw ApiError::bad_param(name, "'" + *s + "' is not one of " + expected);
    }
    return v;
}

}  // namespace detail

class TriggerStore {
public:
    TriggerStore(CategoryTable& table, UsageStore const& store) : table_(&table), store_(&store) {}

    Amount current_value(Trigger const& t, Date today) const {
        auto const p = detail::trigger_period(t.recurring, today);
        return detail::watched(store_->sum(t.account_sid, t.category, p.from, p.to), t.trigger_by);
    }

    /// Validates a create request and stores the trigger (400 on a bad parameter).
    Trigger const& create(std::string const& account, QueryParams const& q, Timestamp now, std::mt19937_64& rng) {
        auto url = param(q, "CallbackUrl");
        if (!url || url->empty()) throw ApiError::missing_param("CallbackUrl");
        auto value_text = param(q, "TriggerValue");
        if (!value_text || value_text->empty()) throw ApiError::missing_param("TriggerValue");
        auto category = param(q, "UsageCategory");
        if (!category || category->empty()) throw ApiError::missing_param("UsageCategory");
        detail::check_callback_url(*url);
        bool const relative = value_text->front() == '+';
        auto amount = Amount::parse(relative ? std::string_view(*value_text).substr(1) : std::string_view(*value_text));
        if (!amount || amount->is_negative() || (relative && (*value_text)[1] == '-') ||
            (relative && (*value_text)[1] == '+'))
            throw ApiError::bad_param("TriggerValue", "'" + *value_text +
                                                          "' is not a non-negative decimal or +decimal (send '+' as %2B)");
        auto method = detail::enum_param<CallbackMethod>(q, "CallbackMethod");
        auto recurring = detail::enum_param<Recurring>(q, "Recurring", true);
        auto by = detail::enum_param<TriggerBy>(q, "TriggerBy");
        auto name = param(q, "FriendlyName");
        if (name) detail::check_friendly_name(*name);

        Trigger t;
        t.sid = "UT" + detail::random_hex(rng, 32);
        t.account_sid = account;
        t.friendly_name = name;
        t.category = table_->intern(*category);
        t.trigger_by = by.value_or(TriggerBy::usage);
        t.recurring = recurring;
        t.callback_url = *url;
        t.callback_method = method.value_or(CallbackMethod::post);
        t.date_created = t.date_updated = now;
        t.trigger_value = relative ? current_value(t, today_gmt(now)) + *amount : *amount;
        order_.push_back(t.sid);
        return triggers_.emplace(t.sid, std::move(t)).first->second;
    }

    /// Only CallbackMethod, CallbackUrl, FriendlyName may change; any other
    /// known parameter of a trigger is refused with 400 naming it.
    Trigger const& update(Trigger& t, QueryParams const& q, Timestamp now) {
        for (char const* refused : {"TriggerValue", "UsageCategory", "TriggerBy", "Recurring"})
            if (q.count(refused))
                throw ApiError::bad_param(refused, "cannot be updated; only CallbackMethod, CallbackUrl and "
                                                   "FriendlyName can (delete and create the trigger instead)");
        auto url = param(q, "CallbackUrl");
        if (url) detail::check_callback_url(*url);
        auto method = detail::enum_param<CallbackMethod>(q, "CallbackMethod");
        auto name = param(q, "FriendlyName");
        if (name) detail::check_friendly_name(*name);
        if (url) t.callback_url = *url;
        if (method) t.callback_method = *method;
        if (name) t.friendly_name = *name;
        t.date_updated = now;
        return t;
    }

    Trigger* find(std::string const& account, std::string const& sid) {
        auto it = triggers_.find(sid);
        if (it == triggers_.end() || it->second.account_sid != account) return nullptr;
        return &it->second;
    }
    bool erase(std::string const& account, std::string const& sid) {
        if (!find(account, sid)) return false;
        triggers_.erase(sid);
        std::erase(order_, sid);
        return true;
    }

    /// Triggers of an account matching the list filters, in creation order.
    std::vector<Trigger const*> list(std::string const& account, QueryParams const& q) const {
        std::optional<std::string> rec = param(q, "Recurring");
        std::optional<Recurring> rec_value;
        if (rec && !rec->empty()) rec_value = detail::enum_param<Recurring>(q, "Recurring");
        auto by = detail::enum_param<TriggerBy>(q, "TriggerBy");
        auto category = param(q, "UsageCategory");
        std::vector<Trigger const*> out;
        for (auto const& sid : order_) {
            Trigger const& t = triggers_.at(sid);
            if (t.account_sid != account) continue;
            if (rec) {
                bool const none_wanted = !rec_value || *rec_value == Recurring::alltime;
                if (none_wanted ? detail::recurs(t.recurring) : t.recurring != rec_value) continue;
            }
            if (by && t.trigger_by != *by) continue;
            if (category && table_->name(t.category) != *category) continue;
            out.push_back(&t);
        }
        return out;
    }

    /// Fires the account's triggers that reached their value; returns the callbacks to send.
    std::vector<CallbackJob> evaluate(Account const& account, Timestamp now) {
        std::vector<CallbackJob> jobs;
        Date const today = today_gmt(now);
        for (auto const& sid : order_) {
            Trigger& t = triggers_.at(sid);
            if (t.account_sid != account.sid) continue;
            auto const p = detail::trigger_period(t.recurring, today);
            if (detail::recurs(t.recurring) ? t.fired_period == p.key : t.date_fired.has_value()) continue;
            Amount const value = detail::watched(store_->sum(t.account_sid, t.category, p.from, p.to), t.trigger_by);
            if (value < t.trigger_value) continue;
            t.date_fired = now;
            t.fired_period = p.key;
            std::string const fired = format_rfc2822(now);
            std::string idem = t.sid + "-" + std::to_string(p.key) + "-" + std::to_string(now.time_since_epoch().count());
            jobs.push_back(CallbackJob{t.callback_url, t.callback_method,
                                       webhook::FormParams{
                                           {"AccountSid", t.account_sid},
                                           {"UsageTriggerSid", t.sid},
                                           {"DateFired", fired},
                                           {"Recurring", t.recurring ? std::string(to_string(*t.recurring)) : ""},
                                           {"UsageCategory", std::string(table_->name(t.category))},
                                           {"TriggerBy", std::string(to_string(t.trigger_by))},
                                           {"TriggerValue", t.trigger_value.to_string()},
                                           {"CurrentValue", value.to_string()},
                                           {"UsageRecordUri", usage_record_uri(t)},
                                           {"IdempotencyToken", idem},
                                       },
                                       account.auth_token});
        }
        return jobs;
    }

    std::string usage_record_uri(Trigger const& t) const {
        std::string u = "/2010-04-01/Accounts/" + t.account_sid + "/Usage/Records";
        if (detail::recurs(t.recurring)) {
            switch (*t.recurring) {
                case Recurring::daily: u += "/Today"; break;
                case Recurring::monthly: u += "/ThisMonth"; break;
                default: u += "/Yearly"; break;
            }
        }
        u += ".json?Category=";
        append_uri_encoded(u, table_->name(t.category));
        return u;
    }

    UsageTrigger to_model(Trigger const& t, Date today) const {
        UsageTrigger m;
        m.sid = t.sid;
        m.account_sid = t.account_sid;
        m.api_version = "2010-04-01";
        m.friendly_name = t.friendly_name;
        m.usage_category = OpenCategory(table_->name(t.category));
        m.trigger_by = t.trigger_by;
        m.trigger_value = t.trigger_value.to_decimal();
        m.current_value = current_value(t, today).to_decimal();
        m.recurring = t.recurring;
        m.callback_url = t.callback_url;
        m.callback_method = t.callback_method;
        m.usage_record_uri = usage_record_uri(t);
        m.uri = "/2010-04-01/Accounts/" + t.account_sid + "/Usage/Triggers/" + t.sid + ".json";
        m.date_created = t.date_created;
        m.date_updated = t.date_updated;
        m.date_fired = t.date_fired;
        return m;
    }

private:
    CategoryTable* table_;
    UsageStore const* store_;
    std::map<std::string, Trigger> triggers_;
    std::vector<std::string> order_;
};

}  // namespace twilio_usage::testing
