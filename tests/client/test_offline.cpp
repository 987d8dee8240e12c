// The client without the emulator: credentials, options, a fake transport,
// and small misbehaving servers on 127.0.0.1.
#include "servers.hpp"

#include <doctest/doctest.h>

#include <map>
#include <ranges>
#include <sstream>

using namespace twilio_usage;
using namespace test_support;
using namespace std::chrono_literals;

namespace {

// Every error message the failure cases produce; none may hold the token.
std::vector<std::string>& messages() {
    static std::vector<std::string> all;
    return all;
}
Error const& noted(Error const& e) {
    messages().push_back(e.to_string());
    messages().push_back(e.message + "|" + e.field + "|" + e.found + "|" + e.more_info);
    return e;
}

std::shared_ptr<FakeTransport> fake(FakeTransport::Handler h) { return std::make_shared<FakeTransport>(std::move(h)); }

Client fake_client(std::shared_ptr<FakeTransport> t, ClientOptions options = {}) {
    options.base_url = "https://api.example.test";
    return Client(Credentials::from_auth_token(account_sid, auth_token), std::move(options), std::move(t));
}

std::string const records_prefix = std::string("/2010-04-01/Accounts/") + account_sid + "/Usage/Records";

}  // namespace

TEST_CASE("credentials: from the environment, with clear errors, never printing the secret") {
    std::map<std::string, std::string> env;
    auto getenv = [&](char const* name) -> std::optional<std::string> {
        auto it = env.find(name);
        if (it == env.end()) return std::nullopt;
        return it->second;
    };
    auto missing = Credentials::from_environment(getenv);
    REQUIRE_FALSE(missing.has_value());
    CHECK(missing.error().kind == ErrorKind::invalid_request);
    CHECK(missing.error().message.find("TWILIO_ACCOUNT_SID") != std::string::npos);

    env["TWILIO_ACCOUNT_SID"] = account_sid;
    auto no_token = Credentials::from_environment(getenv);
    REQUIRE_FALSE(no_token.has_value());
    CHECK(no_token.error().message.find("TWILIO_AUTH_TOKEN") != std::string::npos);

    env["TWILIO_AUTH_TOKEN"] = auth_token;
    auto token = Credentials::from_environment(getenv);
    REQUIRE(token.has_value());
    CHECK_FALSE(token->is_api_key());
    CHECK(token->username() == account_sid);
    CHECK(token->to_string() == "Credentials{account AC...cdef, auth token [redacted]}");

    env["TWILIO_API_KEY"] = "SK0123456789abcdef0123456789abcd99";
    auto half_key = Credentials::from_environment(getenv);
    REQUIRE_FALSE(half_key.has_value());
    CHECK(half_key.error().field == "TWILIO_API_SECRET");
    env["TWILIO_API_SECRET"] = "key-secret-xyz";
    auto key = Credentials::from_environment(getenv);
    REQUIRE(key.has_value());
    CHECK(key->is_api_key());
    CHECK(key->username() == "SK0123456789abcdef0123456789abcd99");
    CHECK(key->account_sid() == account_sid);
    std::ostringstream os;
    os << *key << " " << fake_client(fake([](auto const&) { return response(200, "{}"); }));
    CHECK(os.str().find("key-secret-xyz") == std::string::npos);
    CHECK(os.str().find(auth_token) == std::string::npos);
    CHECK(os.str().find("[redacted]") != std::string::npos);
}

TEST_CASE("options: base URL, edge and region") {
    ClientOptions o;
    CHECK(o.resolved_base_url() == "https://api.twilio.com");
    o.edge = "sydney";
    o.region = "au1";
    CHECK(o.resolved_base_url() == "https://api.sydney.au1.twilio.com");
    o.base_url = "http://127.0.0.1:8080/";
    CHECK(o.resolved_base_url() == "http://127.0.0.1:8080");
    CHECK(ClientOptions{}.user_agent == "twilio-usage-cpp/0.1.0");
    CHECK(ClientOptions{}.max_response_bytes == 64u * 1024u * 1024u);
    CHECK_FALSE(ClientOptions{}.retry.enabled());
}

