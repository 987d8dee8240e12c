// Usage Triggers: create, list, fetch, update, delete. Trigger SIDs are
// checked (UT + 32 hex digits) before anything is sent.
#pragma once

#include "twilio_usage/client/paging.hpp"
#include "twilio_usage/client/records.hpp"
#include "twilio_usage/generated/operations.hpp"
#include "twilio_usage/generated/queries.hpp"

#include <concepts>
#include <memory>
#include <string>
#include <string_view>

namespace twilio_usage {

template <class Q>
concept trigger_create_query = std::same_as<typename Q::rules, detail::TriggerCreateRules>;
template <class Q>
concept trigger_update_query = std::same_as<typename Q::rules, detail::TriggerUpdateRules>;
template <class Q>
concept triggers_query = std::same_as<typename Q::rules, detail::TriggersQueryRules>;

class TriggersApi {
public:
    explicit TriggersApi(std::shared_ptr<detail::Executor const> executor) : executor_(std::move(executor)) {}

    /// POST /Usage/Triggers.json. TriggerValue "+1000" goes as %2B1000.
    template <trigger_create_query Q>
    Result<UsageTrigger> try_create(Q const& query) const {
        auto body = query.encode();
        if (!body) return body.error();
        return send_item(HttpMethod::post, executor_->path(info(Operation::trigger_create).path), std::move(*body));
    }
    template <trigger_create_query Q>
    UsageTrigger create(Q const& query) const { return try_create(query).value(); }

    /// Lazy listing of triggers, filtered by the query.
    template <triggers_query Q = TriggersQuery>
    Listing<UsageTrigger> list(Q const& query = {}) const {
        return Listing<UsageTrigger>(detail::ListingSource{
            executor_, detail::first_uri(*executor_, Operation::trigger_list, query), "usage_triggers", std::nullopt});
    }
    /// Continues a trigger listing from a stored next_page_uri.
    Listing<UsageTrigger> resume(std::string page_uri) const {
        return Listing<UsageTrigger>(
            detail::ListingSource{executor_, Result<std::string>(std::move(page_uri)), "usage_triggers", std::nullopt});
    }

    Result<UsageTrigger> try_fetch(std::string_view sid) const {
        auto path = sid_path(Operation::trigger_fetch, sid);
        if (!path) return path.error();
        return send_item(HttpMethod::get, *path, {});
    }
    UsageTrigger fetch(std::string_view sid) const { return try_fetch(sid).value(); }

    /// Only the callback method, callback URL and friendly name can change.
    template <trigger_update_query Q>
    Result<UsageTrigger> try_update(std::string_view sid, Q const& query) const {
        auto path = sid_path(Operation::trigger_update, sid);
        if (!path) return path.error();
        auto body = query.encode();
        if (!body) return body.error();
        return send_item(HttpMethod::post, *path, std::move(*body));
    }
    template <trigger_update_query Q>
    UsageTrigger update(std::string_view sid, Q const& query) const { return try_update(sid, query).value(); }

    /// DELETE; succeeds with 204.
    Result<void> try_remove(std::string_view sid) const {
        auto path = sid_path(Operation::trigger_delete, sid);
        if (!path) return path.error();
        auto response = executor_->execute(HttpMethod::delete_, *path);
        if (!response) return response.error();
        return {};
    }
    void remove(std::string_view sid) const { try_remove(sid).value(); }

private:
    Result<std::string> sid_path(Operation op, std::string_view sid) const {
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

    Result<UsageTrigger> send_item(HttpMethod method, std::string const& path, std::string body) const {
        auto response = executor_->execute(method, path, std::move(body));
        if (!response) return response.error();
        auto trigger = decode_json<UsageTrigger>(response->body);
        if (!trigger)
            return executor_->decode_failure(response->body, trigger.error(),
                                             [](std::string_view body) { return decode_json<UsageTrigger>(body); });
        return trigger;
    }

    std::shared_ptr<detail::Executor const> executor_;
};

}  // namespace twilio_usage
