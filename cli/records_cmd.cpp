// twilio-usage records [SUBRESOURCE] ...: usage records as a table, CSV or JSON.
#include <iostream>
#include <twilio_usage/core/json_encode.hpp>

#include "cli.hpp"
#include "format.hpp"
#include "query.hpp"
#include "session.hpp"

namespace twilio_usage_cli {

using namespace twilio_usage;

namespace {

struct Subresource {
    std::string_view name;
    Operation operation;
};

constexpr Subresource subresources[] = {
    {"all-time", Operation::records},      {"today", Operation::today},
    {"yesterday", Operation::yesterday},   {"this-month", Operation::this_month},
    {"last-month", Operation::last_month}, {"daily", Operation::daily},
    {"monthly", Operation::monthly},       {"yearly", Operation::yearly},
};

std::vector<OptionSpec> specs() {
    return {
        {"--category", "C", "only this category (e.g. sms, calls-inbound; unknown names are sent as given)"},
        {"--start", "DATE", "first day (YYYY-MM-DD, GMT) or an offset from today such as -30days"},
        {"--end", "DATE", "last day (YYYY-MM-DD, GMT) or an offset such as +0days"},
        {"--no-subaccounts", "", "leave out the subaccounts' usage (included by default)"},
        {"--limit", "N", "print at most N records"},
        {"--page-size", "N", "records per request, 1..1000 (default 1000)"},
        {"--all", "", "include categories with no usage (the API returns every category)"},
        {"--format", "F", "table (default), csv or json (an array of records as on the wire)"},
        account_option(), base_url_option(), timeout_option(),
    };
}

std::string const usage_line =
    "twilio-usage records [all-time|today|yesterday|this-month|last-month|daily|monthly|yearly] [--category "
    "C] "
    "[--start DATE|OFFSET] [--end DATE|OFFSET] [--no-subaccounts] [--limit N] [--page-size N] [--all] "
    "[--format table|csv|json] [--base-url URL]";

std::string text(std::optional<std::string> const& s) { return s.value_or(""); }
std::string date_text(std::optional<Date> const& d) { return d ? format_date(*d) : std::string(); }
std::string category_text(std::optional<OpenCategory> const& c) {
    return c ? std::string(c->wire_name()) : std::string();
}
/// The description in a table cell: long ones are cut at a word boundary.
std::string short_text(std::optional<std::string> const& s, std::size_t max = 60) {
    std::string t = s.value_or("");
    if (display_width(t) <= max) return t;
    std::size_t cut = max - 1;
    while (cut > 0 && (static_cast<unsigned char>(t[cut]) & 0xC0U) == 0x80U) --cut;
    if (auto space = t.rfind(' ', cut); space != std::string::npos && space > max / 2) cut = space;
    return t.substr(0, cut) + "…";
}
std::string decimal_text(std::optional<Decimal> const& d) { return d ? d->to_string() : std::string(); }

}  // namespace

int run_records(Arguments const& arguments) {
    auto const options = specs();
    ParsedArgs args("records", arguments, options);
    if (args.help()) {
        std::cout << help_text(
            usage_line,
            "Usage records, one per category (and per day, month or year for daily, monthly,\n"
            "yearly). Without a subresource: the whole range, all time by default. Categories\n"
            "with no usage are left out unless --all.",
            options);
        return exit_ok;
    }
    RecordsRequest request;
    if (args.positionals().size() > 1) args.fail("unexpected argument '" + args.positionals()[1] + "'");
    if (!args.positionals().empty()) {
        auto const& name = args.positionals().front();
        bool found = false;
        for (auto const& s : subresources)
            if (s.name == name) {
                request.operation = s.operation;
                found = true;
            }
        if (!found)
            args.fail("unknown subresource '" + name +
                      "': use all-time, today, yesterday, this-month, last-month, daily, monthly or yearly");
    }
    request.category = category_option(args, "--category");
    request.start = date_option(args, "--start");
    request.end = date_option(args, "--end");
    if (args.flag("--no-subaccounts")) request.include_subaccounts = false;
    request.page_size = args.integer("--page-size").value_or(1000);
    auto const limit = args.integer("--limit");
    bool const all = args.flag("--all");
    Format const format = parse_format(args.value("--format"), "records");

    Session session(args);
    auto const listing = records_listing(session, request);

    std::size_t shown = 0;
    Table table{{"category", "description", "start", "end", "count", "usage", "price"},
                {false, false, false, false, true, true, true},
                {}};
    if (format == Format::csv)
        std::cout << csv_line({"category", "description", "start_date", "end_date", "count", "count_unit",
                               "usage", "usage_unit", "price", "price_unit"});
    if (format == Format::json) std::cout << "[";
    for_each_record(listing, [&](UsageRecord const& r) {
        if (limit && shown >= static_cast<std::size_t>(*limit)) return false;
        if (!all && has_no_usage(r)) return true;
        switch (format) {
            case Format::table:
                table.rows.push_back({category_text(r.category), short_text(r.description),
                                      date_text(r.start_date), date_text(r.end_date),
                                      amount(r.count, r.count_unit), amount(r.usage, r.usage_unit),
                                      amount(r.price, r.price_unit)});
                break;
            case Format::csv:
                std::cout << csv_line({category_text(r.category), text(r.description),
                                       date_text(r.start_date), date_text(r.end_date), decimal_text(r.count),
                                       text(r.count_unit), decimal_text(r.usage), text(r.usage_unit),
                                       decimal_text(r.price), text(r.price_unit)});
                break;
            case Format::json:
                std::cout << (shown ? ",\n" : "\n") << to_json(r);
                break;
        }
        ++shown;
        return true;
    });
    if (format == Format::json) std::cout << (shown ? "\n]\n" : "]\n");
    if (format == Format::table) {
        if (table.rows.empty())
            std::cout << "no usage" << (all ? "" : " (--all shows every category)") << "\n";
        else
            table.print(std::cout);
    }
    return exit_ok;
}

}  // namespace twilio_usage_cli
