// The definitions of client/records.hpp (see config.hpp for when this is
// included).
#pragma once

#include "twilio_usage/client/executor.hpp"
#include "twilio_usage/client/records.hpp"

#include <string>
#include <utility>

namespace twilio_usage {

TWILIO_USAGE_DECL Result<std::string> detail::first_uri(Executor const& ex, Operation op, Result<std::string> encoded_query) {
    if (!encoded_query) return encoded_query.error();
    std::string uri = ex.path(info(op).path);
    if (!encoded_query->empty()) uri += "?" + *encoded_query;
    return uri;
}

TWILIO_USAGE_DECL Listing<UsageRecord> RecordsApi::listing_of(Operation op, Result<std::string> encoded_query) const {
    auto uri = info(op).list_key == "usage_records"
                   ? detail::first_uri(*executor_, op, std::move(encoded_query))
                   : Result<std::string>(Error::invalid_request(
                         "operation", std::string(info(op).name) + " is not a Usage Records listing"));
    return Listing<UsageRecord>(detail::ListingSource{executor_, std::move(uri), "usage_records", std::nullopt});
}

}  // namespace twilio_usage
