// A trigger needs somewhere to call.
// expect-error: TriggerCreate needs callback_url(): add .callback_url(...) before sending it
#include "twilio_usage/types.hpp"
int main() {
    using namespace twilio_usage;
    auto body = TriggerCreate{}.usage_category(Category::sms).trigger_value(1000).encode();
    (void)body;
}
