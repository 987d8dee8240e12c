// twilio-usage triggers, errors and exit codes, --help, the demo without
// credentials, and the emulator subcommand.
#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include "fixture.hpp"
#include "twilio_usage/testing/demo_data.hpp"

using namespace twilio_usage;
using namespace cli_test;
using namespace std::chrono_literals;

TEST_CASE("triggers: create (relative), list, fetch, update, delete round trip") {
    auto const client = client_for(demo());
    // A trigger watches its own account's usage (subaccounts have their own triggers).
    auto const sms_count = client.records()
                               .list(RecordsQuery{}.category(Category::sms).include_subaccounts(false))
                               .collect()
                               .at(0)
                               .count.value();

    auto const created =
        cli({"triggers", "create", "--category", "sms", "--value", "+1000", "--by", "count", "--callback",
             "http://127.0.0.1:9/thousand-more", "--name", "1000 more SMS", "--format", "json"});
    REQUIRE(created.exit_code == 0);
    auto const doc = boost::json::parse(created.out).as_object();
    std::string const sid(doc.at("sid").as_string());
    CHECK(sid.starts_with("UT"));
    CHECK(doc.at("usage_category").as_string() == "sms");
    CHECK(doc.at("trigger_by").as_string() == "count");
    CHECK(doc.at("callback_method").as_string() == "POST");
    auto const value = Decimal::parse(std::string(doc.at("trigger_value").as_string())).value();
    auto const current = Decimal::parse(std::string(doc.at("current_value").as_string())).value();
    CHECK(current == sms_count);
    CHECK(value == current + Decimal(1000));  // relative: arrived as %2B1000, not as a space
    auto const stored = client.triggers().fetch(sid);
    CHECK(stored.trigger_value == value);
    CHECK(stored.friendly_name == "1000 more SMS");

    auto const absolute = cli({"triggers", "create", "--category", "calls", "--value", "500", "--recurring",
                               "daily", "--callback", "http://127.0.0.1:9/calls", "--method", "get"});
    REQUIRE(absolute.exit_code == 0);
    CHECK(absolute.out.find("trigger_value     500\n") != std::string::npos);
    CHECK(absolute.out.find("recurring         daily\n") != std::string::npos);
    CHECK(absolute.out.find("callback_method   GET\n") != std::string::npos);

    auto const listed = cli({"triggers", "list"});
    REQUIRE(listed.exit_code == 0);
    CHECK(listed.out.starts_with("sid "));
    CHECK(listed.out.find(sid) != std::string::npos);
    CHECK(listed.out.find("1000 more SMS") != std::string::npos);
    auto const filtered = cli({"triggers", "list", "--recurring", "daily", "--format", "json"});
    auto const daily = boost::json::parse(filtered.out).as_array();
    REQUIRE(daily.size() >= 1);
    for (auto const& t : daily) CHECK(t.as_object().at("recurring").as_string() == "daily");
    auto const by_category =
        boost::json::parse(cli({"triggers", "list", "--category", "sms", "--format", "json"}).out);
    for (auto const& t : by_category.as_array())
        CHECK(t.as_object().at("usage_category").as_string() == "sms");

    auto const fetched = cli({"triggers", "fetch", sid});
    REQUIRE(fetched.exit_code == 0);
    CHECK(fetched.out.starts_with("sid               " + sid + "\n"));
    CHECK(fetched.out.find("trigger_value     " + value.to_string() + "\n") != std::string::npos);

    auto const refused = cli({"triggers", "update", sid, "--value", "5"});
    check_usage_error(refused, "--value cannot be changed");
    CHECK(refused.err.find("delete the trigger and create a new one") != std::string::npos);
    check_usage_error(cli({"triggers", "update", sid}), "nothing to change");

    auto const updated = cli({"triggers", "update", sid, "--name", "renamed", "--method", "GET", "--callback",
                              "https://example.com/hook", "--format", "json"});
    REQUIRE(updated.exit_code == 0);
    auto const after = client.triggers().fetch(sid);
    CHECK(after.friendly_name == "renamed");
    CHECK(after.callback_method == CallbackMethod::get);
    CHECK(after.callback_url == "https://example.com/hook");
    CHECK(after.trigger_value == value);

    auto const deleted = cli({"triggers", "delete", sid});
    REQUIRE(deleted.exit_code == 0);
    CHECK(deleted.out == "deleted " + sid + "\n");
    CHECK(!client.triggers().try_fetch(sid));
    auto const gone = cli({"triggers", "fetch", sid});
    CHECK(gone.exit_code == 1);
    CHECK(lines(gone.err).size() == 1);
    CHECK(gone.err.find("404") != std::string::npos);

    check_usage_error(cli({"triggers", "fetch", "not-a-sid"}), "not-a-sid");
    check_usage_error(
        cli({"triggers", "create", "--category", "sms", "--value", "abc", "--callback", "http://x.y/"}),
        "--value");
    check_usage_error(cli({"triggers", "create", "--category", "sms", "--value", "1"}),
                      "--callback is required");
    check_usage_error(cli({"triggers", "list", "--by", "weight"}), "--by must be one of count, usage, price");
    check_usage_error(cli({"triggers", "explode"}), "unknown action 'explode'");
}

