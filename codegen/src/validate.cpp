#include "validate.hpp"

#include "diagnostics.hpp"
#include "identifiers.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace codegen {

namespace {

constexpr char const* builtin_types[] = {
    "string",  "uri",  "integer",  "boolean",  "decimal", "date", "date_spec", "iso8601_timestamp",
    "rfc2822_timestamp", "category", "trigger_value", "url"};

constexpr char const* wire_types[] = {"string", "number", "integer", "boolean", "object"};

std::string position(Location l) { return "line " + std::to_string(l.line); }

class Validator {
public:
    explicit Validator(Spec& spec) : spec_(spec), file_(spec.source) {}

    void run() {
        check_api();
        check_enums();
        check_groups();
        check_params();
        check_queries();
        check_models();
        check_operations();
        check_categories();
    }

private:
    [[noreturn]] void fail(Location where, std::string const& what) const {
        throw SpecError(file_, where, what);
    }

    void identifier(std::string const& name, Location where, std::string const& what) const {
        if (!is_plain_identifier(name))
            fail(where, what + " '" + name +
                            "' is not a usable C++ identifier (letters, digits and single "
                            "underscores, not starting with a digit or underscore, not a keyword)");
    }

    template <class Items, class Key>
    void unique(Items const& items, Key key, std::string const& what) const {
        std::map<std::string, Location> seen;
        for (auto const& item : items) {
            auto [it, inserted] = seen.emplace(key(item), item.where);
            if (!inserted)
                fail(item.where, what + " '" + key(item) + "' is defined twice (first at " +
                                     position(it->second) + "); remove or rename one");
        }
    }

    bool is_enum(std::string const& t) const {
        return std::any_of(spec_.enums.begin(), spec_.enums.end(),
                           [&](EnumSpec const& e) { return e.name == t; });
    }
    bool is_model(std::string const& t) const {
        return std::any_of(spec_.models.begin(), spec_.models.end(),
                           [&](ModelSpec const& m) { return m.name == t; });
    }
    bool is_query(std::string const& t) const {
        return std::any_of(spec_.queries.begin(), spec_.queries.end(),
                           [&](QuerySpec const& q) { return q.name == t; });
    }
    ParamSpec const* find_param(std::string const& name) const {
        for (auto const& p : spec_.params)
            if (p.name == name) return &p;
        return nullptr;
    }

    std::string known_types() const {
        std::string out;
        for (auto const* t : builtin_types) out += std::string(out.empty() ? "" : ", ") + t;
        for (auto const& e : spec_.enums) out += ", " + e.name;
        return out;
    }

    void check_api() const {
        auto const& api = spec_.api;
        if (api.version.empty()) fail(api.version_at, "api.version is empty");
        if (api.base_url.rfind("https://", 0) != 0)
            fail(api.base_url_at, "api.base_url must start with https://, found '" + api.base_url + "'");
        if (api.account_path.find("{AccountSid}") == std::string::npos)
            fail(api.account_path_at, "api.account_path must contain {AccountSid}");
    }

    void check_enums() {
        unique(spec_.enums, [](EnumSpec const& e) { return e.name; }, "enum");
        for (auto& e : spec_.enums) {
            identifier(e.name, e.where, "enum name");
            if (is_builtin_type(e.name)) fail(e.where, "enum '" + e.name + "' hides a built-in type; rename it");
            if (e.values.empty()) fail(e.where, "enum '" + e.name + "' has no values");
            std::map<std::string, std::string> ids;
            for (auto const& v : e.values) {
                auto id = to_identifier(v);
                if (!id) fail(e.where, "value '" + v + "' of enum '" + e.name + "' maps to no valid C++ identifier");
                auto [it, inserted] = ids.emplace(*id, v);
                if (!inserted)
                    fail(e.where, "values '" + it->second + "' and '" + v + "' of enum '" + e.name +
                                      "' both map to the C++ identifier '" + *id + "'");
                e.identifiers.push_back(*id);
            }
        }
    }

    void check_groups() const {
        unique(spec_.groups, [](GroupSpec const& g) { return g.name; }, "group");
        for (auto const& g : spec_.groups) identifier(g.name, g.where, "group name");
    }

