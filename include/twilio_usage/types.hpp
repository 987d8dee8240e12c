// The typed model of the Usage API without any HTTP: categories, decimals,
// dates, records, triggers, query builders and the JSON decoder.
#pragma once

#include "twilio_usage/core/category.hpp"
#include "twilio_usage/core/category_literal.hpp"
#include "twilio_usage/core/date.hpp"
#include "twilio_usage/core/decimal.hpp"
#include "twilio_usage/core/error.hpp"
#include "twilio_usage/core/decode.hpp"
#include "twilio_usage/core/open_category.hpp"
#include "twilio_usage/core/query_builder.hpp"
#include "twilio_usage/core/trigger_value.hpp"
#include "twilio_usage/generated/enums.hpp"
#include "twilio_usage/generated/models.hpp"
#include "twilio_usage/generated/operations.hpp"
#include "twilio_usage/generated/queries.hpp"

#ifndef TWILIO_USAGE_SEPARATE_COMPILATION
#include "twilio_usage/core/json_decode.hpp"  // the decoder itself (src.hpp compiles it otherwise)
#endif
