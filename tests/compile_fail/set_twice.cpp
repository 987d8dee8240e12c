// Setting a parameter twice is refused.
// expect-error: page_size() is already set on this query: set each parameter once
#include "twilio_usage/types.hpp"
int main() { auto q = twilio_usage::RecordsQuery{}.page_size(50).page_size(100); (void)q; }
