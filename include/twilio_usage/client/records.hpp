// Usage Records: the list and its eight subresources, as lazy listings of
// typed UsageRecord.
#pragma once

#include "twilio_usage/client/paging.hpp"
#include "twilio_usage/config.hpp"
#include "twilio_usage/generated/operations.hpp"
#include "twilio_usage/generated/queries.hpp"

#include <concepts>
#include <memory>
#include <string>
#include <string_view>

namespace twilio_usage {

/// Any RecordsQuery, whichever parameters it sets.
template <class Q>
concept records_query = std::same_as<typename Q::rules, detail::RecordsQueryRules>;

namespace detail {
/// The relative URI of a listing's first page: the operation's path and the
/// encoded query (or the query's error).
TWILIO_USAGE_DECL Result<std::string> first_uri(Executor const& ex, Operation op, Result<std::string> encoded_query);
}  // namespace detail

class RecordsApi {
public:
    explicit RecordsApi(std::shared_ptr<detail::Executor const> executor) : executor_(std::move(executor)) {}

    /// Any of the nine records operations (Operation::records ... last_month).
    template <records_query Q = RecordsQuery>
    Listing<UsageRecord> listing(Operation op, Q const& query = {}) const {
        return listing_of(op, query.encode());
    }

    /// One record per category over the range (all time by default).
    template <records_query Q = RecordsQuery>
    Listing<UsageRecord> list(Q const& query = {}) const { return listing(Operation::records, query); }
    template <records_query Q = RecordsQuery>
    Listing<UsageRecord> all_time(Q const& query = {}) const { return listing(Operation::all_time, query); }
    /// One record per category per GMT day in the range.
    template <records_query Q = RecordsQuery>
    Listing<UsageRecord> daily(Q const& query = {}) const { return listing(Operation::daily, query); }
    template <records_query Q = RecordsQuery>
    Listing<UsageRecord> monthly(Q const& query = {}) const { return listing(Operation::monthly, query); }
    template <records_query Q = RecordsQuery>
    Listing<UsageRecord> yearly(Q const& query = {}) const { return listing(Operation::yearly, query); }
    template <records_query Q = RecordsQuery>
    Listing<UsageRecord> today(Q const& query = {}) const { return listing(Operation::today, query); }
    template <records_query Q = RecordsQuery>
    Listing<UsageRecord> yesterday(Q const& query = {}) const { return listing(Operation::yesterday, query); }
    template <records_query Q = RecordsQuery>
    Listing<UsageRecord> this_month(Q const& query = {}) const { return listing(Operation::this_month, query); }
    template <records_query Q = RecordsQuery>
    Listing<UsageRecord> last_month(Q const& query = {}) const { return listing(Operation::last_month, query); }

    /// Continues a listing from where it stopped (Listing::resume_point(),
    /// Page::resume), with exactly the items not read yet. Its page URI is
    /// relative, or an absolute URL on the API's own host (anything else is
    /// refused); the text form is ResumePoint::to_string()'s.
    Listing<UsageRecord> resume(ResumePoint point) const {
        return Listing<UsageRecord>(detail::ListingSource{
            executor_, Result<std::string>(std::move(point.page_uri)), "usage_records", std::nullopt, point.skip});
    }
    Listing<UsageRecord> resume(std::string_view text) const {
        auto point = ResumePoint::parse(text);
        if (!point)
            return Listing<UsageRecord>(
                detail::ListingSource{executor_, Result<std::string>(point.error()), "usage_records", std::nullopt});
        return resume(std::move(*point));
    }

    /// Exactly one page, from a page URI (first_page_uri, next_page_uri...).
    Result<Page<UsageRecord>> try_fetch_page(std::string_view page_uri) const {
        auto page = detail::fetch_page<UsageRecord>(*executor_, page_uri, "usage_records");
        if (page && page->info.next_page_uri && !page->info.next_page_uri->empty())
            page->resume = ResumePoint{*page->info.next_page_uri, 0};
        return page;
    }
    Page<UsageRecord> fetch_page(std::string_view page_uri) const { return try_fetch_page(page_uri).value(); }

private:
    TWILIO_USAGE_DECL Listing<UsageRecord> listing_of(Operation op, Result<std::string> encoded_query) const;

    std::shared_ptr<detail::Executor const> executor_;
};

}  // namespace twilio_usage

#ifndef TWILIO_USAGE_SEPARATE_COMPILATION
#include "twilio_usage/client/impl/records.ipp"
#endif
