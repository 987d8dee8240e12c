// twilio-usage records, chart and categories against the demo emulator,
// checked against the same data read through the library.
#include <algorithm>
#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <set>

#include "fixture.hpp"

using namespace twilio_usage;
using namespace cli_test;

namespace {

std::vector<UsageRecord> library_today() { return client_for(demo()).records().today().collect(); }

std::string text(std::optional<std::string> const& s) { return s.value_or(""); }
std::string dec(std::optional<Decimal> const& d) { return d ? d->to_string() : ""; }

}  // namespace

TEST_CASE("records today: a table of the categories with usage, with units") {
    auto const records = library_today();
    REQUIRE(records.size() >= 646);
    auto const o = cli({"records", "today"});
    REQUIRE(o.exit_code == 0);
    CHECK(o.err.empty());
    auto const out = lines(o.out);
    REQUIRE(!out.empty());
    CHECK(out[0].starts_with("category"));
    for (char const* h : {"description", "start", "end", "count", "usage", "price"})
        CHECK(out[0].find(h) != std::string::npos);
    std::size_t with_usage = 0;
    for (auto const& r : records) {
        std::string const name(r.category->wire_name());
        auto it = std::find_if(out.begin() + 1, out.end(),
                               [&](std::string const& l) { return l.starts_with(name + " "); });
        if (has_no_usage(r)) {
            CHECK_MESSAGE(it == out.end(), name << " has no usage and is left out");
            continue;
        }
        ++with_usage;
        REQUIRE_MESSAGE(it != out.end(), "a line for " << name);
        INFO(*it);
        CHECK(it->find(with_unit(r.price, r.price_unit)) != std::string::npos);
        CHECK(it->find(with_unit(r.usage, r.usage_unit)) != std::string::npos);
        if (r.count) CHECK(it->find(with_unit(r.count, r.count_unit)) != std::string::npos);
        CHECK(it->find(format_date(*r.start_date)) != std::string::npos);
    }
    CHECK(with_usage > 5);
    CHECK(out.size() == with_usage + 1);
    // The seed's example: "21 calls" style counts and "usd" prices.
    CHECK(o.out.find(" calls ") != std::string::npos);
    CHECK(o.out.find(" usd") != std::string::npos);
}

TEST_CASE("records today --all: one line per category, zero usage included") {
    auto const records = library_today();
    auto const o = cli({"records", "today", "--all"});
    REQUIRE(o.exit_code == 0);
    CHECK(lines(o.out).size() == records.size() + 1);
    CHECK(o.out.find("\nwireless-usage ") != std::string::npos);  // a category with no demo usage
}

TEST_CASE("records all-time --format csv: parses back to the library's values") {
    auto const records = client_for(demo()).records().list().collect();
    auto const o = cli({"records", "all-time", "--all", "--format", "csv"});
    REQUIRE(o.exit_code == 0);
    auto const rows = parse_csv(o.out);
    REQUIRE(rows.size() == records.size() + 1);
    CHECK(rows[0] == std::vector<std::string>{"category", "description", "start_date", "end_date", "count",
                                              "count_unit", "usage", "usage_unit", "price", "price_unit"});
    bool saw_quoted = false;
    for (std::size_t i = 0; i < records.size(); ++i) {
        auto const& r = records[i];
        auto const& row = rows[i + 1];
        REQUIRE(row.size() == 10);
        CHECK(row[0] == r.category->wire_name());
        CHECK(row[1] == text(r.description));
        CHECK(row[2] == (r.start_date ? format_date(*r.start_date) : ""));
        CHECK(row[3] == (r.end_date ? format_date(*r.end_date) : ""));
        CHECK(row[4] == dec(r.count));
        CHECK(row[5] == text(r.count_unit));
        CHECK(row[6] == dec(r.usage));
        CHECK(row[7] == text(r.usage_unit));
        CHECK(row[8] == dec(r.price));
        CHECK(row[9] == text(r.price_unit));
        if (text(r.description).find(',') != std::string::npos) saw_quoted = true;
    }
    CHECK(saw_quoted);  // descriptions with commas went through RFC 4180 quoting
}

TEST_CASE("records --account: a subaccount's usage with the parent's credentials") {
    std::string const sub = "ACfeedfacefeedfacefeedfacefeedface";  // the demo's "Support line"
    auto const mine = client_for(demo()).for_account(sub).records().list().collect();
    auto const parents = client_for(demo()).records().list().collect();
    auto const o = cli({"records", "all-time", "--all", "--format", "csv", "--account", sub});
    REQUIRE(o.exit_code == 0);
    auto const rows = parse_csv(o.out);
    REQUIRE(rows.size() == mine.size() + 1);
    bool differs_from_parent = false;
    for (std::size_t i = 0; i < mine.size(); ++i) {
        CHECK(rows[i + 1][8] == dec(mine[i].price));
        differs_from_parent = differs_from_parent || dec(mine[i].price) != dec(parents[i].price);
    }
    CHECK(differs_from_parent);  // the subaccount's numbers, not the parent's

    // A malformed SID is a usage error that shows the typo.
    auto const typo = cli({"records", "today", "--account", "ACfeedface"});
    CHECK(typo.exit_code == 2);
    CHECK(typo.err.find("--account must be AC followed by 32 hex digits, got 'ACfeedface'") != std::string::npos);
}

