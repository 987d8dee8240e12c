// expect-error: RecordsQuery does not take recurring(): to split usage by period use records.daily()/monthly()/yearly() instead of recurring()
#include "twilio_usage/types.hpp"
int main() { auto q = twilio_usage::RecordsQuery{}.recurring(twilio_usage::Recurring::daily); (void)q; }
