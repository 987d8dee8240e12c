// Where a listing stopped, to continue it later (in another process, another
// day) without losing or repeating an item: a page URI, and how many items
// at the start of that page were already read. Its text form is the URI
// alone when nothing of the page was read, else the URI and "#skip=N" (a
// fragment, which no server ever sees: Twilio's page URIs have none).
#pragma once

#include "twilio_usage/config.hpp"
#include "twilio_usage/core/error.hpp"

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>

namespace twilio_usage {

struct ResumePoint {
    std::string page_uri;  // relative, as the server gave it, or an absolute URL on the API's host
    std::size_t skip = 0;  // items at the start of that page already read

    /// "/2010-04-01/...?Page=2&PageToken=PA..." or the same with "#skip=150".
    TWILIO_USAGE_DECL std::string to_string() const;
    /// The text form back; a fragment other than "#skip=N" is refused.
    TWILIO_USAGE_DECL static Result<ResumePoint> parse(std::string_view text);

    friend bool operator==(ResumePoint const&, ResumePoint const&) = default;
    friend std::ostream& operator<<(std::ostream& os, ResumePoint const& p) { return os << p.to_string(); }
};

}  // namespace twilio_usage

#ifndef TWILIO_USAGE_SEPARATE_COMPILATION
#include "twilio_usage/core/impl/resume_point.ipp"
#endif
