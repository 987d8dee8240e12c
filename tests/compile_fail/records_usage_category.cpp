// Records are filtered by category(), not usage_category().
// expect-error: RecordsQuery does not take usage_category(): Usage Records are filtered with .category(...)
#include "twilio_usage/types.hpp"
int main() { auto q = twilio_usage::RecordsQuery{}.usage_category(twilio_usage::Category::calls); (void)q; }
