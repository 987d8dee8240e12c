// A trigger that fires when the account has sent 1000 SMS (the seed's second example).
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
                                                     .trigger_value("1000")
                                                     .callback_url("http://example.com/thousand-sms")
                                                     .trigger_by(TriggerBy::count));
    if (!trigger) {
        std::cerr << trigger.error() << "\n";
        return 1;
    }
    // The account may be past 1000 already: then Twilio fires the trigger at
    // once, and saying "when it reaches 1000" would mislead.
    Decimal const current = trigger->current_value.value_or(Decimal{});
    Decimal const target = trigger->trigger_value.value_or(Decimal{});
    std::cout << "Created trigger " << trigger->sid.value_or("?") << " (" << trigger->friendly_name.value_or("")
              << "): sms count is " << current << "; ";
    if (trigger->date_fired)
        std::cout << "already past " << target << ", so it fired at " << format_rfc2822(*trigger->date_fired)
                  << " (a POST to " << trigger->callback_url.value_or("") << ")\n";
    else if (current >= target)
        std::cout << "already past " << target << ", so it fires at once, on Twilio's next check (a POST to "
                  << trigger->callback_url.value_or("") << ")\n";
    else
        std::cout << "it POSTs to " << trigger->callback_url.value_or("") << " when the count reaches " << target
                  << "\n";
}
