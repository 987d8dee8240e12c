// Usage Records over loopback HTTP: sums by hand, rollup, filters, every
// subresource, both formats, paging.
#include "helpers.hpp"

#include "twilio_usage/core/json_decode.hpp"

#include <set>

using namespace emu_test;

namespace {

struct Fixture {
    Emulator emu{fixed_options()};
    Account sub;
    Fixture() {
        sub = emu.add_account(emu.main_account().sid);
        auto const& m = emu.main_account().sid;
        emu.add_usage(event(m, "calls-inbound-local", at(2024, 3, 10), "3", "10", "0.085"));
        emu.add_usage(event(m, "calls-inbound-tollfree", at(2024, 3, 12), "1", "4", "0.088"));
        emu.add_usage(event(m, "calls-outbound", at(2024, 2, 20), "2", "5", "0.07"));
        emu.add_usage(event(sub.sid, "sms-outbound-longcode", at(2024, 3, 15, 9), "5", "5", "0.0395"));
        emu.start();
    }
};

void check_amounts(boost::json::object const* r, char const* count, char const* usage, char const* price) {
    REQUIRE(r != nullptr);
    CHECK(str(r->at("count")) == count);
    CHECK(str(r->at("usage")) == usage);
    CHECK(str(r->at("price")) == price);
}

}  // namespace

TEST_CASE("records: root list sums and rolls up by hand, totalprice, all fields") {
    Fixture f;
    Api api(f.emu);
    auto r = api.get(api.base() + "/Usage/Records.json?PageSize=1000");
    REQUIRE(r);
    REQUIRE(r->status == 200);
    CHECK(r->get_header_value("Content-Type").starts_with("application/json"));
    auto page = json_of(r);
    auto const& items = page.at("usage_records").as_array();
    CHECK(items.size() == category_count);  // every category, zero usage included

    check_amounts(find_record(page, "calls-inbound-local"), "3", "10", "0.085");
    check_amounts(find_record(page, "calls-inbound-tollfree"), "1", "4", "0.088");
    check_amounts(find_record(page, "calls-inbound"), "4", "14", "0.173");
    check_amounts(find_record(page, "calls-outbound"), "2", "5", "0.07");
    check_amounts(find_record(page, "calls"), "6", "19", "0.243");
    check_amounts(find_record(page, "sms-outbound-longcode"), "5", "5", "0.0395");  // subaccount included
    check_amounts(find_record(page, "sms-outbound"), "5", "5", "0.0395");
    check_amounts(find_record(page, "sms"), "5", "5", "0.0395");
    check_amounts(find_record(page, "mms"), "0", "0", "0");
    auto const* total = find_record(page, "totalprice");
    REQUIRE(total);
    CHECK(total->at("count").is_null());
    CHECK(str(total->at("usage")) == "0.2825");
    CHECK(str(total->at("price")) == "0.2825");

    auto const* calls = find_record(page, "calls");
    auto const& m = f.emu.main_account().sid;
    CHECK(calls->size() == 15);
    CHECK(str(calls->at("account_sid")) == m);
    CHECK(str(calls->at("api_version")) == "2010-04-01");
    CHECK(str(calls->at("as_of")) == "2024-03-15T10:00:00+00:00");
    CHECK(str(calls->at("description")) == "Total Calls");  // the short name, as in the seed
    CHECK(str(calls->at("start_date")) == "2024-02-20");  // first usage
    CHECK(str(calls->at("end_date")) == "2024-03-15");
    CHECK(str(calls->at("count_unit")) == "calls");
    CHECK(str(calls->at("usage_unit")) == "minutes");
    CHECK(str(calls->at("price_unit")) == "usd");
    CHECK(str(calls->at("uri")) ==
          "/2010-04-01/Accounts/" + m + "/Usage/Records.json?Category=calls&StartDate=2024-02-20&EndDate=2024-03-15");
    auto const& subs = calls->at("subresource_uris").as_object();
    CHECK(subs.size() == 8);
    for (auto [key, name] : {std::pair{"all_time", "AllTime"}, {"daily", "Daily"}, {"last_month", "LastMonth"},
                             {"monthly", "Monthly"}, {"this_month", "ThisMonth"}, {"today", "Today"},
                             {"yearly", "Yearly"}, {"yesterday", "Yesterday"}})
        CHECK(str(subs.at(key)) == "/2010-04-01/Accounts/" + m + "/Usage/Records/" + name + ".json?Category=calls");

    // Page envelope.
    CHECK(page.at("next_page_uri").is_null());
    CHECK(page.at("previous_page_uri").is_null());
    CHECK(str(page.at("first_page_uri")) == "/2010-04-01/Accounts/" + m + "/Usage/Records.json?Page=0&PageSize=1000");
    CHECK(str(page.at("uri")) == "/2010-04-01/Accounts/" + m + "/Usage/Records.json");
    CHECK(page.at("page").as_int64() == 0);
    CHECK(page.at("page_size").as_int64() == 1000);
    CHECK(page.at("start").as_int64() == 0);
    CHECK(page.at("end").as_int64() == static_cast<std::int64_t>(category_count) - 1);
    // A description the spec lacks falls back to the name.
    auto const* first = &items[0].as_object();
    CHECK(str(first->at("description")).size() > 0);
}

