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

#include "twilio_usage/core/error.hpp"
#include "twilio_usage/core/param_types.hpp"
#include "twilio_usage/core/utf8.hpp"
#include "twilio_usage/generated/parameters.hpp"

#include <boost/describe/members.hpp>
#include <boost/mp11/algorithm.hpp>
#include <boost/url/encode.hpp>
#include <boost/url/parse.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>

#include <cstdint>
#include <optional>
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

inline std::string to_wire(OpenCategory const& v) { return std::string(v.wire_name()); }
inline std::string to_wire(DateSpec const& v) { return v.to_wire(); }
inline std::string to_wire(bool v) { return v ? "true" : "false"; }
inline std::string to_wire(std::int64_t v) { return std::to_string(v); }
inline std::string to_wire(std::string const& v) { return v; }
inline std::string to_wire(TriggerValue const& v) { return v.to_wire(); }
template <wire_enum E>
std::string to_wire(E v) {
    return std::string(to_string(v));
}

inline std::string where(ParamInfo const& p) {
    return std::string(p.name) + " (" + std::string(p.wire) + ")";
}

template <class T>
std::optional<Error> check_value(ParamInfo const& p, T const& v) {
    if constexpr (std::is_same_v<T, std::int64_t>) {
        if (p.has_range && (v < p.min || v > p.max))
            return Error::invalid_request(std::string(p.name), where(p) + " must be within " +
                                                                   std::to_string(p.min) + ".." +
                                                                   std::to_string(p.max) + ", got " +
                                                                   std::to_string(v));
    } else if constexpr (std::is_same_v<T, std::string>) {
        if (p.max_length > 0) {
            auto n = utf8_length(v);
            if (!n) return Error::invalid_request(std::string(p.name), where(p) + " is not valid UTF-8");
            if (*n > static_cast<std::size_t>(p.max_length))
                return Error::invalid_request(std::string(p.name),
                                              where(p) + " is " + std::to_string(*n) +
                                                  " characters long; the limit is " +
                                                  std::to_string(p.max_length));
        }
        if (p.type == ValueType::url) {
            auto url = boost::urls::parse_absolute_uri(v);
            bool ok = url && (url->scheme() == "http" || url->scheme() == "https") && url->has_authority() &&
                      !url->encoded_host().empty();
            if (!ok)
                return Error::invalid_request(std::string(p.name),
                                              where(p) + " must be an absolute http or https URL, got '" +
                                                  v.substr(0, 200) + "'");
        }
    } else if constexpr (std::is_same_v<T, OpenCategory>) {
        if (v.wire_name().empty())
            return Error::invalid_request(std::string(p.name), where(p) + " is empty");
    } else if constexpr (std::is_same_v<T, TriggerValue>) {
        if (v.error()) return Error::invalid_request(std::string(p.name), *v.error());
    }
    return std::nullopt;
}

inline std::string percent_encode(std::string_view s) {
    // Only unreserved characters stay as they are: '+' goes as %2B (or the
    // server reads a space), a space as %20, non-ASCII as its UTF-8 bytes.
    return boost::urls::encode(s, boost::urls::unreserved_chars);
}

template <class F>
void for_each_param_value(ParamValues const& values, F&& f) {
    using members = boost::describe::describe_members<ParamValues, boost::describe::mod_public>;
    boost::mp11::mp_for_each<boost::mp11::mp_iota_c<boost::mp11::mp_size<members>::value>>([&](auto I) {
        using D = boost::mp11::mp_at_c<members, I>;
        f(static_cast<Param>(I()), values.*D::pointer);
    });
}

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

    QueryBuilder() = default;

    /// The values set so far.
    ParamValues const& values() const noexcept { return values_; }

    /// Checks every value and percent-encodes the query in the spec's order:
    /// "Category=sms&StartDate=2024-01-01". `today` resolves day offsets for
    /// the start-after-end check.
    Result<std::string> encode(Date today) const {
        Rules::template check_complete<Mask>();
        if (auto error = validate(today)) return *error;
        std::string out;
        for (Param p : Rules::params) {
            detail::for_each_param_value(values_, [&](Param q, auto const& value) {
                if (q != p || !value) return;
                if (!out.empty()) out += '&';
                out += info(p).wire;
                out += '=';
                out += detail::percent_encode(detail::to_wire(*value));
            });
        }
        return out;
    }
    Result<std::string> encode() const { return encode(today_gmt()); }

    /// The same checks as encode(), without encoding.
    std::optional<Error> validate(Date today) const {
        std::optional<Error> error;
        detail::for_each_param_value(values_, [&](Param p, auto const& value) {
            if (!error && value) error = detail::check_value(info(p), *value);
        });
        if (error) return error;
        if constexpr (accepts<Param::start_date> && accepts<Param::end_date>) {
            auto const& v = values_;
            if (v.start_date && v.end_date && v.start_date->resolve(today) > v.end_date->resolve(today))
                return Error::invalid_request(
                    "start_date", "start_date " + format_date(v.start_date->resolve(today)) +
                                      " is after end_date " + format_date(v.end_date->resolve(today)) +
                                      " (dates are GMT); swap them");
        }
        return std::nullopt;
    }

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
