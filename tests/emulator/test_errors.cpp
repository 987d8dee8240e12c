// Error responses: auth, unknown paths, methods, parameters, fault injection.
#include "helpers.hpp"

#include <vector>

using namespace emu_test;

TEST_CASE("errors: authentication and account access") {
    Emulator emu(fixed_options());
    Account other = emu.add_account();
    Account sub = emu.add_account(emu.main_account().sid);
    emu.start();
    auto const m = emu.main_account();
    std::string const records = "/2010-04-01/Accounts/" + m.sid + "/Usage/Records.json";

    httplib::Client anon(emu.base_url());
    auto r = anon.Get(records);
    check_error(r, 401, 20003);
    CHECK(r->get_header_value("WWW-Authenticate").starts_with("Basic"));

    Api wrong(emu, m.sid, "not-the-token");
    check_error(wrong.get(records), 401, 20003);
    Api unknown(emu, "AC00000000000000000000000000000000", m.auth_token);
    check_error(unknown.get(records), 401, 20003);

    // Another account's path, and the parent's path with a subaccount's credentials.
    Api as_other(emu, other.sid, other.auth_token);
    check_error(as_other.get(records), 401, 20003);
    Api as_sub(emu, sub.sid, sub.auth_token);
    check_error(as_sub.get(records), 401, 20003);
    CHECK(as_sub.get("/2010-04-01/Accounts/" + sub.sid + "/Usage/Records.json")->status == 200);

    // API keys act for their account.
    ApiKey key = emu.add_api_key(m.sid);
    CHECK(key.sid.size() == 34);
    CHECK(key.sid.starts_with("SK"));
    Api with_key(emu, key.sid, key.secret);
    CHECK(with_key.get(records)->status == 200);
    CHECK(with_key.get("/2010-04-01/Accounts/" + sub.sid + "/Usage/Records.json")->status == 200);
    Api bad_key(emu, key.sid, "wrong");
    check_error(bad_key.get(records), 401, 20003);
    Api garbage(emu, "", "");
    httplib::Headers h{{"Authorization", "Basic !!!not-base64"}};
    check_error(anon.Get(records, h), 401, 20003);
}

TEST_CASE("errors: unknown paths 404, wrong methods 405") {
    Emulator emu(fixed_options());
    emu.start();
    Api api(emu);
    check_error(api.get(api.base() + "/Usage/Nothing.json"), 404, 20404);
    check_error(api.get(api.base() + "/Usage/Records/Weekly.json"), 404, 20404);
    check_error(api.get("/2010-04-01/Calls.json"), 404, 20404);
    check_error(api.get("/no/such/thing"), 404, 20404);
    check_error(api.get(api.base() + "/Usage/Triggers/UT00000000000000000000000000000000.json"), 404, 20404);
    check_error(api.get(api.base() + "/Usage/Triggers/XX.json"), 404, 20404);
    check_error(api.del(api.base() + "/Usage/Triggers/UT00000000000000000000000000000000.json"), 404, 20404);

    check_error(api.post(api.base() + "/Usage/Records.json", "Category=calls"), 405, 20004);
    check_error(api.cli.Put(api.base() + "/Usage/Records/Daily.json", "", "text/plain"), 405, 20004);
    check_error(api.del(api.base() + "/Usage/Records/Today.json"), 405, 20004);
    check_error(api.del(api.base() + "/Usage/Triggers.json"), 405, 20004);
}

