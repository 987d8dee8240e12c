// HTTP routing of the emulator on an httplib::Server.
//
//   /2010-04-01/Accounts/{AccountSid}/Usage/Records[/{Sub}][.json]   GET
//   /2010-04-01/Accounts/{AccountSid}/Usage/Triggers.json            GET, POST
//   /2010-04-01/Accounts/{AccountSid}/Usage/Triggers/{UT...}.json    GET, POST, DELETE
//   /emulator/usage                                                  POST (adds usage)
//
// Order of checks for an API path: injected fault, Basic auth (401/20003),
// access to the path's account (401/20003), route (404/20404), method
// (405/20004), parameters (400/20001). Paths ending in .json answer JSON,
// records paths without it answer XML. Handlers never let an exception out,
// and a refused request changes nothing. A POST/PUT/PATCH/DELETE with neither
// Content-Length nor Transfer-Encoding has an empty body and is routed as
// such; the errors cpp-httplib answers by itself are Twilio-shaped too.
#pragma once

#include "twilio_usage/testing/api_error.hpp"
#include "twilio_usage/testing/records_query.hpp"
#include "twilio_usage/testing/render_records.hpp"
#include "twilio_usage/testing/state.hpp"

#include <httplib.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace twilio_usage::testing {

namespace detail {

inline void send_error(httplib::Response& res, bool json, int status, int code, std::string_view message) {
    res.status = status;
    if (json)
        res.set_content(render_error_json(status, code, message), "application/json; charset=utf-8");
    else
        res.set_content(render_error_xml(status, code, message), "application/xml; charset=utf-8");
    if (status == 401) res.set_header("WWW-Authenticate", "Basic realm=\"Twilio API\"");
}

inline void send_json(httplib::Response& res, int status, std::string body) {
    res.status = status;
    res.body = std::move(body);
    res.set_header("Content-Type", "application/json; charset=utf-8");
}

/// Splits "/a/b/c" after a prefix into segments.
inline std::vector<std::string_view> segments(std::string_view path) {
    std::vector<std::string_view> out;
    std::size_t pos = 0;
    while (pos < path.size()) {
        if (path[pos] == '/') {
            ++pos;
            continue;
        }
        auto const next = path.find('/', pos);
        out.push_back(path.substr(pos, next == std::string_view::npos ? std::string_view::npos : next - pos));
        if (next == std::string_view::npos) break;
        pos = next;
    }
    return out;
}

/// Whether an answer to `path` is JSON: every path but the XML records lists.
inline bool answers_json(std::string_view path) {
    bool const api = path.starts_with("/2010-04-01/");
    return !api || path.ends_with(".json") || path.find("/Usage/Triggers") != std::string_view::npos;
}

/// A request whose method may carry a body but that frames none (neither
/// Content-Length nor Transfer-Encoding). Its body is empty (RFC 9112 6.3),
/// but cpp-httplib waits for one until its read timeout and then answers a
/// bare 400 before any handler runs.
inline bool has_unframed_empty_body(httplib::Request const& req) {
    bool const may_carry_body =
        req.method == "POST" || req.method == "PUT" || req.method == "PATCH" || req.method == "DELETE";
    return may_carry_body && !req.has_header("Content-Length") && !req.has_header("Transfer-Encoding");
}

/// The Twilio error code of an error status that cpp-httplib answers itself.
inline int code_of_status(int status) {
    switch (status) {
        case 400: return 20001;
        case 401: return 20003;
        case 404: return 20404;
        case 405: return 20004;
        default: return 20000 + status;
    }
}

inline std::string message_of_status(int status) {
    switch (status) {
        case 400: return "Bad request: the request could not be read";
        case 413: return "Request entity too large";
        case 414: return "Request URI too long";
        case 416: return "Requested range not satisfiable";
        default: return "HTTP error " + std::to_string(status);
    }
}

inline bool is_trigger_sid(std::string_view s) {
    if (s.size() != 34 || s.substr(0, 2) != "UT") return false;
    for (char c : s.substr(2))
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) return false;
    return true;
}

