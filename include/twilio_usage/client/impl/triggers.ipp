// The definitions of client/triggers.hpp (see config.hpp for when this is
// included).
#pragma once

#include "twilio_usage/client/executor.hpp"
#include "twilio_usage/client/triggers.hpp"
#include "twilio_usage/core/decode.hpp"
#ifndef TWILIO_USAGE_SEPARATE_COMPILATION
#include "twilio_usage/core/json_decode.hpp"
#endif

#include <string>
#include <string_view>

namespace twilio_usage {

TWILIO_USAGE_DECL Listing<UsageTrigger> TriggersApi::resume(ResumePoint point) const {
    return Listing<UsageTrigger>(detail::ListingSource{
        executor_, Result<std::string>(std::move(point.page_uri)), "usage_triggers", std::nullopt, point.skip});
}

TWILIO_USAGE_DECL Listing<UsageTrigger> TriggersApi::resume(std::string_view text) const {
    auto point = ResumePoint::parse(text);
    if (!point)
        return Listing<UsageTrigger>(
            detail::ListingSource{executor_, Result<std::string>(point.error()), "usage_triggers", std::nullopt});
    return resume(std::move(*point));
}

TWILIO_USAGE_DECL Result<UsageTrigger> TriggersApi::try_fetch(std::string_view sid) const {
    auto path = sid_path(Operation::trigger_fetch, sid);
    if (!path) return path.error();
    return send_item(HttpMethod::get, *path, {});
}

TWILIO_USAGE_DECL UsageTrigger TriggersApi::fetch(std::string_view sid) const { return try_fetch(sid).value(); }

TWILIO_USAGE_DECL Result<void> TriggersApi::try_remove(std::string_view sid) const {
    auto path = sid_path(Operation::trigger_delete, sid);
    if (!path) return path.error();
    auto response = executor_->execute(HttpMethod::delete_, *path);
    if (!response) return response.error();
    return {};
}

TWILIO_USAGE_DECL void TriggersApi::remove(std::string_view sid) const { try_remove(sid).value(); }

TWILIO_USAGE_DECL Result<std::string> TriggersApi::sid_path(Operation op, std::string_view sid) const {
    if (!detail::is_sid(sid, "UT")) {
        std::string shown;
        for (char c : sid.substr(0, 40)) shown += (c >= 0x20 && c < 0x7f) ? c : '?';
        return Error::invalid_request("sid", "trigger SID '" + shown + (sid.size() > 40 ? "..." : "") +
                                                 "' is not UT followed by 32 hex digits");
    }
    std::string below(info(op).path);
    below.replace(below.find("{Sid}"), 5, sid);
    return executor_->path(below);
}

TWILIO_USAGE_DECL Result<UsageTrigger> TriggersApi::send_item(HttpMethod method, std::string const& path, std::string body) const {
    auto response = executor_->execute(method, path, std::move(body));
    if (!response) return response.error();
    bool value_held_secret = false, path_held_secret = false;
    auto const secrets = executor_->secrets();
    auto trigger = detail::decode_json_watching<UsageTrigger>(response->body, secrets, value_held_secret,
                                                              path_held_secret);
    if (!trigger) return executor_->decode_failure(trigger.error(), value_held_secret, path_held_secret);
    return trigger;
}

}  // namespace twilio_usage
