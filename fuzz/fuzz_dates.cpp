// fuzz_dates: parse_date, parse_day_offset, DateSpec::parse, parse_iso8601 and
// parse_rfc2822 on arbitrary bytes. Whatever parses must format back and
// re-parse to the same value, and must equal what an independent reference
// (written here, with its own calendar arithmetic) computes from the text.
#include "fuzz_common.hpp"

#include "twilio_usage/core/date.hpp"

#include <optional>

namespace {

namespace tu = twilio_usage;
using std::chrono::sys_days;


bool leap(long y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
int month_days(long y, int m) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : kDays[m - 1];
}
// Days since 1970-01-01 by counting, independent of <chrono> (years 0..9999 only).
long days_since_epoch(long y, int m, int d) {
    long days = 0;
    if (y >= 1970) {
        for (long k = 1970; k < y; ++k) days += leap(k) ? 366 : 365;
    } else {
        for (long k = y; k < 1970; ++k) days -= leap(k) ? 366 : 365;
    }
    for (int k = 1; k < m; ++k) days += month_days(y, k);
    return days + d - 1;
}

bool digits(std::string_view s, std::size_t pos, std::size_t n, int& out) {
    if (pos + n > s.size()) return false;
    out = 0;
    for (std::size_t k = pos; k < pos + n; ++k) {
        if (s[k] < '0' || s[k] > '9') return false;
        out = out * 10 + (s[k] - '0');
    }
    return true;
}

std::optional<long> ref_date(std::string_view s) {  // days since epoch
    int y, m, d;
    if (s.size() != 10 || !digits(s, 0, 4, y) || s[4] != '-' || !digits(s, 5, 2, m) || s[7] != '-' ||
        !digits(s, 8, 2, d))
        return std::nullopt;
    if (m < 1 || m > 12 || d < 1 || d > month_days(y, m)) return std::nullopt;
    return days_since_epoch(y, m, d);
}

long days_of(tu::Date d) { return sys_days{d}.time_since_epoch().count(); }
long long secs_of(tu::Timestamp t) { return t.time_since_epoch().count(); }

// Timestamps are refused when their UTC instant leaves the four-digit years
// (they could not be written back in either format).
std::optional<long long> in_four_digit_years(long long secs) {
    static long long const lo = days_since_epoch(0, 1, 1) * 86400LL;
    static long long const hi = days_since_epoch(10000, 1, 1) * 86400LL;
    if (secs < lo || secs >= hi) return std::nullopt;
    return secs;
}

void check_date(std::string_view s) {
    auto d = tu::parse_date(s);
    auto r = ref_date(s);
    FUZZ_CHECK(d.has_value() == r.has_value(), "parse_date disagrees with the reference on " + fuzz::show(s));
    if (!d) {
        FUZZ_CHECK(!d.error().what.empty(), "empty error");
        return;
    }
    FUZZ_CHECK(d->ok(), "parse_date gave an invalid date for " + fuzz::show(s));
    FUZZ_CHECK(days_of(*d) == *r, "parse_date value differs from the reference for " + fuzz::show(s));
    std::string const f = tu::format_date(*d);
    FUZZ_CHECK(f == s, "format_date(parse_date(s)) != s for " + fuzz::show(s) + ": " + f);
    auto again = tu::parse_date(f);
    FUZZ_CHECK(again && *again == *d, "parse_date(format_date(d)) != d for " + f);
}

void check_offset(std::string_view s) {
    auto o = tu::parse_day_offset(s);
    // Reference: [+-]? digits "days", |N| <= 100000.
    std::optional<long> r;
    if (s.size() > 4 && s.substr(s.size() - 4) == "days") {
        std::string_view body = s.substr(0, s.size() - 4);
        bool neg = false;
        if (!body.empty() && (body[0] == '+' || body[0] == '-')) neg = body[0] == '-', body.remove_prefix(1);
        bool ok = !body.empty();
        long v = 0;
        for (char c : body) {
            if (c < '0' || c > '9') ok = false;
            else if (v <= 1'000'000) v = v * 10 + (c - '0');
        }
        if (ok && v <= 100000) r = neg ? -v : v;
    }
    FUZZ_CHECK(o.has_value() == r.has_value(), "parse_day_offset disagrees with the reference on " + fuzz::show(s));
    if (!o) return;
    FUZZ_CHECK(o->days == *r, "parse_day_offset value for " + fuzz::show(s));
    std::string const f = tu::format_day_offset(*o);
    auto again = tu::parse_day_offset(f);
    FUZZ_CHECK(again && *again == *o, "day offset round trip for " + fuzz::show(s) + " via " + f);
}

void check_datespec(std::string_view s) {
    auto spec = tu::DateSpec::parse(s);
    auto d = tu::parse_date(s);
    auto o = tu::parse_day_offset(s);
    FUZZ_CHECK(spec.has_value() == (d.has_value() || o.has_value()),
               "DateSpec::parse accepts iff a date or an offset does, for " + fuzz::show(s));
    if (!spec) {
        FUZZ_CHECK(!spec.error().what.empty(), "empty error");
        return;
    }
    FUZZ_CHECK(spec->is_offset() == o.has_value(), "DateSpec kind for " + fuzz::show(s));
    if (o) FUZZ_CHECK(spec->offset() == *o, "DateSpec offset value");
    if (d) FUZZ_CHECK(spec->date() == *d, "DateSpec date value");
    std::string const w = spec->to_wire();
    auto again = tu::DateSpec::parse(w);
    FUZZ_CHECK(again && *again == *spec, "DateSpec round trip for " + fuzz::show(s) + " via " + w);
    // resolve() is total for any offset within the bound.
    tu::Date const today = std::chrono::year{2024} / 2 / 29;
    auto const resolved = spec->resolve(today);
    FUZZ_CHECK(resolved.ok(), "resolve gave an invalid date for " + fuzz::show(s));
    if (spec->is_offset())
        FUZZ_CHECK(days_of(resolved) - days_of(today) == spec->offset().days, "resolve arithmetic");
}

// Years whose timestamps the formatters write in the form the parsers read.
bool formattable(tu::Timestamp t) {
    auto y = static_cast<int>(tu::Date{std::chrono::floor<std::chrono::days>(t)}.year());
    return y >= 0 && y <= 9999;
}

void check_iso(std::string_view s) {
    auto t = tu::parse_iso8601(s);
    // Reference for the accepted grammar: fixed fields, optional fraction, zone.
    std::optional<long long> r;
    int y, mo, d, h, mi, se;
    if (digits(s, 0, 4, y) && s.size() > 19 && s[4] == '-' && digits(s, 5, 2, mo) && s[7] == '-' &&
        digits(s, 8, 2, d) && s[10] == 'T' && digits(s, 11, 2, h) && s[13] == ':' && digits(s, 14, 2, mi) &&
        s[16] == ':' && digits(s, 17, 2, se)) {
        std::size_t p = 19;
        bool ok = true;
        if (s[p] == '.') {
            std::size_t const b = ++p;
            while (p < s.size() && s[p] >= '0' && s[p] <= '9') ++p;
            ok = p > b;
        }
        int zone = 0;
        if (ok && p < s.size() && s[p] == 'Z') {
            ++p;
        } else if (ok && p < s.size() && (s[p] == '+' || s[p] == '-')) {
            int const sign = s[p] == '-' ? -1 : 1;
            int zh, zm;
            ++p;
            if (digits(s, p, 2, zh)) {
                p += 2;
                if (p < s.size() && s[p] == ':') ++p;
                if (digits(s, p, 2, zm) && zh <= 23 && zm <= 59) {
                    p += 2;
                    zone = sign * (zh * 60 + zm);
                } else {
                    ok = false;
                }
            } else {
                ok = false;
            }
        } else {
            ok = false;
        }
        if (ok && p == s.size() && mo >= 1 && mo <= 12 && d >= 1 && d <= month_days(y, mo) && h <= 23 &&
            mi <= 59 && se <= 59)
            r = in_four_digit_years(days_since_epoch(y, mo, d) * 86400LL + h * 3600 + mi * 60 + se - zone * 60LL);
    }
    FUZZ_CHECK(t.has_value() == r.has_value(), "parse_iso8601 disagrees with the reference on " + fuzz::show(s));
    if (!t) {
        FUZZ_CHECK(!t.error().what.empty(), "empty error");
        return;
    }
    FUZZ_CHECK(secs_of(*t) == *r, "parse_iso8601 value differs from the reference for " + fuzz::show(s));
    std::string const f = tu::format_iso8601(*t);
    auto again = tu::parse_iso8601(f);
    FUZZ_CHECK(formattable(*t), "parse_iso8601 accepted an instant outside 0000..9999 UTC: " + fuzz::show(s));
    FUZZ_CHECK(again && *again == *t, "ISO 8601 round trip for " + fuzz::show(s) + " via " + f);
    auto rfc = tu::parse_rfc2822(tu::format_rfc2822(*t));
    FUZZ_CHECK(rfc && *rfc == *t, "RFC 2822 round trip of an ISO timestamp " + fuzz::show(s));
}

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }
bool ieq(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (lower(a[i]) != lower(b[i])) return false;
    return true;
}

