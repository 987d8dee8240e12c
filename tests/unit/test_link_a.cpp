// With test_link_b.cpp: two translation units that include every public
// header link into one program (a missing `inline` would fail to link).
#include "all_headers.hpp"

#include <doctest/doctest.h>

std::string_view category_name_from_b(twilio_usage::Category c);

TEST_CASE("two translation units share the headers") {
    CHECK(category_name_from_b(twilio_usage::Category::sms) == twilio_usage::to_string(twilio_usage::Category::sms));
}
