// The decoder's entry points, declared. Their definitions are in
// core/json_decode.hpp; with TWILIO_USAGE_SEPARATE_COMPILATION the models the
// client itself decodes are compiled once, in src.hpp, and a translation unit
// that only calls them need not include the decoder.
#pragma once

#include "twilio_usage/config.hpp"
#include "twilio_usage/core/error.hpp"
#include "twilio_usage/core/model_support.hpp"
#include "twilio_usage/core/page.hpp"
#include "twilio_usage/generated/models.hpp"

#include <string_view>

namespace twilio_usage {

/// Decodes one JSON object into a model (a trigger, an error body, ...).
template <model T>
Result<T> decode_json(std::string_view body);

/// Decodes a page whose items are under `list_key` ("usage_records"). The list
/// must be present: a page without it is an error, never an empty page.
template <model T>
Result<Page<T>> decode_page(std::string_view body, std::string_view list_key);

// The instances src.hpp compiles (`prefix` is `extern` for the declarations).
#define TWILIO_USAGE_DECODE_INSTANCES(prefix)                                                        \
    prefix template Result<UsageRecord> decode_json<UsageRecord>(std::string_view);                  \
    prefix template Result<UsageTrigger> decode_json<UsageTrigger>(std::string_view);                \
    prefix template Result<ApiErrorBody> decode_json<ApiErrorBody>(std::string_view);                \
    prefix template Result<Page<UsageRecord>> decode_page<UsageRecord>(std::string_view, std::string_view); \
    prefix template Result<Page<UsageTrigger>> decode_page<UsageTrigger>(std::string_view, std::string_view);

#ifdef TWILIO_USAGE_SEPARATE_COMPILATION
TWILIO_USAGE_DECODE_INSTANCES(extern)
#endif

}  // namespace twilio_usage
