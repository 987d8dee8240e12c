// fuzz_emulator: arbitrary requests into the emulator's request handling
// (testing::Router::handle, no sockets). Every answer is either a valid
// Twilio-shaped answer that the binding's own decoder reads back, or a
// Twilio-shaped error (JSON {code, message, more_info, status} with status
// equal to the HTTP status, or the XML form on .xml-less records paths);
// never a crash, an escaped exception or a 5xx; a refused request changes
// no trigger and no usage; and after every request the emulator still
// answers a plain records request.
//
// Input lines: method, path ("{A}" = the account SID, "{S}" = a subaccount
// SID), query string, auth ("A", "S", "K" = valid credentials of the account,
// subaccount, API key; anything else is sent as the Authorization header),
// Content-Type, then the body (the rest, newlines included).
#include "fuzz_common.hpp"

#include "twilio_usage/testing/http_routes.hpp"
#include "twilio_usage/types.hpp"

#include <boost/json/parse.hpp>

#include <memory>

namespace {

namespace tu = twilio_usage;
namespace tt = twilio_usage::testing;
using fuzz::show;

std::string const kAccount = "AC0123456789abcdef0123456789abcdef";
std::string const kToken = "0123456789abcdef0123456789abcdef";
std::string const kSub = "ACfedcba9876543210fedcba9876543210";
std::string const kSubToken = "fedcba9876543210fedcba9876543210";
std::string const kKey = "SK0123456789abcdef0123456789abcdef";
std::string const kSecret = "keysecret0123456789abcdef01234567";

std::string basic(std::string const& user, std::string const& password) {
    static constexpr char kB64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string const in = user + ":" + password;
    std::string out;
    for (std::size_t i = 0; i < in.size(); i += 3) {
        unsigned v = static_cast<unsigned char>(in[i]) << 16;
        if (i + 1 < in.size()) v |= static_cast<unsigned char>(in[i + 1]) << 8;
        if (i + 2 < in.size()) v |= static_cast<unsigned char>(in[i + 2]);
        out += kB64[(v >> 18) & 63];
        out += kB64[(v >> 12) & 63];
        out += i + 1 < in.size() ? kB64[(v >> 6) & 63] : '=';
        out += i + 2 < in.size() ? kB64[v & 63] : '=';
    }
    return "Basic " + out;
}

struct World {
    std::unique_ptr<tt::EmulatorState> state;
    std::unique_ptr<tt::Router> router;
    int uses = 0;