    void check_params() const {
        unique(spec_.params, [](ParamSpec const& p) { return p.name; }, "parameter");
        unique(spec_.params, [](ParamSpec const& p) { return p.wire; }, "parameter wire name");
        if (spec_.params.size() > 32) fail(spec_.params[32].where, "at most 32 parameters are supported");
        for (auto const& p : spec_.params) {
            identifier(p.name, p.where, "parameter name");
            if (!is_builtin_type(p.type) && !is_enum(p.type))
                fail(p.where, "parameter '" + p.name + "' has unknown type '" + p.type +
                                  "'; known types: " + known_types());
            if ((p.min || p.max) && p.type != "integer")
                fail(p.where, "parameter '" + p.name + "': min/max only apply to type integer");
            if (p.min && p.max && *p.min > *p.max)
                fail(p.where, "parameter '" + p.name + "': min is greater than max");
            if (p.max_length && p.type != "string")
                fail(p.where, "parameter '" + p.name + "': max_length only applies to type string");
            if (p.max_length && *p.max_length < 1)
                fail(p.where, "parameter '" + p.name + "': max_length must be at least 1");
        }
    }

    void check_queries() const {
        unique(spec_.queries, [](QuerySpec const& q) { return q.name; }, "query");
        for (auto const& q : spec_.queries) {
            identifier(q.name, q.where, "query name");
            if (q.encoding != "query" && q.encoding != "form")
                fail(q.where, "query '" + q.name + "': encoding must be 'query' or 'form', found '" +
                                  q.encoding + "'");
            std::set<std::string> names;
            for (auto const& r : q.params) {
                if (!find_param(r.param))
                    fail(r.where, "query '" + q.name + "' uses unknown parameter '" + r.param +
                                      "'; define it under parameters: first");
                if (!names.insert(r.param).second)
                    fail(r.where, "query '" + q.name + "' lists parameter '" + r.param + "' twice");
            }
            for (auto const& h : q.hints) {
                if (!find_param(h.param))
                    fail(h.where, "hint of query '" + q.name + "' names unknown parameter '" + h.param + "'");
                if (names.count(h.param))
                    fail(h.where, "hint of query '" + q.name + "' names '" + h.param +
                                      "', which the query accepts; hints are for parameters it refuses");
            }
        }
    }

    void check_models() const {
        unique(spec_.models, [](ModelSpec const& m) { return m.name; }, "model");
        for (auto const& m : spec_.models) {
            identifier(m.name, m.where, "model name");
            unique(m.fields, [](FieldSpec const& f) { return f.name; }, "field of model " + m.name);
            unique(m.fields, [](FieldSpec const& f) { return f.wire; }, "wire name in model " + m.name);
            for (auto const& f : m.fields) {
                identifier(f.name, f.where, "field name");
                if (!is_builtin_type(f.type) && !is_enum(f.type) && !is_model(f.type))
                    fail(f.where, "field '" + f.name + "' of model '" + m.name + "' has unknown type '" +
                                      f.type + "'; known types: " + known_types() + ", or a model name");
                if (f.type == m.name) fail(f.where, "model '" + m.name + "' cannot contain itself");
                std::size_t start = 0;
                while (true) {
                    auto bar = f.wire_type.find('|', start);
                    auto part = f.wire_type.substr(start, bar - start);
                    if (std::find(std::begin(wire_types), std::end(wire_types), part) == std::end(wire_types))
                        fail(f.where, "field '" + f.name + "' of model '" + m.name + "' has unknown wire_type '" +
                                          part + "'; use string, number, integer, boolean or object");
                    if (bar == std::string::npos) break;
                    start = bar + 1;
                }
            }
        }
    }