inline std::optional<Operation> records_operation(std::string_view sub) {
    if (sub.empty()) return Operation::records;
    for (std::size_t i = 0; i < operation_count; ++i) {
        auto const& op = operation_table[i];
        if (op.response == ResponseShape::page && op.list_key == "usage_records" && op.xml_name == sub)
            return static_cast<Operation>(i);
    }
    return std::nullopt;
}

}  // namespace detail

/// For callers of Router::handle without a socket (the fuzzer): renders a
/// streamed answer (records pages of more than Router::stream_batch records
/// go out in chunks as they are rendered) into res.body, as one whole body
/// with the same bytes. An answer that was whole already is left as it is.
inline void collect_streamed_body(httplib::Response& res) {
    if (!res.content_provider_) return;
    std::string body;
    bool done = false;
    httplib::DataSink sink;
    sink.write = [&](char const* data, std::size_t n) {
        body.append(data, n);
        return true;
    };
    sink.done = [&] { done = true; };
    sink.is_writable = [] { return true; };
    while (!done && res.content_provider_(body.size(), 0, sink)) {
    }
    res.content_provider_success_ = done;
    res.content_provider_ = nullptr;
    res.is_chunked_content_provider_ = false;
    res.content_length_ = 0;
    res.body = std::move(body);
}

class Router {
public:
    explicit Router(EmulatorState& state) : s_(state) {}

    void install(httplib::Server& server) {
        auto handler = [this](httplib::Request const& req, httplib::Response& res) { handle(req, res); };
        server.Get(".*", handler);
        server.Post(".*", handler);
        server.Put(".*", handler);
        server.Patch(".*", handler);
        server.Delete(".*", handler);
        server.Options(".*", handler);
        server.set_payload_max_length(1U << 20U);
        // A body-less POST/PUT/PATCH/DELETE without Content-Length: handled
        // here, before httplib would wait for a body, as the empty body it is.
        server.set_pre_routing_handler(httplib::Server::HandlerWithResponse(
            [this](httplib::Request const& req, httplib::Response& res) {
                if (!detail::has_unframed_empty_body(req)) return httplib::Server::HandlerResponse::Unhandled;
                handle(req, res);
                return httplib::Server::HandlerResponse::Handled;
            }));
        // Errors httplib answers itself (a request it cannot parse, a body
        // too large) go out Twilio-shaped too; the router's own answers
        // already have a body and are left alone.
        server.set_error_handler(httplib::Server::HandlerWithResponse(
            [](httplib::Request const& req, httplib::Response& res) {
                if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
                detail::send_error(res, detail::answers_json(req.path), res.status, detail::code_of_status(res.status),
                                   detail::message_of_status(res.status));
                return httplib::Server::HandlerResponse::Handled;
            }));
        server.set_exception_handler([](httplib::Request const&, httplib::Response& res, std::exception_ptr) {
            detail::send_error(res, true, 500, 20500, "Internal server error");
        });
    }

    void handle(httplib::Request const& req, httplib::Response& res) {
        std::string_view path = req.path;
        bool const api = path.starts_with("/2010-04-01/");
        bool const json = detail::answers_json(path);
        try {
            if (api) {
                s_.requests.fetch_add(1, std::memory_order_relaxed);
                if (auto f = s_.take_fault()) {
                    if (f->retry_after) res.set_header("Retry-After", std::to_string(*f->retry_after));
                    detail::send_error(res, json, f->status, 20000 + f->status,
                                       f->status == 429 ? "Too Many Requests" : "Injected failure");
                    return;
                }
                check_utf8(req);
                handle_api(req, res, path, json);
            } else if (path == "/emulator/usage") {
                check_utf8(req);
                handle_add_usage(req, res);
            } else {
                throw ApiError::not_found(std::string(path));
            }
        } catch (ApiError const& e) {
            detail::send_error(res, json, e.status, e.code, e.what());
        } catch (std::exception const& e) {
            detail::send_error(res, json, 500, 20500, std::string("Internal server error: ") + e.what());
        }
    }

private:
    EmulatorState& s_;