TEST_CASE("records: output decodes with the project's decode_page to exact values") {
    Fixture f;
    Api api(f.emu);
    auto r = api.get(api.base() + "/Usage/Records.json?Category=calls-inbound");
    REQUIRE(r);
    auto page = decode_page<UsageRecord>(r->body, "usage_records");
    REQUIRE(page.has_value());
    REQUIRE(page->items.size() == 1);
    auto const& rec = page->items[0];
    CHECK(rec.category == OpenCategory(Category::calls_inbound));
    CHECK(rec.count == dec("4"));
    CHECK(rec.usage == dec("14"));
    CHECK(rec.price == dec("0.173"));
    CHECK(rec.start_date == Date{std::chrono::year{2024} / 2 / 20});
    CHECK(rec.end_date == Date{std::chrono::year{2024} / 3 / 15});
    CHECK(rec.as_of == fixed_now());
    REQUIRE(rec.subresource_uris);
    CHECK(rec.subresource_uris->daily.has_value());
    CHECK(page->info.next_page_uri == std::nullopt);
    CHECK(page->info.page_size == 50);

    auto t = api.get(api.base() + "/Usage/Records.json?Category=totalprice");
    auto tp = decode_page<UsageRecord>(t->body, "usage_records");
    REQUIRE(tp.has_value());
    CHECK_FALSE(tp->items.at(0).count.has_value());
    CHECK(tp->items.at(0).price == dec("0.2825"));
}

TEST_CASE("records: prices as JSON numbers keep every digit") {
    auto o = fixed_options();
    o.prices_as_numbers = true;
    Emulator emu(o);
    emu.add_usage(event(emu.main_account().sid, "sms-outbound-longcode", at(2024, 3, 1), "7", "7", "0.0553"));
    emu.start();
    Api api(emu);
    auto r = api.get(api.base() + "/Usage/Records/ThisMonth.json?Category=sms");
    REQUIRE(r);
    CHECK(r->body.find("\"price\":0.0553") != std::string::npos);
    CHECK(r->body.find("\"count\":7") != std::string::npos);
    auto page = decode_page<UsageRecord>(r->body, "usage_records");
    REQUIRE(page.has_value());
    CHECK(page->items.at(0).price->to_string() == "0.0553");
}