TEST_CASE("records this-month --format json: an array of records, decimals exact as strings") {
    auto const records = client_for(demo()).records().this_month().collect();
    auto const o = cli({"records", "this-month", "--format", "json", "--all"});
    REQUIRE(o.exit_code == 0);
    boost::system::error_code ec;
    auto const doc = boost::json::parse(o.out, ec);
    REQUIRE_MESSAGE(!ec, "valid JSON: " << ec.message());
    REQUIRE(doc.is_array());
    auto const& array = doc.as_array();
    REQUIRE(array.size() == records.size());
    for (std::size_t i = 0; i < records.size(); ++i) {
        auto const& r = records[i];
        auto const& j = array[i].as_object();
        CHECK(j.at("category").as_string() == r.category->wire_name());
        CHECK(j.at("description").as_string() == text(r.description));
        for (auto [key, value] : {std::pair{"count", &r.count}, {"usage", &r.usage}, {"price", &r.price}}) {
            if (*value) {
                REQUIRE(j.at(key).is_string());
                CHECK(std::string(j.at(key).as_string()) == (*value)->to_string());
                CHECK(Decimal::parse(std::string(j.at(key).as_string())).value() == **value);
            } else {
                CHECK(j.at(key).is_null());
            }
        }
        CHECK(j.at("start_date").as_string() == format_date(*r.start_date));
        CHECK(j.at("price_unit").as_string() == text(r.price_unit));
    }
    // Without --all: only the categories with usage.
    auto const some = cli({"records", "this-month", "--format", "json"});
    auto const filtered = boost::json::parse(some.out).as_array();
    auto const expected =
        std::count_if(records.begin(), records.end(), [](auto const& r) { return !has_no_usage(r); });
    CHECK(filtered.size() == static_cast<std::size_t>(expected));
}

TEST_CASE("records daily with --category, --start, --end, --no-subaccounts, --limit, --page-size") {
    auto const client = client_for(demo());
    auto const q = RecordsQuery{}.category(Category::sms).start_date(DayOffset{-9}).end_date(DayOffset{0});
    auto const days = client.records().daily(q).collect();
    REQUIRE(days.size() == 10);
    auto const o = cli({"records", "daily", "--category", "sms", "--start", "-9days", "--end", "+0days",
                        "--format", "csv", "--page-size", "3"});
    REQUIRE(o.exit_code == 0);
    auto const rows = parse_csv(o.out);
    REQUIRE(rows.size() == 11);
    for (std::size_t i = 0; i < days.size(); ++i) {
        CHECK(rows[i + 1][2] == format_date(*days[i].start_date));
        CHECK(rows[i + 1][4] == dec(days[i].count));
        CHECK(rows[i + 1][8] == dec(days[i].price));
    }

    auto const own =
        client.records().list(RecordsQuery{}.category(Category::sms).include_subaccounts(false)).collect();
    auto const all = client.records().list(RecordsQuery{}.category(Category::sms)).collect();
    REQUIRE(own.size() == 1);
    REQUIRE(all.size() == 1);
    CHECK(own[0].count != all[0].count);  // the demo subaccounts send SMS too
    auto const mine =
        parse_csv(cli({"records", "--category", "sms", "--no-subaccounts", "--format", "csv"}).out);
    REQUIRE(mine.size() == 2);
    CHECK(mine[1][4] == dec(own[0].count));
    auto const both = parse_csv(cli({"records", "--category=sms", "--format=csv"}).out);
    REQUIRE(both.size() == 2);
    CHECK(both[1][4] == dec(all[0].count));

    auto const limited = cli({"records", "today", "--limit", "3"});
    REQUIRE(limited.exit_code == 0);
    CHECK(lines(limited.out).size() == 4);

    // An unknown category is sent as given; the server's answer decides.
    auto const unknown = cli({"records", "--category", "no-such-category-yet", "--all", "--format", "json"});
    CHECK(unknown.exit_code == 0);
}

