// The twilio-usage-emulator executable: prints its URL and credentials,
// serves, and stops cleanly on SIGTERM; and it is `twilio-usage emulator`
// under another name. Meson passes the paths in TWILIO_USAGE_EMULATOR_EXE
// and TWILIO_USAGE_CLI.
#include "helpers.hpp"
#include "twilio_usage/testing/demo_data.hpp"

#include <csignal>
#include <cstdlib>
#include <regex>
#include <vector>

#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

using namespace emu_test;

namespace {

struct Child {
    pid_t pid = -1;
    int out = -1;
    std::string text;

    explicit Child(std::vector<std::string> args) {
        int fds[2];
        REQUIRE(pipe(fds) == 0);
        posix_spawn_file_actions_t fa;
        posix_spawn_file_actions_init(&fa);
        posix_spawn_file_actions_adddup2(&fa, fds[1], 1);
        posix_spawn_file_actions_adddup2(&fa, fds[1], 2);
        posix_spawn_file_actions_addclose(&fa, fds[0]);
        std::vector<char*> argv;
        for (auto& a : args) argv.push_back(a.data());
        argv.push_back(nullptr);
        REQUIRE(posix_spawn(&pid, argv[0], &fa, nullptr, argv.data(), environ) == 0);
        posix_spawn_file_actions_destroy(&fa);
        close(fds[1]);
        out = fds[0];
    }
    ~Child() {
        if (pid > 0 && waitpid(pid, nullptr, WNOHANG) == 0) {
            kill(pid, SIGKILL);
            waitpid(pid, nullptr, 0);
        }
        if (out >= 0) close(out);
    }
    /// Reads output until `marker` appears or the deadline passes.
    bool read_until(std::string const& marker, std::chrono::milliseconds limit = 5000ms) {
        auto const deadline = std::chrono::steady_clock::now() + limit;
        while (text.find(marker) == std::string::npos) {
            auto const left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
            if (left.count() <= 0) return false;
            pollfd p{out, POLLIN, 0};
            if (poll(&p, 1, static_cast<int>(left.count())) <= 0) return false;
            char buf[512];
            auto const n = read(out, buf, sizeof buf);
            if (n <= 0) return text.find(marker) != std::string::npos;
            text.append(buf, static_cast<std::size_t>(n));
        }
        return true;
    }
    /// Exit status, or -1 if it did not exit in time.
    int wait_exit(std::chrono::milliseconds limit = 5000ms) {
        auto const deadline = std::chrono::steady_clock::now() + limit;
        int status = 0;
        while (std::chrono::steady_clock::now() < deadline) {
            if (waitpid(pid, &status, WNOHANG) == pid) {
                pid = -1;
                return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
            }
            std::this_thread::sleep_for(10ms);
        }
        return -1;
    }
};

}  // namespace

TEST_CASE("executable: prints URL and credentials, serves, stops on SIGTERM and SIGINT") {
    char const* exe = std::getenv("TWILIO_USAGE_EMULATOR_EXE");
    REQUIRE_MESSAGE(exe, "TWILIO_USAGE_EMULATOR_EXE must name twilio-usage-emulator");
    for (int sig : {SIGTERM, SIGINT}) {
        Child c({exe, "--port", "0"});
        REQUIRE(c.read_until("Press Ctrl-C"));
        std::smatch m;
        REQUIRE(std::regex_search(c.text, m, std::regex("listening on (http://127\\.0\\.0\\.1:[0-9]+)")));
        std::string const url = m[1];
        CHECK(c.text.find(std::string(demo::parent_sid)) != std::string::npos);
        CHECK(c.text.find(std::string(demo::parent_token)) != std::string::npos);
        httplib::Client cli(url);
        cli.set_basic_auth(std::string(demo::parent_sid), std::string(demo::parent_token));
        auto r = cli.Get("/2010-04-01/Accounts/" + std::string(demo::parent_sid) + "/Usage/Records/Today.json?Category=calls");
        REQUIRE(r);
        CHECK(r->status == 200);
        CHECK(str(json_of(r).at("usage_records").as_array().at(0).at("count")) != "0");
        kill(c.pid, sig);
        CHECK(c.wait_exit() == 0);
    }
    Child bad({exe, "--bogus"});
    CHECK(bad.wait_exit() == 2);
}

TEST_CASE("executable: twilio-usage-emulator and `twilio-usage emulator` take the same options, with one meaning") {
    char const* standalone = std::getenv("TWILIO_USAGE_EMULATOR_EXE");
    char const* cli = std::getenv("TWILIO_USAGE_CLI");
    REQUIRE_MESSAGE((standalone && cli), "TWILIO_USAGE_EMULATOR_EXE and TWILIO_USAGE_CLI must be set");
    std::vector<std::vector<std::string>> const launchers{{standalone}, {cli, "emulator"}};
    std::vector<std::string> helps;
    for (auto const& launcher : launchers) {
        CAPTURE(launcher.back());
        auto with = [&](std::vector<std::string> extra) {
            auto args = launcher;
            args.insert(args.end(), extra.begin(), extra.end());
            return args;
        };
        Child help(with({"--help"}));
        CHECK(help.wait_exit() == 0);
        help.read_until("this help");
        helps.push_back(help.text);

        // No --port needed (any free port); --no-demo and --prices-as-numbers mean the same in both.
        Child c(with({"--no-demo", "--prices-as-numbers"}));
        REQUIRE(c.read_until("Press Ctrl-C"));
        CHECK(c.text.find("(no data)") != std::string::npos);
        std::smatch url, sid, token;
        REQUIRE(std::regex_search(c.text, url, std::regex("export TWILIO_USAGE_BASE_URL=(http://127\\.0\\.0\\.1:[0-9]+)")));
        REQUIRE(std::regex_search(c.text, sid, std::regex("export TWILIO_ACCOUNT_SID=(AC[0-9a-f]{32})")));
        REQUIRE(std::regex_search(c.text, token, std::regex("export TWILIO_AUTH_TOKEN=([0-9a-f]{32})")));
        CHECK(sid[1] != std::string(demo::parent_sid));  // not the demo's account
        httplib::Client http(url[1].str());
        http.set_basic_auth(sid[1].str(), token[1].str());
        auto r = http.Get("/2010-04-01/Accounts/" + sid[1].str() + "/Usage/Records/Today.json?Category=calls");
        REQUIRE(r);
        CHECK(r->status == 200);
        CHECK(json_of(r).at("usage_records").as_array().at(0).at("count").is_number());
        kill(c.pid, SIGTERM);
        CHECK(c.wait_exit() == 0);

        Child both(with({"--data", "x.json", "--no-demo"}));
        CHECK(both.wait_exit() == 2);
        Child bogus(with({"--bogus"}));
        CHECK(bogus.wait_exit() == 2);
    }
    CHECK(helps[0] == helps[1]);  // one command under two names
}
