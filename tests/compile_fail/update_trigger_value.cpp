// Twilio ignores TriggerValue on update, so the builder does not offer it.
// expect-error: TriggerUpdate does not take trigger_value(): Twilio ignores TriggerValue on update: delete the trigger and create a new one with the new value
#include "twilio_usage/types.hpp"
int main() { auto u = twilio_usage::TriggerUpdate{}.friendly_name("cap").trigger_value("+1000"); (void)u; }
