// twilio-usage categories [--search TEXT]: the categories the library knows.
// twilio-usage categories diff: the categories the server reports and the
// spec does not know, as spec/usage.yaml entries.
#include <algorithm>
#include <iostream>
#include <set>

#include "cli.hpp"
#include "format.hpp"
#include "query.hpp"
#include "session.hpp"

namespace twilio_usage_cli {

using namespace twilio_usage;

namespace {

std::string const list_usage = "twilio-usage categories [--search TEXT] [--format table|csv|json]";
std::string const diff_usage = "twilio-usage categories diff [--no-subaccounts] [--base-url URL]";

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
    return out;
}

/// A YAML double-quoted scalar.
std::string yaml_quoted(std::string_view s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        if (c == '\n')
            out += "\\n";
        else if (c == '\t')
            out += "\\t";
        else if (static_cast<unsigned char>(c) < 0x20)
            out += ' ';
        else
            out += c;
    }
    return out + "\"";
}

int diff(Arguments const& arguments) {
    std::vector<OptionSpec> const options{{"--no-subaccounts", "", "read only the account's own usage"},
                                          account_option(), base_url_option(), timeout_option()};
    ParsedArgs args("categories diff", arguments, options);
    if (args.help()) {
        std::cout << help_text(
            diff_usage,
            "Reads the account's AllTime records (one per category) and prints the categories\n"
            "the spec does not list yet, with the server's descriptions, as entries to paste\n"
            "under 'categories:' in spec/usage.yaml. Prints 'no new categories' when there are\n"
            "none.",
            options);
        return exit_ok;
    }
    if (!args.positionals().empty()) args.fail("unexpected argument '" + args.positionals().front() + "'");
    RecordsRequest request;
    request.operation = Operation::all_time;
    request.page_size = 1000;
    if (args.flag("--no-subaccounts")) request.include_subaccounts = false;
    Session session(args);
    std::set<std::string> seen;
    std::vector<std::string> lines;
    for_each_record(records_listing(session, request), [&](UsageRecord const& r) {
        if (!r.category || r.category->is_known()) return true;
        std::string const name(r.category->wire_name());
        if (!seen.insert(name).second) return true;
        std::string line = "  - {name: " + name;
        // The wire's description is Twilio's short name; the spec's long
        // `description` is documentation the server does not send.
        if (r.description && !r.description->empty())
            line += ", short_description: " + yaml_quoted(*r.description);
        lines.push_back(line + "}");
        return true;
    });
    if (lines.empty()) {
        std::cout << "no new categories\n";
        return exit_ok;
    }
    std::sort(lines.begin(), lines.end());
    for (auto const& l : lines) std::cout << l << "\n";
    return exit_ok;
}

}  // namespace

int run_categories(Arguments const& arguments) {
    if (!arguments.empty() && arguments.front() == "diff")
        return diff(Arguments(arguments.begin() + 1, arguments.end()));
    std::vector<OptionSpec> const options{
        {"--search", "TEXT", "only categories whose name, group or description contains TEXT (any case)"},
        {"--format", "F", "table (default), csv or json"},
    };
    ParsedArgs args("categories", arguments, options);
    if (args.help()) {
        std::cout << help_text(list_usage + "\n       " + diff_usage,
                               "The usage categories the library knows (" +
                                   std::to_string(all_categories().size()) +
                                   "), with their group and description.\n'categories diff' lists the ones a "
                                   "server reports that the library does not know.",
                               options);
        return exit_ok;
    }
    if (!args.positionals().empty())
        args.fail("unexpected argument '" + args.positionals().front() +
                  "' (did you mean 'categories diff'?)");
    auto const search = args.value("--search");
    Format const format = parse_format(args.value("--format"), "categories");
    std::string const needle = lower(search.value_or(""));

    Table table{{"name", "group", "description"}, {}, {}};
    for (Category c : all_categories()) {
        std::string const name(to_string(c));
        std::string const grp(to_string(group(c)));
        std::string const desc(description(c));
        if (!needle.empty() && lower(name).find(needle) == std::string::npos &&
            lower(grp).find(needle) == std::string::npos && lower(desc).find(needle) == std::string::npos)
            continue;
        table.rows.push_back({name, grp, desc});
    }
    switch (format) {
        case Format::table:
            if (table.rows.empty())
                std::cout << "no category matches '" << search.value_or("") << "'\n";
            else
                table.print(std::cout);
            break;
        case Format::csv:
            table.print_csv(std::cout);
            break;
        case Format::json:
            std::cout << "[";
            for (std::size_t i = 0; i < table.rows.size(); ++i) {
                auto const& r = table.rows[i];
                std::cout << (i ? ",\n" : "\n") << "{\"name\":" << json_string(r[0])
                          << ",\"group\":" << json_string(r[1]) << ",\"description\":" << json_string(r[2])
                          << "}";
            }
            std::cout << (table.rows.empty() ? "]\n" : "\n]\n");
            break;
    }
    return exit_ok;
}

}  // namespace twilio_usage_cli
