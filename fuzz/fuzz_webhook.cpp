// fuzz_webhook: the trigger callback parser and X-Twilio-Signature validator
// (webhook/callback.hpp) on arbitrary form bodies, URLs and tokens.
//   - parse_form agrees with a reference form decoder written here;
//   - parse_callback gives a TriggerCallback whose fields equal the form
//     values, or an Error naming the offending parameter;
//   - the true signature validates, and a mutated payload (a changed value,
//     name, added or dropped parameter, changed URL, token or signature)
//     never does, unless the bytes Twilio signs are unchanged by it.
//
// Input lines: auth token, URL, mutation selector byte, then the form body.
#include "fuzz_common.hpp"

#include "twilio_usage/types.hpp"
#include "twilio_usage/webhook/callback.hpp"

#include <algorithm>
#include <map>

namespace {

namespace tu = twilio_usage;
namespace wh = twilio_usage::webhook;
using fuzz::show;

int hexval(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::optional<std::string> ref_decode(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '+') {
            out += ' ';
        } else if (s[i] == '%') {
            if (i + 2 >= s.size() || hexval(s[i + 1]) < 0 || hexval(s[i + 2]) < 0) return std::nullopt;
            out += static_cast<char>(hexval(s[i + 1]) * 16 + hexval(s[i + 2]));
            i += 2;
        } else {
            out += s[i];
        }
    }
    return out;
}

std::optional<wh::FormParams> ref_form(std::string_view body) {
    if (body.starts_with("?")) body.remove_prefix(1);
    wh::FormParams out;
    std::size_t pos = 0;
    while (pos <= body.size()) {
        std::size_t amp = body.find('&', pos);
        if (amp == std::string_view::npos) amp = body.size();
        std::string_view const pair = body.substr(pos, amp - pos);
        pos = amp + 1;
        if (pair.empty()) continue;
        std::size_t const eq = pair.find('=');
        auto n = ref_decode(pair.substr(0, eq));
        auto v = ref_decode(eq == std::string_view::npos ? std::string_view{} : pair.substr(eq + 1));
        if (!n || !v) return std::nullopt;
        out.emplace_back(*n, *v);
    }
    return out;
}

// What Twilio signs for these parameters (after the URL).
std::string signed_tail(wh::FormParams p) {
    std::sort(p.begin(), p.end());
    std::string out;
    for (auto const& [n, v] : p) out += n + v;
    return out;
}

// Would a request to `url2` with `p2` be signed with exactly the bytes of one
// accepted variant of the original (url, p)?
bool same_signed_bytes(std::string const& url, wh::FormParams const& p, std::string const& url2,
                       wh::FormParams const& p2) {
    std::string const original = url + signed_tail(p);
    for (auto const& v : wh::url_port_variants(url2))
        if (v + signed_tail(p2) == original) return true;
    return false;
}

void check_callback(wh::FormParams const& params) {
    auto cb = wh::parse_callback(params);
    auto const& fields = tu::model_traits<tu::TriggerCallback>::fields;
    std::map<std::string, int> counts;
    for (auto const& [n, v] : params) ++counts[n];
    if (!cb) {
        auto const& e = cb.error();
        FUZZ_CHECK(e.kind == tu::ErrorKind::decode && !e.field.empty() && !e.message.empty(),
                   "callback error without field or message: " + e.to_string());
        bool const known = std::any_of(fields.begin(), fields.end(), [&](auto const& f) { return f.wire == e.field; });
        FUZZ_CHECK(known, "callback error names an unknown parameter: " + e.to_string());
        return;
    }
    for (auto const& entry : counts) {
        std::string const& n = entry.first;
        int const c = entry.second;
        bool const known = std::any_of(fields.begin(), fields.end(), [&](auto const& f) { return f.wire == n; });
        FUZZ_CHECK(!known || c == 1, "parameter " + show(n) + " repeated, yet the callback parsed");
    }
    auto value_of = [&](std::string_view name) -> std::optional<std::string> {
        for (auto const& [n, v] : params)
            if (n == name) return v;
        return std::nullopt;
    };
    auto const& t = *cb;
    auto same_string = [&](char const* name, std::optional<std::string> const& got) {
        FUZZ_CHECK(got == value_of(name), std::string(name) + " differs from the form value");
    };
    same_string("AccountSid", t.account_sid);
    same_string("UsageTriggerSid", t.usage_trigger_sid);
    same_string("UsageRecordUri", t.usage_record_uri);
    same_string("IdempotencyToken", t.idempotency_token);
    if (auto v = value_of("UsageCategory")) FUZZ_CHECK(t.usage_category && t.usage_category->wire_name() == *v, "UsageCategory");
    else FUZZ_CHECK(!t.usage_category, "UsageCategory without the parameter");
    for (auto [name, got] : {std::pair{"TriggerValue", &t.trigger_value}, {"CurrentValue", &t.current_value}}) {
        auto v = value_of(name);
        if (!v) {
            FUZZ_CHECK(!*got, std::string(name) + " without the parameter");
            continue;
        }
        auto d = tu::Decimal::parse(*v);
        FUZZ_CHECK(d && *got && (*got)->to_string() == d->to_string(), std::string(name) + " differs from " + show(*v));
    }
    if (auto v = value_of("DateFired")) {
        auto a = tu::parse_rfc2822(*v);
        auto b = tu::parse_iso8601(*v);
        FUZZ_CHECK(t.date_fired && ((a && *a == *t.date_fired) || (!a && b && *b == *t.date_fired)),
                   "DateFired differs from " + show(*v));
    }
    if (auto v = value_of("Recurring"); v && !v->empty()) FUZZ_CHECK(t.recurring && tu::to_string(*t.recurring) == *v, "Recurring");
    if (auto v = value_of("TriggerBy"); v && !v->empty()) FUZZ_CHECK(t.trigger_by && tu::to_string(*t.trigger_by) == *v, "TriggerBy");
}

