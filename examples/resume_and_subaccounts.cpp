#include "twilio_usage/testing/emulator.hpp"
#include "twilio_usage/twilio_usage.hpp"
#include <iostream>
#include <set>
using namespace twilio_usage;

int main() {
    testing::Emulator emu({.demo_data = true});  // a parent account with two subaccounts
    emu.start();
    ClientOptions options;
    options.base_url = emu.base_url();
    Client parent(Credentials::from_auth_token(emu.main_account().sid, emu.main_account().auth_token), options);

    // A subaccount's usage with the parent's credentials (or options.account_sid, or
    // `twilio-usage records --account AC...`).
    Client support = parent.for_account("ACfeedfacefeedfacefeedfacefeedface");
    auto query = RecordsQuery{}.start_date(DayOffset{-6}).page_size(100);  // sent as a date, not "-6days"

    // Read 250 records, write down where to go on, and go on later, in another
    // process or another day: exactly the records not read yet, none twice.
    std::set<std::pair<std::string, std::string>> seen;
    auto first = support.records().daily(query).limit(250);
    for (UsageRecord const& r : first) seen.insert({std::string(r.category->wire_name()), format_date(*r.start_date)});
    std::string stored = first.resume_point()->to_string();  // "/2010-04-01/...&Page=2...#skip=50"

    std::size_t rest = 0;
    for (UsageRecord const& r : support.records().resume(stored)) {
        rest += seen.insert({std::string(r.category->wire_name()), format_date(*r.start_date)}).second;
    }
    std::cout << seen.size() << " daily records, " << rest << " of them after resuming\n";
    return seen.size() == 250 + rest ? 0 : 1;
}