TEST_CASE("requests carry Basic auth, the User-Agent and the encoded query") {
    auto t = fake([](HttpRequest const&) { return response(200, page_json(0, 2, "")); });
    auto client = fake_client(t);
    auto q = RecordsQuery{}.category(Category::sms).start_date(DayOffset{-30}).page_size(2);
    std::vector<std::string> seen;
    for (auto const& r : client.records().daily(q)) seen.push_back(r.description.value_or(""));
    CHECK(seen == std::vector<std::string>{"SMS 0", "SMS 1"});
    REQUIRE(t->requests.size() == 1);
    auto const& req = t->requests[0];
    CHECK(req.method == HttpMethod::get);
    // The offset goes out as the date it means today (GMT).
    std::string const start = format_date(DateSpec(DayOffset{-30}).resolve(today_gmt()));
    CHECK(req.url == "https://api.example.test" + records_prefix + "/Daily.json?Category=sms&StartDate=" + start +
                         "&PageSize=2");
    CHECK(req.header("Authorization").value_or("").substr(0, 6) == "Basic ");
    CHECK(req.header("User-Agent") == std::optional<std::string_view>("twilio-usage-cpp/0.1.0"));
    std::ostringstream os;
    os << req;
    CHECK(os.str().find("[redacted]") != std::string::npos);
    CHECK(os.str().find(req.header("Authorization").value()) == std::string::npos);
}

TEST_CASE("every records listing goes to its own path") {
    auto t = fake([](HttpRequest const&) { return response(200, page_json(0, 1, "")); });
    auto records = fake_client(t).records();
    std::vector<Listing<UsageRecord>> all{records.list(), records.all_time(), records.daily(), records.monthly(),
                                          records.yearly(), records.today(), records.yesterday(),
                                          records.this_month(), records.last_month()};
    for (auto& l : all) CHECK(l.collect().size() == 1);
    std::vector<std::string> paths;
    for (auto const& r : t->requests) paths.push_back(r.url.substr(std::string("https://api.example.test").size()));
    CHECK(paths == std::vector<std::string>{
                       records_prefix + ".json", records_prefix + "/AllTime.json", records_prefix + "/Daily.json",
                       records_prefix + "/Monthly.json", records_prefix + "/Yearly.json",
                       records_prefix + "/Today.json", records_prefix + "/Yesterday.json",
                       records_prefix + "/ThisMonth.json", records_prefix + "/LastMonth.json"});
}

TEST_CASE("invalid requests fail before anything is sent") {
    auto t = fake([](HttpRequest const&) { return response(200, "{}"); });
    auto client = fake_client(t);
    auto bad_range = RecordsQuery{}.start_date(2024y / 2 / 1).end_date(2024y / 1 / 1);
    auto listing = client.records().daily(bad_range);
    CHECK_THROWS_AS(listing.begin(), Exception);
    auto page = listing.try_fetch_page();
    REQUIRE_FALSE(page.has_value());
    CHECK(noted(page.error()).kind == ErrorKind::invalid_request);
    CHECK(page.error().field == "start_date");
    int n = 0;
    for (Result<UsageRecord> const& r : listing.results()) {
        ++n;
        CHECK_FALSE(r.has_value());
    }
    CHECK(n == 1);
    CHECK_FALSE(client.records().list(RecordsQuery{}.page_size(0)).try_fetch_page().has_value());

    auto triggers = client.triggers();
    for (std::string_view sid : {"UT123", "../../Calls", "UT0123456789abcdef0123456789abcdeg",
                                 "UT0123456789abcdef0123456789abcdef/../x", ""}) {
        auto r = triggers.try_fetch(sid);
        REQUIRE_FALSE(r.has_value());
        CHECK(noted(r.error()).kind == ErrorKind::invalid_request);
        CHECK(r.error().field == "sid");
        CHECK_FALSE(triggers.try_remove(sid).has_value());
        CHECK_FALSE(triggers.try_update(sid, TriggerUpdate{}.friendly_name("x")).has_value());
    }
    auto long_name = triggers.try_create(TriggerCreate{}
                                             .callback_url("https://example.com/x")
                                             .trigger_value("1000")
                                             .usage_category(Category::sms)
                                             .friendly_name(std::string(65, 'x')));
    REQUIRE_FALSE(long_name.has_value());
    CHECK(long_name.error().kind == ErrorKind::invalid_request);

    // A malformed account SID (for_account) is refused too, showing the typo: a SID is no secret.
    auto sub = client.for_account("AC-not-a-sid");
    auto r = sub.records().today().try_fetch_page();
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().field == "account_sid");
    CHECK(r.error().message == "account SID 'AC-not-a-sid' is not AC followed by 32 hex digits");
    // ...unless it is shaped like an auth token (the two variables swapped).
    std::string const token_shaped = "0123456789abcdef0123456789abcdef";
    auto swapped = client.for_account(token_shaped).records().today().try_fetch_page();
    REQUIRE_FALSE(swapped.has_value());
    CHECK(swapped.error().message.find("withheld") != std::string::npos);
    CHECK(swapped.error().message.find(token_shaped) == std::string::npos);

    // A base URL with a path is refused, not silently cut to its host.
    ClientOptions with_path;
    with_path.base_url = "http://127.0.0.1:1/2010-04-01";
    Client prefixed(Credentials::from_auth_token(account_sid, auth_token), with_path, t);
    auto p = prefixed.records().today().try_fetch_page();
    REQUIRE_FALSE(p.has_value());
    CHECK(p.error().field == "base_url");
    CHECK(p.error().message.find("'http://127.0.0.1:1/2010-04-01' has more than a scheme, host and port") !=
          std::string::npos);
    CHECK(t->requests.empty());
}