TEST_CASE("records: IncludeSubaccounts, subaccount path, Category filter, date filters and offsets") {
    Fixture f;
    Api api(f.emu);
    auto no_sub = json_of(api.get(api.base() + "/Usage/Records.json?Category=totalprice&IncludeSubaccounts=false"));
    CHECK(str(no_sub.at("usage_records").as_array().at(0).at("price")) == "0.243");
    CHECK(str(no_sub.at("uri")).ends_with("Records.json?Category=totalprice&IncludeSubaccounts=false"));

    // The subaccount's own records with the parent's credentials.
    auto sub = json_of(api.get(api.base(f.sub.sid) + "/Usage/Records.json?Category=sms"));
    auto const& rec = sub.at("usage_records").as_array().at(0).as_object();
    CHECK(str(rec.at("account_sid")) == f.sub.sid);
    CHECK(str(rec.at("count")) == "5");
    // ... and with its own credentials.
    Api own(f.emu, f.sub.sid, f.sub.auth_token);
    auto r = own.get(own.base(f.sub.sid) + "/Usage/Records.json?Category=calls");
    CHECK(r->status == 200);
    CHECK(str(json_of(r).at("usage_records").as_array().at(0).at("count")) == "0");

    auto ranged = json_of(api.get(api.base() + "/Usage/Records.json?Category=calls&StartDate=2024-03-01&EndDate=2024-03-31"));
    auto const& c = ranged.at("usage_records").as_array().at(0).as_object();
    CHECK(str(c.at("count")) == "4");
    CHECK(str(c.at("start_date")) == "2024-03-01");
    CHECK(str(c.at("end_date")) == "2024-03-31");
    CHECK(str(ranged.at("first_page_uri")).ends_with(
        "Records.json?Category=calls&StartDate=2024-03-01&EndDate=2024-03-31&Page=0&PageSize=50"));

    // Offsets resolve against the emulator's today (2024-03-15).
    auto offs = json_of(api.get(api.base() + "/Usage/Records.json?Category=calls&StartDate=-5days&EndDate=%2B0days"));
    auto const& o = offs.at("usage_records").as_array().at(0).as_object();
    CHECK(str(o.at("start_date")) == "2024-03-10");
    CHECK(str(o.at("end_date")) == "2024-03-15");
    CHECK(str(o.at("count")) == "4");

    auto all_time = json_of(api.get(api.base() + "/Usage/Records/AllTime.json?Category=calls-outbound"));
    CHECK(str(all_time.at("usage_records").as_array().at(0).at("count")) == "2");
}

TEST_CASE("records: the period subresources") {
    Fixture f;
    Api api(f.emu);
    auto one = [&](std::string const& sub, std::string const& query) {
        auto page = json_of(api.get(api.base() + "/Usage/Records/" + sub + ".json?" + query));
        return page;
    };
    auto today = one("Today", "Category=sms");
    auto const& t = today.at("usage_records").as_array().at(0).as_object();
    CHECK(str(t.at("start_date")) == "2024-03-15");
    CHECK(str(t.at("end_date")) == "2024-03-15");
    CHECK(str(t.at("count")) == "5");
    CHECK(t.at("subresource_uris").is_null());

    auto yesterday = one("Yesterday", "Category=calls");
    CHECK(str(yesterday.at("usage_records").as_array().at(0).at("start_date")) == "2024-03-14");
    CHECK(str(yesterday.at("usage_records").as_array().at(0).at("count")) == "0");

    auto this_month = one("ThisMonth", "Category=calls");
    auto const& tm = this_month.at("usage_records").as_array().at(0).as_object();
    CHECK(str(tm.at("start_date")) == "2024-03-01");
    CHECK(str(tm.at("end_date")) == "2024-03-15");
    CHECK(str(tm.at("count")) == "4");
    CHECK(str(tm.at("uri")).ends_with("/Usage/Records/ThisMonth.json?Category=calls&StartDate=2024-03-01&EndDate=2024-03-15"));

    auto last_month = one("LastMonth", "Category=calls");
    auto const& lm = last_month.at("usage_records").as_array().at(0).as_object();
    CHECK(str(lm.at("start_date")) == "2024-02-01");
    CHECK(str(lm.at("end_date")) == "2024-02-29");
    CHECK(str(lm.at("count")) == "2");
    CHECK(str(lm.at("price")) == "0.07");

    auto daily = one("Daily", "Category=calls&StartDate=2024-03-09&EndDate=2024-03-12");
    auto const& d = daily.at("usage_records").as_array();
    REQUIRE(d.size() == 4);
    CHECK(str(d[0].at("start_date")) == "2024-03-12");  // newest first, as in the seed
    CHECK(str(d[0].at("count")) == "1");
    CHECK(str(d[1].at("count")) == "0");
    CHECK(str(d[2].at("start_date")) == "2024-03-10");
    CHECK(str(d[2].at("end_date")) == "2024-03-10");
    CHECK(str(d[2].at("count")) == "3");
    CHECK(str(d[3].at("count")) == "0");
    CHECK(str(d[2].at("uri")).ends_with("/Usage/Records/Daily.json?Category=calls&StartDate=2024-03-10&EndDate=2024-03-10"));

    auto daily_default = one("Daily", "Category=calls");
    CHECK(daily_default.at("usage_records").as_array().size() == 30);  // the last 30 days
    CHECK(str(daily_default.at("usage_records").as_array().at(29).at("start_date")) == "2024-02-15");

    auto monthly = one("Monthly", "Category=calls&StartDate=2024-01-01");
    auto const& mo = monthly.at("usage_records").as_array();
    REQUIRE(mo.size() == 3);
    CHECK(str(mo[0].at("start_date")) == "2024-03-01");
    CHECK(str(mo[0].at("end_date")) == "2024-03-15");
    CHECK(str(mo[0].at("count")) == "4");
    CHECK(str(mo[1].at("start_date")) == "2024-02-01");
    CHECK(str(mo[1].at("end_date")) == "2024-02-29");
    CHECK(str(mo[1].at("count")) == "2");
    CHECK(str(mo[2].at("count")) == "0");

    auto yearly = one("Yearly", "Category=calls&StartDate=2023-06-01");
    auto const& y = yearly.at("usage_records").as_array();
    REQUIRE(y.size() == 2);
    CHECK(str(y[0].at("start_date")) == "2024-01-01");
    CHECK(str(y[0].at("count")) == "6");
    CHECK(str(y[1].at("start_date")) == "2023-06-01");
    CHECK(str(y[1].at("end_date")) == "2023-12-31");
    CHECK(str(y[1].at("count")) == "0");
}