// "[Ddd, ]D[D] Mon YYYY HH:MM:SS zone", zone +HHMM/-HHMM/GMT/UT/UTC/Z; names
// case-insensitive; the day name must be that of the date.
std::optional<long long> ref_rfc(std::string_view s) {
    static constexpr std::string_view kDays[] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};
    static constexpr std::string_view kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                                   "jul", "aug", "sep", "oct", "nov", "dec"};
    std::size_t p = 0;
    int wd = -1;
    auto alpha = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); };
    if (!s.empty() && alpha(s[0])) {
        if (s.size() < 5 || s[3] != ',' || s[4] != ' ') return std::nullopt;
        for (int i = 0; i < 7; ++i)
            if (ieq(s.substr(0, 3), kDays[i])) wd = i;
        if (wd < 0) return std::nullopt;
        p = 5;
    }
    int d = 0, y, h, mi, se;
    if (!digits(s, p, 1, d)) return std::nullopt;
    ++p;
    int d2;
    if (digits(s, p, 1, d2)) d = d * 10 + d2, ++p;
    if (p >= s.size() || s[p++] != ' ') return std::nullopt;
    int mo = 0;
    for (int i = 0; i < 12; ++i)
        if (p + 3 <= s.size() && ieq(s.substr(p, 3), kMonths[i])) mo = i + 1;
    if (mo == 0) return std::nullopt;
    p += 3;
    if (p >= s.size() || s[p++] != ' ' || !digits(s, p, 4, y)) return std::nullopt;
    p += 4;
    if (p >= s.size() || s[p++] != ' ' || !digits(s, p, 2, h)) return std::nullopt;
    p += 2;
    if (p >= s.size() || s[p++] != ':' || !digits(s, p, 2, mi)) return std::nullopt;
    p += 2;
    if (p >= s.size() || s[p++] != ':' || !digits(s, p, 2, se)) return std::nullopt;
    p += 2;
    if (p >= s.size() || s[p++] != ' ') return std::nullopt;
    std::string_view const zone = s.substr(p);
    int z = 0;
    if (ieq(zone, "gmt") || ieq(zone, "ut") || ieq(zone, "utc") || ieq(zone, "z")) {
        z = 0;
    } else if (zone.size() == 5 && (zone[0] == '+' || zone[0] == '-')) {
        int zh, zm;
        if (!digits(zone, 1, 2, zh) || !digits(zone, 3, 2, zm) || zh > 23 || zm > 59) return std::nullopt;
        z = (zone[0] == '-' ? -1 : 1) * (zh * 60 + zm);
    } else {
        return std::nullopt;
    }
    if (mo < 1 || d < 1 || d > month_days(y, mo) || h > 23 || mi > 59 || se > 59) return std::nullopt;
    long const days = days_since_epoch(y, mo, d);
    if (wd >= 0 && ((days % 7 + 7 + 4) % 7) != wd) return std::nullopt;  // 1970-01-01 was a Thursday
    return in_four_digit_years(days * 86400LL + h * 3600 + mi * 60 + se - z * 60LL);
}

