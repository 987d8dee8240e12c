// A relative trigger: fires after the next 1000 SMS, whatever was sent before
// (the seed's third example). "+1000" goes on the wire as %2B1000.
#include "twilio_usage/twilio_usage.hpp"

#include <iostream>

int main() {
    using namespace twilio_usage;
    auto client = Client::from_environment();  // TWILIO_USAGE_BASE_URL too, for the emulator
    if (!client) {
        std::cerr << client.error() << "\n";
        return 2;
    }
    auto trigger = client->triggers().try_create(TriggerCreate{}
                                                     .friendly_name("1000 messages")
                                                     .usage_category(Category::sms)
                                                     .trigger_value("+1000")
                                                     .callback_url("http://example.com/thousand-sms")
                                                     .trigger_by(TriggerBy::count));
    if (!trigger) {
        std::cerr << trigger.error() << "\n";
        return 1;
    }
    std::cout << "Created trigger " << trigger->sid.value_or("?") << ": sms count is "
              << trigger->current_value.value_or(Decimal{}) << ", fires at "
              << trigger->trigger_value.value_or(Decimal{}) << "\n";
}