TEST_CASE("records: unknown categories are kept and listed after the spec's") {
    Fixture f;
    f.emu.add_usage(event(f.emu.main_account().sid, "brand-new-thing", at(2024, 3, 14), "2", "2.5", "1.25"));
    Api api(f.emu);
    auto page = json_of(api.get(api.base() + "/Usage/Records.json?PageSize=1000"));
    auto const& items = page.at("usage_records").as_array();
    REQUIRE(items.size() == category_count + 1);
    auto const& last = items.back().as_object();
    CHECK(str(last.at("category")) == "brand-new-thing");
    CHECK(str(last.at("description")) == "brand-new-thing");
    CHECK(str(last.at("usage")) == "2.5");
    check_amounts(find_record(page, "totalprice") ? find_record(page, "totalprice") : nullptr, "<null>", "1.5325",
                  "1.5325");
    // A filter on a name nobody used answers one zero record.
    auto z = json_of(api.get(api.base() + "/Usage/Records.json?Category=never-seen"));
    REQUIRE(z.at("usage_records").as_array().size() == 1);
    CHECK(str(z.at("usage_records").as_array().at(0).at("usage")) == "0");
}

TEST_CASE("records: XML without the .json suffix, in the seed's shape") {
    Fixture f;
    Api api(f.emu);
    auto r = api.get(api.base() + "/Usage/Records?Category=calls&StartDate=2024-03-01&EndDate=2024-03-31");
    REQUIRE(r);
    CHECK(r->status == 200);
    CHECK(r->get_header_value("Content-Type").starts_with("application/xml"));
    auto const& b = r->body;
    auto const m = f.emu.main_account().sid;
    // The list element's attributes in the seed's order (exactly these six).
    CHECK(b.find("<TwilioResponse><UsageRecords pagesize=\"50\" nextpageuri=\"\" uri=\"/2010-04-01/Accounts/" + m +
                 "/Usage/Records?Category=calls&amp;StartDate=2024-03-01&amp;EndDate=2024-03-31\" firstpageuri=\"") !=
          std::string::npos);
    CHECK(b.find("&amp;Page=0&amp;PageSize=50\" previouspageuri=\"\" page=\"0\"><UsageRecord>") != std::string::npos);
    CHECK(b.find("firstpageuri=\"/2010-04-01/Accounts/" + m +
                 "/Usage/Records?Category=calls&amp;StartDate=2024-03-01&amp;EndDate=2024-03-31&amp;Page=0&amp;PageSize=50\"") !=
          std::string::npos);
    CHECK(b.find("nextpageuri=\"\"") != std::string::npos);
    CHECK(b.find("<UsageRecord><Category>calls</Category>") != std::string::npos);
    CHECK(b.find("<AccountSid>" + m + "</AccountSid>") != std::string::npos);
    CHECK(b.find("<Count>4</Count>") != std::string::npos);
    CHECK(b.find("<CountUnit>calls</CountUnit>") != std::string::npos);
    CHECK(b.find("<Price>0.173</Price>") != std::string::npos);
    CHECK(b.find("<PriceUnit>usd</PriceUnit>") != std::string::npos);
    CHECK(b.find("<Uri>/2010-04-01/Accounts/" + m +
                 "/Usage/Records?Category=calls&amp;StartDate=2024-03-01&amp;EndDate=2024-03-31</Uri>") != std::string::npos);
    CHECK(b.find("<Daily>/2010-04-01/Accounts/" + m + "/Usage/Records/Daily?Category=calls</Daily>") != std::string::npos);
    CHECK(b.find("</UsageRecords></TwilioResponse>") != std::string::npos);

    for (char const* sub : {"AllTime", "Daily", "Monthly", "Yearly", "Today", "Yesterday", "ThisMonth", "LastMonth"}) {
        auto x = api.get(api.base() + "/Usage/Records/" + sub + "?Category=sms");
        REQUIRE(x);
        CHECK(x->status == 200);
        CHECK(x->body.find("<Category>sms</Category>") != std::string::npos);
        auto j = api.get(api.base() + "/Usage/Records/" + sub + ".json?Category=sms");
        REQUIRE(j);
        CHECK(j->status == 200);
        CHECK(decode_page<UsageRecord>(j->body, "usage_records").has_value());
    }
    // totalprice: an empty Count element; errors are XML too.
    auto tp = api.get(api.base() + "/Usage/Records?Category=totalprice");
    CHECK(tp->body.find("<Count/>") != std::string::npos);
    auto bad = api.get(api.base() + "/Usage/Records?PageSize=0");
    CHECK(bad->status == 400);
    CHECK(bad->body.find("<RestException><Code>20001</Code>") != std::string::npos);
}

