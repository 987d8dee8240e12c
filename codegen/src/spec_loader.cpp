#include "spec_loader.hpp"

#include "diagnostics.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <fstream>
#include <initializer_list>
#include <set>
#include <sstream>

namespace codegen {

namespace {

Location where_of(YAML::Node const& n) {
    auto m = n.Mark();
    if (m.is_null()) return {};
    return {m.line + 1, m.column + 1};
}

std::string join(std::initializer_list<char const*> items) {
    std::string out;
    for (auto const* i : items) {
        if (!out.empty()) out += ", ";
        out += i;
    }
    return out;
}

// Walks one YAML mapping, checking that every key is known, none repeats,
// and the required ones are present.
class MapReader {
public:
    MapReader(std::string const& file, YAML::Node const& node, std::string what,
              std::initializer_list<char const*> allowed)
        : file_(file), node_(node), what_(std::move(what)), allowed_(allowed) {
        if (!node.IsMap())
            throw SpecError(file_, where_of(node), what_ + " must be a mapping (key: value)");
        std::set<std::string> seen;
        for (auto const& kv : node) {
            auto key = kv.first.as<std::string>();
            if (std::find_if(allowed.begin(), allowed.end(),
                             [&](char const* a) { return key == a; }) == allowed.end())
                throw SpecError(file_, where_of(kv.first),
                                "unknown key '" + key + "' in " + what_ + "; allowed keys: " +
                                    join(allowed));
            if (!seen.insert(key).second)
                throw SpecError(file_, where_of(kv.first),
                                "key '" + key + "' appears twice in " + what_);
        }
    }

    Location where() const { return where_of(node_); }

    /// Where the value of `key` is written (the mapping itself when absent).
    Location where_of_value(char const* key) const {
        auto n = node_[key];
        return n ? where_of(n) : where();
    }

    bool has(char const* key) const { return static_cast<bool>(node_[key]); }

    YAML::Node required_node(char const* key) const {
        auto n = node_[key];
        if (!n)
            throw SpecError(file_, where(),
                            what_ + " is missing the required key '" + key + "'");
        return n;
    }

    std::string required_string(char const* key) const { return scalar(required_node(key), key); }

    std::string optional_string(char const* key) const {
        auto n = node_[key];
        return n ? scalar(n, key) : std::string{};
    }

    std::optional<std::int64_t> optional_int(char const* key) const {
        auto n = node_[key];
        if (!n) return std::nullopt;
        auto text = scalar(n, key);
        std::int64_t v = 0;
        std::istringstream in(text);
        in >> v;
        if (!in || !in.eof())
            throw SpecError(file_, where_of(n),
                            "'" + std::string(key) + "' in " + what_ + " must be an integer, found '" +
                                text + "'");
        return v;
    }

    bool optional_bool(char const* key, bool fallback) const {
        auto n = node_[key];
        if (!n) return fallback;
        auto text = scalar(n, key);
        if (text == "true") return true;
        if (text == "false") return false;
        throw SpecError(file_, where_of(n),
                        "'" + std::string(key) + "' in " + what_ +
                            " must be true or false, found '" + text + "'");
    }