TEST_CASE("chart: one bar per day for the last 30 days, values from the library") {
    auto days = client_for(demo())
                    .records()
                    .daily(RecordsQuery{}.category(Category::sms).start_date(DayOffset{-29}))
                    .collect();
    REQUIRE(days.size() == 30);
    // The server sends the newest day first; the chart runs oldest to newest.
    std::sort(days.begin(), days.end(),
              [](auto const& a, auto const& b) { return *a.start_date < *b.start_date; });
    auto const o = cli({"chart", "--category", "sms"});
    REQUIRE(o.exit_code == 0);
    auto const out = lines(o.out);
    REQUIRE(out.size() == 31);
    CHECK(out[0].starts_with("sms: usage per day"));
    Decimal max;
    for (auto const& d : days) max = std::max(max, *d.usage);
    for (std::size_t i = 0; i < days.size(); ++i) {
        auto const& line = out[i + 1];
        INFO(line);
        CHECK(line.starts_with(format_date(*days[i].start_date) + "  "));
        CHECK(line.ends_with(" " + with_unit(days[i].usage, days[i].usage_unit)));
        std::size_t blocks = 0;
        for (std::size_t p = line.find("█"); p != std::string::npos; p = line.find("█", p + 1)) ++blocks;
        double const expected = days[i].usage->to_double() / max.to_double() * 40;
        CHECK(static_cast<double>(blocks) <= expected + 0.0625 + 1e-9);  // rounded to the nearest eighth
        CHECK(static_cast<double>(blocks) >= expected - 1);
        if (*days[i].usage == max) CHECK(blocks == 40);
    }

    auto const by_price = cli({"chart", "--category", "calls", "--by", "price", "--start", "-6days"});
    REQUIRE(by_price.exit_code == 0);
    auto const price_lines = lines(by_price.out);
    CHECK(price_lines.size() == 8);
    CHECK(price_lines.back().ends_with(" usd"));

    auto const monthly = cli({"chart", "--category", "calls", "--monthly"});
    REQUIRE(monthly.exit_code == 0);
    CHECK(lines(monthly.out).size() == 13);
}

TEST_CASE("categories --search sms: the known categories matching, any case") {
    auto const o = cli({"categories", "--search", "SMS"});
    REQUIRE(o.exit_code == 0);
    auto const out = lines(o.out);
    std::size_t expected = 0;
    auto lower = [](std::string_view s) {
        std::string r(s);
        for (char& c : r) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return r;
    };
    for (Category c : all_categories()) {
        bool const match = lower(to_string(c)).find("sms") != std::string::npos ||
                           lower(description(c)).find("sms") != std::string::npos ||
                           lower(to_string(group(c))).find("sms") != std::string::npos;
        auto const it = std::find_if(out.begin() + 1, out.end(),
                                     [&](std::string const& l) { return first_cell(l) == to_string(c); });
        CHECK_MESSAGE(match == (it != out.end()), to_string(c));
        expected += match;
    }
    CHECK(out.size() == expected + 1);
    CHECK(o.out.find("sms-outbound-longcode") != std::string::npos);

    auto const all = cli({"categories", "--format", "csv"});
    CHECK(parse_csv(all.out).size() == all_categories().size() + 1);
    auto const json = boost::json::parse(cli({"categories", "--search", "lookups", "--format", "json"}).out);
    CHECK(json.as_array().size() > 2);
}

TEST_CASE("categories diff: the server's categories the spec lacks, as YAML") {
    auto const none = cli({"categories", "diff"});
    REQUIRE(none.exit_code == 0);
    CHECK(none.out == "no new categories\n");

    testing::Emulator emu;  // its own, so that the unknown category stays here
    emu.start();
    emu.add_usage({emu.main_account().sid, OpenCategory("brand-new-category"), emu.now(), Decimal(3),
                   Decimal(3), Decimal(1)});
    emu.add_usage(
        {emu.main_account().sid, OpenCategory(Category::sms), emu.now(), Decimal(1), Decimal(1), Decimal(1)});
    auto const server = client_for(emu)
                            .records()
                            .all_time(RecordsQuery{}.category(OpenCategory("brand-new-category")))
                            .collect();
    REQUIRE(server.size() == 1);
    auto const o = cli({"categories", "diff"}, env_for(emu));
    REQUIRE(o.exit_code == 0);
    CHECK(o.out ==
          "  - {name: brand-new-category, short_description: \"" + server[0].description.value() + "\"}\n");
    // The records table shows it by its wire name.
    auto const table = cli({"records", "--category", "brand-new-category"}, env_for(emu));
    CHECK(table.out.find("\nbrand-new-category ") != std::string::npos);
}

TEST_CASE("records: every subresource matches the library's listing") {
    auto const client = client_for(demo());
    for (auto [name, op] : {std::pair{"all-time", Operation::all_time},
                            {"today", Operation::today},
                            {"yesterday", Operation::yesterday},
                            {"this-month", Operation::this_month},
                            {"last-month", Operation::last_month},
                            {"daily", Operation::daily},
                            {"monthly", Operation::monthly},
                            {"yearly", Operation::yearly}}) {
        INFO(name);
        auto const q = RecordsQuery{}.start_date(DayOffset{-3});
        auto const records = client.records().listing(op, q).collect();
        auto const rows = parse_csv(cli({"records", name, "--start", "-3days", "--format", "csv"}).out);
        std::vector<UsageRecord> expected;
        for (auto const& r : records)
            if (!has_no_usage(r)) expected.push_back(r);
        REQUIRE(rows.size() == expected.size() + 1);
        for (std::size_t i = 0; i < expected.size(); ++i) {
            CHECK(rows[i + 1][0] == expected[i].category->wire_name());
            CHECK(rows[i + 1][2] == format_date(*expected[i].start_date));
            CHECK(rows[i + 1][6] == dec(expected[i].usage));
            CHECK(rows[i + 1][8] == dec(expected[i].price));
        }
    }
}
