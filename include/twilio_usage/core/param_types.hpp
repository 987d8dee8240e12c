// What the generated parameter and model tables are made of, and every value
// type they refer to.
#pragma once

#include "twilio_usage/core/date.hpp"
#include "twilio_usage/core/decimal.hpp"
#include "twilio_usage/core/open_category.hpp"
#include "twilio_usage/core/trigger_value.hpp"

#include <cstdint>
#include <string_view>

namespace twilio_usage {

/// The spec's types, as the runtime tells them apart.
enum class ValueType : std::uint8_t {
    string, uri, url, integer, boolean, decimal, date, date_spec, iso8601_timestamp,
    rfc2822_timestamp, category, trigger_value, enumeration, object,
};

/// How a query goes on the wire.
enum class QueryEncoding : std::uint8_t { query, form };

struct ParamInfo {
    std::string_view name;  // C++ name, e.g. page_size
    std::string_view wire;  // wire name, e.g. PageSize
    ValueType type;
    std::int64_t min;
    std::int64_t max;
    bool has_range;
    std::int64_t max_length;  // in characters (code points); 0 for none
};

}  // namespace twilio_usage