TEST_CASE("records: XML list element and SubresourceUris byte for byte as in the seed") {
    Fixture f;
    Api api(f.emu);
    auto const m = f.emu.main_account().sid;
    std::string const acc = "/2010-04-01/Accounts/" + m;
    // The seed's Example 2 (today's calls): its list element, with the
    // seed's account SID replaced and '&' escaped as XML requires.
    auto today = api.get(acc + "/Usage/Records/Today?Category=calls");
    REQUIRE(today);
    CHECK(today->status == 200);
    std::string const list_element = "<UsageRecords pagesize=\"50\" nextpageuri=\"\" uri=\"" + acc +
                                     "/Usage/Records/Today?Category=calls\" firstpageuri=\"" + acc +
                                     "/Usage/Records/Today?Category=calls&amp;Page=0&amp;PageSize=50\" previouspageuri=\"\" "
                                     "page=\"0\">";
    CHECK(today->body.find("<TwilioResponse>" + list_element + "<UsageRecord>") != std::string::npos);
    CHECK(today->body.find("<SubresourceUris/>") != std::string::npos);  // none on the period subresources

    // The seed's last example (the root list): the links in its order.
    auto root = api.get(acc + "/Usage/Records?Category=calleridlookups");
    REQUIRE(root);
    CHECK(root->status == 200);
    std::string links;
    for (char const* sub : {"AllTime", "Today", "Yesterday", "ThisMonth", "LastMonth", "Daily", "Monthly", "Yearly"})
        links += std::string("<") + sub + ">" + acc + "/Usage/Records/" + sub + "?Category=calleridlookups</" + sub + ">";
    CHECK(root->body.find("<SubresourceUris>" + links + "</SubresourceUris></UsageRecord>") != std::string::npos);
}

