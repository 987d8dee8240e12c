// twilio-usage against failing servers (a refused port, a wrong token, a
// server that is not HTTP, one that cuts bodies off, trickles, floods,
// answers 429 forever, or echoes the credentials back in every place an error
// quotes), with an auth token or an API key secret set to a recognisable
// value: exit 1 with a useful one-line error, and neither the secret nor the
// Authorization value (base64 of "user:secret") in stdout or stderr.
#include "../client/fault_servers.hpp"
#include "fixture.hpp"

using namespace twilio_usage;
using namespace cli_test;
using namespace std::chrono_literals;
namespace faults = test_support::faults;
using test_support::FaultServer;

namespace {

std::string const account = test_support::account_sid;
std::string const token = "CLITOKEN-faults-3b9d1f7e5a2c48";
std::string const key_sid = "SK89abcdef0123456789abcdef01234567";
std::string const secret = "CLISECRET-faults-d6f0b2e4a8c197";

std::string b64(std::string const& s) {
    return webhook::detail::base64(reinterpret_cast<unsigned char const*>(s.data()), s.size());
}

struct CredentialSet {
    std::string name;
    std::string user;    // Basic auth user
    std::string secret;  // what must never be shown
    std::vector<std::string> env(std::string const& base_url) const {
        std::vector<std::string> e{"TWILIO_ACCOUNT_SID=" + account, "TWILIO_USAGE_BASE_URL=" + base_url,
                                   "LC_ALL=C.UTF-8"};
        if (user == account) e.push_back("TWILIO_AUTH_TOKEN=" + secret);
        else {
            e.push_back("TWILIO_API_KEY=" + user);
            e.push_back("TWILIO_API_SECRET=" + secret);
        }
        return e;
    }
    std::string authorization() const { return "Basic " + b64(user + ":" + secret); }
};

std::vector<CredentialSet> credential_sets() {
    return {{"auth token", account, token}, {"API key", key_sid, secret}};
}

/// Runs the command; checks exit 1, one error line naming `says`, and that no
/// piece of the secret or of the Authorization value is in the output.
Output failing(CredentialSet const& c, std::vector<std::string> args, std::string const& base_url,
               std::string const& says, std::chrono::milliseconds within = 15s) {
    auto const start = std::chrono::steady_clock::now();
    Output const o = cli(args, c.env(base_url));
    auto const took = std::chrono::steady_clock::now() - start;
    std::string joined;
    for (auto const& a : args) joined += a + " ";
    INFO(c.name << ": twilio-usage " << joined << "\nstdout: " << o.out.substr(0, 2000) << "\nstderr: " << o.err);
    CHECK(o.exit_code == 1);
    CHECK(o.err.starts_with("twilio-usage: "));
    CHECK(lines(o.err).size() == 1);
    CHECK_MESSAGE(o.err.find(says) != std::string::npos, "stderr says " << says);
    CHECK(took < within);
    std::string const b = b64(c.user + ":" + c.secret);
    for (std::string const* text : {&o.out, &o.err}) {
        for (std::size_t i = 0; i + 12 <= c.secret.size(); ++i)
            CHECK_MESSAGE(text->find(c.secret.substr(i, 12)) == std::string::npos, "a piece of the secret is shown");
        for (std::size_t i = 0; i + 16 <= b.size(); ++i)
            CHECK_MESSAGE(text->find(b.substr(i, 16)) == std::string::npos,
                          "a piece of the Authorization value is shown");
    }
    return o;
}

}  // namespace

