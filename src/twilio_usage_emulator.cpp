// The compiled part of the emulator for test programs that compile it once
// (see include/twilio_usage/testing/emulator.hpp): meson builds it into
// usage_emulator_dep (dependency('twilio-usage-emulator-compiled')); any
// other build system compiles this one file with
// TWILIO_USAGE_EMULATOR_SEPARATE_COMPILATION defined, as every other file.
#include "twilio_usage/testing/src.hpp"