TEST_CASE("records: description is the short name Twilio sends, in JSON and XML") {
    Fixture f;
    Api api(f.emu);
    // Every category of the seed's examples, with the description it shows.
    for (auto [category, name] : {std::pair{"calls", "Total Calls"},
                                  {"calls-inbound", "Inbound Calls"},
                                  {"calleridlookups", "Caller ID Lookups"},
                                  {"shortcodes-customerowned", "Customer Owned ShortCodes"},
                                  {"sms-inbound-shortcode", "Inbound ShortCode SMS"}}) {
        INFO(category);
        for (char const* sub : {"", "/Daily", "/LastMonth"}) {
            auto page = json_of(api.get(api.base() + "/Usage/Records" + sub + ".json?Category=" + category));
            auto const* r = find_record(page, category);
            REQUIRE(r);
            CHECK(str(r->at("description")) == name);
            auto xml = api.get(api.base() + "/Usage/Records" + sub + "?Category=" + category);
            REQUIRE(xml);
            CHECK(xml->body.find(std::string("<Category>") + category + "</Category><Description>" + name +
                                 "</Description>") != std::string::npos);
        }
        // The long text stays the library's documentation of the category.
        auto const c = category_from_string(category).value();
        CHECK(short_description(c) == name);
        CHECK(description(c) != name);
        CHECK(description(c).size() > short_description(c).size());
    }
    // Without a short name the spec's long text goes out, and the name without either.
    CHECK(short_description(Category::sms).empty());
    auto sms = json_of(api.get(api.base() + "/Usage/Records.json?Category=sms"));
    CHECK(str(find_record(sms, "sms")->at("description")) == std::string(description(Category::sms)));
    REQUIRE(description(Category::a2p_registration_fees).empty());
    auto bare = json_of(api.get(api.base() + "/Usage/Records.json?Category=a2p-registration-fees"));
    CHECK(str(find_record(bare, "a2p-registration-fees")->at("description")) == "a2p-registration-fees");
}

TEST_CASE("records: paging Daily over 60 days x every category follows next_page_uri without gaps") {
    Fixture f;
    Api api(f.emu);
    std::size_t const before = f.emu.request_count();
    std::string next = api.base() + "/Usage/Records/Daily.json?StartDate=2024-01-16&EndDate=2024-03-15&PageSize=1000";
    std::set<std::pair<std::string, std::string>> seen;
    std::size_t pages = 0, records = 0;
    std::string second_page, first_body;
    std::string calls_0310;
    while (!next.empty()) {
        auto r = api.get(next);
        REQUIRE(r);
        REQUIRE(r->status == 200);
        auto page = decode_page<UsageRecord>(r->body, "usage_records");
        REQUIRE(page.has_value());
        if (pages == 0) first_body = r->body;
        if (pages == 1) second_page = next;
        CHECK(page->info.page == static_cast<std::int64_t>(pages));
        CHECK(page->info.start == static_cast<std::int64_t>(records));
        for (auto const& rec : page->items) {
            auto key = std::pair{std::string(rec.category->wire_name()), format_date(*rec.start_date)};
            CHECK(seen.insert(key).second);
            if (key == std::pair{std::string("calls"), std::string("2024-03-10")}) calls_0310 = rec.count->to_string();
        }
        records += page->items.size();
        ++pages;
        next = page->info.next_page_uri.value_or("");
        if (!next.empty()) CHECK(next.find("PageToken=PT") != std::string::npos);
    }
    CHECK(records == 60 * category_count);
    CHECK(seen.size() == 60 * category_count);
    CHECK(pages == (60 * category_count + 999) / 1000);
    CHECK(f.emu.request_count() - before == pages);
    CHECK(calls_0310 == "3");

    // previous_page_uri of page 1 gives page 0 back.
    auto p1 = json_of(api.get(second_page));
    auto back = api.get(str(p1.at("previous_page_uri")));
    REQUIRE(back);
    CHECK(back->body.substr(back->body.find("\"usage_records\"")) ==
          first_body.substr(first_body.find("\"usage_records\"")));
}

