#include "query.hpp"

#include <unistd.h>

#include "progress.hpp"
#include "session.hpp"
#include <twilio_usage/client/non_zero.hpp>

namespace twilio_usage_cli {

using namespace twilio_usage;

Listing<UsageRecord> records_listing(Session& session, RecordsRequest const& r) {
    return with_optionals(
        RecordsQuery{},
        [&](auto const& query) {
            check_query(query);
            return session.client().records().listing(r.operation, query);
        },
        r.category, [](auto const& q, OpenCategory const& v) { return q.category(v); }, r.start,
        [](auto const& q, DateSpec const& v) { return q.start_date(v); }, r.end,
        [](auto const& q, DateSpec const& v) { return q.end_date(v); }, r.include_subaccounts,
        [](auto const& q, bool v) { return q.include_subaccounts(v); }, r.page_size,
        [](auto const& q, std::int64_t v) { return q.page_size(v); });
}

void for_each_record(Listing<UsageRecord> const& listing, std::function<bool(UsageRecord const&)> const& f) {
    Progress progress;
    bool const stdout_is_terminal = ::isatty(STDOUT_FILENO) == 1;
    std::size_t pages = 0;
    std::size_t records = 0;
    for (auto const& page : listing.pages()) {
        if (!page) throw Exception(page.error());
        ++pages;
        records += page->items.size();
        progress.update(pages, records);
        if (stdout_is_terminal) progress.clear();  // keep streamed output readable
        for (auto const& r : page->items) {
            if (!f(r)) return;
        }
    }
}

std::optional<OpenCategory> category_option(ParsedArgs const& args, std::string_view name) {
    auto v = args.value(name);
    if (!v) return std::nullopt;
    if (v->empty()) args.fail(std::string(name) + " is empty: give a category such as sms or calls");
    return OpenCategory(*v);
}

std::optional<DateSpec> date_option(ParsedArgs const& args, std::string_view name) {
    auto v = args.value(name);
    if (!v) return std::nullopt;
    auto parsed = DateSpec::parse(*v);
    if (!parsed) args.fail("bad " + std::string(name) + ": " + parsed.error().what);
    return *parsed;
}

bool has_no_usage(UsageRecord const& r) { return !has_usage(r); }

}  // namespace twilio_usage_cli
