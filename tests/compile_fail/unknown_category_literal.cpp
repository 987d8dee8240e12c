// A misspelt category does not compile.
// expect-error: unknown usage category: check the spelling against spec/usage.yaml
#include "twilio_usage/types.hpp"
using namespace twilio_usage::literals;
int main() { auto c = "sms-outbund"_category; (void)c; }