TEST_CASE("records: the envelope comes in Twilio's order, next_page_uri after the records") {
    // A client that reads next_page_uri before the list would pass against an
    // emulator that sends it first and fail against Twilio (the seeds' order).
    Fixture f;
    Api api(f.emu);
    std::vector<std::string> const order{"first_page_uri", "previous_page_uri", "uri",           "page_size", "start",
                                         "end",            "usage_records",     "next_page_uri", "page"};
    // 15 days x every category: three pages of 1000 and more, each rendered
    // in several batches; the first, a middle and the last page.
    std::string next = api.base() + "/Usage/Records/Daily.json?StartDate=2024-03-01&EndDate=2024-03-15&PageSize=1000";
    std::size_t pages = 0;
    while (!next.empty()) {
        auto page = json_of(api.get(next));
        CHECK(keys_of(page) == order);
        CHECK(page.at("page").as_int64() == static_cast<std::int64_t>(pages));
        CHECK(page.at("previous_page_uri").is_null() == (pages == 0));
        next = page.at("next_page_uri").is_null() ? std::string() : str(page.at("next_page_uri"));
        ++pages;
    }
    CHECK(pages == (15 * category_count + 999) / 1000);
    // A one-record page, and the root list (records with subresource_uris).
    CHECK(keys_of(json_of(api.get(api.base() + "/Usage/Records/Today.json?Category=calls"))) == order);
    CHECK(keys_of(json_of(api.get(api.base() + "/Usage/Records.json?PageSize=1000"))) == order);
}

TEST_CASE("records: bad page tokens are refused") {
    Fixture f;
    Api api(f.emu);
    auto page = json_of(api.get(api.base() + "/Usage/Records.json?PageSize=10"));
    std::string const next = str(page.at("next_page_uri"));
    CHECK(api.get(next)->status == 200);
    std::string tampered = next;
    auto const pos = tampered.find("PageToken=PT") + 12;
    tampered[pos + 15] = tampered[pos + 15] == '1' ? '2' : '1';  // change the offset
    check_error(api.get(tampered), 400, 20001);
    check_error(api.get(api.base() + "/Usage/Records.json?PageToken=garbage"), 400, 20001);
    // A token of another listing (other filters) is refused too.
    std::string const token = next.substr(next.find("PageToken=") + 10);
    check_error(api.get(api.base() + "/Usage/Records.json?Category=calls&PageToken=" + token), 400, 20001);
    auto msg = json_of(api.get(api.base() + "/Usage/Records.json?PageToken=x"));
    CHECK(str(msg.at("message")).find("PageToken") != std::string::npos);
}

TEST_CASE("records: pages of more than one batch are streamed in chunks, byte for byte as rendered whole") {
    Fixture f;
    auto const& m = f.emu.main_account().sid;
    f.emu.add_usage(event(m, "brand-new-category", at(2024, 3, 1), "7", "7", "0.5"));
    f.emu.add_usage(event(m, "weird \"name\" ü/&?", at(2024, 3, 2), "1", "2", "0.25"));
    Api api(f.emu);

    // What render_records_json gives whole for the same request, from the state.
    auto whole = [&](Operation op, std::string const& account, QueryParams const& q, bool numbers = false) {
        EmulatorState& s = f.emu.state();
        std::shared_lock lock(s.mu);
        auto listing = resolve_records(op, true, account, q, s.store, s.categories, s.accounts, s.clock.now(), s.tokens);
        return render_records_json(listing, s.store, s.categories, s.tokens, RenderOptions{numbers});
    };
    struct Case {
        Operation op;
        std::string sub;
        QueryParams q;
    };
    std::vector<Case> const cases = {
        {Operation::daily, "/Daily", {{"StartDate", "2024-02-01"}, {"EndDate", "2024-03-15"}, {"PageSize", "1000"}}},
        {Operation::daily, "/Daily", {{"StartDate", "2024-02-01"}, {"EndDate", "2024-03-15"}, {"PageSize", "65"}}},
        {Operation::daily, "/Daily", {{"StartDate", "2024-02-01"}, {"EndDate", "2024-03-15"}, {"PageSize", "64"}}},
        {Operation::records, "", {{"PageSize", "1000"}}},
        {Operation::all_time, "/AllTime", {{"PageSize", "777"}}},
        {Operation::monthly, "/Monthly", {{"StartDate", "2023-01-01"}, {"PageSize", "1000"}}},
        {Operation::daily, "/Daily", {{"Category", "not-interned-at-all"}, {"StartDate", "2024-01-01"}, {"PageSize", "100"}}},
    };
    for (auto const& c : cases) {
        std::string path = api.base() + "/Usage/Records" + c.sub + ".json?";
        bool firstp = true;
        for (auto const& [k, v] : c.q) {
            if (!firstp) path += "&";
            firstp = false;
            path += k + "=" + v;
        }
        CAPTURE(path);
        auto r = api.get(path);
        REQUIRE(r);
        REQUIRE(r->status == 200);
        std::string const want = whole(c.op, m, c.q);
        CHECK(r->body == want);
        CHECK(r->get_header_value("Content-Type") == "application/json; charset=utf-8");
        auto page = decode_page<UsageRecord>(r->body, "usage_records");
        REQUIRE(page.has_value());
        bool const streamed = page->items.size() > 64;
        CHECK(r->has_header("Transfer-Encoding") == streamed);
        CHECK(r->has_header("Content-Length") == !streamed);
    }
    // The pages that follow, by next_page_uri.
    auto r = api.get(api.base() + "/Usage/Records/Daily.json?StartDate=2024-02-01&EndDate=2024-03-15&PageSize=1000");
    auto page = decode_page<UsageRecord>(r->body, "usage_records");
    REQUIRE(page.has_value());
    REQUIRE(page->info.next_page_uri);
    auto second = api.get(*page->info.next_page_uri);
    REQUIRE(second);
    CHECK(second->status == 200);
    CHECK(decode_page<UsageRecord>(second->body, "usage_records").has_value());
}

