// fuzz_query_encode: TriggerCreate / RecordsQuery built from fuzzed strings.
// encode() either refuses with an invalid_request Error naming the parameter,
// exactly when an independent check says a value is bad, or yields
// "Name=value&..." where every value byte is unreserved or a %XX escape and
// decodes back (Boost.URL pct_string_view) to the value that was set.
//
// Input lines: friendly_name, callback_url, trigger_value, category,
// start_date, end_date, page_size, flags (enum choices).
#include "fuzz_common.hpp"

#include "twilio_usage/types.hpp"

#include <boost/url/parse.hpp>
#include <boost/url/pct_string_view.hpp>

#include <charconv>
#include <map>

namespace {

namespace tu = twilio_usage;
using fuzz::show;

bool unreserved(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
           c == '_' || c == '~';
}
bool hex(char c) { return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f'); }

using fuzz::strict_utf8_length;

bool url_ok(std::string const& u) {
    auto r = boost::urls::parse_absolute_uri(u);
    return r && (r->scheme() == "http" || r->scheme() == "https") && r->has_authority() && !r->encoded_host().empty();
}

// Splits "A=1&B=2" and checks the value syntax; returns name -> decoded value.
std::map<std::string, std::string> check_query(std::string const& q, std::vector<std::string> const& order) {
    std::map<std::string, std::string> out;
    std::vector<std::string> names;
    std::size_t pos = 0;
    while (pos <= q.size() && !q.empty()) {
        auto amp = q.find('&', pos);
        std::string_view pair(q.data() + pos, (amp == std::string::npos ? q.size() : amp) - pos);
        auto eq = pair.find('=');
        FUZZ_CHECK(eq != std::string_view::npos, "a pair without '=' in " + show(q));
        std::string const name(pair.substr(0, eq));
        std::string_view const value = pair.substr(eq + 1);
        for (std::size_t i = 0; i < value.size(); ++i) {
            if (unreserved(value[i])) continue;
            FUZZ_CHECK(value[i] == '%' && i + 2 < value.size() && hex(value[i + 1]) && hex(value[i + 2]),
                       "byte " + show(value.substr(i, 1)) + " is neither unreserved nor a %XX escape in " + show(q));
            i += 2;
        }
        auto pct = boost::urls::make_pct_string_view(value);
        FUZZ_CHECK(pct.has_value(), "Boost.URL refuses the escapes of " + show(value));
        FUZZ_CHECK(!out.count(name), "parameter " + name + " appears twice in " + show(q));
        out[name] = pct->decode();
        names.push_back(name);
        if (amp == std::string::npos) break;
        pos = amp + 1;
    }
    // In the spec's order, a subsequence of it.
    std::size_t k = 0;
    for (auto const& n : names) {
        while (k < order.size() && order[k] != n) ++k;
        FUZZ_CHECK(k < order.size(), "parameter " + n + " unexpected or out of order in " + show(q));
    }
    return out;
}

void check_error(tu::Error const& e) {
    FUZZ_CHECK(e.kind == tu::ErrorKind::invalid_request, "encode error kind: " + e.to_string());
    FUZZ_CHECK(!e.field.empty() && !e.message.empty(), "encode error without field or message: " + e.to_string());
}

void check_trigger_create(std::vector<std::string_view> const& in) {
    std::string const name(in[0]), url(in[1]), value_text(in[2]), cat(in[3]);
    unsigned const flags = in[7].empty() ? 0u : static_cast<unsigned char>(in[7][0]);
    auto const recurring = static_cast<tu::Recurring>(flags % 4);
    auto const by = static_cast<tu::TriggerBy>((flags / 4) % 3);
    auto const method = static_cast<tu::CallbackMethod>((flags / 16) % 2);
    tu::TriggerValue const tv{std::string_view(value_text)};
    tu::OpenCategory const category{std::string_view(cat)};
    tu::Date const today = std::chrono::year{2024} / 1 / 31;

    auto full = tu::TriggerCreate{}
                    .callback_url(url)
                    .trigger_value(tv)
                    .usage_category(category)
                    .callback_method(method)
                    .friendly_name(name)
                    .recurring(recurring)
                    .trigger_by(by);
    auto encoded = full.encode(today);

    auto const strict_len = strict_utf8_length(name);
    bool const tv_ok = tu::TriggerValue::parse(value_text).has_value();
    // One sign only: "+5" or "-5", never "++5" / "+-0".
    FUZZ_CHECK(!(tv_ok && value_text.size() > 1 && value_text[0] == '+' && (value_text[1] == '+' || value_text[1] == '-')),
               "TriggerValue " + show(value_text) + " is accepted with two signs");
    bool const expect_ok_strict = strict_len && *strict_len <= 64 && url_ok(url) && tv_ok && !cat.empty();
    if (!encoded) {
        check_error(encoded.error());
        FUZZ_CHECK(!expect_ok_strict, "TriggerCreate refused valid values: " + encoded.error().to_string() +
                                           " name=" + show(name) + " url=" + show(url) + " value=" + show(value_text) +
                                           " category=" + show(cat));
        return;
    }
    FUZZ_CHECK(expect_ok_strict, "TriggerCreate encoded bad values: name=" + show(name) + " url=" + show(url) +
                                      " value=" + show(value_text) + " category=" + show(cat) + " -> " + show(*encoded));
    auto const q = check_query(*encoded, {"CallbackUrl", "TriggerValue", "UsageCategory", "CallbackMethod",
                                          "FriendlyName", "Recurring", "TriggerBy"});
    FUZZ_CHECK(q.size() == 7, "TriggerCreate lost a parameter: " + show(*encoded));
    FUZZ_CHECK(q.at("CallbackUrl") == url, "CallbackUrl does not decode back: " + show(*encoded));
    FUZZ_CHECK(q.at("FriendlyName") == name, "FriendlyName does not decode back: " + show(*encoded));
    FUZZ_CHECK(q.at("UsageCategory") == cat, "UsageCategory does not decode back: " + show(*encoded));
    FUZZ_CHECK(q.at("TriggerValue") == tv.to_wire(), "TriggerValue does not decode back: " + show(*encoded));
    FUZZ_CHECK(q.at("Recurring") == tu::to_string(recurring) && q.at("TriggerBy") == tu::to_string(by) &&
                   q.at("CallbackMethod") == tu::to_string(method),
               "enum values do not decode back: " + show(*encoded));
    // The wire TriggerValue reads back as the same value.
    auto back = tu::TriggerValue::parse(q.at("TriggerValue"));
    FUZZ_CHECK(back && back->amount() == tv.amount() && back->is_relative() == tv.is_relative(),
               "TriggerValue " + show(value_text) + " -> " + q.at("TriggerValue") + " reads back differently");
    // Only the required three: the same values.
    auto minimal = tu::TriggerCreate{}.callback_url(url).trigger_value(tv).usage_category(category).encode(today);
    FUZZ_CHECK(minimal.has_value(), "minimal TriggerCreate refused what the full one took");
    auto const m = check_query(*minimal, {"CallbackUrl", "TriggerValue", "UsageCategory"});
    FUZZ_CHECK(m.size() == 3 && m.at("CallbackUrl") == url && m.at("UsageCategory") == cat,
               "minimal TriggerCreate: " + show(*minimal));
}

void check_records_query(std::vector<std::string_view> const& in) {
    std::string const cat(in[3]);
    auto start = tu::DateSpec::parse(in[4]);
    auto end = tu::DateSpec::parse(in[5]);
    std::int64_t page_size = 0;
    auto [p, ec] = std::from_chars(in[6].data(), in[6].data() + in[6].size(), page_size);
    (void)p;
    if (ec != std::errc{}) page_size = 50;
    bool const include = !in[7].empty() && (in[7][0] & 0x40);
    tu::Date const today = std::chrono::year{2024} / 1 / 31;
    tu::DateSpec const s = start ? *start : tu::DateSpec{tu::DayOffset{-30}};
    tu::DateSpec const e = end ? *end : tu::DateSpec{tu::DayOffset{0}};

    auto encoded = tu::RecordsQuery{}
                       .category(tu::OpenCategory(std::string_view(cat)))
                       .start_date(s)
                       .end_date(e)
                       .include_subaccounts(include)
                       .page_size(page_size)
                       .encode(today);
    auto const on_calendar = [](tu::DateSpec const& d) { return d.is_offset() || d.date().ok(); };
    bool const expect_ok = !cat.empty() && page_size >= 1 && page_size <= 1000 && on_calendar(s) && on_calendar(e) &&
                           s.resolve(today) <= e.resolve(today);
    if (!encoded) {
        check_error(encoded.error());
        FUZZ_CHECK(!expect_ok, "RecordsQuery refused valid values: " + encoded.error().to_string());
        return;
    }
    FUZZ_CHECK(expect_ok, "RecordsQuery encoded bad values: " + show(*encoded));
    auto const q =
        check_query(*encoded, {"Category", "StartDate", "EndDate", "IncludeSubaccounts", "PageSize"});
    FUZZ_CHECK(q.size() == 5, "RecordsQuery lost a parameter: " + show(*encoded));
    FUZZ_CHECK(q.at("Category") == cat, "Category does not decode back: " + show(*encoded));
    auto s2 = tu::DateSpec::parse(q.at("StartDate"));
    auto e2 = tu::DateSpec::parse(q.at("EndDate"));
    // Offsets go out as the dates they mean today.
    FUZZ_CHECK(s2 && !s2->is_offset() && s2->date() == s.resolve(today) && e2 && !e2->is_offset() &&
                   e2->date() == e.resolve(today),
               "dates do not decode back: " + show(*encoded));
    FUZZ_CHECK(q.at("IncludeSubaccounts") == (include ? "true" : "false"), "IncludeSubaccounts");
    FUZZ_CHECK(q.at("PageSize") == std::to_string(page_size), "PageSize");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
    if (size > 4096) return 0;
    auto lines = fuzz::split_lines(fuzz::as_text(data, size), 8);
    lines.resize(8);
    check_trigger_create(lines);
    check_records_query(lines);
    return 0;
}
