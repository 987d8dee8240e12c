// A trigger needs a category to watch.
// expect-error: TriggerCreate needs usage_category(): add .usage_category(...) before sending it
#include "twilio_usage/types.hpp"
int main() {
    auto t = twilio_usage::TriggerCreate{}.callback_url("https://example.com/hook").trigger_value(1000);
    auto body = t.encode();
    (void)body;
}
