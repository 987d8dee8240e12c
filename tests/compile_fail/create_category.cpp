// expect-error: TriggerCreate does not take category(): a trigger watches .usage_category(...), not .category(...)
#include "twilio_usage/types.hpp"
int main() { auto t = twilio_usage::TriggerCreate{}.category(twilio_usage::Category::sms); (void)t; }
