// Compile-time benchmark, for the breakdown only: the umbrella header and an
// empty program (what including the headers costs before any code of ours is
// generated; bench/run compiles this with -c).
#include "twilio_usage/twilio_usage.hpp"

int main() { return 0; }
