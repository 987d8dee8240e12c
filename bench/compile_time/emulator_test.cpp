// Compile-time benchmark of the emulator: what a user's test file does with
// it (start one, add usage, read the URL). bench/run compiles it header-only
// and with TWILIO_USAGE_EMULATOR_SEPARATE_COMPILATION, where the emulator's
// code is compiled once per program (src/twilio_usage_emulator.cpp).
#include "twilio_usage/testing/emulator.hpp"

int main() {
    using namespace twilio_usage;
    testing::Emulator emu;
    emu.start();
    emu.add_usage({emu.main_account().sid, Category::sms, emu.now(), Decimal(1), Decimal(1), Decimal(0)});
    return emu.base_url().empty() ? 1 : 0;
}
