// Built by check_install.sh against the installed headers alone: a client
// lists today's usage from an emulator, both from the installed tree.
#include <twilio_usage/testing/emulator.hpp>
#include <twilio_usage/twilio_usage.hpp>

#include <iostream>

int main() {
    using namespace twilio_usage;
    testing::Emulator emulator({.demo_data = true});
    emulator.start();
    auto const& account = emulator.main_account();
    ClientOptions options;
    options.base_url = emulator.base_url();
    Client client(Credentials::from_auth_token(account.sid, account.auth_token), options);

    std::size_t records = 0;
    for (UsageRecord const& r : client.records().today()) {
        if (!r.category) {
            std::cerr << "installed_app: a record without a category\n";
            return 1;
        }
        ++records;
    }
    if (records != category_count) {
        std::cerr << "installed_app: " << records << " records today, expected " << category_count << "\n";
        return 1;
    }
    std::cout << "installed_app: " << records << " records from the installed headers\n";
    return 0;
}
