// Everything: the typed model, the client and the webhook helpers.
#pragma once

#include "twilio_usage/types.hpp"

#include "twilio_usage/client/client.hpp"
#include "twilio_usage/client/credentials.hpp"
#include "twilio_usage/client/non_zero.hpp"
#include "twilio_usage/client/executor.hpp"
#include "twilio_usage/client/options.hpp"
#include "twilio_usage/client/paging.hpp"
#include "twilio_usage/client/records.hpp"
#include "twilio_usage/client/transport.hpp"
#include "twilio_usage/client/triggers.hpp"

#include "twilio_usage/webhook/callback.hpp"
#include "twilio_usage/webhook/signature.hpp"

// The default transport's class, for configuring it by hand. Separately
// compiled programs include it where they need it (src.hpp compiles it).
#ifndef TWILIO_USAGE_SEPARATE_COMPILATION
#include "twilio_usage/client/httplib_transport.hpp"
#endif
