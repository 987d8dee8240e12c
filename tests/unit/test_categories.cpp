// Category: every reference category present and round-tripping, metadata
// from the seed, the hierarchy, and the open value for unknown names.
#include "twilio_usage/types.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <set>
#include <string>

using namespace twilio_usage;
using namespace twilio_usage::literals;

TEST_CASE("every category of the reference lists is known and round-trips") {
    int checked = 0;
    for (char const* file : {FIXTURE_DIR "/usage-categories.tsv", FIXTURE_DIR "/retired-categories.tsv"}) {
        std::ifstream tsv(file);
        REQUIRE_MESSAGE(tsv, "cannot read " << file);
        std::string line;
        std::getline(tsv, line);
        while (std::getline(tsv, line)) {
            auto name = line.substr(0, line.find('\t'));
            auto c = category_from_string(name);
            REQUIRE_MESSAGE(c.has_value(), name);
            CHECK(to_string(*c) == name);
            CHECK(is_retired(*c) == (std::string(file).find("retired") != std::string::npos));
            ++checked;
        }
    }
    CHECK(checked == 646);
    // The spec may list categories newer than the reference lists (a user
    // adds them as Twilio does); it may not lose one.
    CHECK(category_count >= checked);
}

TEST_CASE("iteration covers every category once, in spec order") {
    std::set<std::string_view> names;
    std::string_view previous;
    for (Category c : all_categories()) {
        CHECK(names.insert(to_string(c)).second);
        CHECK(previous < to_string(c));
        previous = to_string(c);
    }
    CHECK(names.size() == all_categories().size());
}

TEST_CASE("from_string refuses near misses") {
    CHECK_FALSE(category_from_string("").has_value());
    CHECK_FALSE(category_from_string("SMS").has_value());
    CHECK_FALSE(category_from_string("sms ").has_value());
    CHECK_FALSE(category_from_string("sms-inbound-longcod").has_value());
    CHECK_FALSE(category_from_string(std::string_view("sms\0", 4)).has_value());
    CHECK(category_from_string("sms") == Category::sms);
}

TEST_CASE("metadata comes from the seed's table") {
    CHECK(description(Category::calleridlookups) == "All callerID (CallerName) lookups.");
    CHECK(group(Category::calleridlookups) == CategoryGroup::lookups);
    CHECK(to_string(group(Category::trunking_secure)) == "Elastic SIP Trunking");
    CHECK(to_string(group(Category::mms)) == "SMS & MMS");
    CHECK(count_unit(Category::calls) == "calls");
    CHECK(usage_unit(Category::calls) == "minutes");
    CHECK(count_unit(Category::sms_inbound_shortcode) == "messages");
    CHECK(sums_all_prices(Category::totalprice));
    CHECK_FALSE(sums_all_prices(Category::calls));
    CHECK(group(Category::a2p_registration_fees) == CategoryGroup::none);
    CHECK(first_listed(Category::a2p_registration_fees) == "2022-02-23");
    CHECK(to_string(Category::call_progess_events) == "call-progess-events");  // Twilio's spelling
    int described = 0;
    for (Category c : all_categories()) described += !description(c).empty();
    CHECK(described == 69);
}

TEST_CASE("short descriptions: the names the seed's records show, at compile time") {
    static_assert(short_description(Category::calls) == "Total Calls");
    static_assert(short_description(Category::sms).empty());
    CHECK(short_description(Category::calleridlookups) == "Caller ID Lookups");
    CHECK(short_description(Category::calls_inbound) == "Inbound Calls");
    CHECK(short_description(Category::shortcodes_customerowned) == "Customer Owned ShortCodes");
    CHECK(short_description(Category::sms_inbound_shortcode) == "Inbound ShortCode SMS");
    int with_short = 0;
    for (Category c : all_categories()) {
        if (short_description(c).empty()) continue;
        ++with_short;
        CHECK(!description(c).empty());  // the long text is kept beside it
    }
    CHECK(with_short == 5);
}

TEST_CASE("the hierarchy implied by the seed's descriptions") {
    CHECK(parent(Category::calls_inbound_local) == Category::calls_inbound);
    CHECK(parent(Category::calls_inbound) == Category::calls);
    CHECK_FALSE(parent(Category::calls).has_value());
    CHECK(parent(Category::sms_outbound_shortcode) == Category::sms_outbound);
    CHECK(rolls_up_to(Category::sms_outbound_longcode, Category::sms));
    CHECK(rolls_up_to(Category::sms, Category::sms));
    CHECK_FALSE(rolls_up_to(Category::sms, Category::sms_outbound));
    CHECK_FALSE(rolls_up_to(Category::mms_outbound, Category::sms));
    CHECK(rolls_up_to(Category::trunking_recordings, Category::recordings));
}

TEST_CASE("compile-time checked names") {
    static_assert("sms-inbound-longcode"_category == Category::sms_inbound_longcode);
    static_assert(category_v<"totalprice"> == Category::totalprice);
    static_assert(category_from_string("calls") == Category::calls);
    static_assert(to_string(Category::calls) == "calls");
    CHECK(true);
}

TEST_CASE("an open category keeps unknown names byte for byte") {
    OpenCategory known{"sms"};
    CHECK(known.is_known());
    CHECK(known == Category::sms);
    CHECK(known.wire_name() == "sms");

    std::string const odd = "brand-new-category-\xc3\xa9\x01";
    OpenCategory unknown{odd};
    CHECK_FALSE(unknown.is_known());
    CHECK(unknown.wire_name() == odd);
    CHECK_FALSE(unknown == Category::sms);
    CHECK(unknown == OpenCategory{odd});
    OpenCategory from_enum = Category::calls;
    CHECK(from_enum == OpenCategory{"calls"});
    CHECK(std::hash<OpenCategory>{}(from_enum) == std::hash<OpenCategory>{}(OpenCategory{"calls"}));
}
