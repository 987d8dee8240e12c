// twilio-usage-emulator: the Usage API emulator as a standalone server, the
// same command as `twilio-usage emulator` with the same options and banner
// (cli/emulator_cmd.cpp), for those who install only the emulator.
//
//   twilio-usage-emulator [--port N] [--host H] [--data FILE | --no-demo] [--prices-as-numbers]
#include "cli.hpp"

int main(int argc, char** argv) {
    using namespace twilio_usage_cli;
    Arguments const args(argv + (argc > 0 ? 1 : 0), argv + argc);
    return run_reporting_failures([&] { return run_emulator(args); });
}
