// One page of a paged list: the envelope and the typed items.
#pragma once

#include "twilio_usage/generated/models.hpp"

#include <vector>

namespace twilio_usage {

template <class T>
struct Page {
    PageInfo info;
    std::vector<T> items;
};

}  // namespace twilio_usage
