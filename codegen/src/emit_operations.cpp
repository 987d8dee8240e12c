#include "emit.hpp"
#include "identifiers.hpp"

#include <sstream>

namespace codegen {

std::string emit_operations(Spec const& spec) {
    std::ostringstream o;
    o << banner(spec, "API constants and every HTTP operation: method, path, success status.");
    o << "#include \"twilio_usage/core/operation_types.hpp\"\n\n"
         "#include <array>\n#include <cstdint>\n#include <string_view>\n\n";
    o << "namespace twilio_usage {\n\nnamespace api {\n";
    auto const& a = spec.api;
    o << "inline constexpr std::string_view version = " << literal(a.version) << ";\n";
    o << "inline constexpr std::string_view base_url = " << literal(a.base_url) << ";\n";
    o << "inline constexpr std::string_view regional_host = " << literal(a.regional_host) << ";\n";
    o << "inline constexpr std::string_view account_path = " << literal(a.account_path) << ";\n";
    o << "inline constexpr std::string_view account_sid_pattern = " << literal(a.account_sid_pattern) << ";\n";
    o << "inline constexpr std::string_view trigger_sid_pattern = " << literal(a.trigger_sid_pattern) << ";\n";
    o << "}  // namespace api\n\n";

    o << "/// Every HTTP operation of the spec.\n";
    o << "enum class Operation : std::uint8_t {\n";
    for (auto const& op : spec.operations) o << "    " << op.name << ",  // " << op.doc << "\n";
    o << "};\n\n";
    o << "inline constexpr std::size_t operation_count = " << spec.operations.size() << ";\n\n";
    o << "// name, method, path below api::account_path, success status, response, item model,\n"
         "// list key, period, subresource key, XML element name, query or body\n";
    o << "inline constexpr std::array<OperationInfo, operation_count> operation_table{{\n";
    for (auto const& op : spec.operations) {
        auto period = op.period.empty() ? std::string("none") : op.period;
        auto input = !op.query.empty() ? op.query : op.body;
        o << "    {" << literal(op.name) << ", HttpMethod::" << *to_identifier(op.method) << ", " << literal(op.path)
          << ", " << op.success << ", ResponseShape::" << op.response << ", " << literal(op.item)
          << ", " << literal(op.list_key) << ", RecordPeriod::" << period << ", "
          << literal(op.subresource_key) << ", " << literal(op.xml_name) << ", " << literal(input)
          << "},\n";
    }
    o << "}};\n\n";
    o << "constexpr OperationInfo const& info(Operation op) noexcept {\n"
         "    return operation_table[static_cast<std::size_t>(op)];\n}\n";
    o << "\n}  // namespace twilio_usage\n";
    return o.str();
}

}  // namespace codegen
