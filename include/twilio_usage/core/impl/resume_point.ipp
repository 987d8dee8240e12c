// The definitions of core/resume_point.hpp (see config.hpp for when this is
// included).
#pragma once

#include "twilio_usage/core/resume_point.hpp"

#include <charconv>
#include <string>
#include <string_view>

namespace twilio_usage {

TWILIO_USAGE_DECL std::string ResumePoint::to_string() const {
    if (skip == 0) return page_uri;
    return page_uri + "#skip=" + std::to_string(skip);
}

TWILIO_USAGE_DECL Result<ResumePoint> ResumePoint::parse(std::string_view text) {
    auto const hash = text.find('#');
    if (hash == std::string_view::npos) return ResumePoint{std::string(text), 0};
    std::string_view const fragment = text.substr(hash + 1);
    std::size_t skip = 0;
    std::string_view const digits = fragment.substr(fragment.starts_with("skip=") ? 5 : fragment.size());
    auto const [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), skip);
    if (!fragment.starts_with("skip=") || digits.empty() || ec != std::errc{} || end != digits.data() + digits.size())
        return Error::invalid_request(
            "resume", "a resume point ends in '#skip=N' or has no '#', got '#" +
                          std::string(fragment.substr(0, 40)) + (fragment.size() > 40 ? "...'" : "'"));
    return ResumePoint{std::string(text.substr(0, hash)), skip};
}

}  // namespace twilio_usage