TEST_CASE("failures: a useful error, exit 1, and never the auth token or API secret") {
    for (auto const& c : credential_sets()) {
        CAPTURE(c.name);
        // Nothing listening.
        std::string const refused = "http://127.0.0.1:" + std::to_string(test_support::closed_port());
        failing(c, {"records", "today"}, refused, "transport error (connect): could not connect");
        failing(c, {"triggers", "list"}, refused, "transport error (connect)");

        // The emulator, with credentials it does not know: 401.
        failing(c, {"records", "today"}, demo().base_url(), "API error (HTTP 401");
        failing(c, {"chart", "--category", "sms"}, demo().base_url(), "API error (HTTP 401");

        {
            FaultServer garbage(faults::garbage(), true);
            failing(c, {"records", "today"}, garbage.base_url(), "transport error (connection)");
        }
        {
            FaultServer cut(faults::cut_off_body());  // the second page is cut off
            failing(c, {"records", "today"}, cut.base_url(), "transport error (connection)");
        }
        {
            FaultServer busy(faults::body(429, R"({"code":20429,"message":"Too Many Requests","status":429})",
                                          "Retry-After: 1\r\n"),
                             true);
            failing(c, {"records", "today"}, busy.base_url(), "API error (HTTP 429, code 20429): Too Many Requests");
        }
        {
            FaultServer bad_json(faults::body(200, faults::invalid_utf8_page()), true);
            failing(c, {"records", "today"}, bad_json.base_url(),
                    "decode error at page.usage_records[1].description");
        }
        {
            FaultServer deep(faults::body(200, faults::deeply_nested_page(100'000)), true);
            failing(c, {"records", "today", "--format", "json"}, deep.base_url(), "decode error");
        }
        {
            // --timeout bounds the whole request, even one trickled a byte at a time.
            FaultServer slow(faults::trickled_headers(100ms), true);
            failing(c, {"records", "today", "--timeout", "1"}, slow.base_url(),
                    "transport error (timeout): the whole-request timeout of 1000 ms was exceeded", 1s + 3s);
            failing(c, {"triggers", "list", "--timeout=1"}, slow.base_url(), "transport error (timeout)", 1s + 3s);
        }
        {
            FaultServer flood(faults::endless_headers(true), true);
            failing(c, {"records", "today"}, flood.base_url(), "response headers (or chunk framing) larger than");
        }
    }
}

TEST_CASE("failures: servers that echo the credentials back cannot make the command show them") {
    for (auto const& c : credential_sets()) {
        CAPTURE(c.name);
        std::string const auth = c.authorization();
        std::vector<std::pair<test_support::Responder, std::string>> echoes{
            {faults::body(401, R"({"code":20003,"message":"you sent )" + auth + " i.e. " + c.secret +
                                   R"(","more_info":"https://x.test/)" + c.secret + R"(","status":401})"),
             "API error (HTTP 401, code 20003): you sent Basic [redacted] i.e. [redacted]"},
            {faults::body(400, std::string(100, 'x') + c.secret + " " + auth), "API error (HTTP 400)"},
            {faults::body(200, R"({"usage_records":[{"price":")" + std::string(50, 'z') + c.secret + R"("}]})"),
             "decode error at page.usage_records[0].price"},
            {faults::body(200, test_support::page_json(0, 1, "http://evil.test/" + std::string(190, 'p') + c.secret +
                                                                 "?" + auth)),
             "transport error (unsafe redirect)"},
        };
        for (auto const& [echo, says] : echoes) {
            FaultServer server(echo, true);
            failing(c, {"records", "today"}, server.base_url(), says);
            failing(c, {"records", "today", "--format", "csv"}, server.base_url(), says);
            // The server really was sent the Authorization value it echoed.
            auto heads = server.heads();
            REQUIRE_FALSE(heads.empty());
            CHECK(heads[0].find(auth) != std::string::npos);
        }
    }
}

TEST_CASE("--timeout: a whole number of seconds, at least 1") {
    check_usage_error(cli({"records", "today", "--timeout", "0"}), "--timeout must be at least 1");
    check_usage_error(cli({"records", "today", "--timeout", "soon"}), "--timeout needs a whole number");
    check_usage_error(cli({"records", "today", "--timeout", "100000"}), "--timeout must be at most 86400");
    CHECK(cli({"records", "--help"}).out.find("--timeout SECONDS") != std::string::npos);
    auto const ok = cli({"records", "today", "--timeout", "30"});
    CHECK(ok.exit_code == 0);
    CHECK(ok.out.starts_with("category "));
}
