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

/// The keys of a JSON record's subresource_uris, in the contract's order.
inline constexpr std::array<Operation, 8> kSubresourceOps{Operation::all_time,  Operation::daily,
                                                          Operation::last_month, Operation::monthly,
                                                          Operation::this_month, Operation::today,
                                                          Operation::yearly,    Operation::yesterday};

/// The order of the <SubresourceUris> children in the seed's XML example.
inline constexpr std::array<Operation, 8> kSubresourceOpsXml{Operation::all_time,   Operation::today,
                                                             Operation::yesterday,  Operation::this_month,
                                                             Operation::last_month, Operation::daily,
                                                             Operation::monthly,    Operation::yearly};

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

/// A JSON page of a records listing, rendered a few records at a time so that
/// it can be sent while it is rendered. The constructor takes from the store
/// and the category table everything the page needs (call it under the
/// state's lock); render_some() needs neither, so it can run after the lock
/// is released. The bytes are the same whatever the batches.
class RecordsJsonRenderer {
public:
    RecordsJsonRenderer(RecordsListing listing, UsageStore const& store, CategoryTable const& table,
                        PageTokens const& tokens, RenderOptions const& opts = {})
        : l_(std::move(listing)), opts_(opts), totalprice_(table.totalprice()) {
        std::uint64_t const total = l_.total();
        first_ = std::min<std::uint64_t>(l_.paging.offset, total);
        count_ = std::min<std::uint64_t>(static_cast<std::uint64_t>(l_.paging.page_size), total - first_);
        next_ = first_;
        PageEnvelope const env = make_envelope(l_.path, l_.filters, l_.listing_id, tokens, l_.paging, count_, total);
        append_envelope_head_json(head_, env, "usage_records");
        append_envelope_tail_json(tail_, env);

        // The totals of every record of the page, and the names of
        // categories the spec does not list (the table may change later).
        std::size_t const ncat = l_.categories.size();
        UsageStore::Selection const selection = store.select(l_.accounts);
        totals_.reserve(static_cast<std::size_t>(count_));
        for (std::uint64_t i = first_; i < first_ + count_; ++i) {
            CategoryKey const k = l_.categories[static_cast<std::size_t>(i % ncat)];
            auto const [from, to] = l_.periods[static_cast<std::size_t>(i / ncat)];
            totals_.push_back(k == kUninternedCategory ? Totals{} : UsageStore::sum(selection, k, from, to));
        }
        for (std::size_t ci = 0; ci < ncat; ++ci) {
            CategoryKey const k = l_.categories[ci];
            if (k < category_count) continue;
            if (unknown_names_.empty()) unknown_names_.resize(ncat);
            unknown_names_[ci] = std::string(view_category(l_, table, k).name);
        }

        prefix_ = "{\"account_sid\":";
        append_json_string(prefix_, l_.account_sid);
        prefix_ += ",\"api_version\":\"2010-04-01\",\"as_of\":\"";
        prefix_ += format_iso8601(l_.as_of);
        prefix_ += "\",";
        uri_base_ = l_.path + "?Category=";
        sub_base_ = "/2010-04-01/Accounts/" + l_.account_sid + "/Usage/Records/";
    }

    /// Records in the page.
    std::uint64_t count() const noexcept { return count_; }
    /// Bytes a batch of `n` records takes, about (to reserve).
    std::size_t batch_bytes(std::size_t n) const noexcept {
        return 64 + n * (detail::has_subresource_uris(l_.op) ? 2400 : 900);
    }
    bool done() const noexcept { return finished_; }

