// twilio-usage emulator [--port N] [--host H] [--data FILE | --no-demo]
// [--prices-as-numbers]: the library's API emulator in the foreground, until
// SIGINT or SIGTERM. twilio-usage-emulator is this same command on its own.
#include <pthread.h>

#include <csignal>
#include <iostream>
#include <twilio_usage/testing/emulator.hpp>
#include <twilio_usage/testing/server_heap.hpp>

#include "args.hpp"
#include "cli.hpp"

namespace twilio_usage_cli {

int run_emulator(Arguments const& arguments) {
    std::vector<OptionSpec> const options{
        {"--port", "N", "port to listen on (default 0: any free port, printed)"},
        {"--host", "H", "address to listen on (default 127.0.0.1)"},
        {"--data", "FILE", "a JSON data file (accounts, api_keys, usage) instead of the demo data"},
        {"--no-demo", "", "start with one empty account instead of the demo data"},
        {"--prices-as-numbers", "", "send count, usage and price as JSON numbers instead of strings"},
    };
    ParsedArgs args("emulator", arguments, options);
    if (args.help()) {
        std::cout << help_text(
            "twilio-usage emulator [--port N] [--host H] [--data FILE | --no-demo] [--prices-as-numbers]",
            "Runs the Usage API emulator in the foreground with the demo data (or FILE), prints\n"
            "its URL and credentials, and stops on Ctrl-C (SIGINT) or SIGTERM.",
            options);
        return exit_ok;
    }
    if (!args.positionals().empty()) args.fail("unexpected argument '" + args.positionals().front() + "'");
    twilio_usage::testing::EmulatorOptions eo;
    eo.port = static_cast<int>(args.integer("--port", 0).value_or(0));
    if (eo.port > 65535) args.fail("--port must be at most 65535");
    if (auto host = args.nonempty("--host")) eo.host = *host;
    auto const data = args.nonempty("--data");
    if (data && args.flag("--no-demo")) args.fail("--data already replaces the demo data: give --data or --no-demo");
    eo.demo_data = !data && !args.flag("--no-demo");
    eo.prices_as_numbers = args.flag("--prices-as-numbers");
    twilio_usage::testing::keep_heap_between_pages();  // before the server's threads start

    // Block the stop signals in every thread (the server's too); this one waits for them.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    twilio_usage::testing::Emulator emu(eo);
    if (data) {
        try {
            emu.load_data_file(*data);
        } catch (std::exception const& e) {
            throw UsageError(std::string("emulator: ") + e.what());
        }
    }
    emu.start();  // std::runtime_error naming the address when it cannot bind: exit 1
    auto const& account = emu.main_account();
    std::cout << "Usage API emulator listening on " << emu.base_url() << " ("
              << (data ? "data from " + *data : std::string(eo.demo_data ? "demo data" : "no data")) << ")\n"
              << "Use it from another shell with:\n"
              << "  export TWILIO_USAGE_BASE_URL=" << emu.base_url() << "\n"
              << "  export TWILIO_ACCOUNT_SID=" << account.sid << "\n"
              << "  export TWILIO_AUTH_TOKEN=" << account.auth_token << "\n"
              << "Press Ctrl-C to stop." << std::endl;
    int sig = 0;
    sigwait(&signals, &sig);
    emu.stop();
    std::cout << "emulator stopped" << std::endl;
    return exit_ok;
}

}  // namespace twilio_usage_cli
