// fuzz_decode_records: arbitrary bytes into decode_page<UsageRecord>(body,
// "usage_records"), checked against boost::json::parse (decode_check.hpp).
#include "decode_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
    if (size > 64 * 1024) return 0;
    fuzz::check_page<twilio_usage::UsageRecord>(fuzz::as_text(data, size), "usage_records");
    return 0;
}
