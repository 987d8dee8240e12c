// The generator: every kind of broken spec gives an error at file:line:column
// and writes nothing; a valid spec gives the same bytes every time.
#include "cli.hpp"
#include "diagnostics.hpp"
#include "emit.hpp"
#include "identifiers.hpp"
#include "spec_loader.hpp"
#include "validate.hpp"

#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

// Smallest spec that exercises every section.
std::string const valid_spec = R"(spec_version: 1
api:
  version: "2010-04-01"
  base_url: "https://api.twilio.com"
  regional_host: "api.{edge}.{region}.twilio.com"
  account_path: "/2010-04-01/Accounts/{AccountSid}"
  account_sid_pattern: "^AC[0-9a-fA-F]{32}$"
  trigger_sid_pattern: "^UT[0-9a-fA-F]{32}$"
enums:
  - {name: Recurring, values: [daily, monthly]}
groups:
  - {name: voice, title: Voice}
parameters:
  - {name: category, wire: Category, type: category}
  - {name: page_size, wire: PageSize, type: integer, min: 1, max: 1000}
queries:
  - name: RecordsQuery
    encoding: query
    params:
      - {param: category}
      - {param: page_size}
operations:
  - {name: records, method: GET, path: /Usage/Records.json, success: 200, query: RecordsQuery, response: page, item: UsageRecord, list_key: usage_records, period: range}
models:
  - name: UsageRecord
    fields:
      - {name: category, wire: category, wire_type: string, type: category}
      - {name: price, wire: price, wire_type: string|number, type: decimal}
categories:
  - {name: calls, group: voice}
  - {name: calls-inbound, parent: calls}
  - {name: sms}
)";

std::string replace(std::string text, std::string const& from, std::string const& to) {
    auto pos = text.find(from);
    REQUIRE_MESSAGE(pos != std::string::npos, "test setup: '" << from << "' not in the spec");
    return text.replace(pos, from.size(), to);
}