    void reset() {
        router.reset();
        state.reset();
        tt::EmulatorOptions o;
        o.fixed_now = tu::Timestamp{std::chrono::sys_days{std::chrono::year{2024} / 1 / 31}} + std::chrono::hours{12};
        o.callback_timeout = std::chrono::milliseconds{20};
        o.callback_attempts = 1;
        state = std::make_unique<tt::EmulatorState>(o);
        state->accounts.insert(tt::Account{kAccount, kToken, std::nullopt});
        state->accounts.insert(tt::Account{kSub, kSubToken, kAccount});
        state->accounts.insert_key(tt::ApiKey{kKey, kSecret, kAccount});
        for (auto const& [acct, cat, day] : {std::tuple{kAccount, "sms", 30}, {kAccount, "calls", 1}, {kSub, "sms", 15}}) {
            tt::UsageEvent e;
            e.account_sid = acct;
            e.category = tu::OpenCategory(std::string_view(cat));
            e.time = tu::Timestamp{std::chrono::sys_days{std::chrono::year{2024} / 1 / day}};
            e.count = 3;
            e.usage = tu::Decimal::parse("2.5").value();
            e.price = tu::Decimal::parse("0.0075").value();
            state->add_usage(e);
        }
        router = std::make_unique<tt::Router>(*state);
        uses = 0;
    }
};

World& world() {
    static World w = [] {
        World x;
        x.reset();
        return x;
    }();
    return w;
}

std::string replace_all(std::string s, std::string_view from, std::string const& to) {
    for (std::size_t p = 0; (p = s.find(from, p)) != std::string::npos; p += to.size()) s.replace(p, from.size(), to);
    return s;
}

bool is_json(httplib::Response const& res) {
    return res.get_header_value("Content-Type").starts_with("application/json");
}

bool json_parse_ok(std::string const& s) {
    boost::system::error_code ec;
    auto v = boost::json::parse(s, ec);
    return !ec && v.is_object();
}

// A 2xx answer: what the binding's decoder must be able to read.
void check_success(httplib::Request const& req, httplib::Response const& res) {
    std::string_view const path = req.path;
    if (res.status == 204) return;
    FUZZ_CHECK(!res.body.empty(), "empty " + std::to_string(res.status) + " answer to " + req.method + " " + show(path));
    if (!is_json(res)) {
        FUZZ_CHECK(res.body.starts_with("<?xml") || res.body.starts_with("<"),
                   "a non-JSON answer that is not XML to " + show(path) + ": " + show(res.body));
        return;
    }
    FUZZ_CHECK(json_parse_ok(res.body), "a JSON answer that does not parse to " + show(path) + ": " + show(res.body));
    if (path.find("/Usage/Records") != std::string_view::npos) {
        auto page = tu::decode_page<tu::UsageRecord>(res.body, "usage_records");
        FUZZ_CHECK(page.has_value(), "the binding cannot decode the emulator's records page for " + show(path) +
                                         ": " + (page ? "" : page.error().to_string()) + " body " + show(res.body));
    } else if (path.ends_with("/Usage/Triggers.json") && req.method == "GET") {
        auto page = tu::decode_page<tu::UsageTrigger>(res.body, "usage_triggers");
        FUZZ_CHECK(page.has_value(), "the binding cannot decode the emulator's triggers page: " +
                                         (page ? "" : page.error().to_string()) + " body " + show(res.body));
    } else if (path.find("/Usage/Triggers") != std::string_view::npos) {
        auto t = tu::decode_json<tu::UsageTrigger>(res.body);
        FUZZ_CHECK(t.has_value(), "the binding cannot decode the emulator's trigger: " +
                                      (t ? "" : t.error().to_string()) + " body " + show(res.body));
        FUZZ_CHECK(t->sid && t->sid->starts_with("UT") && t->sid->size() == 34, "a trigger without a UT SID");
    }
}

void check_error(httplib::Request const& req, httplib::Response const& res) {
    FUZZ_CHECK(res.status == 400 || res.status == 401 || res.status == 404 || res.status == 405,
               "status " + std::to_string(res.status) + " for " + req.method + " " + show(req.path) + " body " +
                   show(res.body));
    if (is_json(res)) {
        FUZZ_CHECK(json_parse_ok(res.body), "an error answer that is not JSON: " + show(res.body));
        auto e = tu::decode_json<tu::ApiErrorBody>(res.body);
        FUZZ_CHECK(e.has_value(), "an error body the binding cannot decode: " + show(res.body));
        FUZZ_CHECK(e->code && *e->code >= 20000 && *e->code < 100000, "error without a Twilio code: " + show(res.body));
        FUZZ_CHECK(e->status && *e->status == res.status, "error status differs from HTTP status: " + show(res.body));
        FUZZ_CHECK(e->message && !e->message->empty(), "error without a message: " + show(res.body));
    } else {
        FUZZ_CHECK(res.body.starts_with("<?xml") && res.body.find("<RestException>") != std::string::npos,
                   "a non-JSON error that is not Twilio XML: " + show(res.body));
    }
    if (res.status == 401) FUZZ_CHECK(res.has_header("WWW-Authenticate"), "401 without WWW-Authenticate");
}

// What a refused request must not change: both accounts' triggers and usage.
std::string snapshot(tt::Router& router) {
    std::string out;
    for (auto const& [acct, token] : {std::pair{kAccount, kToken}, {kSub, kSubToken}}) {
        // (Records of one category: a full listing renders every category.)
        for (auto [what, param, value] : {std::tuple{"/Usage/Triggers.json", "PageSize", "1000"},
                                          {"/Usage/Records.json", "Category", "sms"}}) {
            httplib::Request req;
            req.method = "GET";
            req.path = "/2010-04-01/Accounts/" + acct + what;
            req.params.emplace(param, value);
            req.headers.emplace("Authorization", basic(acct, token));
            httplib::Response res;
            router.handle(req, res);
            tt::collect_streamed_body(res);
            out += std::to_string(res.status) + res.body + "\n";
        }
    }
    return out;
}

void check_canary(tt::Router& router) {
    httplib::Request req;
    req.method = "GET";
    req.path = "/2010-04-01/Accounts/" + kAccount + "/Usage/Records.json";
    req.params.emplace("Category", "calls");
    req.headers.emplace("Authorization", basic(kAccount, kToken));
    httplib::Response res;
    router.handle(req, res);
    tt::collect_streamed_body(res);
    FUZZ_CHECK(res.status == 200, "the emulator stopped serving: canary got " + std::to_string(res.status) + " " +
                                      show(res.body));
    auto page = tu::decode_page<tu::UsageRecord>(res.body, "usage_records");
    FUZZ_CHECK(page && !page->items.empty(), "the canary page is empty or undecodable: " + show(res.body));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
    if (size > 8192) return 0;
    auto lines = fuzz::split_lines(fuzz::as_text(data, size), 6);
    lines.resize(6);
    World& w = world();
    if (++w.uses > 500) w.reset();

    httplib::Request req;
    req.method = std::string(lines[0]);
    req.path = replace_all(replace_all(std::string(lines[1]), "{A}", kAccount), "{S}", kSub);
    if (!lines[2].empty()) httplib::detail::parse_query_text(std::string(lines[2]), req.params);
    std::string const auth(lines[3]);
    if (auth == "A") req.headers.emplace("Authorization", basic(kAccount, kToken));
    else if (auth == "S") req.headers.emplace("Authorization", basic(kSub, kSubToken));
    else if (auth == "K") req.headers.emplace("Authorization", basic(kKey, kSecret));
    else if (!auth.empty()) req.headers.emplace("Authorization", auth);
    std::string const content_type(lines[4]);
    if (!content_type.empty()) req.headers.emplace("Content-Type", content_type);
    req.body = std::string(lines[5]);
    // What httplib's server does with a form body before routing.
    if (content_type.starts_with("application/x-www-form-urlencoded"))
        httplib::detail::parse_query_text(req.body, req.params);

    std::string const before = snapshot(*w.router);
    httplib::Response res;
    try {
        w.router->handle(req, res);
        tt::collect_streamed_body(res);
    } catch (std::exception const& e) {
        FUZZ_CHECK(false, std::string("an exception escaped Router::handle: ") + e.what());
    }
    if (res.status >= 200 && res.status < 300)
        check_success(req, res);
    else
        check_error(req, res);
    if (res.status >= 400)
        FUZZ_CHECK(snapshot(*w.router) == before, "a refused request (" + std::to_string(res.status) + ") changed the state: " +
                                                      req.method + " " + show(req.path) + " " + show(req.body));
    check_canary(*w.router);
    return 0;
}
