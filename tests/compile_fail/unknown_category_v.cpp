// expect-error: unknown usage category
#include "twilio_usage/types.hpp"
int main() { auto c = twilio_usage::category_v<"calls-inbund">; (void)c; }
