// Runs one of the examples against a fresh emulator and checks its output:
//   run-example <example executable> today|absolute|absolute-reached|relative
// (absolute-reached: the account is past 1000 SMS before the trigger is made)
#include "twilio_usage/testing/emulator.hpp"
#include "twilio_usage/twilio_usage.hpp"

#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

using namespace twilio_usage;
using namespace std::chrono_literals;

namespace {
int failures = 0;
void check(bool ok, std::string const& what) {
    if (!ok) {
        std::cerr << "FAILED: " << what << "\n";
        ++failures;
    }
}
}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: run-example <example> today|absolute|absolute-reached|relative\n";
        return 2;
    }
    std::string const exe = argv[1];
    std::string const scenario = argv[2];

    testing::EmulatorOptions eo;
    eo.fixed_now = std::chrono::sys_days{2024y / 3 / 15} + std::chrono::hours(12);
    testing::Emulator emu(eo);
    emu.start();
    auto const& account = emu.main_account();
    auto const today = std::chrono::sys_days{2024y / 3 / 15} + std::chrono::hours(9);
    int const sent = scenario == "absolute-reached" ? 1500 : 250;
    emu.add_usage({account.sid, OpenCategory(Category::sms), today, Decimal(sent), Decimal(sent),
                   Decimal::parse("0.38").value()});

    ::setenv("TWILIO_ACCOUNT_SID", account.sid.c_str(), 1);
    ::setenv("TWILIO_AUTH_TOKEN", account.auth_token.c_str(), 1);
    ::setenv("TWILIO_USAGE_BASE_URL", emu.base_url().c_str(), 1);

    std::string output;
    FILE* pipe = ::popen(exe.c_str(), "r");
    if (!pipe) {
        std::cerr << "cannot run " << exe << "\n";
        return 1;
    }
    char buf[4096];
    while (auto n = std::fread(buf, 1, sizeof buf, pipe)) output.append(buf, n);
    int const status = ::pclose(pipe);
    check(WIFEXITED(status) && WEXITSTATUS(status) == 0, "the example exits with 0");
    std::cout << output.substr(0, 2000) << (output.size() > 2000 ? "...\n" : "");

    std::vector<std::string> lines;
    std::istringstream in(output);
    for (std::string line; std::getline(in, line);) lines.push_back(line);

    ClientOptions options;
    options.base_url = emu.base_url();
    Client client(Credentials::from_auth_token(account.sid, account.auth_token), options);
    if (scenario == "today") {
        check(lines.size() == category_count,
              "one line per category (" + std::to_string(category_count) + "), got " + std::to_string(lines.size()));
        std::string const sms_line = std::string(description(Category::sms)) + ": 0.38";
        check(std::find(lines.begin(), lines.end(), sms_line) != lines.end(), "a line '" + sms_line + "'");
    } else {
        auto triggers = client.triggers().list().collect();
        check(triggers.size() == 1, "exactly one trigger was created");
        check(lines.size() == 1 && lines[0].starts_with("Created trigger UT"), "prints the new trigger's SID");
        if (triggers.size() == 1) {
            auto const& t = triggers[0];
            check(t.friendly_name == "1000 messages", "friendly name");
            check(t.usage_category && *t.usage_category == Category::sms, "category sms");
            check(t.trigger_by == TriggerBy::count, "trigger by count");
            check(t.callback_url == "http://example.com/thousand-sms", "callback URL");
            Decimal const expected = scenario == "relative" ? Decimal(1250) : Decimal(1000);
            check(t.trigger_value == expected, "trigger value " + expected.to_string());
            check(output.find(expected.to_string()) != std::string::npos, "the output names the trigger value");
            check(output.find(*t.sid) != std::string::npos, "the output names the SID");
            if (scenario == "absolute") {
                check(output.find("sms count is 250") != std::string::npos, "the output names the current count");
                check(output.find("when the count reaches 1000") != std::string::npos, "it says when it fires");
            }
            if (scenario == "absolute-reached") {
                // Already past the value: it fires at once, and the output says so, not "when it reaches".
                check(output.find("sms count is 1500") != std::string::npos, "the output names the current count");
                check(output.find("already past 1000, so it fire") != std::string::npos,
                      "the output says it fires at once");
                check(output.find("when the count reaches") == std::string::npos, "no promise of a future firing");
            }
        }
    }
    return failures == 0 ? 0 : 1;
}
