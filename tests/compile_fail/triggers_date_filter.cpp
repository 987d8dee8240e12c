// The triggers list has no date range.
// expect-error: TriggersQuery does not take start_date(): the triggers list has no date filter
#include "twilio_usage/types.hpp"
int main() { auto q = twilio_usage::TriggersQuery{}.start_date(twilio_usage::DayOffset{-30}); (void)q; }