TEST_CASE("records: streamed pages are counted, and injected faults and errors still answer whole") {
    Fixture f;
    Api api(f.emu);
    std::string const big = api.base() + "/Usage/Records/Daily.json?StartDate=2024-02-01&EndDate=2024-03-15&PageSize=1000";
    std::size_t const before = f.emu.request_count();
    f.emu.fail_next(2, 503, 2);
    auto a = api.get(big);
    REQUIRE(a);
    check_error(a, 503, 20503);
    CHECK(a->get_header_value("Retry-After") == "2");
    auto b = api.get(big);
    REQUIRE(b);
    CHECK(b->status == 503);
    auto c = api.get(big);
    REQUIRE(c);
    CHECK(c->status == 200);
    CHECK(decode_page<UsageRecord>(c->body, "usage_records")->items.size() == 1000);
    CHECK(f.emu.request_count() - before == 3);
    auto bad = api.get(api.base() + "/Usage/Records/Daily.json?PageSize=1001");
    REQUIRE(bad);
    check_error(bad, 400, 20001);
    Api intruder(f.emu, f.emu.main_account().sid, "0123456789abcdef0123456789abcdef");
    auto denied = intruder.get(big);
    REQUIRE(denied);
    CHECK(denied->status == 401);
    CHECK(f.emu.request_count() - before == 5);

    // prices as numbers, streamed.
    EmulatorOptions o = fixed_options();
    o.prices_as_numbers = true;
    Emulator numbers(o);
    numbers.add_usage(event(numbers.main_account().sid, "calls", at(2024, 3, 10), "3", "10", "0.085"));
    numbers.start();
    Api napi(numbers);
    auto n = napi.get(napi.base() + "/Usage/Records/Daily.json?StartDate=2024-03-10&EndDate=2024-03-10&PageSize=1000");
    REQUIRE(n);
    CHECK(n->has_header("Transfer-Encoding"));
    auto np = decode_page<UsageRecord>(n->body, "usage_records");
    REQUIRE(np.has_value());
    REQUIRE(np->items.size() == category_count);
    auto const& calls = np->items[static_cast<std::size_t>(Category::calls)];
    CHECK(calls.category == OpenCategory(Category::calls));
    CHECK(calls.start_date == std::chrono::year{2024} / 3 / 10);
    CHECK(calls.price.value_or(Decimal{}).to_string() == "0.085");
    CHECK(n->body.find("\"price\":\"") == std::string::npos);
}
