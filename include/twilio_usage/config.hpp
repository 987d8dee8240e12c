// How the library is compiled into a program.
//
// By default it is header-only: every translation unit that uses the client
// compiles the decoder, the request executor and the transport itself.
// A program with many such translation units (or one that minds compile
// times) can compile them once instead: define TWILIO_USAGE_SEPARATE_COMPILATION
// in every translation unit and include "twilio_usage/src.hpp" in exactly one
// of them. The headers then declare those parts and src.hpp defines them.
#pragma once

#ifdef TWILIO_USAGE_SEPARATE_COMPILATION
#define TWILIO_USAGE_DECL
#else
#define TWILIO_USAGE_DECL inline
#endif
