// Today's usage by category, with prices (the seed's first example).
//
//   TWILIO_ACCOUNT_SID=AC... TWILIO_AUTH_TOKEN=... ./today_usage
//   (TWILIO_USAGE_BASE_URL=http://127.0.0.1:PORT for the emulator)
#include "twilio_usage/twilio_usage.hpp"

#include <iostream>

int main() {
    using namespace twilio_usage;
    auto client = Client::from_environment();  // TWILIO_USAGE_BASE_URL too, for the emulator
    if (!client) {
        std::cerr << client.error() << "\n";
        return 2;
    }
    try {
        for (auto const& r : client->records().today())
            std::cout << r.description.value_or("") << ": " << r.price.value_or(Decimal{}) << "\n";
    } catch (Exception const& e) {
        std::cerr << e.what() << "\n";
        return 1;
    }
}
