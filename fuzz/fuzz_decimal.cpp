// fuzz_decimal: Decimal::parse / to_string / + - / <=> / hash against a slow
// reference big decimal written here (digits in a vector<int>).
//
// Input: the whole input is one number; it is also split at the first '\n'
// (or in the middle when there is none) into a and b for the arithmetic.
#include "fuzz_common.hpp"

#include "twilio_usage/core/decimal.hpp"

#include <algorithm>
#include <charconv>
#include <optional>

namespace {

using twilio_usage::Decimal;

// value = (negative ? -1 : 1) * digits * 10^-scale; digits most significant
// first without leading zeros (zero is {0}, never negative).
struct Ref {
    bool negative = false;
    std::vector<int> digits{0};
    int scale = 0;

    void normalise() {
        auto nz = std::find_if(digits.begin(), digits.end(), [](int d) { return d != 0; });
        digits.erase(digits.begin(), nz);
        if (digits.empty()) {
            digits = {0};
            negative = false;
        }
    }
    bool is_zero() const { return digits.size() == 1 && digits[0] == 0; }

    std::string to_string() const {
        std::string coef;
        for (int d : digits) coef.push_back(static_cast<char>('0' + d));
        std::size_t const sc = static_cast<std::size_t>(scale);
        if (coef.size() <= sc) coef.insert(0, sc - coef.size() + 1, '0');
        std::string out = negative ? "-" : "";
        out += coef.substr(0, coef.size() - sc);
        if (sc > 0) out += "." + coef.substr(coef.size() - sc);
        return out;
    }
};

// The grammar of Decimal::parse, written independently:
//   [+-]? (D+ ('.' D*)? | '.' D+) ([eE] [+-]? D+)?   effective exponent in [-1000, 1000]
std::optional<Ref> ref_parse(std::string_view s) {
    std::size_t i = 0;
    Ref r;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) r.negative = s[i++] == '-';
    std::vector<int> digits;
    std::size_t int_count = 0, frac_count = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') digits.push_back(s[i++] - '0'), ++int_count;
    if (i < s.size() && s[i] == '.') {
        ++i;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') digits.push_back(s[i++] - '0'), ++frac_count;
    }
    if (int_count + frac_count == 0) return std::nullopt;
    long long exp = 0;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        bool neg = false;
        if (i < s.size() && (s[i] == '+' || s[i] == '-')) neg = s[i++] == '-';
        std::size_t const begin = i;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
            if (exp < 1'000'000'000'000LL) exp = exp * 10 + (s[i] - '0');
            ++i;
        }
        if (i == begin) return std::nullopt;
        if (neg) exp = -exp;
    }
    if (i != s.size()) return std::nullopt;
    long long const effective = exp - static_cast<long long>(frac_count);
    if (effective < -1000 || effective > 1000) return std::nullopt;
    if (effective > 0) {
        digits.insert(digits.end(), static_cast<std::size_t>(effective), 0);
        r.scale = 0;
    } else {
        r.scale = static_cast<int>(-effective);
    }
    r.digits = std::move(digits);
    r.normalise();
    return r;
}

// Digits padded on the right to `scale` fraction digits, as a little-endian vector.
std::vector<int> at_scale(Ref const& r, int scale) {
    std::vector<int> v(static_cast<std::size_t>(scale - r.scale), 0);
    for (auto it = r.digits.rbegin(); it != r.digits.rend(); ++it) v.push_back(*it);
    return v;
}

int cmp_mag(std::vector<int> const& a, std::vector<int> const& b) {  // little-endian
    std::size_t const n = std::max(a.size(), b.size());
    for (std::size_t k = n; k-- > 0;) {
        int const x = k < a.size() ? a[k] : 0, y = k < b.size() ? b[k] : 0;
        if (x != y) return x < y ? -1 : 1;
    }
    return 0;
}

