#include "emit.hpp"

#include <sstream>

namespace codegen {

std::string emit_parameters(Spec const& spec) {
    std::ostringstream o;
    o << banner(spec, "Request parameters: their wire names, limits, storage and setters.");
    o << "#include \"twilio_usage/core/param_types.hpp\"\n"
         "#include \"twilio_usage/generated/enums.hpp\"\n\n"
         "#include <boost/describe/class.hpp>\n\n"
         "#include <array>\n#include <cstdint>\n#include <optional>\n#include <string>\n"
         "#include <string_view>\n#include <utility>\n\n";
    o << "namespace twilio_usage {\n\n";
    o << "/// Every request parameter of the spec.\n";
    o << "enum class Param : std::uint8_t {";
    for (std::size_t i = 0; i < spec.params.size(); ++i) o << (i ? ", " : " ") << spec.params[i].name;
    o << " };\n\n";
    o << "inline constexpr std::size_t param_count = " << spec.params.size() << ";\n\n";

    o << "// name, wire name, type, minimum, maximum, maximum length (0: none)\n";
    o << "inline constexpr std::array<ParamInfo, param_count> param_table{{\n";
    for (auto const& p : spec.params) {
        o << "    {" << literal(p.name) << ", " << literal(p.wire) << ", "
          << value_type(spec, p.type) << ", " << (p.min ? std::to_string(*p.min) : "0") << ", "
          << (p.max ? std::to_string(*p.max) : "0") << ", " << (p.min || p.max ? "true" : "false")
          << ", " << (p.max_length ? std::to_string(*p.max_length) : "0") << "},\n";
    }
    o << "}};\n\n";

    o << "/// Storage for every parameter; a query builder fills the ones its query takes.\n";
    o << "struct ParamValues {\n";
    for (auto const& p : spec.params)
        o << "    std::optional<" << cpp_type(spec, p.type) << "> " << p.name << ";\n";
    o << "};\n";
    o << "BOOST_DESCRIBE_STRUCT(ParamValues, (), (";
    for (std::size_t i = 0; i < spec.params.size(); ++i) o << (i ? ", " : "") << spec.params[i].name;
    o << "))\n\n";

    o << "namespace detail {\n\n";
    o << "// One setter per parameter. Which ones a builder may call, and only once,\n"
         "// is checked by the builder at compile time.\n";
    o << "template <class Builder>\nclass ParamSetters {\npublic:\n";
    for (auto const& p : spec.params) {
        o << doc_comment(p.doc, "    ");
        o << "    [[nodiscard]] auto " << p.name << "(" << cpp_type(spec, p.type)
          << " value) const {\n"
          << "        Builder::template check_settable<Param::" << p.name << ">();\n"
          << "        static_assert(!Builder::template is_set<Param::" << p.name << ">, "
          << literal(p.name + "() is already set on this query: set each parameter once") << ");\n"
          << "        return self().template with<Param::" << p.name << ">(&ParamValues::" << p.name
          << ", std::move(value));\n"
          << "    }\n";
    }
    o << "\nprivate:\n    Builder const& self() const { return static_cast<Builder const&>(*this); }\n";
    o << "};\n\n}  // namespace detail\n\n}  // namespace twilio_usage\n";
    return o.str();
}

}  // namespace codegen