TEST_CASE("Client::from_environment: credentials, the base URL and the edge and region, errors before sending") {
    std::map<std::string, std::string> env{{"TWILIO_ACCOUNT_SID", account_sid}, {"TWILIO_AUTH_TOKEN", auth_token}};
    auto getenv = [&](char const* name) -> std::optional<std::string> {
        auto it = env.find(name);
        if (it == env.end()) return std::nullopt;
        return it->second;
    };
    CHECK(Client::from_environment({}, getenv).value().base_url() == "https://api.twilio.com");

    env["TWILIO_EDGE"] = "sydney";
    env["TWILIO_REGION"] = "au1";
    CHECK(Client::from_environment({}, getenv).value().base_url() == "https://api.sydney.au1.twilio.com");

    env["TWILIO_USAGE_BASE_URL"] = "http://127.0.0.1:8080";
    CHECK(Client::from_environment({}, getenv).value().base_url() == "http://127.0.0.1:8080");
    // What the program sets wins over the environment.
    ClientOptions mine;
    mine.base_url = "http://127.0.0.1:9090";
    CHECK(Client::from_environment(mine, getenv).value().base_url() == "http://127.0.0.1:9090");
    CHECK(Client::options_from_environment({}, getenv).edge == std::optional<std::string>("sydney"));

    env["TWILIO_USAGE_BASE_URL"] = "http://127.0.0.1:8080/2010-04-01";
    auto with_path = Client::from_environment({}, getenv);
    REQUIRE_FALSE(with_path.has_value());
    CHECK(with_path.error().field == "base_url");

    env["TWILIO_USAGE_BASE_URL"] = "http://127.0.0.1:8080";
    env["TWILIO_ACCOUNT_SID"] = "AC0123456789abcdef0123456789abcdeg";
    auto typo = Client::from_environment({}, getenv);
    REQUIRE_FALSE(typo.has_value());
    CHECK(noted(typo.error()).message ==
          "account SID 'AC0123456789abcdef0123456789abcdeg' is not AC followed by 32 hex digits");
}

TEST_CASE("triggers: create sends +1000 as %2B1000; fetch, update, delete, list") {
    std::string const sid = "UT0123456789abcdef0123456789abcdef";
    std::string const trigger = R"({"sid":")" + sid + R"(","usage_category":"sms","trigger_by":"count",)"
                                R"("trigger_value":"1000","current_value":"12","recurring":null,"callback_method":"POST",)"
                                R"("date_created":"Sun, 06 Sep 2015 12:58:45 +0000","date_fired":null})";
    auto t = fake([&](HttpRequest const& r) {
        if (r.method == HttpMethod::delete_) return Result<HttpResponse>(response(204, ""));
        if (r.url.find("Triggers.json") != std::string::npos && r.method == HttpMethod::get)
            return Result<HttpResponse>(response(200, R"({"next_page_uri":null,"usage_triggers":[)" + trigger + "]}"));
        return Result<HttpResponse>(response(r.method == HttpMethod::post && r.url.ends_with("Triggers.json") ? 201 : 200, trigger));
    });
    auto triggers = fake_client(t).triggers();
    auto created = triggers.create(TriggerCreate{}
                                       .callback_url("http://example.com/thousand-sms")
                                       .trigger_value("+1000")
                                       .usage_category(Category::sms)
                                       .friendly_name("1000 messages")
                                       .trigger_by(TriggerBy::count));
    CHECK(created.sid == sid);
    CHECK(created.trigger_by == TriggerBy::count);
    CHECK(created.current_value == Decimal(12));
    CHECK_FALSE(created.date_fired);
    REQUIRE(t->requests.size() == 1);
    CHECK(t->requests[0].method == HttpMethod::post);
    CHECK(t->requests[0].body.find("TriggerValue=%2B1000") != std::string::npos);
    CHECK(t->requests[0].header("Content-Type") == std::optional<std::string_view>("application/x-www-form-urlencoded"));

    CHECK(triggers.fetch(sid).sid == sid);
    CHECK(t->requests.back().url.ends_with("/Usage/Triggers/" + sid + ".json"));
    CHECK(triggers.update(sid, TriggerUpdate{}.friendly_name("renamed")).sid == sid);
    CHECK(t->requests.back().body == "FriendlyName=renamed");
    triggers.remove(sid);
    CHECK(t->requests.back().method == HttpMethod::delete_);
    auto listed = triggers.list(TriggersQuery{}.usage_category(Category::sms)).collect();
    REQUIRE(listed.size() == 1);
    CHECK(t->requests.back().url.ends_with("/Usage/Triggers.json?UsageCategory=sms"));
}

