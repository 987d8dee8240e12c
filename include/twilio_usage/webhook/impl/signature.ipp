// The definitions of webhook/signature.hpp (see config.hpp for when this is
// included).
#pragma once

#include "twilio_usage/webhook/signature.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <algorithm>
#include <string>
#include <string_view>

namespace twilio_usage::webhook {

TWILIO_USAGE_DECL std::string detail::base64(unsigned char const* data, std::size_t size) {
    std::string out(4 * ((size + 2) / 3), '\0');
    auto n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), data, static_cast<int>(size));
    out.resize(static_cast<std::size_t>(n));
    return out;
}

TWILIO_USAGE_DECL std::string compute_signature(std::string_view auth_token, std::string_view url, FormParams params) {
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

}  // namespace twilio_usage::webhook