TEST_CASE("errors: bad parameters answer 400 naming the parameter, and change nothing") {
    Emulator emu(fixed_options());
    emu.start();
    Api api(emu);
    std::string const rec = api.base() + "/Usage/Records.json";
    auto names = [&](httplib::Result const& r, std::string const& param) {
        check_error(r, 400, 20001);
        CHECK(str(json_of(r).at("message")).find(param) != std::string::npos);
    };
    names(api.get(rec + "?StartDate=2024-13-01"), "StartDate");
    names(api.get(rec + "?EndDate=yesterday"), "EndDate");
    names(api.get(rec + "?StartDate=-30weeks"), "StartDate");
    names(api.get(rec + "?PageSize=0"), "PageSize");
    names(api.get(rec + "?PageSize=1001"), "PageSize");
    names(api.get(rec + "?PageSize=ten"), "PageSize");
    names(api.get(rec + "?IncludeSubaccounts=maybe"), "IncludeSubaccounts");
    names(api.get(rec + "?Page=-1"), "Page");
    CHECK(api.get(rec + "?PageSize=1000")->status == 200);
    CHECK(api.get(rec + "?PageSize=1")->status == 200);
    CHECK(api.get(rec + "?Unknown=1")->status == 200);  // unknown parameters are ignored
    // Start after end: what Twilio does (404).
    check_error(api.get(rec + "?StartDate=2024-03-02&EndDate=2024-03-01"), 404, 20404);

    std::string const trig = api.base() + "/Usage/Triggers.json";
    std::string const ok = "CallbackUrl=http%3A%2F%2F127.0.0.1%3A9%2Fcb&TriggerValue=10&UsageCategory=sms";
    names(api.post(trig, "TriggerValue=10&UsageCategory=sms"), "CallbackUrl");
    names(api.post(trig, "CallbackUrl=http%3A%2F%2F127.0.0.1%2Fcb&UsageCategory=sms"), "TriggerValue");
    names(api.post(trig, "CallbackUrl=http%3A%2F%2F127.0.0.1%2Fcb&TriggerValue=10"), "UsageCategory");
    names(api.post(trig, ok + "&CallbackMethod=PUT"), "CallbackMethod");
    names(api.post(trig, ok + "&Recurring=weekly"), "Recurring");
    names(api.post(trig, ok + "&TriggerBy=minutes"), "TriggerBy");
    names(api.post(trig, ok + "&FriendlyName=" + std::string(65, 'x')), "FriendlyName");
    names(api.post(trig, "CallbackUrl=not-a-url&TriggerValue=10&UsageCategory=sms"), "CallbackUrl");
    names(api.post(trig, "CallbackUrl=http%3A%2F%2F127.0.0.1%2Fcb&TriggerValue=ten&UsageCategory=sms"), "TriggerValue");
    // A raw '+' in a form body is a space: " 1000" is not a value.
    names(api.post(trig, "CallbackUrl=http%3A%2F%2F127.0.0.1%2Fcb&TriggerValue=+1000&UsageCategory=sms"), "TriggerValue");
    names(api.get(trig + "?Recurring=hourly"), "Recurring");
    names(api.get(trig + "?PageSize=5000"), "PageSize");
    // 64 characters (not bytes) are fine.
    std::string name64;
    for (int i = 0; i < 64; ++i) name64 += "%C3%A9";  // é
    CHECK(api.post(trig, ok + "&FriendlyName=" + name64)->status == 201);

    // Nothing was created by the refused requests.
    auto list = json_of(api.get(trig));
    CHECK(list.at("usage_triggers").as_array().size() == 1);
}

TEST_CASE("errors: injected faults with Retry-After, then normal service") {
    Emulator emu(fixed_options());
    emu.start();
    Api api(emu);
    std::string const rec = api.base() + "/Usage/Records/Today.json?Category=calls";
    emu.fail_next(2, 429, 3);
    auto r1 = api.get(rec);
    check_error(r1, 429, 20429);
    CHECK(r1->get_header_value("Retry-After") == "3");
    check_error(api.get(rec), 429, 20429);
    CHECK(api.get(rec)->status == 200);
    emu.fail_next(1, 503);
    auto r3 = api.get(rec);
    check_error(r3, 503, 20503);
    CHECK_FALSE(r3->has_header("Retry-After"));
    CHECK(api.get(rec)->status == 200);
    CHECK(emu.request_count() == 5);
}

TEST_CASE("errors: malformed requests never crash the server") {
    Emulator emu(fixed_options());
    emu.start();
    Api api(emu);
    for (std::string const& path : std::vector<std::string>{"/2010-04-01/Accounts//Usage/Records.json", "/2010-04-01/Accounts/%00/Usage/Records.json",
                             "/2010-04-01/", "/2010-04-01/Accounts/" + api.account + "/Usage/Records/Daily/Extra.json",
                             "/2010-04-01/Accounts/" + api.account + "/Usage/Records.json?StartDate=%FF%FE",
                             "/2010-04-01/Accounts/" + api.account + "/Usage/Records.json?PageSize=99999999999999999999"}) {
        auto r = api.get(path);
        REQUIRE(r);
        CHECK(r->status >= 400);
        CHECK(r->status < 500);
    }
    // Bytes that are not UTF-8 are refused, and error bodies stay valid JSON / XML.
    check_error(api.get("/2010-04-01/Accounts/" + api.account + "/Usage/Records.json?Category=%FF%FE"), 400, 20001);
    check_error(api.post(api.base() + "/Usage/Triggers.json",
                         "CallbackUrl=http%3A%2F%2F127.0.0.1%2F&TriggerValue=1&UsageCategory=sms&FriendlyName=%C3"),
                400, 20001);
    check_error(api.get("/no/such/%FF/path"), 404, 20404);
    auto ctl = api.get(api.base() + "/Usage/Records?Category=%01bell");
    REQUIRE(ctl);
    CHECK(ctl->status == 200);
    CHECK(ctl->body.find('\x01') == std::string::npos);
    auto big = api.post(api.base() + "/Usage/Triggers.json", std::string(4096, '&'));
    REQUIRE(big);
    CHECK(big->status == 400);
    CHECK(api.get(api.base() + "/Usage/Records/Today.json")->status == 200);
}

