#include "twilio_usage/twilio_usage.hpp"
#include <iostream>
using namespace twilio_usage;
using namespace twilio_usage::literals;

int main() {
    auto client = Client::from_environment().value();  // TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_USAGE_BASE_URL

    // Today's usage: each category's description and price (exact decimals).
    for (UsageRecord const& r : client.records().today())
        std::cout << r.description.value_or("") << ": " << r.price.value_or(Decimal{}) << "\n";

    // Daily SMS over the last 30 days; pages are fetched as iteration reaches them.
    auto query = RecordsQuery{}.category("sms"_category).start_date(DayOffset{-30}).page_size(1000);
    for (UsageRecord const& r : client.records().daily(query).limit(10'000))
        std::cout << format_date(*r.start_date) << " " << *r.count << "\n";

    // A webhook when 1000 more messages have been sent ("+1000" goes out as %2B1000).
    UsageTrigger t = client.triggers().create(TriggerCreate{}
        .callback_url("https://example.com/thousand-sms").trigger_value("+1000")
        .usage_category(Category::sms).trigger_by(TriggerBy::count));
    std::cout << "created " << *t.sid << "\n";
}