void check_rfc(std::string_view s) {
    auto t = tu::parse_rfc2822(s);
    auto r = ref_rfc(s);
    FUZZ_CHECK(t.has_value() == r.has_value(), "parse_rfc2822 disagrees with the reference on " + fuzz::show(s));
    if (!t) {
        FUZZ_CHECK(!t.error().what.empty(), "empty error");
        return;
    }
    FUZZ_CHECK(secs_of(*t) == *r, "parse_rfc2822 value differs from the reference for " + fuzz::show(s));
    std::string const f = tu::format_rfc2822(*t);
    auto again = tu::parse_rfc2822(f);
    FUZZ_CHECK(formattable(*t), "parse_rfc2822 accepted an instant outside 0000..9999 UTC: " + fuzz::show(s));
    FUZZ_CHECK(again && *again == *t, "RFC 2822 round trip for " + fuzz::show(s) + " via " + f);
    FUZZ_CHECK(tu::format_rfc2822(*again) == f, "format_rfc2822 is not stable for " + f);
    auto iso = tu::parse_iso8601(tu::format_iso8601(*t));
    FUZZ_CHECK(iso && *iso == *t, "ISO round trip of an RFC timestamp " + fuzz::show(s));
    // The reformatted text is canonical: GMT, a day name that agrees.
    auto const day = std::chrono::floor<std::chrono::days>(*t);
    tu::Date const ymd{day};
    int y = static_cast<int>(ymd.year());
    long long const ref = days_since_epoch(y, static_cast<int>(static_cast<unsigned>(ymd.month())),
                                           static_cast<int>(static_cast<unsigned>(ymd.day()))) * 86400LL;
    FUZZ_CHECK(ref == secs_of(day), "calendar of " + f);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
    if (size > 512) return 0;
    std::string_view const s = fuzz::as_text(data, size);
    check_date(s);
    check_offset(s);
    check_datespec(s);
    check_iso(s);
    check_rfc(s);
    return 0;
}