// The error the generator gives for `text`, or "" if it accepts it.
std::string error_of(std::string const& text) {
    try {
        auto spec = codegen::load_spec_from_string(text, "broken.yaml");
        codegen::validate(spec);
        codegen::generate(spec);
    } catch (codegen::SpecError const& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("a minimal valid spec is accepted") { CHECK(error_of(valid_spec) == ""); }

TEST_CASE("malformed YAML names line and column") {
    auto e = error_of(replace(valid_spec, "  - {name: sms}", "  - {name: sms"));
    CHECK(e.find("broken.yaml:") == 0);
    CHECK(e.find("malformed YAML") != std::string::npos);
}

TEST_CASE("a duplicate category points at the second and names the first") {
    auto e = error_of(replace(valid_spec, "  - {name: sms}", "  - {name: sms}\n  - {name: calls}"));
    CHECK(e.find("broken.yaml:33:5: error: category 'calls' is listed twice (first at line 30)") == 0);
}

TEST_CASE("names that map to no identifier or to a clashing one are refused") {
    CHECK(error_of(replace(valid_spec, "{name: sms}", "{name: \"sms/x\"}")).find("maps to no valid C++ identifier") !=
          std::string::npos);
    CHECK(error_of(replace(valid_spec, "{name: sms}", "{name: \"---\"}")).find("maps to no valid C++ identifier") !=
          std::string::npos);
    auto clash = error_of(replace(valid_spec, "{name: sms}", "{name: calls_inbound}"));
    CHECK(clash.find("both map to the C++ identifier 'calls_inbound'") != std::string::npos);
    CHECK(clash.find("broken.yaml:32:5:") == 0);
}

TEST_CASE("a parent that does not exist, and a cycle of parents") {
    CHECK(error_of(replace(valid_spec, "parent: calls}", "parent: call}"))
              .find("names parent 'call', which is not a category") != std::string::npos);
    auto cycle = error_of(replace(valid_spec, "{name: calls, group: voice}", "{name: calls, parent: calls-inbound}"));
    CHECK(cycle.find("form a cycle") != std::string::npos);
    CHECK(cycle.find("calls > calls-inbound > calls") != std::string::npos);
}

TEST_CASE("an unknown type names the known ones") {
    auto e = error_of(replace(valid_spec, "type: decimal", "type: money"));
    CHECK(e.find("has unknown type 'money'; known types: string") != std::string::npos);
    CHECK(e.find("broken.yaml:28:9:") == 0);
    CHECK(error_of(replace(valid_spec, "wire_type: string|number", "wire_type: string|float"))
              .find("unknown wire_type 'float'") != std::string::npos);
}

TEST_CASE("a missing required key and an unknown key") {
    auto missing = error_of(replace(valid_spec, "wire: PageSize, ", ""));
    CHECK(missing.find("parameter 'page_size' is missing the required key 'wire'") != std::string::npos);
    auto typo = error_of(replace(valid_spec, "parent: calls}", "parnet: calls}"));
    CHECK(typo.find("unknown key 'parnet' in category 'calls-inbound'; allowed keys: name, group, parent") !=
          std::string::npos);
    CHECK(error_of("").find("the spec is empty") != std::string::npos);
    CHECK(error_of(replace(valid_spec, "spec_version: 1", "spec_version: 2")).find("unsupported spec_version") !=
          std::string::npos);
}

TEST_CASE("other meaning errors") {
    CHECK(error_of(replace(valid_spec, "{name: sms}", "{name: sms, group: video}")).find("unknown group 'video'") !=
          std::string::npos);
    CHECK(error_of(replace(valid_spec, "min: 1, max: 1000", "min: 10, max: 1")).find("min is greater than max") !=
          std::string::npos);
    CHECK(error_of(replace(valid_spec, "{param: page_size}", "{param: page_sise}"))
              .find("uses unknown parameter 'page_sise'") != std::string::npos);
    CHECK(error_of(replace(valid_spec, "method: GET", "method: PATCH")).find("method must be GET, POST or DELETE") !=
          std::string::npos);
    CHECK(error_of(replace(valid_spec, "name: Recurring", "name: class")).find("not a usable C++ identifier") !=
          std::string::npos);
    CHECK(error_of(replace(valid_spec, "[daily, monthly]", "[daily, Daily]")).find("both map to the C++ identifier") !=
          std::string::npos);
}

TEST_CASE("errors about api values and whole sections point at them (fuzz finding: they said 0:0)") {
    CHECK(error_of(replace(valid_spec, "version: \"2010-04-01\"", "version: \"\"")) ==
          "broken.yaml:3:12: error: api.version is empty");
    CHECK(error_of(replace(valid_spec, "base_url: \"https://", "base_url: \"http://"))
              .find("broken.yaml:4:13: error: api.base_url must start with https://") == 0);
    CHECK(error_of(replace(valid_spec, "/Accounts/{AccountSid}", "/Accounts/{Sid}"))
              .find("broken.yaml:6:17: error: api.account_path must contain {AccountSid}") == 0);
    auto const no_categories = valid_spec.substr(0, valid_spec.find("categories:")) + "categories: []\n";
    CHECK(error_of(no_categories).find("broken.yaml:29:13: error: the spec lists no categories") == 0);
    auto two_totals = replace(valid_spec, "  - {name: sms}",
                              "  - {name: sms, sums_all_prices: true}\n  - {name: mms, sums_all_prices: true}");
    CHECK(error_of(two_totals).find("broken.yaml:33:5: error: category 'mms': only one category") == 0);
}

namespace {

// The generated categories.hpp of `text`.
std::string categories_header(std::string const& text) {
    auto spec = codegen::load_spec_from_string(text, "spec.yaml");
    codegen::validate(spec);
    for (auto const& file : codegen::generate(spec))
        if (file.name == "categories.hpp") return file.content;
    FAIL("no categories.hpp generated");
    return "";
}

}  // namespace

TEST_CASE("short_description: optional, emitted as a sparse table in Category order, never empty") {
    auto const none = categories_header(valid_spec);
    CHECK(none.find("inline constexpr std::array<CategoryShortDescription, 0> category_short_descriptions{};\n") !=
          std::string::npos);
    auto const two = categories_header(
        replace(replace(valid_spec, "{name: sms}", "{name: sms, short_description: \"SMS\"}"), "{name: calls, group: voice}",
                "{name: calls, group: voice, description: \"All voice calls, inbound & outbound.\", "
                "short_description: Total Calls}"));
    CHECK(two.find("inline constexpr std::array<CategoryShortDescription, 2> category_short_descriptions{{\n"
                   "    {Category::calls, \"Total Calls\"},\n"
                   "    {Category::sms, \"SMS\"},\n"
                   "}};\n") != std::string::npos);
    // The long text stays in the rows; the short one is not repeated there.
    CHECK(two.find("{\"calls\", \"All voice calls, inbound & outbound.\", ") != std::string::npos);
    CHECK(two.find("Total Calls") == two.rfind("Total Calls"));
    CHECK(error_of(replace(valid_spec, "{name: sms}", "{name: sms, short_description: \"\"}")) ==
          "broken.yaml:32:36: error: 'short_description' in category 'sms' is empty; leave the key out where "
          "Twilio's short name is not known");
}

TEST_CASE("the real spec gives the short names of the seed's examples") {
    auto spec = codegen::load_spec(SPEC_FILE);
    codegen::validate(spec);
    std::vector<std::pair<std::string, std::string>> shorts;
    for (auto const& c : spec.categories)
        if (!c.short_description.empty()) shorts.emplace_back(c.name, c.short_description);
    CHECK(shorts == std::vector<std::pair<std::string, std::string>>{{"calleridlookups", "Caller ID Lookups"},
                                                                     {"calls", "Total Calls"},
                                                                     {"calls-inbound", "Inbound Calls"},
                                                                     {"shortcodes-customerowned", "Customer Owned ShortCodes"},
                                                                     {"sms-inbound-shortcode", "Inbound ShortCode SMS"}});
}

TEST_CASE("identifiers are derived by one rule") {
    CHECK(codegen::to_identifier("sms-inbound-longcode") == "sms_inbound_longcode");
    CHECK(codegen::to_identifier("delete") == "delete_");
    CHECK(codegen::to_identifier("10dlc-fees") == "n10dlc_fees");
    CHECK(codegen::to_identifier("GET") == "get");
    CHECK(codegen::to_identifier("a..b") == "a_b");
    CHECK(codegen::to_identifier("") == std::nullopt);
    CHECK(codegen::to_identifier("caf\xc3\xa9") == std::nullopt);
}

namespace {

// The first column of a reference list (tests/fixtures/*.tsv), header skipped.
std::vector<std::string> reference_names(std::string const& file) {
    std::ifstream tsv(file);
    REQUIRE_MESSAGE(tsv, "cannot read " << file);
    std::vector<std::string> names;
    std::string line;
    std::getline(tsv, line);
    while (std::getline(tsv, line)) names.push_back(line.substr(0, line.find('\t')));
    return names;
}

}  // namespace

TEST_CASE("the real spec loads, validates and lists every reference category") {
    auto spec = codegen::load_spec(SPEC_FILE);
    codegen::validate(spec);
    auto const in_use = reference_names(FIXTURE_DIR "/usage-categories.tsv");
    auto const retired = reference_names(FIXTURE_DIR "/retired-categories.tsv");
    // Together the lists keep their 646 names when Twilio retires one (its
    // line moves from one list to the other); the spec may add newer ones.
    CHECK(in_use.size() + retired.size() == 646);
    CHECK(spec.categories.size() >= 646);
    auto is_listed = [&](std::string const& name, bool as_retired) {
        for (auto const& c : spec.categories)
            if (c.name == name) return c.retired == as_retired;
        return false;
    };
    for (auto const& name : in_use) CHECK_MESSAGE(is_listed(name, false), name << " missing or marked retired");
    for (auto const& name : retired) CHECK_MESSAGE(is_listed(name, true), name << " missing or not marked retired");
}

TEST_CASE("output is byte-identical on every run and every file has the banner") {
    auto spec = codegen::load_spec(SPEC_FILE);
    codegen::validate(spec);
    auto first = codegen::generate(spec);
    auto again = codegen::load_spec(SPEC_FILE);
    codegen::validate(again);
    auto second = codegen::generate(again);
    REQUIRE(first.size() == second.size());
    for (std::size_t i = 0; i < first.size(); ++i) {
        CHECK(first[i].name == second[i].name);
        CHECK(first[i].content == second[i].content);
        CHECK(first[i].content.rfind("// GENERATED FILE - DO NOT EDIT.\n// Generated by twilio-usage-codegen from spec/usage.yaml.", 0) == 0);
    }
}

TEST_CASE("a broken spec touches no output file; a valid one writes them all") {
    namespace fs = std::filesystem;
    auto dir = fs::temp_directory_path() / ("codegen-test-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir / "out");
    std::ofstream(dir / "out" / "categories.hpp") << "sentinel";
    std::ofstream(dir / "broken.yaml") << replace(valid_spec, "parent: calls}", "parent: nope}");
    std::ostringstream out, err;
    CHECK(codegen::run({"--spec", (dir / "broken.yaml").string(), "--out", (dir / "out").string()}, out, err) == 1);
    CHECK(err.str().find("broken.yaml:31:5: error:") != std::string::npos);
    std::ifstream sentinel(dir / "out" / "categories.hpp");
    std::string kept((std::istreambuf_iterator<char>(sentinel)), {});
    CHECK(kept == "sentinel");
    CHECK(std::distance(fs::directory_iterator(dir / "out"), fs::directory_iterator{}) == 1);

    std::ofstream(dir / "valid.yaml") << valid_spec;
    CHECK(codegen::run({"--spec", (dir / "valid.yaml").string(), "--out", (dir / "out").string()}, out, err) == 0);
    CHECK(std::distance(fs::directory_iterator(dir / "out"), fs::directory_iterator{}) == 6);
    CHECK(codegen::run({"--spec", (dir / "valid.yaml").string(), "--out", (dir / "out").string(), "--check"}, out,
                       err) == 0);
    std::ofstream(dir / "out" / "enums.hpp", std::ios::app) << "// edited by hand\n";
    std::ostringstream report;
    CHECK(codegen::run({"--spec", (dir / "valid.yaml").string(), "--out", (dir / "out").string(), "--check"}, out,
                       report) == 1);
    CHECK(report.str().find("enums.hpp") != std::string::npos);
    CHECK(codegen::run({"--bogus"}, out, err) == 2);
    fs::remove_all(dir);
}
