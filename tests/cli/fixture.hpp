// What the twilio-usage tests share: the executable's path, an emulator with
// the demo data started in this process, a library client on it, and run()
// which starts the command with credentials for it and checks that the auth
// token appears in no output.
#pragma once

#include <doctest/doctest.h>

#include <cstdlib>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "process.hpp"
#include "twilio_usage/testing/emulator.hpp"
#include "twilio_usage/twilio_usage.hpp"

namespace cli_test {

inline std::string exe() {
    char const* p = std::getenv("TWILIO_USAGE_CLI");
    REQUIRE_MESSAGE(p, "TWILIO_USAGE_CLI must name the twilio-usage executable");
    return p;
}

/// The emulator with the demo data, shared by the tests of one process.
inline twilio_usage::testing::Emulator& demo() {
    static auto emu = [] {
        twilio_usage::testing::EmulatorOptions o;
        o.demo_data = true;
        auto e = std::make_unique<twilio_usage::testing::Emulator>(o);
        e->start();
        return e;
    }();
    return *emu;
}

inline twilio_usage::Client client_for(twilio_usage::testing::Emulator& emu) {
    twilio_usage::ClientOptions options;
    options.base_url = emu.base_url();
    return twilio_usage::Client(
        twilio_usage::Credentials::from_auth_token(emu.main_account().sid, emu.main_account().auth_token),
        options);
}

inline std::vector<std::string> env_for(twilio_usage::testing::Emulator& emu) {
    return {"TWILIO_ACCOUNT_SID=" + emu.main_account().sid,
            "TWILIO_AUTH_TOKEN=" + emu.main_account().auth_token, "TWILIO_USAGE_BASE_URL=" + emu.base_url(),
            "LC_ALL=C.UTF-8"};
}

/// Runs the command against `emu` (the demo emulator by default).
inline Output cli(std::vector<std::string> const& args, std::vector<std::string> const& env) {
    Output o = run(exe(), args, env);
    std::string const token = demo().main_account().auth_token;
    std::string joined;
    for (auto const& a : args) joined += a + " ";
    INFO("twilio-usage " << joined << "\nstdout: " << o.out.substr(0, 3000) << "\nstderr: " << o.err);
    for (auto const& e : env)
        if (e.starts_with("TWILIO_AUTH_TOKEN=") || e.starts_with("TWILIO_API_SECRET=")) {
            std::string const secret = e.substr(e.find('=') + 1);
            CHECK_MESSAGE(o.out.find(secret) == std::string::npos, "the secret is in stdout");
            CHECK_MESSAGE(o.err.find(secret) == std::string::npos, "the secret is in stderr");
        }
    CHECK_MESSAGE(o.out.find(token) == std::string::npos, "the demo token is in stdout");
    CHECK_MESSAGE(o.err.find(token) == std::string::npos, "the demo token is in stderr");
    return o;
}
inline Output cli(std::vector<std::string> const& args) { return cli(args, env_for(demo())); }

inline std::vector<std::string> lines(std::string const& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        out.push_back(line);
    }
    return out;
}

/// A table line's first column.
inline std::string first_cell(std::string const& line) { return line.substr(0, line.find(' ')); }

/// RFC 4180: fields separated by commas, quoted fields with "" for a quote,
/// records ended by CRLF (a quoted field may hold CR, LF and commas).
inline std::vector<std::vector<std::string>> parse_csv(std::string const& text) {
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row;
    std::string field;
    bool quoted = false, was_quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char const c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"' && field.empty() && !was_quoted) {
            quoted = was_quoted = true;
        } else if (c == ',') {
            row.push_back(field);
            field.clear();
            was_quoted = false;
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            row.push_back(field);
            rows.push_back(row);
            row.clear();
            field.clear();
            was_quoted = false;
            ++i;
        } else {
            field += c;
        }
    }
    if (!field.empty() || !row.empty()) {
        row.push_back(field);
        rows.push_back(row);
    }
    return rows;
}

inline bool has_no_usage(twilio_usage::UsageRecord const& r) {
    auto zero = [](std::optional<twilio_usage::Decimal> const& d) { return !d || d->is_zero(); };
    return zero(r.count) && zero(r.usage) && zero(r.price);
}

inline std::string with_unit(std::optional<twilio_usage::Decimal> const& d,
                             std::optional<std::string> const& unit) {
    if (!d) return "";
    return d->to_string() + (unit && !unit->empty() ? " " + *unit : "");
}

/// A usage error: exit 2, nothing on stdout, one line on stderr naming `what`.
inline void check_usage_error(Output const& o, std::string const& what) {
    CHECK(o.exit_code == 2);
    CHECK(o.out.empty());
    CHECK(lines(o.err).size() == 1);
    CHECK(o.err.starts_with("twilio-usage: "));
    CHECK_MESSAGE(o.err.find(what) != std::string::npos, "stderr names " << what << ": " << o.err);
}

}  // namespace cli_test
