#include "twilio_usage/testing/emulator.hpp"
#include "twilio_usage/twilio_usage.hpp"
using namespace twilio_usage;

int main() {
    testing::Emulator emu;  // an empty account; {.demo_data = true} for months of demo usage
    emu.start();            // any free port on 127.0.0.1
    auto const& account = emu.main_account();
    emu.add_usage({account.sid, Category::sms_outbound_longcode, emu.now(),
                   Decimal(3), Decimal(3), Decimal::parse("0.0237").value()});

    ClientOptions options;
    options.base_url = emu.base_url();
    Client client(Credentials::from_auth_token(account.sid, account.auth_token), options);
    int matched = 0;  // sms includes the usage of its child sms-outbound-longcode
    for (UsageRecord const& r : client.records().today(RecordsQuery{}.category(Category::sms)))
        matched += r.count == Decimal(3) && r.price == Decimal::parse("0.0237").value();
    return matched == 1 ? 0 : 1;
}
