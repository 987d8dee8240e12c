// A trigger that fires when the account has sent 1000 SMS (the seed's second example).
#include "twilio_usage/twilio_usage.hpp"

#include <cstdlib>
#include <iostream>

int main() {
    using namespace twilio_usage;
    ClientOptions options;
    if (char const* url = std::getenv("TWILIO_USAGE_BASE_URL")) options.base_url = url;
    auto client = Client::from_environment(options);
    if (!client) {
        std::cerr << client.error() << "\n";
        return 2;
    }
    auto trigger = client->triggers().try_create(TriggerCreate{}
                                                     .friendly_name("1000 messages")
                                                     .usage_category(Category::sms)
                                                     .trigger_value("1000")
                                                     .callback_url("http://example.com/thousand-sms")
                                                     .trigger_by(TriggerBy::count));
    if (!trigger) {
        std::cerr << trigger.error() << "\n";
        return 1;
    }
    std::cout << "Created trigger " << trigger->sid.value_or("?") << " (" << trigger->friendly_name.value_or("")
              << "): POST to " << trigger->callback_url.value_or("") << " when sms count reaches "
              << trigger->trigger_value.value_or(Decimal{}) << "\n";
}