void check_signature(std::string const& token, std::string const& url, wh::FormParams const& params, unsigned sel) {
    std::string const sig = wh::compute_signature(token, url, params);
    FUZZ_CHECK(!sig.empty(), "empty signature");
    bool const ok = wh::validate_signature(token, url, params, sig);
    FUZZ_CHECK(ok == !token.empty(), "the true signature " + std::string(ok ? "validates with an empty token" : "does not validate") +
                                         " for url " + show(url));
    FUZZ_CHECK(!wh::validate_signature(token, url, params, std::nullopt), "a missing header validates");
    FUZZ_CHECK(!wh::validate_signature(token, url, params, std::string_view{}), "an empty header validates");
    if (token.empty()) return;

    // A changed signature.
    std::string bad_sig = sig;
    bad_sig[sel % bad_sig.size()] ^= 0x01;
    FUZZ_CHECK(!wh::validate_signature(token, url, params, bad_sig), "a changed signature validates");
    FUZZ_CHECK(!wh::validate_signature(token, url, params, sig + "="), "a signature with a suffix validates");
    // A changed token (never by adding NUL bytes: HMAC pads keys with them).
    FUZZ_CHECK(!wh::validate_signature(token + "x", url, params, sig), "another auth token validates");

    // A changed payload.
    wh::FormParams m = params;
    std::string url2 = url;
    switch (sel % 6) {
        case 0:
            if (m.empty()) m.emplace_back("AccountSid", "AC1");
            else m[sel % m.size()].second += "x";
            break;
        case 1:
            if (m.empty()) m.emplace_back("x", "");
            else m[sel % m.size()].first += "x";
            break;
        case 2: m.emplace_back("Extra", std::string(1, static_cast<char>(sel))); break;
        case 3:
            if (!m.empty()) m.erase(m.begin() + static_cast<long>(sel % m.size()));
            else m.emplace_back("a", "b");
            break;
        case 4: url2 += "x"; break;
        case 5:
            if (!m.empty() && !m[sel % m.size()].second.empty()) m[sel % m.size()].second.back() ^= 0x20;
            else url2 = "https://evil.example/" + url2;
            break;
    }
    bool const accepted = wh::validate_signature(token, url2, m, sig);
    if (accepted)
        FUZZ_CHECK(same_signed_bytes(url, params, url2, m),
                   "a mutated payload validates (mutation " + std::to_string(sel % 6) + ") url " + show(url2));
    // Reordering the parameters keeps the signature (Twilio sorts them).
    wh::FormParams r(params.rbegin(), params.rend());
    FUZZ_CHECK(wh::validate_signature(token, url, r, sig), "reordered parameters do not validate");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
    if (size > 8192) return 0;
    auto lines = fuzz::split_lines(fuzz::as_text(data, size), 4);
    lines.resize(4);
    std::string const token(lines[0]);
    std::string const url(lines[1]);
    unsigned const sel = lines[2].empty() ? 0u : static_cast<unsigned char>(lines[2][0]);
    std::string_view const body = lines[3];

    auto form = wh::parse_form(body);
    auto ref = ref_form(body);
    FUZZ_CHECK(form.has_value() == ref.has_value(), "parse_form disagrees with the reference on " + show(body));
    if (!form) {
        FUZZ_CHECK(!form.error().field.empty() && !form.error().message.empty(), "form error without field/message");
        return 0;
    }
    FUZZ_CHECK(*form == *ref, "parse_form values differ from the reference for " + show(body));
    auto direct = wh::parse_callback(body);
    auto via = wh::parse_callback(*form);
    FUZZ_CHECK(direct.has_value() == via.has_value() && (!direct || *direct == *via),
               "parse_callback(body) differs from parse_callback(parse_form(body))");
    check_callback(*form);
    if (token.find('\0') == std::string::npos) check_signature(token, url, *form, sel);
    return 0;
}