TEST_CASE("API errors: Twilio's JSON body, and a non-JSON body") {
    auto t = fake([](HttpRequest const& r) {
        if (r.url.find("Today") != std::string::npos)
            return Result<HttpResponse>(response(404, R"({"code":20404,"message":"The requested resource was not found","more_info":"https://www.twilio.com/docs/errors/20404","status":404})"));
        return Result<HttpResponse>(response(502, "<html>Bad Gateway</html>"));
    });
    auto client = fake_client(t);
    try {
        for (auto const& r : client.records().today()) (void)r;
        FAIL("expected an exception");
    } catch (Exception const& e) {
        noted(e.error());
        CHECK(e.error().kind == ErrorKind::api);
        CHECK(e.error().http_status == 404);
        CHECK(e.error().code == 20404);
        CHECK(e.error().message == "The requested resource was not found");
        CHECK(e.error().more_info == "https://www.twilio.com/docs/errors/20404");
        CHECK(std::string(e.what()).find("20404") != std::string::npos);
    }
    auto r = client.records().yesterday().try_fetch_page();
    REQUIRE_FALSE(r.has_value());
    CHECK(noted(r.error()).http_status == 502);
    CHECK_FALSE(r.error().code);
    CHECK(r.error().message.find("Bad Gateway") != std::string::npos);
}

TEST_CASE("paging is lazy and follows next_page_uri exactly; errors mid-way are surfaced") {
    // Three pages; the third fails to decode.
    auto t = fake([](HttpRequest const& r) {
        if (r.url.ends_with("Today.json")) return Result<HttpResponse>(response(200, page_json(0, 2, "/p2?PageToken=a%2Bb&Page=1")));
        if (r.url.ends_with("/p2?PageToken=a%2Bb&Page=1"))
            return Result<HttpResponse>(response(200, page_json(2, 2, "https://api.example.test/p3?PageToken=c")));
        return Result<HttpResponse>(response(200, R"({"next_page_uri":null,"usage_records":[{"category":"sms"},{"price":true}]})"));
    });
    auto client = fake_client(t);
    auto listing = client.records().today();
    CHECK(t->requests.empty());
    auto it = listing.begin();
    CHECK(t->requests.size() == 1);
    CHECK(it->description == "SMS 0");
    ++it;
    CHECK(t->requests.size() == 1);
    CHECK(listing.resume_point() == ResumePoint{"/p2?PageToken=a%2Bb&Page=1", 0});
    ++it;
    CHECK(t->requests.size() == 2);
    CHECK(t->requests[1].url == "https://api.example.test/p2?PageToken=a%2Bb&Page=1");
    CHECK(it->description == "SMS 2");
    CHECK(listing.buffered_items() == 2);
    ++it;
    try {
        ++it;
        FAIL("expected the decode error");
    } catch (Exception const& e) {
        noted(e.error());
        CHECK(e.error().kind == ErrorKind::decode);
        CHECK(e.error().field == "page.usage_records[1].price");
    }
    CHECK(t->requests[2].url == "https://api.example.test/p3?PageToken=c");
    CHECK(it == std::default_sentinel);

    // The same, without exceptions: 4 records, then the error, then the end.
    std::vector<std::string> seen;
    for (Result<UsageRecord> const& r : client.records().today().results())
        seen.push_back(r ? r->description.value_or("") : "error at " + r.error().field);
    CHECK(seen == std::vector<std::string>{"SMS 0", "SMS 1", "SMS 2", "SMS 3", "error at page.usage_records[1].price"});

    // Page by page: two pages, then the error; never a part of the bad page.
    std::vector<std::size_t> sizes;
    bool failed = false;
    for (auto const& page : client.records().today().pages()) {
        if (page) sizes.push_back(page->items.size());
        else failed = true;
    }
    CHECK(sizes == std::vector<std::size_t>{2, 2});
    CHECK(failed);

    // A limit stops before the failing page, without fetching it.
    t->requests.clear();
    auto limited = client.records().today().limit(3).collect();
    CHECK(limited.size() == 3);
    CHECK(t->requests.size() == 2);

    // Resuming from a stored next_page_uri.
    t->requests.clear();
    auto page2 = client.records().fetch_page("/p2?PageToken=a%2Bb&Page=1");
    CHECK(page2.items.size() == 2);
    CHECK(page2.info.next_page_uri == "https://api.example.test/p3?PageToken=c");
    auto resumed = client.records().resume("/p2?PageToken=a%2Bb&Page=1").limit(2).collect();
    CHECK(resumed.size() == 2);
    CHECK(resumed[0].description == "SMS 2");
}

TEST_CASE("a page URI on another host, port or scheme is refused and never sent") {
    std::vector<std::string> foreign{"https://evil.example/p2", "http://api.example.test/p2",
                                     "https://api.example.test:8443/p2", "//evil.example/p2",
                                     "https://user@api.example.test/p2", "ftp://api.example.test/p2", "p2",
                                     "/p2 x"};
    for (auto const& next : foreign) {
        CAPTURE(next);
        auto t = fake([&](HttpRequest const&) { return response(200, page_json(0, 1, next)); });
        auto client = fake_client(t);
        std::vector<Result<UsageRecord>> all;
        for (auto const& r : client.records().today().results()) all.push_back(r);
        REQUIRE(all.size() == 2);
        CHECK(all[0].has_value());
        REQUIRE_FALSE(all[1].has_value());
        CHECK(noted(all[1].error()).transport == TransportFailure::unsafe_redirect);
        CHECK(t->requests.size() == 1);
        auto direct = client.records().try_fetch_page(next);
        REQUIRE_FALSE(direct.has_value());
        CHECK(direct.error().transport == TransportFailure::unsafe_redirect);
        CHECK(t->requests.size() == 1);
    }
    // The same origin spelled absolutely is fine (default port included).
    auto t = fake([](HttpRequest const& r) {
        return response(200, page_json(0, 1, r.url.ends_with("Today.json") ? "https://API.example.test:443/p2" : ""));
    });
    CHECK(fake_client(t).records().today().collect().size() == 2);
    CHECK(t->requests.back().url == "https://api.example.test/p2");
}

TEST_CASE("retries: opt-in, 429 and 503 with Retry-After, GET and DELETE only, with a hook") {
    int failures = 2;
    auto t = fake([&](HttpRequest const&) {
        if (failures-- > 0)
            return Result<HttpResponse>(response(failures == 1 ? 429 : 503, R"({"code":20429,"message":"Too Many Requests","status":429})",
                                                 {{"Retry-After", "1"}}));
        return Result<HttpResponse>(response(200, page_json(0, 1, "")));
    });
    ClientOptions options;
    options.retry = RetryPolicy::exponential(3);
    std::vector<std::chrono::milliseconds> slept;
    std::vector<std::pair<int, int>> events;
    options.retry.sleep = [&](std::chrono::milliseconds d) { slept.push_back(d); };
    options.retry.on_retry = [&](RetryEvent const& e) { events.emplace_back(e.attempt, e.error.http_status); };
    auto client = fake_client(t, options);
    CHECK(client.records().today().collect().size() == 1);
    CHECK(t->requests.size() == 3);
    CHECK(events == std::vector<std::pair<int, int>>{{1, 429}, {2, 503}});
    CHECK(slept == std::vector<std::chrono::milliseconds>{1000ms, 1000ms});

    // Without Retry-After: exponential backoff with jitter, within bounds.
    failures = 2;
    t->requests.clear();
    slept.clear();
    t->handler = [&](HttpRequest const&) {
        if (failures-- > 0) return Result<HttpResponse>(Error::transport_failure(TransportFailure::connect, "refused"));
        return Result<HttpResponse>(response(200, page_json(0, 1, "")));
    };
    CHECK(client.records().today().collect().size() == 1);
    REQUIRE(slept.size() == 2);
    CHECK(slept[0] >= 250ms);
    CHECK(slept[0] <= 500ms);
    CHECK(slept[1] >= 500ms);
    CHECK(slept[1] <= 1000ms);

    // Attempts run out: the last error comes back.
    failures = 10;
    t->requests.clear();
    auto gave_up = client.records().today().try_fetch_page();
    REQUIRE_FALSE(gave_up.has_value());
    CHECK(noted(gave_up.error()).transport == TransportFailure::connect);
    CHECK(t->requests.size() == 3);

    // POST is never repeated; 500 is not retried.
    failures = 10;
    t->requests.clear();
    auto created = client.triggers().try_create(
        TriggerCreate{}.callback_url("https://example.com/x").trigger_value(1000).usage_category(Category::sms));
    CHECK_FALSE(created.has_value());
    CHECK(t->requests.size() == 1);
    t->requests.clear();
    t->handler = [&](HttpRequest const&) { return Result<HttpResponse>(response(500, R"({"code":20500,"message":"Internal"})")); };
    CHECK_FALSE(client.records().today().try_fetch_page().has_value());
    CHECK(t->requests.size() == 1);

    // DELETE is retried.
    failures = 1;
    t->requests.clear();
    t->handler = [&](HttpRequest const&) {
        if (failures-- > 0) return Result<HttpResponse>(response(503, "busy", {{"Retry-After", "0"}}));
        return Result<HttpResponse>(response(204, ""));
    };
    CHECK(client.triggers().try_remove("UT0123456789abcdef0123456789abcdef").has_value());
    CHECK(t->requests.size() == 2);

    // A Retry-After beyond the policy's patience is not waited for.
    t->requests.clear();
    t->handler = [&](HttpRequest const&) { return Result<HttpResponse>(response(429, "{}", {{"Retry-After", "3600"}})); };
    CHECK_FALSE(client.records().today().try_fetch_page().has_value());
    CHECK(t->requests.size() == 1);
}

TEST_CASE("misbehaving server: a body cut off before Content-Length") {
    RawServer server([](int fd, auto const&) {
        read_head(fd);
        write_all(fd, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{\"usage_records\":[");
    });
    auto r = local_client(server.base_url()).records().today().try_fetch_page();
    REQUIRE_FALSE(r.has_value());
    CHECK(noted(r.error()).kind == ErrorKind::transport);
    CHECK(r.error().transport == TransportFailure::connection);
}

TEST_CASE("misbehaving server: malformed JSON and a page without its list") {
    LocalServer server;
    server.server.Get(".*", [](httplib::Request const& req, httplib::Response& res) {
        if (req.path.ends_with("Today.json")) res.set_content(R"({"usage_records":[{"category":"sms",}]})", "application/json");
        else res.set_content(R"({"usage_triggers":[]})", "application/json");
    });
    server.start();
    auto client = local_client(server.base_url());
    auto r = client.records().today().try_fetch_page();
    REQUIRE_FALSE(r.has_value());
    CHECK(noted(r.error()).kind == ErrorKind::decode);
    CHECK(r.error().field.starts_with("page.usage_records[0]"));
    auto missing = client.records().yesterday().try_fetch_page();
    REQUIRE_FALSE(missing.has_value());
    CHECK(noted(missing.error()).field == "page.usage_records");
}

TEST_CASE("misbehaving server: connection refused") {
    auto client = local_client("http://127.0.0.1:" + std::to_string(closed_port()));
    auto r = client.records().today().try_fetch_page();
    REQUIRE_FALSE(r.has_value());
    CHECK(noted(r.error()).kind == ErrorKind::transport);
    CHECK(r.error().transport == TransportFailure::connect);
}

TEST_CASE("misbehaving server: accepts and never answers -> read timeout") {
    RawServer server([](int fd, std::atomic<bool> const& stop) {
        read_head(fd);
        for (int i = 0; i < 300 && !stop; ++i) std::this_thread::sleep_for(10ms);
    });
    ClientOptions options;
    options.read_timeout = 300ms;
    auto client = local_client(server.base_url(), options);
    auto started = std::chrono::steady_clock::now();
    auto r = client.records().today().try_fetch_page();
    auto took = std::chrono::steady_clock::now() - started;
    REQUIRE_FALSE(r.has_value());
    CHECK(noted(r.error()).transport == TransportFailure::timeout);
    CHECK(took < 2s);
}

TEST_CASE("misbehaving server: a body larger than the limit") {
    LocalServer server;
    server.server.Get(".*", [](httplib::Request const&, httplib::Response& res) {
        res.set_content(page_json(0, 200, ""), "application/json");
    });
    server.start();
    ClientOptions options;
    options.max_response_bytes = 4096;
    auto r = local_client(server.base_url(), options).records().today().try_fetch_page();
    REQUIRE_FALSE(r.has_value());
    CHECK(noted(r.error()).kind == ErrorKind::transport);
    CHECK(r.error().message.find("limit") != std::string::npos);
    // Chunked (no Content-Length): cut off by the content receiver.
    LocalServer chunked;
    chunked.server.Get(".*", [](httplib::Request const&, httplib::Response& res) {
        res.set_chunked_content_provider("application/json", [](std::size_t, httplib::DataSink& sink) {
            std::string body = page_json(0, 200, "");
            sink.write(body.data(), body.size());
            sink.done();
            return true;
        });
    });
    chunked.start();
    auto c = local_client(chunked.base_url(), options).records().today().try_fetch_page();
    REQUIRE_FALSE(c.has_value());
    CHECK(c.error().message.find("limit") != std::string::npos);
}

TEST_CASE("a next_page_uri naming another local listener: refused, and it gets nothing") {
    LocalServer foreign;
    std::atomic<int> foreign_requests{0};
    std::atomic<int> foreign_with_auth{0};
    foreign.server.Get(".*", [&](httplib::Request const& req, httplib::Response& res) {
        ++foreign_requests;
        if (req.has_header("Authorization")) ++foreign_with_auth;
        res.set_content(page_json(100, 1, ""), "application/json");
    });
    foreign.start();
    LocalServer api;
    api.server.Get(".*", [&](httplib::Request const&, httplib::Response& res) {
        res.set_content(page_json(0, 2, foreign.base_url() + "/2010-04-01/Accounts/" + account_sid + "/Usage/Records/Today.json?PageToken=x"),
                        "application/json");
    });
    api.start();
    auto client = local_client(api.base_url());
    int items = 0;
    try {
        for (auto const& r : client.records().today()) {
            (void)r;
            ++items;
        }
        FAIL("expected unsafe_redirect");
    } catch (Exception const& e) {
        CHECK(noted(e.error()).transport == TransportFailure::unsafe_redirect);
    }
    CHECK(items == 2);
    CHECK(foreign_requests == 0);
    CHECK(foreign_with_auth == 0);
}

TEST_CASE("a transport of one's own, forwarding to the default one, sees every request") {
    LocalServer api;
    api.server.Get(".*", [&](httplib::Request const& req, httplib::Response& res) {
        if (req.has_param("PageToken")) res.set_content(page_json(3, 2, ""), "application/json");
        else res.set_content(page_json(0, 3, "/2010-04-01/Accounts/x/Usage/Records/Today.json?PageToken=p2"), "application/json");
    });
    api.start();
    ClientOptions options;
    options.base_url = api.base_url();
    auto recorder = std::make_shared<RecordingTransport>(Client::default_transport(options));
    Client client(Credentials::from_auth_token(account_sid, auth_token), options, recorder);
    CHECK(client.records().today().collect().size() == 5);
    REQUIRE(recorder->requests.size() == 2);
    CHECK(recorder->requests[1].url == api.base_url() + "/2010-04-01/Accounts/x/Usage/Records/Today.json?PageToken=p2");
    CHECK(&client.transport() == recorder.get());
    // for_account shares the transport and changes the path only.
    auto sub = client.for_account("AC00000000000000000000000000000002");
    CHECK(sub.records().today().limit(1).collect().size() == 1);
    CHECK(recorder->requests.back().url.find("/Accounts/AC00000000000000000000000000000002/") != std::string::npos);
}

TEST_CASE("TLS: certificate verification is on by default") {
    // A plain-HTTP listener spoken to over https: the handshake fails as TLS.
    RawServer server([](int fd, auto const&) {
        read_head(fd);
        write_all(fd, "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
    });
    ClientOptions options;
    options.connect_timeout = 1000ms;
    options.read_timeout = 1000ms;
    auto r = local_client("https://127.0.0.1:" + std::to_string(server.port()), options).records().today().try_fetch_page();
    REQUIRE_FALSE(r.has_value());
    CHECK(noted(r.error()).kind == ErrorKind::transport);
    CHECK(r.error().transport == TransportFailure::tls);
}

TEST_CASE("an echoing server cannot make the token appear in an error") {
    LocalServer echo;
    echo.server.Get(".*", [](httplib::Request const& req, httplib::Response& res) {
        std::string auth = req.get_header_value("Authorization");
        res.status = 400;
        res.set_content(R"({"code":1,"message":"you sent )" + auth + " i.e. " + std::string(auth_token) +
                            R"(","more_info":")" + std::string(auth_token) + R"("})",
                        "application/json");
    });
    echo.start();
    auto r = local_client(echo.base_url()).records().today().try_fetch_page();
    REQUIRE_FALSE(r.has_value());
    noted(r.error());
    CHECK(r.error().message.find("[redacted]") != std::string::npos);
}

TEST_CASE("no error message of the failure cases above contains the auth token") {
    REQUIRE(messages().size() > 20);
    for (auto const& m : messages()) {
        CAPTURE(m);
        CHECK(m.find(auth_token) == std::string::npos);
    }
}

TEST_CASE("the default transport keeps one connection alive across pages") {
    RawServer server([](int fd, std::atomic<bool> const& stop) {
        for (int i = 0; i < 3 && !stop; ++i) {
            if (read_head(fd).empty()) return;
            std::string body = page_json(i * 2, 2,
                                         i < 2 ? "/2010-04-01/Accounts/x/Usage/Records/Today.json?PageToken=" +
                                                     std::to_string(i + 1)
                                               : "");
            write_all(fd, http_response(200, body));
        }
    });
    auto all = local_client(server.base_url()).records().today().collect();
    CHECK(all.size() == 6);
    CHECK(server.connections == 1);
}

TEST_CASE("the listings are C++20 input ranges") {
    static_assert(std::ranges::input_range<Listing<UsageRecord>>);
    static_assert(std::ranges::input_range<ResultRange<UsageRecord>>);
    static_assert(std::ranges::input_range<PageRange<UsageTrigger>>);
    static_assert(std::same_as<std::ranges::range_value_t<Listing<UsageRecord>>, UsageRecord>);
    static_assert(std::same_as<std::ranges::range_value_t<ResultRange<UsageRecord>>, Result<UsageRecord>>);
    auto t = fake([](HttpRequest const&) { return response(200, page_json(0, 5, "")); });
    auto listing = fake_client(t).records().today();
    auto described = listing | std::views::take(3) |
                     std::views::transform([](UsageRecord const& r) { return r.description.value_or(""); });
    std::vector<std::string> names;
    for (auto const& name : described) names.push_back(name);
    CHECK(names == std::vector<std::string>{"SMS 0", "SMS 1", "SMS 2"});
}

TEST_CASE("empty pages are skipped; a next_page_uri that repeats the page is an error, not a loop") {
    auto t = fake([](HttpRequest const& r) {
        if (r.url.ends_with("Today.json")) return response(200, page_json(0, 0, "/p2"));
        if (r.url.ends_with("/p2")) return response(200, page_json(0, 2, "/p3"));
        return response(200, page_json(2, 1, "/p3"));  // p3 names itself as the next page
    });
    std::vector<std::string> seen;
    for (Result<UsageRecord> const& r : fake_client(t).records().today().results())
        seen.push_back(r ? r->description.value_or("") : "error at " + noted(r.error()).field);
    CHECK(seen == std::vector<std::string>{"SMS 0", "SMS 1", "SMS 2", "error at page.next_page_uri"});
    CHECK(t->requests.size() == 3);
}

TEST_CASE("a limit reached on the page that would loop ends the listing without the loop's error") {
    auto t = fake([](HttpRequest const& r) {
        if (r.url.ends_with("Today.json")) return response(200, page_json(0, 2, "/p2"));
        return response(200, page_json(2, 3, "/p2"));  // p2 names itself as the next page
    });
    // Every item asked for has been read when the loop shows: no error.
    for (std::size_t limit : {4, 5}) {
        CAPTURE(limit);
        std::vector<std::string> seen;
        for (Result<UsageRecord> const& r : fake_client(t).records().today().limit(limit).results())
            seen.push_back(r ? r->description.value_or("") : "error at " + noted(r.error()).field);
        CHECK(seen.size() == limit);
        CHECK(seen.back() == "SMS " + std::to_string(limit - 1));
    }
    // One more than the pages hold: the loop is the error, after them.
    auto more = fake_client(t).records().today().limit(6).try_collect();
    REQUIRE_FALSE(more.has_value());
    CHECK(noted(more.error()).field == "page.next_page_uri");
}

TEST_CASE("a next_page_uri that loops back to an earlier page is an error after the pages read") {
    auto t = fake([](HttpRequest const& r) {
        if (r.url.ends_with("Today.json")) return response(200, page_json(0, 2, "/p2"));
        if (r.url.ends_with("/p2")) return response(200, page_json(2, 2, "/p3"));
        return response(200, page_json(4, 1, "/p2"));  // p3 sends the reader back to p2
    });
    std::vector<std::string> seen;
    for (Result<UsageRecord> const& r : fake_client(t).records().today().results())
        seen.push_back(r ? r->description.value_or("") : "error at " + noted(r.error()).field);
    CHECK(seen == std::vector<std::string>{"SMS 0", "SMS 1", "SMS 2", "SMS 3", "SMS 4", "error at page.next_page_uri"});
    CHECK(t->requests.size() == 3);
}
