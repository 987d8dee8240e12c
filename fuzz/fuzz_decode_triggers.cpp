// fuzz_decode_triggers: arbitrary bytes into decode_page<UsageTrigger>(body,
// "usage_triggers") and decode_json<UsageTrigger>(body), checked against
// boost::json::parse (decode_check.hpp).
#include "decode_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
    if (size > 64 * 1024) return 0;
    std::string_view const body = fuzz::as_text(data, size);
    fuzz::check_page<twilio_usage::UsageTrigger>(body, "usage_triggers");
    fuzz::check_single<twilio_usage::UsageTrigger>(body);
    return 0;
}