Ref ref_add(Ref const& a, Ref b, bool negate_b) {
    if (negate_b && !b.is_zero()) b.negative = !b.negative;
    int const scale = std::max(a.scale, b.scale);
    auto x = at_scale(a, scale), y = at_scale(b, scale);
    std::size_t const n = std::max(x.size(), y.size());
    x.resize(n, 0);
    y.resize(n, 0);
    std::vector<int> out(n + 1, 0);
    Ref r;
    if (a.negative == b.negative) {
        int carry = 0;
        for (std::size_t k = 0; k < n; ++k) {
            int const s = x[k] + y[k] + carry;
            out[k] = s % 10;
            carry = s / 10;
        }
        out[n] = carry;
        r.negative = a.negative;
    } else {
        bool const x_big = cmp_mag(x, y) >= 0;
        auto const& big = x_big ? x : y;
        auto const& small = x_big ? y : x;
        int borrow = 0;
        for (std::size_t k = 0; k < n; ++k) {
            int d = big[k] - small[k] - borrow;
            borrow = d < 0;
            out[k] = d < 0 ? d + 10 : d;
        }
        r.negative = x_big ? a.negative : b.negative;
    }
    r.digits.assign(out.rbegin(), out.rend());
    r.scale = scale;
    r.normalise();
    return r;
}

int ref_compare(Ref const& a, Ref const& b) {
    Ref const d = ref_add(a, b, true);
    if (d.is_zero()) return 0;
    return d.negative ? -1 : 1;
}

int sign_of(std::weak_ordering o) {
    if (o == std::weak_ordering::less) return -1;
    if (o == std::weak_ordering::greater) return 1;
    return 0;
}

// Parses `text` with both parsers, checks they agree; returns the pair.
std::optional<std::pair<Decimal, Ref>> parse_both(std::string_view text) {
    auto d = Decimal::parse(text);
    auto r = ref_parse(text);
    FUZZ_CHECK(d.has_value() == r.has_value(),
               "parse disagrees with the reference on " + fuzz::show(text) + ": Decimal " +
                   (d ? "accepts as " + d->to_string() : "refuses: " + d.error().what));
    if (!d) {
        FUZZ_CHECK(!d.error().what.empty(), "empty parse error for " + fuzz::show(text));
        return std::nullopt;
    }
    std::string const s = d->to_string();
    FUZZ_CHECK(s == r->to_string(),
               "to_string " + s + " != reference " + r->to_string() + " for " + fuzz::show(text));
    FUZZ_CHECK(d->scale() == r->scale && d->scale() >= 0 && d->exponent() == -d->scale(),
               "scale of " + fuzz::show(text));
    FUZZ_CHECK(d->signum() == (r->is_zero() ? 0 : (r->negative ? -1 : 1)), "signum of " + fuzz::show(text));
    // Round trip: to_string re-parses to an equal value with the same text.
    auto again = Decimal::parse(s);
    FUZZ_CHECK(again.has_value(), "to_string output does not re-parse: " + s);
    FUZZ_CHECK(*again == *d && again->to_string() == s && again->hash() == d->hash(),
               "round trip of " + fuzz::show(text) + " via " + s);
    return std::pair{*d, *r};
}

