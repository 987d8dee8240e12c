// Usage Triggers: create, list, fetch, update, delete. Trigger SIDs are
// checked (UT + 32 hex digits) before anything is sent.
#pragma once

#include "twilio_usage/client/paging.hpp"
#include "twilio_usage/client/records.hpp"
#include "twilio_usage/config.hpp"
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
            executor_, detail::first_uri(*executor_, Operation::trigger_list, query.encode()), "usage_triggers", std::nullopt});
    }
    /// Continues a trigger listing from a stored next_page_uri.
    TWILIO_USAGE_DECL Listing<UsageTrigger> resume(ResumePoint point) const;
    TWILIO_USAGE_DECL Listing<UsageTrigger> resume(std::string_view text) const;

    TWILIO_USAGE_DECL Result<UsageTrigger> try_fetch(std::string_view sid) const;
    TWILIO_USAGE_DECL UsageTrigger fetch(std::string_view sid) const;

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
    TWILIO_USAGE_DECL Result<void> try_remove(std::string_view sid) const;
    TWILIO_USAGE_DECL void remove(std::string_view sid) const;

private:
    TWILIO_USAGE_DECL Result<std::string> sid_path(Operation op, std::string_view sid) const;

    TWILIO_USAGE_DECL Result<UsageTrigger> send_item(HttpMethod method, std::string const& path, std::string body) const;

    std::shared_ptr<detail::Executor const> executor_;
};

}  // namespace twilio_usage

#ifndef TWILIO_USAGE_SEPARATE_COMPILATION
#include "twilio_usage/client/impl/triggers.ipp"
#endif