TEST_CASE("usage errors: exit 2 and one line naming what was wrong") {
    check_usage_error(cli({"records", "--bogus"}), "unknown option '--bogus'");
    check_usage_error(cli({"records", "-x"}), "unknown option '-x'");
    check_usage_error(cli({"records", "--start", "2024-02-30"}), "--start");
    check_usage_error(cli({"records", "--end", "yesterday"}), "--end");
    check_usage_error(cli({"records", "--category", ""}), "--category is empty");
    check_usage_error(cli({"records", "--limit", "ten"}), "--limit needs a whole number");
    check_usage_error(cli({"records", "--limit", "0"}), "--limit must be at least 1");
    check_usage_error(cli({"records", "--page-size", "5000"}), "1..1000");
    check_usage_error(cli({"records", "weekly"}), "unknown subresource 'weekly'");
    check_usage_error(cli({"records", "--format", "xml"}), "--format must be one of table, csv, json");
    check_usage_error(cli({"records", "--start", "2024-03-01", "--end", "2024-02-01"}), "after");
    check_usage_error(cli({"records", "--category"}), "--category needs a value");
    check_usage_error(cli({"chart"}), "--category is required");
    check_usage_error(cli({"chart", "--category", "sms", "--by", "weight"}), "--by");
    check_usage_error(cli({"categories", "--search"}), "--search needs a value");
    check_usage_error(cli({"frobnicate"}), "unknown command 'frobnicate'");
    check_usage_error(cli({"emulator", "--port", "http"}), "--port");
    auto const bare = cli({});
    CHECK(bare.exit_code == 2);
    CHECK(bare.err.starts_with("Usage: twilio-usage"));
}

TEST_CASE("--help for the command and every subcommand") {
    for (auto const& args : std::vector<std::vector<std::string>>{{"--help"},
                                                                  {"-h"},
                                                                  {"records", "--help"},
                                                                  {"chart", "-h"},
                                                                  {"triggers", "--help"},
                                                                  {"triggers", "create", "--help"},
                                                                  {"triggers", "list", "--help"},
                                                                  {"triggers", "fetch", "--help"},
                                                                  {"triggers", "update", "--help"},
                                                                  {"triggers", "delete", "--help"},
                                                                  {"categories", "--help"},
                                                                  {"categories", "diff", "--help"},
                                                                  {"emulator", "--help"}}) {
        auto const o = cli(args);
        INFO(args.front() << " " << args.back());
        CHECK(o.exit_code == 0);
        CHECK(o.out.starts_with("Usage: twilio-usage"));
        CHECK(o.err.empty());
    }
    CHECK(cli({"records", "--help"}).out.find("--no-subaccounts") != std::string::npos);
}

TEST_CASE("API and transport errors: exit 1 and one clear line") {
    auto env = env_for(demo());
    env[2] = "TWILIO_USAGE_BASE_URL=http://127.0.0.1:1";
    auto const unreachable = cli({"records", "today"}, env);
    CHECK(unreachable.exit_code == 1);
    CHECK(unreachable.out.empty());
    CHECK(lines(unreachable.err).size() == 1);
    CHECK(unreachable.err.starts_with("twilio-usage: transport error"));

    auto wrong = env_for(demo());
    wrong[1] = "TWILIO_AUTH_TOKEN=ffffffffffffffffffffffffffffffff";
    auto const denied = cli({"records", "today"}, wrong);
    CHECK(denied.exit_code == 1);
    CHECK(lines(denied.err).size() == 1);
    CHECK(denied.err.find("401") != std::string::npos);
    CHECK(denied.err.find("ffffffffffffffffffffffffffffffff") == std::string::npos);

    demo().fail_next(1, 500);
    auto const failed = cli({"triggers", "list"});
    CHECK(failed.exit_code == 1);
    CHECK(failed.err.find("500") != std::string::npos);

    check_usage_error(cli({"records"}, {"TWILIO_ACCOUNT_SID=" + demo().main_account().sid}),
                      "TWILIO_AUTH_TOKEN");
    check_usage_error(cli({"records"}, {"TWILIO_ACCOUNT_SID=ACnope", "TWILIO_AUTH_TOKEN=s3cr3t-t0ken"}),
                      "AC");
}

