// X-Twilio-Signature: base64(HMAC-SHA1(auth token, URL + sorted POST params)).
// The emulator signs its trigger callbacks with compute_signature(); an
// application checks incoming ones with validate_signature().
#pragma once

#include "twilio_usage/config.hpp"

#include <openssl/crypto.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace twilio_usage::webhook {

using FormParams = std::vector<std::pair<std::string, std::string>>;

namespace detail {

TWILIO_USAGE_DECL std::string base64(unsigned char const* data, std::size_t size);

}  // namespace detail

/// The signature Twilio sends for a request to `url` (exactly as requested,
/// query included) with these POST parameters (empty for GET). Parameters
/// are sorted by name, then value (byte order); repeated names all count.
TWILIO_USAGE_DECL std::string compute_signature(std::string_view auth_token, std::string_view url, FormParams params);

/// Constant-time comparison of two signatures.
inline bool signatures_equal(std::string_view a, std::string_view b) noexcept {
    if (a.size() != b.size()) return false;
    return CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace twilio_usage::webhook

#ifndef TWILIO_USAGE_SEPARATE_COMPILATION
#include "twilio_usage/webhook/impl/signature.ipp"
#endif
