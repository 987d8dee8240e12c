// The compiled part of the library for separately compiled programs (see
// include/twilio_usage/config.hpp): meson builds it into
// twilio_usage_compiled_dep; any other build system compiles this one file
// with TWILIO_USAGE_SEPARATE_COMPILATION defined, as every other file.
#include "twilio_usage/src.hpp"