TEST_CASE("no credentials: the built-in emulator answers with demo data") {
    auto const o = cli({"records", "today"}, {"LC_ALL=C.UTF-8"});
    CHECK(o.exit_code == 0);
    CHECK(o.err ==
          "twilio-usage: no TWILIO_ACCOUNT_SID/TWILIO_AUTH_TOKEN set; answering from the built-in emulator "
          "with demo "
          "data\n");
    CHECK(o.out.starts_with("category "));
    CHECK(lines(o.out).size() > 5);
    CHECK(o.out.find("sms-outbound-longcode ") != std::string::npos);

    // A request refused before sending is one line too: no emulator was started.
    auto const refused = cli({"records", "--start", "2024-03-01", "--end", "2024-02-01"}, {});
    check_usage_error(refused, "is after end_date");
    check_usage_error(
        cli({"triggers", "create", "--category", "sms", "--value", "1", "--callback", "ftp://x"}, {}),
        "absolute http or https URL");
    // A base URL without credentials is a mistake, not a reason to use the demo.
    check_usage_error(cli({"records"}, {"TWILIO_USAGE_BASE_URL=http://127.0.0.1:1"}), "no credentials");
}

TEST_CASE("emulator: serves until SIGTERM, and the command works against it") {
    Child emulator(exe(), {"emulator", "--port", "0"}, {"LC_ALL=C.UTF-8"});
    REQUIRE(emulator.read_until("Press Ctrl-C", 10s));
    std::vector<std::string> env{"LC_ALL=C.UTF-8"};
    for (auto const& line : lines(emulator.out()))
        if (line.starts_with("  export ")) env.push_back(line.substr(9));
    REQUIRE(env.size() == 4);
    auto const o = run(exe(), {"records", "today", "--format", "csv"}, env);
    CHECK(o.exit_code == 0);
    CHECK(o.err.empty());
    CHECK(parse_csv(o.out).size() > 5);
    emulator.signal(SIGTERM);
    auto const done = emulator.finish(10s);
    CHECK(done.exit_code == 0);
    CHECK(done.out.find("emulator stopped") != std::string::npos);
}

TEST_CASE("progress: pages and records so far on stderr, only when stderr is a terminal") {
    auto const args = std::vector<std::string>{"records",     "daily", "--start",  "-2days",
                                               "--page-size", "100",   "--format", "csv"};
    Child child(exe(), args, env_for(demo()), /*stderr_is_terminal=*/true);
    auto const o = child.finish(20s);
    CHECK(o.exit_code == 0);
    CHECK(o.err.find("twilio-usage: page 1, 100 records so far") != std::string::npos);
    std::size_t const records = 3 * category_count;  // one per category a day, today included
    CHECK(o.err.find("twilio-usage: page " + std::to_string((records + 99) / 100) + ", " + std::to_string(records) +
                     " records so far") != std::string::npos);
    CHECK(o.err.ends_with("\r\033[K"));  // the progress line is cleared at the end
    CHECK(o.out.find("page ") == std::string::npos);

    auto const piped = cli(args);
    CHECK(piped.exit_code == 0);
    CHECK(piped.err.empty());
    CHECK(piped.out == o.out);
}

TEST_CASE("an API key from the environment, and --base-url instead of TWILIO_USAGE_BASE_URL") {
    namespace demo_ids = twilio_usage::testing::demo;
    std::vector<std::string> const env{"TWILIO_ACCOUNT_SID=" + std::string(demo_ids::parent_sid),
                                       "TWILIO_API_KEY=" + std::string(demo_ids::api_key_sid),
                                       "TWILIO_API_SECRET=" + std::string(demo_ids::api_key_secret)};
    auto const o = cli({"records", "today", "--base-url", demo().base_url()}, env);
    CHECK(o.exit_code == 0);
    CHECK(o.err.empty());
    CHECK(o.out.starts_with("category "));

    auto const wrong_secret = cli({"records", "today", "--base-url=" + demo().base_url()},
                                  {env[0], env[1], "TWILIO_API_SECRET=not-the-secret-of-this-key"});
    CHECK(wrong_secret.exit_code == 1);
    CHECK(wrong_secret.err.find("401") != std::string::npos);
}
