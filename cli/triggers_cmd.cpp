// twilio-usage triggers create|list|fetch|update|delete: usage triggers.
#include <algorithm>
#include <cctype>
#include <iostream>
#include <twilio_usage/core/json_encode.hpp>

#include "cli.hpp"
#include "format.hpp"
#include "query.hpp"
#include "session.hpp"

namespace twilio_usage_cli {

using namespace twilio_usage;

namespace {

OptionSpec const format_option{"--format", "F", "table (default) or json (as on the wire)"};

std::string const create_usage =
    "twilio-usage triggers create --category C --value V [--by count|usage|price] "
    "[--recurring daily|monthly|yearly|alltime] --callback URL [--method GET|POST] [--name N] [--format "
    "table|json]";
std::string const list_usage =
    "twilio-usage triggers list [--category C] [--by count|usage|price] [--recurring "
    "daily|monthly|yearly|alltime] "
    "[--format table|json]";
std::string const fetch_usage = "twilio-usage triggers fetch SID [--format table|json]";
std::string const update_usage =
    "twilio-usage triggers update SID [--callback URL] [--method GET|POST] [--name N] [--format table|json]";
std::string const delete_usage = "twilio-usage triggers delete SID";

std::string const top_help =
    "Usage: twilio-usage triggers create|list|fetch|update|delete ...\n\n"
    "Usage triggers call a URL when a category's count, usage or price reaches a value.\n\n"
    "  " +
    create_usage + "\n  " + list_usage + "\n  " + fetch_usage + "\n  " + update_usage + "\n  " +
    delete_usage + "\n\nRun 'twilio-usage triggers ACTION --help' for an action's options.\n";

Format trigger_format(ParsedArgs const& args) {
    Format f = parse_format(args.value("--format"), args.command());
    if (f == Format::csv) args.fail("--format must be table or json");
    return f;
}

std::optional<TriggerBy> by_option(ParsedArgs const& args) {
    auto v = args.choice("--by", {"count", "usage", "price"});
    if (!v) return std::nullopt;
    return enum_from_string<TriggerBy>(*v);
}

std::optional<Recurring> recurring_option(ParsedArgs const& args) {
    auto v = args.choice("--recurring", {"daily", "monthly", "yearly", "alltime"});
    if (!v) return std::nullopt;
    return enum_from_string<Recurring>(*v);
}

std::optional<CallbackMethod> method_option(ParsedArgs const& args) {
    auto v = args.value("--method");
    if (!v) return std::nullopt;
    std::string upper = *v;
    std::transform(upper.begin(), upper.end(), upper.begin(),
                   [](unsigned char c) { return std::toupper(c); });
    auto m = enum_from_string<CallbackMethod>(upper);
    if (!m) args.fail("--method must be GET or POST, got '" + v->substr(0, 40) + "'");
    return m;
}

std::string sid_argument(ParsedArgs const& args) {
    auto const& p = args.positionals();
    if (p.empty()) args.fail("needs the trigger's SID (UT followed by 32 hex digits)");
    if (p.size() > 1) args.fail("unexpected argument '" + p[1] + "'");
    bool valid = p[0].size() == 34 && p[0].starts_with("UT");
    for (std::size_t i = 2; valid && i < p[0].size(); ++i)
        valid = std::isxdigit(static_cast<unsigned char>(p[0][i]));
    if (!valid) args.fail("'" + p[0].substr(0, 40) + "' is not a trigger SID (UT followed by 32 hex digits)");
    return p[0];
}

template <class E>
std::string enum_text(std::optional<E> const& e) {
    return e ? std::string(to_string(*e)) : std::string();
}
std::string time_text(std::optional<Timestamp> const& t) { return t ? format_rfc2822(*t) : std::string(); }

void print_trigger(UsageTrigger const& t, Format format) {
    if (format == Format::json) {
        std::cout << to_json(t) << "\n";
        return;
    }
    std::vector<std::pair<std::string, std::string>> rows;
    auto row = [&](char const* name, std::string value) { rows.emplace_back(name, std::move(value)); };
    row("sid", t.sid.value_or(""));
    row("friendly_name", t.friendly_name.value_or(""));
    row("usage_category", t.usage_category ? std::string(t.usage_category->wire_name()) : "");
    row("trigger_by", enum_text(t.trigger_by));
    row("trigger_value", t.trigger_value ? t.trigger_value->to_string() : "");
    row("current_value", t.current_value ? t.current_value->to_string() : "");
    row("recurring", enum_text(t.recurring));
    row("callback_url", t.callback_url.value_or(""));
    row("callback_method", enum_text(t.callback_method));
    row("date_created", time_text(t.date_created));
    row("date_updated", time_text(t.date_updated));
    row("date_fired", time_text(t.date_fired));
    row("usage_record_uri", t.usage_record_uri.value_or(""));
    // One field a line, values aligned.
    std::size_t width = 0;
    for (auto const& [name, value] : rows) width = std::max(width, name.size());
    for (auto const& [name, value] : rows)
        std::cout << name << std::string(width - name.size() + 2, ' ') << value << "\n";
}

int create(Arguments const& arguments) {
    std::vector<OptionSpec> const options{
        {"--category", "C", "the category to watch (required)"},
        {"--value", "V", "the value that fires it (required); +N: N more than the current value"},
        {"--by", "WHAT", "count, usage (default) or price"},
        {"--recurring", "R", "daily, monthly, yearly or alltime (default: fires once)"},
        {"--callback", "URL", "the URL called when it fires (required)"},
        {"--method", "M", "GET or POST (default POST)"},
        {"--name", "N", "a friendly name, up to 64 characters"},
        format_option,
        account_option(), base_url_option(), timeout_option(),
    };
    ParsedArgs args("triggers create", arguments, options);
    if (args.help()) {
        std::cout << help_text(create_usage, "Creates a usage trigger and prints it.", options);
        return exit_ok;
    }
    if (!args.positionals().empty()) args.fail("unexpected argument '" + args.positionals().front() + "'");
    auto const category = category_option(args, "--category");
    if (!category) args.fail("--category is required (the category to watch, e.g. sms)");
    auto const value_text = args.value("--value");
    if (!value_text) args.fail("--value is required (e.g. --value 1000, or --value +1000 for 1000 more)");
    auto value = TriggerValue::parse(*value_text);
    if (!value) args.fail("bad --value: " + value.error().what);
    auto const callback = args.nonempty("--callback");
    if (!callback) args.fail("--callback is required (the URL to call when the trigger fires)");
    auto const by = by_option(args);
    auto const recurring = recurring_option(args);
    auto const method = method_option(args);
    auto const name = args.value("--name");
    Format const format = trigger_format(args);

    Session session(args);
    auto const base = TriggerCreate{}.usage_category(*category).trigger_value(*value).callback_url(*callback);
    auto const created = with_optionals(
        base,
        [&](auto const& q) {
            check_query(q);
            return session.client().triggers().try_create(q);
        },
        by, [](auto const& q, TriggerBy v) { return q.trigger_by(v); }, recurring,
        [](auto const& q, Recurring v) { return q.recurring(v); }, method,
        [](auto const& q, CallbackMethod v) { return q.callback_method(v); }, name,
        [](auto const& q, std::string const& v) { return q.friendly_name(v); });
    if (!created) throw Exception(created.error());
    print_trigger(*created, format);
    return exit_ok;
}

int list(Arguments const& arguments) {
    std::vector<OptionSpec> const options{
        {"--category", "C", "only triggers watching this category"},
        {"--by", "WHAT", "only triggers by count, usage or price"},
        {"--recurring", "R", "only daily, monthly or yearly triggers; alltime: the ones that fire once"},
        format_option,
        account_option(), base_url_option(), timeout_option(),
    };
    ParsedArgs args("triggers list", arguments, options);
    if (args.help()) {
        std::cout << help_text(list_usage, "Lists the account's usage triggers.", options);
        return exit_ok;
    }
    if (!args.positionals().empty()) args.fail("unexpected argument '" + args.positionals().front() + "'");
    auto const category = category_option(args, "--category");
    auto const by = by_option(args);
    auto const recurring = recurring_option(args);
    Format const format = trigger_format(args);

    Session session(args);
    auto const found = with_optionals(
        TriggersQuery{}.page_size(1000),
        [&](auto const& q) {
            check_query(q);
            return session.client().triggers().list(q).try_collect();
        },
        category, [](auto const& q, OpenCategory const& v) { return q.usage_category(v); }, by,
        [](auto const& q, TriggerBy v) { return q.trigger_by(v); }, recurring,
        [](auto const& q, Recurring v) { return q.recurring(v); });
    if (!found) throw Exception(found.error());
    if (format == Format::json) {
        std::cout << "[";
        for (std::size_t i = 0; i < found->size(); ++i)
            std::cout << (i ? ",\n" : "\n") << to_json((*found)[i]);
        std::cout << (found->empty() ? "]\n" : "\n]\n");
        return exit_ok;
    }
    if (found->empty()) {
        std::cout << "no triggers\n";
        return exit_ok;
    }
    Table table{
        {"sid", "name", "category", "by", "value", "current", "recurring", "method", "callback", "fired"},
        {false, false, false, false, true, true, false, false, false, false},
        {}};
    for (auto const& t : *found)
        table.rows.push_back({t.sid.value_or(""), t.friendly_name.value_or(""),
                              t.usage_category ? std::string(t.usage_category->wire_name()) : "",
                              enum_text(t.trigger_by), t.trigger_value ? t.trigger_value->to_string() : "",
                              t.current_value ? t.current_value->to_string() : "", enum_text(t.recurring),
                              enum_text(t.callback_method), t.callback_url.value_or(""),
                              time_text(t.date_fired)});
    table.print(std::cout);
    return exit_ok;
}

int fetch(Arguments const& arguments) {
    std::vector<OptionSpec> const options{format_option, account_option(), base_url_option(), timeout_option()};
    ParsedArgs args("triggers fetch", arguments, options);
    if (args.help()) {
        std::cout << help_text(fetch_usage, "Prints one usage trigger.", options);
        return exit_ok;
    }
    auto const sid = sid_argument(args);
    Format const format = trigger_format(args);
    Session session(args);
    auto const trigger = session.client().triggers().try_fetch(sid);
    if (!trigger) throw Exception(trigger.error());
    print_trigger(*trigger, format);
    return exit_ok;
}

int update(Arguments const& arguments) {
    std::vector<OptionSpec> const options{
        {"--callback", "URL", "the new callback URL"},
        {"--method", "M", "the new callback method, GET or POST"},
        {"--name", "N", "the new friendly name"},
        format_option,
        account_option(), base_url_option(), timeout_option(),
    };
    // Accepted only to say why they cannot be changed.
    std::vector<OptionSpec> accepted = options;
    for (char const* name : {"--value", "--category", "--by", "--recurring"})
        accepted.push_back({name, "X", ""});
    ParsedArgs args("triggers update", arguments, accepted);
    if (args.help()) {
        std::cout << help_text(
            update_usage,
            "Changes a trigger's callback URL, callback method or name. Its value, category,\n"
            "--by and recurrence cannot change (Twilio ignores them on update): delete the\n"
            "trigger and create a new one.",
            options);
        return exit_ok;
    }
    for (char const* name : {"--value", "--category", "--by", "--recurring"})
        if (args.value(name))
            args.fail(
                std::string(name) +
                " cannot be changed: Twilio ignores it on update; delete the trigger and create a new one");
    auto const sid = sid_argument(args);
    auto const callback = args.nonempty("--callback");
    auto const method = method_option(args);
    auto const name = args.value("--name");
    if (!callback && !method && !name) args.fail("nothing to change: give --callback, --method or --name");
    Format const format = trigger_format(args);

    Session session(args);
    auto const updated = with_optionals(
        TriggerUpdate{},
        [&](auto const& q) {
            check_query(q);
            return session.client().triggers().try_update(sid, q);
        },
        callback, [](auto const& q, std::string const& v) { return q.callback_url(v); }, method,
        [](auto const& q, CallbackMethod v) { return q.callback_method(v); }, name,
        [](auto const& q, std::string const& v) { return q.friendly_name(v); });
    if (!updated) throw Exception(updated.error());
    print_trigger(*updated, format);
    return exit_ok;
}

int remove(Arguments const& arguments) {
    std::vector<OptionSpec> const options{account_option(), base_url_option(), timeout_option()};
    ParsedArgs args("triggers delete", arguments, options);
    if (args.help()) {
        std::cout << help_text(delete_usage, "Deletes a usage trigger.", options);
        return exit_ok;
    }
    auto const sid = sid_argument(args);
    Session session(args);
    auto const removed = session.client().triggers().try_remove(sid);
    if (!removed) throw Exception(removed.error());
    std::cout << "deleted " << sid << "\n";
    return exit_ok;
}

}  // namespace

int run_triggers(Arguments const& arguments) {
    if (arguments.empty())
        throw UsageError("triggers: needs an action: create, list, fetch, update or delete");
    std::string const& action = arguments.front();
    Arguments const rest(arguments.begin() + 1, arguments.end());
    if (action == "--help" || action == "-h") {
        std::cout << top_help;
        return exit_ok;
    }
    if (action == "create") return create(rest);
    if (action == "list") return list(rest);
    if (action == "fetch") return fetch(rest);
    if (action == "update") return update(rest);
    if (action == "delete") return remove(rest);
    throw UsageError("triggers: unknown action '" + action.substr(0, 40) +
                     "': use create, list, fetch, update or delete");
}

}  // namespace twilio_usage_cli
