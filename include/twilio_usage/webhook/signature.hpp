// X-Twilio-Signature: base64(HMAC-SHA1(auth token, URL + sorted POST params)).
// The emulator signs its trigger callbacks with compute_signature(); an
// application checks incoming ones with validate_signature().
#pragma once

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/crypto.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace twilio_usage::webhook {

using FormParams = std::vector<std::pair<std::string, std::string>>;

namespace detail {

inline std::string base64(unsigned char const* data, std::size_t size) {
    std::string out(4 * ((size + 2) / 3), '\0');
    auto n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), data, static_cast<int>(size));
    out.resize(static_cast<std::size_t>(n));
    return out;
}

}  // namespace detail

/// The signature Twilio sends for a request to `url` (exactly as requested,
/// query included) with these POST parameters (empty for GET). Parameters
/// are sorted by name, then value (byte order); repeated names all count.
inline std::string compute_signature(std::string_view auth_token, std::string_view url, FormParams params) {
    std::sort(params.begin(), params.end());
    std::string data(url);
    for (auto const& [name, value] : params) {
        data += name;
        data += value;
    }
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int mac_size = 0;
    HMAC(EVP_sha1(), auth_token.data(), static_cast<int>(auth_token.size()),
         reinterpret_cast<unsigned char const*>(data.data()), data.size(), mac, &mac_size);
    return detail::base64(mac, mac_size);
}

/// Constant-time comparison of two signatures.
inline bool signatures_equal(std::string_view a, std::string_view b) noexcept {
    if (a.size() != b.size()) return false;
    return CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace twilio_usage::webhook