    /// Appends the next `max_records` records (the envelope's first members
    /// before the first record, its last ones and the end of the document
    /// after the last); false once the whole page has been rendered.
    bool render_some(std::string& out, std::uint64_t max_records) {
        if (finished_) return false;
        if (next_ == first_ && !head_.empty()) {
            out += head_;
            head_.clear();
            head_.shrink_to_fit();
        }
        std::uint64_t const stop = std::min(first_ + count_, next_ + max_records);
        for (; next_ < stop; ++next_) render_one(out, next_);
        if (next_ == first_ + count_) {
            out += tail_;
            finished_ = true;
        }
        return true;
    }

private:
    void render_one(std::string& out, std::uint64_t i) {
        // String-view literals: std::string's operator+=(char const*) is
        // compiled in libstdc++ and measures each literal with strlen (5% of
        // the emulator's time on long listings).
        using namespace std::string_view_literals;
        auto const& frags = detail::known_fragments();
        std::size_t const ncat = l_.categories.size();
        std::size_t const pi = static_cast<std::size_t>(i / ncat);
        std::size_t const ci = static_cast<std::size_t>(i % ncat);
        CategoryKey const k = l_.categories[ci];
        auto const [from, to] = l_.periods[pi];
        if (pi != cached_period_) {
            start_s_ = format_date(date_of(from));
            end_s_ = format_date(date_of(to));
            cached_period_ = pi;
        }
        Totals const& t = totals_[static_cast<std::size_t>(i - first_)];
        bool const known = k < category_count;
        std::string_view const name = known ? std::string_view{} : std::string_view(unknown_names_[ci]);

        if (i != first_) out.push_back(',');
        out += prefix_;
        if (known) {
            out += frags[k].head;
        } else {
            // Unknown and uninterned categories: the name is the description, no units.
            out += "\"category\":"sv;
            append_json_string(out, name);
            out += ",\"description\":"sv;
            append_json_string(out, name);
        }
        out += ",\"start_date\":\""sv;
        out += start_s_;
        out += "\",\"end_date\":\""sv;
        out += end_s_;
        out += "\",\"count\":"sv;
        if (k == totalprice_) out += "null"sv;
        else detail::append_amount_json(out, t.count, opts_.prices_as_numbers);
        out += ",\"count_unit\":"sv;
        if (known) out += frags[k].count_unit; else append_json_string(out, "");
        out += ",\"usage\":"sv;
        detail::append_amount_json(out, t.usage, opts_.prices_as_numbers);
        out += ",\"usage_unit\":"sv;
        if (known) out += frags[k].usage_unit; else append_json_string(out, "");
        out += ",\"price\":"sv;
        detail::append_amount_json(out, t.price, opts_.prices_as_numbers);
        out += ",\"price_unit\":\"usd\",\"uri\":\""sv;
        out += uri_base_;
        if (known) out += frags[k].uri_name; else append_uri_encoded(out, name);
        out += "&StartDate="sv;
        out += start_s_;
        out += "&EndDate="sv;
        out += end_s_;
        out += "\",\"subresource_uris\":"sv;
        if (detail::has_subresource_uris(l_.op)) {
            out.push_back('{');
            bool firstkey = true;
            for (Operation op : detail::kSubresourceOps) {
                if (!firstkey) out.push_back(',');
                firstkey = false;
                out.push_back('"');
                out += info(op).subresource_key;
                out += "\":\""sv;
                out += sub_base_;
                out += info(op).xml_name;
                out += ".json?Category="sv;
                if (known) out += frags[k].uri_name; else append_uri_encoded(out, name);
                out.push_back('"');
            }
            out.push_back('}');
        } else {
            out += "null"sv;
        }
        out.push_back('}');
    }

    RecordsListing l_;
    RenderOptions opts_;
    CategoryKey totalprice_;
    std::uint64_t first_ = 0, count_ = 0, next_ = 0;
    bool finished_ = false;
    std::string head_, tail_, prefix_, uri_base_, sub_base_;
    std::vector<Totals> totals_;
    std::vector<std::string> unknown_names_;  // by position in the listing's categories; empty if all are known
    std::size_t cached_period_ = static_cast<std::size_t>(-1);
    std::string start_s_, end_s_;
};

/// The JSON page for the listing's paging, whole.
inline std::string render_records_json(RecordsListing const& l, UsageStore const& store, CategoryTable const& table,
                                       PageTokens const& tokens, RenderOptions const& opts = {}) {
    RecordsJsonRenderer renderer(l, store, table, tokens, opts);
    std::string out;
    out.reserve(1024 + renderer.batch_bytes(static_cast<std::size_t>(renderer.count())));
    renderer.render_some(out, renderer.count());
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
    UsageStore::Selection const selection = store.select(l.accounts);
    for (std::uint64_t i = first; i < first + count; ++i) {
        auto const [from, to] = l.periods[static_cast<std::size_t>(i / ncat)];
        CategoryKey const k = l.categories[static_cast<std::size_t>(i % ncat)];
        Totals const t = k == kUninternedCategory ? Totals{} : UsageStore::sum(selection, k, from, to);
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
            for (Operation op : detail::kSubresourceOpsXml) {
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
