// twilio-usage chart --category C: one bar per day (or month) of one
// category's count, usage or price, scaled to the largest value.
#include <algorithm>
#include <cmath>
#include <iostream>

#include "cli.hpp"
#include "format.hpp"
#include "query.hpp"
#include "session.hpp"

namespace twilio_usage_cli {

using namespace twilio_usage;

namespace {

std::vector<OptionSpec> specs() {
    return {
        {"--category", "C", "the category to chart (required)"},
        {"--daily", "", "one bar per day (the default; from -29days: the last 30 days)"},
        {"--monthly", "", "one bar per month (default: the last 12 months)"},
        {"--start", "DATE", "first day (YYYY-MM-DD, GMT) or an offset such as -90days"},
        {"--end", "DATE", "last day (YYYY-MM-DD, GMT) or an offset"},
        {"--by", "WHAT", "count, usage (default) or price"},
        {"--width", "N", "length of the longest bar in characters (default 40)"},
        {"--no-subaccounts", "", "leave out the subaccounts' usage"},
        account_option(), base_url_option(), timeout_option(),
    };
}

std::string const usage_line =
    "twilio-usage chart --category C [--daily|--monthly] [--start DATE|OFFSET] [--end DATE|OFFSET] "
    "[--by count|usage|price] [--width N] [--no-subaccounts] [--base-url URL]";

/// Full blocks, then one of ▏▎▍▌▋▊▉ for the last eighths; at least ▏ for
/// any value above zero.
std::string bar(double value, double max, std::int64_t width) {
    if (!(value > 0) || !(max > 0)) return {};
    static constexpr char const* eighths[] = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
    double const cells = value / max * static_cast<double>(width);
    auto full = static_cast<std::int64_t>(std::floor(cells));
    auto part = static_cast<int>(std::lround((cells - static_cast<double>(full)) * 8));
    if (part == 8) {
        ++full;
        part = 0;
    }
    std::string out;
    for (std::int64_t i = 0; i < full; ++i) out += "█";
    out += eighths[part];
    if (out.empty()) out = "▏";
    return out;
}

}  // namespace

int run_chart(Arguments const& arguments) {
    auto const options = specs();
    ParsedArgs args("chart", arguments, options);
    if (args.help()) {
        std::cout << help_text(
            usage_line,
            "A bar chart of one category in the terminal: one bar per day (or month), its\n"
            "length proportional to the largest value, with the value and its unit.",
            options);
        return exit_ok;
    }
    if (!args.positionals().empty()) args.fail("unexpected argument '" + args.positionals().front() + "'");
    if (args.flag("--daily") && args.flag("--monthly")) args.fail("give --daily or --monthly, not both");
    bool const monthly = args.flag("--monthly");
    RecordsRequest request;
    request.operation = monthly ? Operation::monthly : Operation::daily;
    request.category = category_option(args, "--category");
    if (!request.category) args.fail("--category is required (e.g. --category sms)");
    request.start = date_option(args, "--start");
    request.end = date_option(args, "--end");
    if (!request.start) {
        if (monthly) {
            Date const today = today_gmt();
            auto const ym = std::chrono::year_month{today.year(), today.month()} - std::chrono::months{11};
            request.start = DateSpec(Date{ym / std::chrono::day{1}});
        } else {
            request.start = DateSpec(DayOffset{-29});
        }
    }
    if (args.flag("--no-subaccounts")) request.include_subaccounts = false;
    request.page_size = 1000;
    std::string const by = args.choice("--by", {"count", "usage", "price"}).value_or("usage");
    std::int64_t const width = args.integer("--width").value_or(40);
    if (width > 500) args.fail("--width must be at most 500");

    Session session(args);
    auto const listing = records_listing(session, request);

    struct Point {
        Date date;
        std::optional<Decimal> value;
        std::string unit;
    };
    std::vector<Point> points;
    for_each_record(listing, [&](UsageRecord const& r) {
        Point p{r.start_date.value_or(Date{}), {}, {}};
        if (by == "count")
            p = {p.date, r.count, r.count_unit.value_or("")};
        else if (by == "usage")
            p = {p.date, r.usage, r.usage_unit.value_or("")};
        else
            p = {p.date, r.price, r.price_unit.value_or("")};
        points.push_back(std::move(p));
        return true;
    });
    std::stable_sort(points.begin(), points.end(),
                     [](Point const& a, Point const& b) { return a.date < b.date; });

    std::string const name(request.category->wire_name());
    if (points.empty()) {
        std::cout << name << ": no records in this range\n";
        return exit_ok;
    }
    double max = 0;
    Decimal total;
    std::string unit;
    for (auto const& p : points) {
        if (p.value) {
            max = std::max(max, p.value->to_double());
            total += *p.value;
        }
        if (unit.empty()) unit = p.unit;
    }
    auto with_unit = [&](Decimal const& d) { return d.to_string() + (unit.empty() ? "" : " " + unit); };
    std::cout << name << ": " << by << " per " << (monthly ? "month" : "day") << ", "
              << format_date(points.front().date) << " to " << format_date(points.back().date) << " (total "
              << with_unit(total) << ")\n";
    for (auto const& p : points) {
        std::string label = format_date(p.date);
        if (monthly) label = label.substr(0, 7);
        std::string const b = bar(p.value ? p.value->to_double() : 0, max, width);
        std::string const pad(static_cast<std::size_t>(width) + 1 - display_width(b), ' ');
        std::cout << label << "  " << b << pad << " " << amount(p.value.value_or(Decimal{}), p.unit) << "\n";
    }
    return exit_ok;
}

}  // namespace twilio_usage_cli