TEST_CASE("errors: a body-less request without Content-Length is answered at once, Twilio-shaped (not httplib's bare 400)") {
    // RFC 9112 6.3: a request with neither Content-Length nor
    // Transfer-Encoding has an empty body. cpp-httplib instead waits for the
    // body until its read timeout and answers a bare 400 with no body.
    Emulator emu(fixed_options());
    emu.start();
    auto const m = emu.main_account();
    std::string const host = "Host: 127.0.0.1:" + std::to_string(emu.port()) + "\r\n";
    std::string const auth = "Authorization: " + basic_auth(m) + "\r\n";
    std::string const triggers = "/2010-04-01/Accounts/" + m.sid + "/Usage/Triggers.json";
    auto check_json_error = [](RawResponse const& r, int status, int code, std::string const& in_message) {
        INFO(r.head);
        CHECK(r.status == status);
        CHECK(r.header("Content-Type") == "application/json; charset=utf-8");
        boost::system::error_code ec;
        auto const v = boost::json::parse(r.body, ec);
        REQUIRE_MESSAGE(!ec, "a JSON body: '" << r.body << "'");
        auto const& o = v.as_object();
        CHECK(o.at("code").as_int64() == code);
        CHECK(o.at("status").as_int64() == status);
        CHECK(str(o.at("message")).find(in_message) != std::string::npos);
        CHECK(str(o.at("more_info")) == "https://www.twilio.com/docs/errors/" + std::to_string(code));
    };

    auto const started = std::chrono::steady_clock::now();
    auto const create = raw_request(emu, "POST " + triggers + " HTTP/1.1\r\n" + host + auth + "\r\n");
    // The same answer as a POST with an empty form body.
    check_json_error(create, 400, 20001, "Missing required parameter CallbackUrl");
    CHECK(std::chrono::steady_clock::now() - started < 3s);  // not after httplib's 5 s read timeout

    // The same for the other methods that may carry a body: an update of a
    // trigger that does not exist, and a DELETE (curl sends it so) that works.
    check_json_error(raw_request(emu, "POST /2010-04-01/Accounts/" + m.sid +
                                          "/Usage/Triggers/UT00000000000000000000000000000000.json HTTP/1.1\r\n" + host +
                                          auth + "\r\n"),
                     404, 20404, "UT00000000000000000000000000000000");
    Api api(emu);
    auto made = api.post(triggers, "CallbackUrl=http%3A%2F%2F127.0.0.1%3A9%2Fcb&TriggerValue=10&UsageCategory=sms");
    REQUIRE(made);
    REQUIRE(made->status == 201);
    std::string const sid = str(json_of(made).at("sid"));
    auto const deleted = raw_request(emu, "DELETE /2010-04-01/Accounts/" + m.sid + "/Usage/Triggers/" + sid +
                                              ".json HTTP/1.1\r\n" + host + auth + "\r\n");
    CHECK(deleted.status == 204);
    check_error(api.get("/2010-04-01/Accounts/" + m.sid + "/Usage/Triggers/" + sid + ".json"), 404, 20404);

    // Without credentials it is refused as any request is, before anything is read.
    check_json_error(raw_request(emu, "POST " + triggers + " HTTP/1.1\r\n" + host + "\r\n"), 401, 20003, "Authenticate");
    // Errors httplib answers itself (a request line it cannot parse) are Twilio-shaped too.
    check_json_error(raw_request(emu, "NOT-HTTP\r\n\r\n"), 400, 20001, "");
    CHECK(api.get(api.base() + "/Usage/Records/Today.json")->status == 200);
}