    /// Parameters must be UTF-8: what is echoed back must be valid JSON and XML.
    static void check_utf8(httplib::Request const& req) {
        for (auto const& [k, v] : req.params)
            if (!is_valid_utf8(k) || !is_valid_utf8(v))
                throw ApiError::bad_param(sanitize_utf8(k), "the value is not valid UTF-8");
    }

    std::string authenticate(httplib::Request const& req) {
        auto const header = req.get_header_value("Authorization");
        std::shared_lock lock(s_.mu);
        auto actor = s_.accounts.authenticate_header(header);
        if (!actor) throw ApiError::unauthenticated();
        return *actor;
    }

    void handle_api(httplib::Request const& req, httplib::Response& res, std::string_view path, bool json) {
        std::string const actor = authenticate(req);
        std::string_view rest = path.substr(std::string_view("/2010-04-01/").size());
        std::string_view const no_suffix = rest.ends_with(".json") ? rest.substr(0, rest.size() - 5) : rest;
        auto const seg = detail::segments(no_suffix);
        if (seg.size() < 2 || seg[0] != "Accounts") throw ApiError::not_found(std::string(path));
        std::string const account(seg[1]);
        {
            std::shared_lock lock(s_.mu);
            if (!s_.accounts.may_access(actor, account)) throw ApiError::unauthenticated();
        }
        if (seg.size() >= 4 && seg[2] == "Usage" && seg[3] == "Records" && seg.size() <= 5) {
            auto op = detail::records_operation(seg.size() == 5 ? seg[4] : std::string_view{});
            if (!op) throw ApiError::not_found(std::string(path));
            if (req.method != "GET" && req.method != "HEAD") throw method_not_allowed(req.method);
            return list_records(res, *op, json, account, req.params);
        }
        if (seg.size() >= 4 && seg[2] == "Usage" && seg[3] == "Triggers" && seg.size() <= 5 &&
            rest.ends_with(".json")) {
            if (seg.size() == 4) {
                if (req.method == "GET") return list_triggers(res, account, req.params);
                if (req.method == "POST") return create_trigger(res, account, req.params);
                throw method_not_allowed(req.method);
            }
            if (!detail::is_trigger_sid(seg[4])) throw ApiError::not_found(std::string(path));
            std::string const sid(seg[4]);
            if (req.method == "GET") return fetch_trigger(res, account, sid);
            if (req.method == "POST") return update_trigger(res, account, sid, req.params);
            if (req.method == "DELETE") return delete_trigger(res, account, sid);
            throw method_not_allowed(req.method);
        }
        throw ApiError::not_found(std::string(path));
    }

    static ApiError method_not_allowed(std::string const& method) {
        return {405, 20004, "Method " + method + " not allowed on this resource"};
    }

    /// Records pages of more than this many records are streamed: rendered
    /// a batch at a time into chunks of the response (chunked transfer
    /// coding), so that the client reads and decodes the first records while
    /// the rest are rendered. The body's bytes are the same as rendered whole.
public:
    static constexpr std::uint64_t stream_batch = 64;

private:

