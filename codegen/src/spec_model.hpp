// The spec as the generator sees it after loading: plain data, each item
// remembering where in the YAML it came from so that errors can point there.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace codegen {

struct Location {
    int line = 0;    // 1-based; 0 when unknown
    int column = 0;  // 1-based
};

struct Api {
    std::string version, base_url, regional_host, account_path;
    std::string account_sid_pattern, trigger_sid_pattern;
    // Where the values checked by validate() are written.
    Location version_at, base_url_at, account_path_at;
};

struct EnumSpec {
    std::string name, doc;
    std::vector<std::string> values;
    std::vector<std::string> identifiers;  // derived
    Location where;
};

struct GroupSpec {
    std::string name, title;
    Location where;
};

struct ParamSpec {
    std::string name, wire, type, doc;
    std::optional<std::int64_t> min, max, max_length;
    Location where;
};

struct QueryParamRef {
    std::string param;
    bool required = false;
    Location where;
};

struct Hint {
    std::string param, text;
    Location where;
};

struct QuerySpec {
    std::string name, doc, encoding;
    std::vector<QueryParamRef> params;
    std::vector<Hint> hints;
    Location where;
};

struct OperationSpec {
    std::string name, method, path, query, body, response, item, list_key, period,
        subresource_key, xml_name, doc;
    int success = 0;
    Location where;
};

struct FieldSpec {
    std::string name, wire, wire_type, type;
    bool nullable = true;
    Location where;
};

struct ModelSpec {
    std::string name, doc;
    std::vector<FieldSpec> fields;
    Location where;
};

struct CategorySpec {
    std::string name, group, parent, description, count_unit, usage_unit, first_listed;
    std::string short_description;  // the name Twilio sends as a record's description; "" if none
    bool retired = false;
    bool sums_all_prices = false;
    std::string identifier;  // derived
    Location where;
};

struct Spec {
    std::string source;  // path as given on the command line, used in banners and errors
    Api api;
    std::vector<EnumSpec> enums;
    std::vector<GroupSpec> groups;
    std::vector<ParamSpec> params;
    std::vector<QuerySpec> queries;
    std::vector<OperationSpec> operations;
    std::vector<ModelSpec> models;
    std::vector<CategorySpec> categories;
    Location categories_at;  // the categories: list itself
};

}  // namespace codegen