// Equal values written differently must compare equal and hash equal.
void check_equivalents(Decimal const& d) {
    std::string const s = d.to_string();
    std::string const padded = s + (d.scale() > 0 ? "000" : ".000");
    std::vector<std::string> forms{padded};
    // coefficient E exponent: "-12345E-3"
    std::string coef(d.coefficient());
    forms.push_back((d.is_negative() ? "-" : "") + coef + "E" + std::to_string(d.exponent()));
    // Shift the point: 1.5 == 15e-1 == 0.15E1.
    forms.push_back(s + "e0");
    if (d.scale() < 990) forms.push_back((d.is_negative() ? "-" : "") + coef + "0E" + std::to_string(d.exponent() - 1));
    for (auto const& f : forms) {
        auto e = Decimal::parse(f);
        if (!e) continue;  // the exponent may leave the range
        FUZZ_CHECK(*e == d && (*e <=> d) == 0, "equal forms differ: " + f + " vs " + s);
        FUZZ_CHECK(e->hash() == d.hash(), "equal values hash differently: " + f + " vs " + s);
        FUZZ_CHECK(std::hash<Decimal>{}(*e) == std::hash<Decimal>{}(d), "std::hash differs: " + f);
    }
    // Integers that fit in int64 agree with the integer constructor.
    if (d.scale() == 0 && d.coefficient().size() <= 18) {
        long long v = 0;
        std::from_chars(d.coefficient().data(), d.coefficient().data() + d.coefficient().size(), v);
        Decimal const from_int(d.is_negative() ? -v : v);
        FUZZ_CHECK(from_int == d && from_int.to_string() == s && from_int.hash() == d.hash(),
                   "Decimal(int64) disagrees for " + s);
    }
    // Negation.
    Decimal const neg = -d;
    FUZZ_CHECK((neg + d).is_zero() && (neg + d).signum() == 0, "-a + a != 0 for " + s);
    FUZZ_CHECK(neg.signum() == -d.signum(), "signum(-a) for " + s);
    FUZZ_CHECK((d - d).to_string() == Decimal::parse(d.scale() ? "0." + std::string(d.scale(), '0') : "0")->to_string(),
               "a - a is not a zero of the same scale for " + s);
}

void check_pair(Decimal const& a, Ref const& ra, Decimal const& b, Ref const& rb) {
    std::string const as = a.to_string(), bs = b.to_string();
    Decimal const sum = a + b;
    Decimal const diff = a - b;
    Ref const rsum = ref_add(ra, rb, false);
    Ref const rdiff = ref_add(ra, rb, true);
    FUZZ_CHECK(sum.to_string() == rsum.to_string(),
               as + " + " + bs + " = " + sum.to_string() + ", reference " + rsum.to_string());
    FUZZ_CHECK(diff.to_string() == rdiff.to_string(),
               as + " - " + bs + " = " + diff.to_string() + ", reference " + rdiff.to_string());
    Decimal acc = a;
    acc += b;
    FUZZ_CHECK(acc.to_string() == sum.to_string(), "+= differs from + for " + as + ", " + bs);
    acc -= b;
    FUZZ_CHECK(acc == a, "a + b - b != a for " + as + ", " + bs + ": " + acc.to_string());
    FUZZ_CHECK(acc.scale() == std::max(a.scale(), b.scale()), "scale of a + b - b");
    FUZZ_CHECK(sum - b == a, "(a + b) - b != a for " + as + ", " + bs);
    FUZZ_CHECK(b + a == sum, "a + b != b + a for " + as + ", " + bs);
    int const c = sign_of(a <=> b);
    FUZZ_CHECK(c == diff.signum(), "(a <=> b) disagrees with sign(a - b) for " + as + ", " + bs);
    FUZZ_CHECK(c == ref_compare(ra, rb), "(a <=> b) disagrees with the reference for " + as + ", " + bs);
    FUZZ_CHECK(c == -sign_of(b <=> a), "<=> is not antisymmetric for " + as + ", " + bs);
    FUZZ_CHECK((a == b) == (c == 0) && (a != b) == (c != 0), "== disagrees with <=> for " + as + ", " + bs);
    if (a == b) FUZZ_CHECK(a.hash() == b.hash(), "equal values hash differently: " + as + ", " + bs);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
    if (size > 4096) return 0;
    std::string_view const text = fuzz::as_text(data, size);
    if (auto whole = parse_both(text)) check_equivalents(whole->first);

    std::string_view left, right;
    if (auto nl = text.find('\n'); nl != std::string_view::npos) {
        left = text.substr(0, nl);
        right = text.substr(nl + 1);
    } else {
        left = text.substr(0, size / 2);
        right = text.substr(size / 2);
    }
    auto a = parse_both(left);
    auto b = parse_both(right);
    if (a && b) {
        check_equivalents(a->first);
        check_equivalents(b->first);
        check_pair(a->first, a->second, b->first, b->second);
    }
    return 0;
}
