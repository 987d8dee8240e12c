// One page of a paged list: the envelope and the typed items.
#pragma once

#include "twilio_usage/core/resume_point.hpp"
#include "twilio_usage/generated/models.hpp"

#include <optional>
#include <vector>

namespace twilio_usage {

template <class T>
struct Page {
    PageInfo info;  // the envelope as the server sent it
    std::vector<T> items;
    /// Where a listing continues after this page's items (see
    /// core/resume_point.hpp); nullopt when nothing is left. Set by the
    /// client's listings, not by decode_page.
    std::optional<ResumePoint> resume;
};

}  // namespace twilio_usage