    void list_records(httplib::Response& res, Operation op, bool json, std::string const& account,
                      QueryParams const& q) {
        Timestamp const now = s_.clock.now();
        std::shared_lock lock(s_.mu);
        auto listing = resolve_records(op, json, account, q, s_.store, s_.categories, s_.accounts, now, s_.tokens);
        if (!json) {
            res.status = 200;
            res.body = render_records_xml(listing, s_.store, s_.categories, s_.tokens);
            res.set_header("Content-Type", "application/xml; charset=utf-8");
            return;
        }
        // Everything the page needs is taken from the state here, under the
        // lock; the batches are rendered after it is released.
        auto renderer = std::make_shared<RecordsJsonRenderer>(std::move(listing), s_.store, s_.categories, s_.tokens,
                                                              RenderOptions{s_.options.prices_as_numbers});
        lock.unlock();
        if (renderer->count() <= stream_batch) {
            std::string body;
            body.reserve(1024 + renderer->batch_bytes(static_cast<std::size_t>(renderer->count())));
            renderer->render_some(body, renderer->count());
            send_json(res, 200, std::move(body));
            return;
        }
        res.status = 200;
        res.set_chunked_content_provider(
            "application/json; charset=utf-8",
            [renderer, buffer = std::string()](std::size_t, httplib::DataSink& sink) mutable {
                buffer.clear();
                if (buffer.capacity() == 0) buffer.reserve(1024 + renderer->batch_bytes(stream_batch));
                renderer->render_some(buffer, stream_batch);
                if (!buffer.empty() && !sink.write(buffer.data(), buffer.size())) return false;
                if (renderer->done()) sink.done();
                return true;
            });
    }

    static void send_json(httplib::Response& res, int status, std::string body) {
        detail::send_json(res, status, std::move(body));
    }

    JsonEncodeOptions encode_options() const { return JsonEncodeOptions{s_.options.prices_as_numbers}; }

    void list_triggers(httplib::Response& res, std::string const& account, QueryParams const& q) {
        Timestamp const now = s_.clock.now();
        std::shared_lock lock(s_.mu);
        auto const matches = s_.triggers.list(account, q);
        std::vector<std::pair<std::string, std::string>> filters;
        for (char const* name : {"Recurring", "TriggerBy", "UsageCategory"})
            if (auto v = param(q, name)) filters.emplace_back(name, *v);
        std::string const path = "/2010-04-01/Accounts/" + account + "/Usage/Triggers.json";
        std::string const listing = path + "?" + encode_query(filters);
        Paging const p = parse_paging(q, s_.tokens, listing);
        std::uint64_t const total = matches.size();
        std::uint64_t const first = std::min<std::uint64_t>(p.offset, total);
        std::uint64_t const count = std::min<std::uint64_t>(static_cast<std::uint64_t>(p.page_size), total - first);
        PageEnvelope const env = make_envelope(path, filters, listing, s_.tokens, p, count, total);
        std::string out;
        append_envelope_head_json(out, env, "usage_triggers");
        for (std::uint64_t i = first; i < first + count; ++i) {
            if (i != first) out.push_back(',');
            encode_json(out, s_.triggers.to_model(*matches[i], today_gmt(now)), encode_options());
        }
        append_envelope_tail_json(out, env);
        send_json(res, 200, std::move(out));
    }

    void create_trigger(httplib::Response& res, std::string const& account, QueryParams const& q) {
        Timestamp const now = s_.clock.now();
        std::unique_lock lock(s_.mu);
        Trigger const& t = s_.triggers.create(account, q, now, s_.accounts.rng());
        std::string body = to_json(s_.triggers.to_model(t, today_gmt(now)), encode_options());
        // A value already reached fires now, as at Twilio's next evaluation;
        // the answer shows the trigger as created, not yet fired.
        if (Account const* a = s_.accounts.find(account)) s_.fire_due_triggers(*a, now);
        send_json(res, 201, std::move(body));
    }

    void fetch_trigger(httplib::Response& res, std::string const& account, std::string const& sid) {
        Timestamp const now = s_.clock.now();
        std::shared_lock lock(s_.mu);
        Trigger* t = s_.triggers.find(account, sid);
        if (!t) throw ApiError::not_found("UsageTrigger " + sid);
        send_json(res, 200, to_json(s_.triggers.to_model(*t, today_gmt(now)), encode_options()));
    }

