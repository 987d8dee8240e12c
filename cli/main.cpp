// twilio-usage: Twilio's Usage API from the command line.
//
//   twilio-usage records|chart|triggers|categories|emulator ... [--help]
//
// Dispatches to the subcommand and turns every failure into one line on
// stderr: exit 2 for a usage error, 1 for an API, transport or decode error.
#include <iostream>
#include <string_view>

#include "cli.hpp"

namespace {

using namespace twilio_usage_cli;

constexpr std::string_view top_help =
    "Usage: twilio-usage <command> [options]\n"
    "\n"
    "Twilio's Usage API from the command line.\n"
    "\n"
    "Commands:\n"
    "  records [SUBRESOURCE]  usage records as a table, CSV or JSON\n"
    "  chart --category C     a bar chart of one category per day or month\n"
    "  triggers ACTION        create, list, fetch, update or delete usage triggers\n"
    "  categories [diff]      the known categories; diff: the ones the server has and the spec lacks\n"
    "  emulator               run the built-in API emulator in the foreground\n"
    "\n"
    "Credentials: TWILIO_ACCOUNT_SID + TWILIO_AUTH_TOKEN, or TWILIO_API_KEY + TWILIO_API_SECRET +\n"
    "TWILIO_ACCOUNT_SID. API base URL: --base-url URL or TWILIO_USAGE_BASE_URL. A subaccount:\n"
    "--account AC... With no credentials set, commands answer from the built-in emulator with demo data.\n"
    "\n"
    "Run 'twilio-usage <command> --help' for a command's options.\n"
    "Exit status: 0 success, 1 API or network error, 2 usage error.\n";

int dispatch(std::string_view command, Arguments const& rest) {
    if (command == "records") return run_records(rest);
    if (command == "chart") return run_chart(rest);
    if (command == "triggers") return run_triggers(rest);
    if (command == "categories") return run_categories(rest);
    if (command == "emulator") return run_emulator(rest);
    throw UsageError("unknown command '" + std::string(command.substr(0, 40)) +
                     "': use records, chart, triggers, categories or emulator (see twilio-usage --help)");
}

}  // namespace

int main(int argc, char** argv) {
    std::ios::sync_with_stdio(false);
    Arguments args(argv + (argc > 0 ? 1 : 0), argv + argc);
    return run_reporting_failures([&] {
        if (args.empty()) {
            std::cerr << top_help;
            return exit_usage;
        }
        if (args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
            std::cout << top_help;
            return exit_ok;
        }
        if (args[0] == "--version") {
            std::cout << "twilio-usage 0.1.0\n";
            return exit_ok;
        }
        return dispatch(args[0], Arguments(args.begin() + 1, args.end()));
    });
}
