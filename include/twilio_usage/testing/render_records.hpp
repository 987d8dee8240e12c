// Renders a page of a records listing as JSON or XML, appending to one
// reserved std::string (no DOM). Field order and shapes follow the contract
// and the seed: every record has account_sid, api_version, as_of, category,
// description, start_date, end_date, count (null for totalprice), count_unit,
// usage, usage_unit, price, price_unit ("usd"), uri (of exactly that record:
// Category, StartDate, EndDate) and subresource_uris (an object of 8 links for
// the root list and AllTime, null for the period subresources, as in the seed).
#pragma once

#include "twilio_usage/core/date.hpp"
#include "twilio_usage/core/json_encode.hpp"
#include "twilio_usage/testing/paging.hpp"
#include "twilio_usage/testing/records_query.hpp"

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace twilio_usage::testing {

struct RenderOptions {
    bool prices_as_numbers = false;  // count/usage/price as JSON numbers
};

namespace detail {

/// Pre-escaped JSON fragments of each known category (built once).
struct CategoryFragments {
    std::string head;        // "category":"x","description":"y"
    std::string count_unit;  // "calls" with quotes
    std::string usage_unit;
    std::string uri_name;    // the name percent-encoded, as in a record's uri
};

inline std::vector<CategoryFragments> const& known_fragments() {
    static std::vector<CategoryFragments> const table = [] {
        CategoryTable const t;
        std::vector<CategoryFragments> v;
        v.reserve(category_count);
        for (CategoryKey k = 0; k < category_count; ++k) {
            CategoryFragments f;
            f.head = "\"category\":";
            append_json_string(f.head, t.name(k));
            f.head += ",\"description\":";
            append_json_string(f.head, t.description(k));
            append_json_string(f.count_unit, t.count_unit(k));
            append_json_string(f.usage_unit, t.usage_unit(k));
            append_uri_encoded(f.uri_name, t.name(k));
            v.push_back(std::move(f));
        }
        return v;
    }();
    return table;
}

inline void append_amount_json(std::string& out, Amount a, bool as_number) {
    if (as_number) {
        a.append_to(out);
    } else {
        out.push_back('"');
        a.append_to(out);
        out.push_back('"');
    }
}

inline constexpr std::array<Operation, 8> kSubresourceOps{Operation::all_time,  Operation::daily,
                                                          Operation::last_month, Operation::monthly,
                                                          Operation::this_month, Operation::today,
                                                          Operation::yearly,    Operation::yesterday};

inline bool has_subresource_uris(Operation op) { return op == Operation::records || op == Operation::all_time; }

}  // namespace detail

/// Name, description and units of a listing's category (uninterned ones too).
struct CategoryView {
    std::string_view name, description, count_unit, usage_unit;
};
inline CategoryView view_category(RecordsListing const& l, CategoryTable const& table, CategoryKey k) {
    if (k == kUninternedCategory) return {l.uninterned_name, l.uninterned_name, "", ""};
    return {table.name(k), table.description(k), table.count_unit(k), table.usage_unit(k)};
}

/// The JSON page for the listing's paging.
inline std::string render_records_json(RecordsListing const& l, UsageStore const& store, CategoryTable const& table,
                                       PageTokens const& tokens, RenderOptions const& opts = {}) {
    std::uint64_t const total = l.total();
    std::uint64_t const first = std::min<std::uint64_t>(l.paging.offset, total);
    std::uint64_t const count = std::min<std::uint64_t>(static_cast<std::uint64_t>(l.paging.page_size), total - first);
    PageEnvelope const env = make_envelope(l.path, l.filters, l.listing_id, tokens, l.paging, count, total);

    std::string out;
    out.reserve(1024 + count * (detail::has_subresource_uris(l.op) ? 2400 : 900));
    out.push_back('{');
    append_envelope_json(out, env);
    out += ",\"usage_records\":[";

    std::string prefix = "{\"account_sid\":";
    append_json_string(prefix, l.account_sid);
    prefix += ",\"api_version\":\"2010-04-01\",\"as_of\":\"";
    prefix += format_iso8601(l.as_of);
    prefix += "\",";
    std::string const uri_base = l.path + "?Category=";
    std::string sub_base = "/2010-04-01/Accounts/" + l.account_sid + "/Usage/Records/";

    auto const& frags = detail::known_fragments();
    std::size_t const ncat = l.categories.size();
    std::size_t cached_period = static_cast<std::size_t>(-1);
    // Each category's per-day series in the listed accounts, looked up once per page.
    std::vector<std::vector<UsageStore::DayMap const*>> series(ncat);
    std::vector<bool> series_ready(ncat, false);
    std::string start_s, end_s;
    for (std::uint64_t i = first; i < first + count; ++i) {
        std::size_t const pi = static_cast<std::size_t>(i / ncat);
        CategoryKey const k = l.categories[static_cast<std::size_t>(i % ncat)];
        auto const [from, to] = l.periods[pi];
        if (pi != cached_period) {
            start_s = format_date(date_of(from));
            end_s = format_date(date_of(to));
            cached_period = pi;
        }
        std::size_t const ci = static_cast<std::size_t>(i % ncat);
        if (!series_ready[ci]) {
            if (k != kUninternedCategory) series[ci] = store.series(l.accounts, k);
            series_ready[ci] = true;
        }
        Totals const t = UsageStore::sum(series[ci], from, to);
        CategoryView const cv = view_category(l, table, k);
        bool const known = k < category_count;

        if (i != first) out.push_back(',');
        out += prefix;
        if (known) {
            out += frags[k].head;
        } else {
            out += "\"category\":";
            append_json_string(out, cv.name);
            out += ",\"description\":";
            append_json_string(out, cv.description);
        }
        out += ",\"start_date\":\"";
        out += start_s;
        out += "\",\"end_date\":\"";
        out += end_s;
        out += "\",\"count\":";
        if (k == table.totalprice()) out += "null";
        else detail::append_amount_json(out, t.count, opts.prices_as_numbers);
        out += ",\"count_unit\":";
        if (known) out += frags[k].count_unit; else append_json_string(out, cv.count_unit);
        out += ",\"usage\":";
        detail::append_amount_json(out, t.usage, opts.prices_as_numbers);
        out += ",\"usage_unit\":";
        if (known) out += frags[k].usage_unit; else append_json_string(out, cv.usage_unit);
        out += ",\"price\":";
        detail::append_amount_json(out, t.price, opts.prices_as_numbers);
        out += ",\"price_unit\":\"usd\",\"uri\":\"";
        out += uri_base;
        if (known) out += frags[k].uri_name; else append_uri_encoded(out, cv.name);
        out += "&StartDate=";
        out += start_s;
        out += "&EndDate=";
        out += end_s;
        out += "\",\"subresource_uris\":";
        if (detail::has_subresource_uris(l.op)) {
            out.push_back('{');
            bool firstkey = true;
            for (Operation op : detail::kSubresourceOps) {
                if (!firstkey) out.push_back(',');
                firstkey = false;
                out.push_back('"');
                out += info(op).subresource_key;
                out += "\":\"";
                out += sub_base;
                out += info(op).xml_name;
                out += ".json?Category=";
                if (known) out += frags[k].uri_name; else append_uri_encoded(out, cv.name);
                out.push_back('"');
            }
            out.push_back('}');
        } else {
            out += "null";
        }
        out.push_back('}');
    }
    out += "]}";
    return out;
}

/// The XML page (the seed's shape: TwilioResponse/UsageRecords/UsageRecord).
inline std::string render_records_xml(RecordsListing const& l, UsageStore const& store, CategoryTable const& table,
                                      PageTokens const& tokens) {
    std::uint64_t const total = l.total();
    std::uint64_t const first = std::min<std::uint64_t>(l.paging.offset, total);
    std::uint64_t const count = std::min<std::uint64_t>(static_cast<std::uint64_t>(l.paging.page_size), total - first);
    PageEnvelope const env = make_envelope(l.path, l.filters, l.listing_id, tokens, l.paging, count, total);

    std::string out;
    out.reserve(1024 + count * 1200);
    out += "<?xml version='1.0' encoding='UTF-8'?>\n<TwilioResponse><UsageRecords";
    append_envelope_xml(out, env);
    out += ">";
    std::string const as_of = format_iso8601(l.as_of);
    auto element = [&](char const* name, std::string_view value) {
        out.push_back('<');
        out += name;
        if (value.empty()) {
            out += "/>";
            return;
        }
        out.push_back('>');
        append_xml_escaped(out, value);
        out += "</";
        out += name;
        out.push_back('>');
    };
    std::size_t const ncat = l.categories.size();
    for (std::uint64_t i = first; i < first + count; ++i) {
        auto const [from, to] = l.periods[static_cast<std::size_t>(i / ncat)];
        CategoryKey const k = l.categories[static_cast<std::size_t>(i % ncat)];
        Totals const t = k == kUninternedCategory ? Totals{} : store.sum(l.accounts, k, from, to);
        CategoryView const cv = view_category(l, table, k);
        std::string const s = format_date(date_of(from)), e = format_date(date_of(to));
        out += "<UsageRecord>";
        element("Category", cv.name);
        element("Description", cv.description);
        element("AccountSid", l.account_sid);
        element("ApiVersion", "2010-04-01");
        element("AsOf", as_of);
        element("StartDate", s);
        element("EndDate", e);
        element("Count", k == table.totalprice() ? std::string() : t.count.to_string());
        element("CountUnit", cv.count_unit);
        element("Usage", t.usage.to_string());
        element("UsageUnit", cv.usage_unit);
        element("Price", t.price.to_string());
        element("PriceUnit", "usd");
        std::string uri = l.path + "?Category=";
        append_uri_encoded(uri, cv.name);
        uri += "&StartDate=" + s + "&EndDate=" + e;
        element("Uri", uri);
        if (detail::has_subresource_uris(l.op)) {
            out += "<SubresourceUris>";
            for (Operation op : detail::kSubresourceOps) {
                std::string link = "/2010-04-01/Accounts/" + l.account_sid + "/Usage/Records/" +
                                   std::string(info(op).xml_name) + "?Category=";
                append_uri_encoded(link, cv.name);
                element(std::string(info(op).xml_name).c_str(), link);
            }
            out += "</SubresourceUris>";
        } else {
            out += "<SubresourceUris/>";
        }
        out += "</UsageRecord>";
    }
    out += "</UsageRecords></TwilioResponse>";
    return out;
}

}  // namespace twilio_usage::testing
