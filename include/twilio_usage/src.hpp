// The compiled part of a separately compiled program (see config.hpp):
// include this in exactly one translation unit, with
// TWILIO_USAGE_SEPARATE_COMPILATION defined there as in every other one.
//
//   // twilio_usage.cpp
//   #include "twilio_usage/src.hpp"
//
// It defines every function the headers declare with TWILIO_USAGE_DECL (the
// client, the executor, dates, decimals, query encoding, the webhook
// helpers), and compiles the decoder and the page fetcher for the models the
// client reads (UsageRecord, UsageTrigger, ApiErrorBody).
#pragma once

#ifndef TWILIO_USAGE_SEPARATE_COMPILATION
#error "twilio_usage/src.hpp is for separate compilation: define TWILIO_USAGE_SEPARATE_COMPILATION in every translation unit (or include only the headers)"
#endif

#include "twilio_usage/twilio_usage.hpp"

#include "twilio_usage/client/httplib_transport.hpp"
#include "twilio_usage/core/json_decode.hpp"

#include "twilio_usage/client/impl/client.ipp"
#include "twilio_usage/client/impl/credentials.ipp"
#include "twilio_usage/client/impl/executor.ipp"
#include "twilio_usage/client/impl/paging.ipp"
#include "twilio_usage/client/impl/records.ipp"
#include "twilio_usage/core/impl/resume_point.ipp"
#include "twilio_usage/client/impl/triggers.ipp"
#include "twilio_usage/core/impl/date.ipp"
#include "twilio_usage/core/impl/decimal.ipp"
#include "twilio_usage/core/impl/query_builder.ipp"
#include "twilio_usage/webhook/impl/callback.ipp"
#include "twilio_usage/webhook/impl/signature.ipp"

namespace twilio_usage {
TWILIO_USAGE_DECODE_INSTANCES()
namespace detail {
TWILIO_USAGE_PAGING_INSTANCES()
}  // namespace detail
}  // namespace twilio_usage
