// The compiled part of the emulator for test programs that compile it once
// (see testing/emulator.hpp): include this in exactly one translation unit,
// with TWILIO_USAGE_EMULATOR_SEPARATE_COMPILATION defined there as in every
// other one. It defines the members of testing::Emulator, whose code (the
// server, its routes, the demo data) is what costs each including file
// seconds to compile.
#pragma once

#ifndef TWILIO_USAGE_EMULATOR_SEPARATE_COMPILATION
#error "twilio_usage/testing/src.hpp is for separate compilation: define TWILIO_USAGE_EMULATOR_SEPARATE_COMPILATION in every translation unit (or include only the headers)"
#endif

#include "twilio_usage/testing/emulator.hpp"
#include "twilio_usage/testing/impl/emulator.ipp"
