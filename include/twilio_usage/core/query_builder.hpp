// The typed query builder behind RecordsQuery, TriggerCreate, TriggerUpdate
// and TriggersQuery (generated/queries.hpp). Each setter returns a builder of
// a new type that remembers which parameters are set, so that:
//   - a parameter the query does not take,
//   - a parameter set twice,
//   - a required parameter left out (at encode())
// fail to compile with a message saying what to write instead. What only run
// time can know (ranges, lengths, start after end) is refused by encode()
// with an Error before anything is sent.
#pragma once

#include "twilio_usage/config.hpp"
#include "twilio_usage/core/date.hpp"
#include "twilio_usage/core/error.hpp"
#include "twilio_usage/core/param_types.hpp"
#include "twilio_usage/core/utf8.hpp"
#include "twilio_usage/generated/parameters.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace twilio_usage {

template <auto>
inline constexpr bool always_false = false;

constexpr std::uint32_t param_bit(Param p) noexcept { return 1u << static_cast<unsigned>(p); }

constexpr ParamInfo const& info(Param p) noexcept { return param_table[static_cast<std::size_t>(p)]; }

namespace detail {

/// Checks every value set: ranges, lengths, URLs, and start_date not after
/// end_date when the query has both (`today` resolves day offsets).
TWILIO_USAGE_DECL std::optional<Error> validate_params(ParamValues const& values, Date today, bool has_date_range);

/// validate_params(), then the values set, percent-encoded in `order`:
/// "Category=sms&StartDate=2024-01-01".
TWILIO_USAGE_DECL Result<std::string> encode_params(ParamValues const& values, std::span<Param const> order, Date today,
                                                    bool has_date_range);

}  // namespace detail

template <class Rules, std::uint32_t Mask = 0>
class QueryBuilder : public detail::ParamSetters<QueryBuilder<Rules, Mask>> {
public:
    using rules = Rules;
    static constexpr std::uint32_t mask = Mask;

    template <Param P>
    static constexpr bool accepts = (Rules::accepted & param_bit(P)) != 0;
    template <Param P>
    static constexpr bool is_set = (Mask & param_bit(P)) != 0;
    static constexpr bool is_complete = (Mask & Rules::required) == Rules::required;
    static constexpr bool has_date_range = accepts<Param::start_date> && accepts<Param::end_date>;

    QueryBuilder() = default;

    /// The values set so far.
    ParamValues const& values() const noexcept { return values_; }

    /// Checks every value and percent-encodes the query in the spec's order:
    /// "Category=sms&StartDate=2024-01-01". `today` (GMT) resolves day
    /// offsets: DayOffset{-30} goes out as the date 30 days before it, so a
    /// stored page URI names the same dates whenever it is resumed.
    Result<std::string> encode(Date today) const {
        Rules::template check_complete<Mask>();
        return detail::encode_params(values_, Rules::params, today, has_date_range);
    }
    Result<std::string> encode() const { return encode(today_gmt()); }

    /// The same checks as encode(), without encoding.
    std::optional<Error> validate(Date today) const { return detail::validate_params(values_, today, has_date_range); }

private:
    friend class detail::ParamSetters<QueryBuilder>;
    template <class, std::uint32_t>
    friend class QueryBuilder;

    template <Param P>
    static constexpr void check_settable() {
        Rules::template check_accepts<P>();
    }

    template <Param P, class Member, class Value>
    auto with(Member member, Value&& value) const {
        QueryBuilder<Rules, Mask | param_bit(P)> next;
        next.values_ = values_;
        next.values_.*member = std::forward<Value>(value);
        return next;
    }

    ParamValues values_;
};

/// Named checks, for static_assert(!can_set<...>) style tests and for code
/// that wants to branch on them.
template <class Builder, Param P>
concept can_set = Builder::template accepts<P> && !Builder::template is_set<P>;

template <class Builder>
concept complete_query = Builder::is_complete;

}  // namespace twilio_usage

#ifndef TWILIO_USAGE_SEPARATE_COMPILATION
#include "twilio_usage/core/impl/query_builder.ipp"
#endif
