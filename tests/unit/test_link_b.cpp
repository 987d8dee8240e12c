#include "all_headers.hpp"

std::string_view category_name_from_b(twilio_usage::Category c) { return twilio_usage::to_string(c); }
