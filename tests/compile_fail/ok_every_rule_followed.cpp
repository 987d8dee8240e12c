// Control: correct queries compile (so the failures above are not the harness).
#include "twilio_usage/types.hpp"
using namespace twilio_usage;
using namespace twilio_usage::literals;
int main() {
    auto q = RecordsQuery{}.category("sms-outbound"_category).start_date(DayOffset{-30}).end_date(DayOffset{0}).include_subaccounts(false).page_size(1000);
    auto t = TriggerCreate{}.callback_url("https://example.com/hook").trigger_value("+1000").usage_category(category_v<"sms">).trigger_by(TriggerBy::count).recurring(Recurring::daily).callback_method(CallbackMethod::post).friendly_name("cap");
    auto u = TriggerUpdate{}.callback_url("https://example.com/other").friendly_name("renamed");
    auto l = TriggersQuery{}.usage_category(OpenCategory{"brand-new-category"}).trigger_by(TriggerBy::price).page_size(20);
    (void)q.encode(); (void)t.encode(); (void)u.encode(); (void)l.encode();
}
