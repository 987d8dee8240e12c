#include "args.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace twilio_usage_cli {

namespace {

OptionSpec const* find_spec(std::vector<OptionSpec> const& specs, std::string_view name) {
    for (auto const& s : specs)
        if (s.name == name) return &s;
    return nullptr;
}

/// Printable, bounded form of user input for an error line.
std::string shown(std::string_view s) {
    std::string out;
    for (char c : s.substr(0, 80)) out += (static_cast<unsigned char>(c) < 0x20) ? '?' : c;
    if (s.size() > 80) out += "...";
    return out;
}

}  // namespace

ParsedArgs::ParsedArgs(std::string command, Arguments const& args, std::vector<OptionSpec> const& specs)
    : command_(std::move(command)) {
    bool only_positionals = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string const& a = args[i];
        // "-30days" or "+1000" are values; "-x" is an option (and unknown unless -h).
        bool const looks_like_option =
            a.size() >= 2 && a[0] == '-' && (a[1] == '-' || std::isalpha(static_cast<unsigned char>(a[1])));
        if (only_positionals || !looks_like_option) {
            positionals_.push_back(a);
            continue;
        }
        if (a == "--") {
            only_positionals = true;
            continue;
        }
        if (a == "--help" || a == "-h") {
            help_ = true;
            continue;
        }
        std::string name = a;
        std::optional<std::string> inline_value;
        if (auto eq = a.find('='); eq != std::string::npos) {
            name = a.substr(0, eq);
            inline_value = a.substr(eq + 1);
        }
        OptionSpec const* spec = find_spec(specs, name);
        if (!spec) fail("unknown option '" + shown(name) + "' (see " + program + " " + command_ + " --help)");
        if (spec->value_name.empty()) {
            if (inline_value) fail(name + " takes no value");
            flags_.push_back(name);
            continue;
        }
        if (values_.contains(name)) fail(name + " is given twice");
        if (inline_value) {
            values_[name] = *inline_value;
        } else if (i + 1 < args.size()) {
            values_[name] = args[++i];
        } else {
            fail(name + " needs a value (" + name + " " + spec->value_name + ")");
        }
    }
}

bool ParsedArgs::flag(std::string_view name) const {
    return std::find(flags_.begin(), flags_.end(), name) != flags_.end();
}

std::optional<std::string> ParsedArgs::value(std::string_view name) const {
    auto it = values_.find(name);
    if (it == values_.end()) return std::nullopt;
    return it->second;
}

std::optional<std::string> ParsedArgs::nonempty(std::string_view name) const {
    auto v = value(name);
    if (v && v->empty()) fail(std::string(name) + " is empty");
    return v;
}

std::optional<std::int64_t> ParsedArgs::integer(std::string_view name, std::int64_t minimum) const {
    auto v = value(name);
    if (!v) return std::nullopt;
    std::int64_t n = 0;
    auto [end, ec] = std::from_chars(v->data(), v->data() + v->size(), n);
    if (ec != std::errc{} || end != v->data() + v->size() || v->empty())
        fail(std::string(name) + " needs a whole number, got '" + shown(*v) + "'");
    if (n < minimum)
        fail(std::string(name) + " must be at least " + std::to_string(minimum) + ", got " +
             std::to_string(n));
    return n;
}

std::optional<std::string> ParsedArgs::choice(std::string_view name,
                                              std::vector<std::string_view> const& choices) const {
    auto v = value(name);
    if (!v) return std::nullopt;
    if (std::find(choices.begin(), choices.end(), *v) != choices.end()) return v;
    std::string list;
    for (auto c : choices) list += (list.empty() ? "" : ", ") + std::string(c);
    fail(std::string(name) + " must be one of " + list + ", got '" + shown(*v) + "'");
}

void ParsedArgs::fail(std::string const& message) const { throw UsageError(command_ + ": " + message); }

std::string help_text(std::string const& usage, std::string const& summary,
                      std::vector<OptionSpec> const& specs) {
    std::string out = "Usage: " + usage + "\n\n" + summary + "\n";
    if (specs.empty()) return out;
    out += "\nOptions:\n";
    std::size_t width = 0;
    for (auto const& s : specs)
        width = std::max(width, s.name.size() + (s.value_name.empty() ? 0 : s.value_name.size() + 1));
    for (auto const& s : specs) {
        std::string left = s.name + (s.value_name.empty() ? "" : " " + s.value_name);
        out += "  " + left + std::string(width - left.size() + 2, ' ') + s.help + "\n";
    }
    out += "  -h, --help" + std::string(width > 8 ? width - 8 : 2, ' ') + "this help\n";
    return out;
}

OptionSpec timeout_option() {
    return {"--timeout", "SECONDS",
            "give up on a request that takes longer than this, connecting included (default 60)"};
}

OptionSpec account_option() {
    return {"--account", "AC...",
            "act for this account, a subaccount of the credentials' (default: the credentials' own)"};
}

OptionSpec base_url_option() {
    return {"--base-url", "URL",
            "API base URL (default: $TWILIO_USAGE_BASE_URL, else https://api.twilio.com)"};
}

}  // namespace twilio_usage_cli
