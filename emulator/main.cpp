// twilio-usage-emulator: the Usage API emulator as a standalone server.
//
//   twilio-usage-emulator --port 8080 [--data FILE] [--host 127.0.0.1] [--no-demo] [--prices-as-numbers]
//
// Loads the demo data set (unless --no-demo), then the data file if given,
// prints its URL and credentials, and serves until SIGINT or SIGTERM.
#include "twilio_usage/testing/emulator.hpp"
#include "twilio_usage/testing/server_heap.hpp"

#include <csignal>
#include <cstdlib>
#include <iostream>
#include <string>
#include <string_view>

#include <pthread.h>

namespace {

void usage(std::ostream& os) {
    os << "usage: twilio-usage-emulator --port N [--data FILE] [--host 127.0.0.1] [--no-demo] "
          "[--prices-as-numbers]\n"
          "  --port N             port to listen on (0: any free port)\n"
          "  --data FILE          JSON data file: accounts, api_keys, usage (see testing/data_file.hpp)\n"
          "  --host H             address to bind (default 127.0.0.1)\n"
          "  --no-demo            start without the built-in demo data set\n"
          "  --prices-as-numbers  send count/usage/price as JSON numbers\n";
}

}  // namespace

int main(int argc, char** argv) {
    twilio_usage::testing::keep_heap_between_pages();
    using twilio_usage::testing::Emulator;
    using twilio_usage::testing::EmulatorOptions;
    EmulatorOptions options;
    options.demo_data = true;
    std::string data_file;
    bool port_given = false;
    for (int i = 1; i < argc; ++i) {
        std::string_view const a = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) {
                std::cerr << "twilio-usage-emulator: " << a << " needs a value\n";
                std::exit(2);
            }
            return argv[++i];
        };
        if (a == "--port") {
            auto const v = value();
            char* end = nullptr;
            long const p = std::strtol(v.c_str(), &end, 10);
            if (end == v.c_str() || *end != '\0' || p < 0 || p > 65535) {
                std::cerr << "twilio-usage-emulator: bad port " << v << "\n";
                return 2;
            }
            options.port = static_cast<int>(p);
            port_given = true;
        } else if (a == "--host") {
            options.host = value();
        } else if (a == "--data") {
            data_file = value();
        } else if (a == "--no-demo") {
            options.demo_data = false;
        } else if (a == "--prices-as-numbers") {
            options.prices_as_numbers = true;
        } else if (a == "--help" || a == "-h") {
            usage(std::cout);
            return 0;
        } else {
            std::cerr << "twilio-usage-emulator: unknown argument " << a << "\n";
            usage(std::cerr);
            return 2;
        }
    }
    if (!port_given) {
        usage(std::cerr);
        return 2;
    }

    // Block the stop signals in every thread; the main thread waits for them.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    try {
        Emulator emu(options);
        if (!data_file.empty()) emu.load_data_file(data_file);
        emu.start();
        auto const& main = emu.main_account();
        std::cout << "Twilio Usage API emulator listening on " << emu.base_url() << "\n"
                  << "  account SID: " << main.sid << "\n"
                  << "  auth token:  " << main.auth_token << "\n";
        if (options.demo_data) {
            namespace demo = twilio_usage::testing::demo;
            std::cout << "  subaccounts: " << demo::sub1_sid << " (token " << demo::sub1_token << "), "
                      << demo::sub2_sid << " (token " << demo::sub2_token << ")\n"
                      << "  API key:     " << demo::api_key_sid << " (secret " << demo::api_key_secret << ")\n";
        }
        std::cout << "  try: curl -u " << main.sid << ":" << main.auth_token << " " << emu.base_url()
                  << "/2010-04-01/Accounts/" << main.sid << "/Usage/Records/Today.json?Category=calls\n"
                  << "Press Ctrl-C to stop." << std::endl;
        int sig = 0;
        sigwait(&signals, &sig);
        std::cout << "twilio-usage-emulator: stopping (signal " << sig << ")" << std::endl;
        emu.stop();
    } catch (std::exception const& e) {
        std::cerr << "twilio-usage-emulator: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
