// Records with some usage: most of a listing's 646 categories are all zero
// for a typical account, and a report usually hides them (as the
// command-line tool does by default).
//
//   for (UsageRecord const& r : client.records().today() | non_zero) ...
#pragma once

#include "twilio_usage/generated/models.hpp"

#include <optional>
#include <ranges>

namespace twilio_usage {

/// True when the record's count, usage or price is present and not zero.
inline bool has_usage(UsageRecord const& r) noexcept {
    auto nonzero = [](std::optional<Decimal> const& d) { return d && !d->is_zero(); };
    return nonzero(r.count) || nonzero(r.usage) || nonzero(r.price);
}

/// A range adaptor keeping the records for which has_usage() is true; lazy,
/// like the listing it filters (pages are still read one at a time).
inline constexpr auto non_zero = std::views::filter([](UsageRecord const& r) noexcept { return has_usage(r); });

}  // namespace twilio_usage
