// A second translation unit including the emulator headers must link (no
// multiple definitions). This suite compiles Emulator's members once
// (TWILIO_USAGE_EMULATOR_SEPARATE_COMPILATION); unit/test_link_a.cpp and
// test_link_b.cpp check them header-only.
#include "twilio_usage/core/json_encode.hpp"
#include "twilio_usage/testing/emulator.hpp"

#include <doctest/doctest.h>

TEST_CASE("second TU: the emulator headers link twice") {
    twilio_usage::testing::EmulatorOptions o;
    o.fixed_now = twilio_usage::Timestamp{std::chrono::sys_days{std::chrono::year{2024} / 1 / 1}};
    twilio_usage::testing::Emulator emu(o);
    CHECK(emu.main_account().sid.starts_with("AC"));
}