    void update_trigger(httplib::Response& res, std::string const& account, std::string const& sid,
                        QueryParams const& q) {
        Timestamp const now = s_.clock.now();
        std::unique_lock lock(s_.mu);
        Trigger* t = s_.triggers.find(account, sid);
        if (!t) throw ApiError::not_found("UsageTrigger " + sid);
        // Validate on a copy: a refused update changes nothing.
        Trigger copy = *t;
        s_.triggers.update(copy, q, now);
        *t = std::move(copy);
        send_json(res, 200, to_json(s_.triggers.to_model(*t, today_gmt(now)), encode_options()));
    }

    void delete_trigger(httplib::Response& res, std::string const& account, std::string const& sid) {
        std::unique_lock lock(s_.mu);
        if (!s_.triggers.erase(account, sid)) throw ApiError::not_found("UsageTrigger " + sid);
        res.status = 204;
    }

    /// POST /emulator/usage: form or JSON body with AccountSid (optional),
    /// Category, Count, Usage, Price (default 0), Date (YYYY-MM-DD) or Time
    /// (ISO 8601) (default now). Answers 201 with the event as JSON.
    void handle_add_usage(httplib::Request const& req, httplib::Response& res) {
        if (req.method != "POST") throw method_not_allowed(req.method);
        std::string const actor = authenticate(req);
        QueryParams fields = req.params;
        if (req.get_header_value("Content-Type").starts_with("application/json")) {
            boost::system::error_code ec;
            auto doc = boost::json::parse(req.body, ec);
            if (ec || !doc.is_object()) throw ApiError(400, 20001, "The body is not a JSON object");
            fields.clear();
            for (auto const& [k, v] : doc.as_object()) {
                if (v.is_string()) fields.emplace(std::string(k), std::string(v.as_string()));
                else if (v.is_number()) fields.emplace(std::string(k), boost::json::serialize(v));
                else if (!v.is_null()) throw ApiError::bad_param(std::string(k), "must be a string or a number");
            }
        }
        UsageEvent e;
        e.account_sid = param(fields, "AccountSid").value_or(actor);
        {
            std::shared_lock lock(s_.mu);
            if (!s_.accounts.may_access(actor, e.account_sid)) throw ApiError::unauthenticated();
        }
        auto category = param(fields, "Category");
        if (!category || category->empty()) throw ApiError::missing_param("Category");
        e.category = OpenCategory(*category);
        for (auto [name, target] : {std::pair{"Count", &e.count}, {"Usage", &e.usage}, {"Price", &e.price}}) {
            auto v = param(fields, name);
            if (!v) continue;
            auto d = Decimal::parse(*v);
            if (!d || !Amount::from_decimal(*d)) throw ApiError::bad_param(name, "'" + *v + "' is not a decimal");
            *target = *d;
        }
        e.time = s_.clock.now();
        if (auto d = param(fields, "Date")) {
            auto parsed = parse_date(*d);
            if (!parsed) throw ApiError::bad_param("Date", parsed.error().what);
            e.time = Timestamp{std::chrono::sys_days{*parsed}};
        }
        if (auto t = param(fields, "Time")) {
            auto parsed = parse_iso8601(*t);
            if (!parsed) throw ApiError::bad_param("Time", parsed.error().what);
            e.time = *parsed;
        }
        s_.add_usage(e);
        std::string out = "{\"account_sid\":";
        append_json_string(out, e.account_sid);
        out += ",\"category\":";
        append_json_string(out, e.category.wire_name());
        out += ",\"time\":\"" + format_iso8601(e.time) + "\",\"count\":\"" + e.count.to_string() + "\",\"usage\":\"" +
               e.usage.to_string() + "\",\"price\":\"" + e.price.to_string() + "\"}";
        send_json(res, 201, std::move(out));
    }
};

}  // namespace twilio_usage::testing
