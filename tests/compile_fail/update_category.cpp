// expect-error: TriggerUpdate does not take usage_category(): the category of a trigger cannot change
#include "twilio_usage/types.hpp"
int main() { auto u = twilio_usage::TriggerUpdate{}.usage_category(twilio_usage::Category::sms); (void)u; }
