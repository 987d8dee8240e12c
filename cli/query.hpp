// From command-line values to library queries. The query builders give
// each combination of parameters its own type (so that a parameter set
// twice or on the wrong query does not compile); with_optionals() applies
// the optional ones that were given and hands the finished query to a
// continuation, so that every branch meets in one result type.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <twilio_usage/client/client.hpp>
#include <twilio_usage/types.hpp>
#include <utility>

#include "args.hpp"

namespace twilio_usage_cli {

/// k(q) with, for each (optional value, setter) pair whose value is set,
/// setter(q, value) applied first.
template <class Q, class K>
auto with_optionals(Q const& q, K&& k) {
    return std::forward<K>(k)(q);
}
template <class Q, class K, class T, class Set, class... Rest>
auto with_optionals(Q const& q, K&& k, std::optional<T> const& value, Set const& set, Rest const&... rest) {
    if (value) return with_optionals(set(q, *value), std::forward<K>(k), rest...);
    return with_optionals(q, std::forward<K>(k), rest...);
}

/// What a records listing asks for.
struct RecordsRequest {
    twilio_usage::Operation operation = twilio_usage::Operation::records;
    std::optional<twilio_usage::OpenCategory> category;
    std::optional<twilio_usage::DateSpec> start;
    std::optional<twilio_usage::DateSpec> end;
    std::optional<bool> include_subaccounts;
    std::optional<std::int64_t> page_size;
};

class Session;

/// The listing the request describes. A request the library refuses (start
/// after end, page size out of range) throws twilio_usage::Exception before
/// the session connects (or starts the built-in emulator).
twilio_usage::Listing<twilio_usage::UsageRecord> records_listing(Session& session,
                                                                 RecordsRequest const& request);

/// Refuses a query the library would refuse, before anything is connected.
template <class Q>
void check_query(Q const& query) {
    if (auto error = query.validate(twilio_usage::today_gmt())) throw twilio_usage::Exception(*error);
}

/// Reads every record of the listing (showing progress on a terminal) and
/// hands each to `f`; `f` returns false to stop. Throws
/// twilio_usage::Exception on a failure.
void for_each_record(twilio_usage::Listing<twilio_usage::UsageRecord> const& listing,
                     std::function<bool(twilio_usage::UsageRecord const&)> const& f);

/// --category: any non-empty name (unknown ones pass through as they are).
std::optional<twilio_usage::OpenCategory> category_option(ParsedArgs const& args, std::string_view name);
/// --start/--end: YYYY-MM-DD or an offset such as -30days.
std::optional<twilio_usage::DateSpec> date_option(ParsedArgs const& args, std::string_view name);

/// Count, usage and price all zero or absent.
bool has_no_usage(twilio_usage::UsageRecord const& r);

}  // namespace twilio_usage_cli
