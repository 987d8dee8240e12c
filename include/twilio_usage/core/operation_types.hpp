// The shapes of the generated operation table (generated/operations.hpp).
#pragma once

#include <string_view>

namespace twilio_usage {

// Lower-case on purpose: glibc's <arpa/nameser_compat.h> (reached through
// <resolv.h>) defines DELETE as a macro.
enum class HttpMethod { get, post, delete_ };

constexpr std::string_view to_string(HttpMethod m) noexcept {
    switch (m) {
        case HttpMethod::get: return "GET";
        case HttpMethod::post: return "POST";
        case HttpMethod::delete_: return "DELETE";
    }
    return "GET";
}

// What the body of a successful answer holds.
enum class ResponseShape { page, item, none };

// Which period each record of a records listing covers.
enum class RecordPeriod { none, range, day, month, year, today, yesterday, this_month, last_month };

struct OperationInfo {
    std::string_view name;
    HttpMethod method;
    std::string_view path;  // below api::account_path; may contain {Sid}
    int success_status;
    ResponseShape response;
    std::string_view item_model;
    std::string_view list_key;  // key of the list in a page
    RecordPeriod period;
    std::string_view subresource_key;  // key in a record's subresource_uris
    std::string_view xml_name;         // element name in XML subresource_uris
    std::string_view input;            // name of the query or body it takes
};

}  // namespace twilio_usage