    void check_operations() const {
        unique(spec_.operations, [](OperationSpec const& o) { return o.name; }, "operation");
        for (auto const& o : spec_.operations) {
            identifier(o.name, o.where, "operation name");
            if (o.method != "GET" && o.method != "POST" && o.method != "DELETE")
                fail(o.where, "operation '" + o.name + "': method must be GET, POST or DELETE");
            if (o.path.empty() || o.path.front() != '/')
                fail(o.where, "operation '" + o.name + "': path must start with '/'");
            if (o.success < 200 || o.success > 299)
                fail(o.where, "operation '" + o.name + "': success must be a 2xx status");
            if (!o.query.empty() && !is_query(o.query))
                fail(o.where, "operation '" + o.name + "' names unknown query '" + o.query + "'");
            if (!o.body.empty() && !is_query(o.body))
                fail(o.where, "operation '" + o.name + "' names unknown body '" + o.body + "'");
            if (o.response != "page" && o.response != "item" && o.response != "none")
                fail(o.where, "operation '" + o.name + "': response must be page, item or none");
            if (o.response != "none" && !is_model(o.item))
                fail(o.where, "operation '" + o.name + "' names unknown item model '" + o.item + "'");
            static constexpr char const* periods[] = {"", "range", "day", "month", "year", "today",
                                                      "yesterday", "this_month", "last_month"};
            if (std::find(std::begin(periods), std::end(periods), o.period) == std::end(periods))
                fail(o.where, "operation '" + o.name + "': unknown period '" + o.period +
                                  "'; use range, day, month, year, today, yesterday, this_month or last_month");
            if (o.response == "page" && o.list_key.empty())
                fail(o.where, "operation '" + o.name + "' returns a page but has no list_key");
        }
    }

    void check_categories() {
        auto& cats = spec_.categories;
        if (cats.empty()) fail(spec_.categories_at, "the spec lists no categories");
        if (cats.size() > 65000) fail(cats[65000].where, "too many categories for the 16-bit Category enum");
        std::map<std::string, std::size_t> by_name;
        std::map<std::string, std::size_t> by_identifier;
        std::set<std::string> groups;
        for (auto const& g : spec_.groups) groups.insert(g.name);
        int totals = 0;
        for (std::size_t i = 0; i < cats.size(); ++i) {
            auto& c = cats[i];
            auto [it, inserted] = by_name.emplace(c.name, i);
            if (!inserted)
                fail(c.where, "category '" + c.name + "' is listed twice (first at " +
                                  position(cats[it->second].where) + "); remove one");
            bool wire_ok = !c.name.empty() &&
                           std::all_of(c.name.begin(), c.name.end(), [](char ch) {
                               return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
                                      ch == '-' || ch == '_' || ch == '.';
                           });
            auto id = wire_ok ? to_identifier(c.name) : std::nullopt;
            if (!id)
                fail(c.where, "category '" + c.name +
                                  "' maps to no valid C++ identifier; category names use lower-case "
                                  "letters, digits, '-', '_' and '.'");
            auto [jt, id_inserted] = by_identifier.emplace(*id, i);
            if (!id_inserted)
                fail(c.where, "categories '" + cats[jt->second].name + "' (" +
                                  position(cats[jt->second].where) + ") and '" + c.name +
                                  "' both map to the C++ identifier '" + *id +
                                  "'; two wire names may not differ only in '-', '_' or '.'");
            c.identifier = *id;
            if (!c.group.empty() && !groups.count(c.group))
                fail(c.where, "category '" + c.name + "' names unknown group '" + c.group +
                                  "'; add it under groups: or fix the spelling");
            if (!c.first_listed.empty() && !looks_like_date(c.first_listed))
                fail(c.where, "category '" + c.name + "': first_listed must be YYYY-MM-DD, found '" +
                                  c.first_listed + "'");
            if (c.sums_all_prices && ++totals > 1)
                fail(c.where, "category '" + c.name + "': only one category may have sums_all_prices: true");
        }
        for (auto const& c : cats) {
            if (c.parent.empty()) continue;
            if (!by_name.count(c.parent))
                fail(c.where, "category '" + c.name + "' names parent '" + c.parent +
                                  "', which is not a category in this spec");
            // Walk up; more steps than categories means a cycle.
            std::string at = c.name;
            std::string chain = c.name;
            for (std::size_t steps = 0; !cats[by_name[at]].parent.empty(); ++steps) {
                at = cats[by_name[at]].parent;
                chain += " > " + at;
                if (at == c.name || steps > cats.size())
                    fail(c.where, "the parents of category '" + c.name + "' form a cycle (" + chain +
                                      "); remove one parent");
            }
        }
    }

    static bool looks_like_date(std::string const& s) {
        if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
        for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
            if (s[i] < '0' || s[i] > '9') return false;
        return true;
    }

    Spec& spec_;
    std::string file_;
};

}  // namespace

bool is_builtin_type(std::string const& type) {
    return std::find(std::begin(builtin_types), std::end(builtin_types), type) != std::end(builtin_types);
}

void validate(Spec& spec) { Validator(spec).run(); }

}  // namespace codegen