    std::string scalar(YAML::Node const& n, char const* key) const {
        if (!n.IsScalar())
            throw SpecError(file_, where_of(n),
                            "'" + std::string(key) + "' in " + what_ + " must be a single value");
        return n.as<std::string>();
    }

private:
    std::string const& file_;
    YAML::Node node_;
    std::string what_;
    std::initializer_list<char const*> allowed_;
};

YAML::Node required_sequence(std::string const& file, YAML::Node const& n, std::string const& what) {
    if (!n.IsSequence())
        throw SpecError(file, where_of(n), what + " must be a list (lines starting with '- ')");
    return n;
}

std::string describe(std::string const& kind, YAML::Node const& item, std::size_t index) {
    if (item.IsMap() && item["name"] && item["name"].IsScalar())
        return kind + " '" + item["name"].as<std::string>() + "'";
    return kind + " #" + std::to_string(index + 1);
}

Spec read(YAML::Node const& root, std::string const& file) {
    Spec spec;
    spec.source = file;
    if (!root || root.IsNull()) throw SpecError(file, {1, 1}, "the spec is empty");
    MapReader top(file, root, "the spec",
                  {"spec_version", "api", "enums", "groups", "parameters", "queries", "operations",
                   "models", "categories"});
    if (top.required_string("spec_version") != "1")
        throw SpecError(file, where_of(root["spec_version"]),
                        "unsupported spec_version; this generator reads spec_version: 1");

    {
        MapReader api(file, top.required_node("api"), "api",
                      {"version", "base_url", "regional_host", "account_path",
                       "account_sid_pattern", "trigger_sid_pattern"});
        spec.api = {api.required_string("version"),       api.required_string("base_url"),
                    api.required_string("regional_host"), api.required_string("account_path"),
                    api.required_string("account_sid_pattern"),
                    api.required_string("trigger_sid_pattern"),
                    api.where_of_value("version"),         api.where_of_value("base_url"),
                    api.where_of_value("account_path")};
    }

    auto enums = required_sequence(file, top.required_node("enums"), "enums");
    for (std::size_t i = 0; i < enums.size(); ++i) {
        MapReader m(file, enums[i], describe("enum", enums[i], i), {"name", "doc", "values"});
        EnumSpec e;
        e.name = m.required_string("name");
        e.doc = m.optional_string("doc");
        e.where = m.where();
        auto values = required_sequence(file, m.required_node("values"), "values of enum " + e.name);
        for (auto const& v : values) e.values.push_back(m.scalar(v, "values"));
        spec.enums.push_back(std::move(e));
    }

    auto groups = required_sequence(file, top.required_node("groups"), "groups");
    for (std::size_t i = 0; i < groups.size(); ++i) {
        MapReader m(file, groups[i], describe("group", groups[i], i), {"name", "title"});
        spec.groups.push_back({m.required_string("name"), m.required_string("title"), m.where()});
    }

    auto params = required_sequence(file, top.required_node("parameters"), "parameters");
    for (std::size_t i = 0; i < params.size(); ++i) {
        MapReader m(file, params[i], describe("parameter", params[i], i),
                    {"name", "wire", "type", "doc", "min", "max", "max_length"});
        ParamSpec p;
        p.name = m.required_string("name");
        p.wire = m.required_string("wire");
        p.type = m.required_string("type");
        p.doc = m.optional_string("doc");
        p.min = m.optional_int("min");
        p.max = m.optional_int("max");
        p.max_length = m.optional_int("max_length");
        p.where = m.where();
        spec.params.push_back(std::move(p));
    }

    auto queries = required_sequence(file, top.required_node("queries"), "queries");
    for (std::size_t i = 0; i < queries.size(); ++i) {
        auto what = describe("query", queries[i], i);
        MapReader m(file, queries[i], what, {"name", "doc", "encoding", "params", "hints"});
        QuerySpec q;
        q.name = m.required_string("name");
        q.doc = m.optional_string("doc");
        q.encoding = m.required_string("encoding");
        q.where = m.where();
        auto refs = required_sequence(file, m.required_node("params"), "params of " + what);
        for (auto const& r : refs) {
            MapReader rm(file, r, "a parameter of " + what, {"param", "required"});
            q.params.push_back({rm.required_string("param"), rm.optional_bool("required", false),
                                rm.where()});
        }
        if (m.has("hints")) {
            auto hints = m.required_node("hints");
            if (!hints.IsMap())
                throw SpecError(file, where_of(hints), "hints of " + what + " must be a mapping");
            for (auto const& kv : hints)
                q.hints.push_back({kv.first.as<std::string>(), m.scalar(kv.second, "hints"),
                                   where_of(kv.first)});
        }
        spec.queries.push_back(std::move(q));
    }

    auto ops = required_sequence(file, top.required_node("operations"), "operations");
    for (std::size_t i = 0; i < ops.size(); ++i) {
        MapReader m(file, ops[i], describe("operation", ops[i], i),
                    {"name", "method", "path", "success", "query", "body", "response", "item",
                     "list_key", "period", "subresource_key", "xml_name", "doc"});
        OperationSpec o;
        o.name = m.required_string("name");
        o.method = m.required_string("method");
        o.path = m.required_string("path");
        m.required_node("success");
        o.success = static_cast<int>(*m.optional_int("success"));
        o.query = m.optional_string("query");
        o.body = m.optional_string("body");
        o.response = m.required_string("response");
        o.item = m.optional_string("item");
        o.list_key = m.optional_string("list_key");
        o.period = m.optional_string("period");
        o.subresource_key = m.optional_string("subresource_key");
        o.xml_name = m.optional_string("xml_name");
        o.doc = m.optional_string("doc");
        o.where = m.where();
        spec.operations.push_back(std::move(o));
    }

    auto models = required_sequence(file, top.required_node("models"), "models");
    for (std::size_t i = 0; i < models.size(); ++i) {
        auto what = describe("model", models[i], i);
        MapReader m(file, models[i], what, {"name", "doc", "fields"});
        ModelSpec model;
        model.name = m.required_string("name");
        model.doc = m.optional_string("doc");
        model.where = m.where();
        auto fields = required_sequence(file, m.required_node("fields"), "fields of " + what);
        for (std::size_t j = 0; j < fields.size(); ++j) {
            MapReader fm(file, fields[j], describe("field", fields[j], j) + " of " + what,
                         {"name", "wire", "wire_type", "type", "nullable"});
            model.fields.push_back({fm.required_string("name"), fm.required_string("wire"),
                                    fm.required_string("wire_type"), fm.required_string("type"),
                                    fm.optional_bool("nullable", true), fm.where()});
        }
        spec.models.push_back(std::move(model));
    }

    auto cats = required_sequence(file, top.required_node("categories"), "categories");
    spec.categories_at = where_of(top.required_node("categories"));
    spec.categories.reserve(cats.size());
    for (std::size_t i = 0; i < cats.size(); ++i) {
        MapReader m(file, cats[i], describe("category", cats[i], i),
                    {"name", "group", "parent", "description", "short_description", "count_unit",
                     "usage_unit", "first_listed", "retired", "sums_all_prices"});
        CategorySpec c;
        c.name = m.required_string("name");
        c.group = m.optional_string("group");
        c.parent = m.optional_string("parent");
        c.description = m.optional_string("description");
        c.short_description = m.optional_string("short_description");
        if (m.has("short_description") && c.short_description.empty())
            throw SpecError(file, m.where_of_value("short_description"),
                            "'short_description' in " + describe("category", cats[i], i) +
                                " is empty; leave the key out where Twilio's short name is not known");
        c.count_unit = m.optional_string("count_unit");
        c.usage_unit = m.optional_string("usage_unit");
        c.first_listed = m.optional_string("first_listed");
        c.retired = m.optional_bool("retired", false);
        c.sums_all_prices = m.optional_bool("sums_all_prices", false);
        c.where = m.where();
        spec.categories.push_back(std::move(c));
    }
    return spec;
}

Spec parse(std::string const& text, std::string const& source_name) {
    YAML::Node root;
    try {
        root = YAML::Load(text);
    } catch (YAML::Exception const& e) {
        throw SpecError(source_name, {e.mark.line + 1, e.mark.column + 1},
                        "malformed YAML: " + e.msg);
    }
    try {
        return read(root, source_name);
    } catch (YAML::Exception const& e) {
        throw SpecError(source_name, {e.mark.line + 1, e.mark.column + 1}, e.msg);
    }
}

}  // namespace

Spec load_spec_from_string(std::string const& text, std::string const& source_name) {
    return parse(text, source_name);
}

Spec load_spec(std::string const& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw SpecError(path, {}, "cannot open the spec file");
    std::ostringstream buf;
    buf << in.rdbuf();
    return parse(buf.str(), path);
}

}  // namespace codegen
