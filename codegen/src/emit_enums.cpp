#include "emit.hpp"

#include <sstream>

namespace codegen {

std::string emit_enums(Spec const& spec) {
    std::ostringstream o;
    o << banner(spec, "The small enums of the API, with their wire names, and their open forms (a known\n// value or a value the spec does not list, as received).");
    o << "#include \"twilio_usage/core/enum_traits.hpp\"\n"
         "#include \"twilio_usage/core/open_enum.hpp\"\n\n"
         "#include <boost/describe/enum.hpp>\n\n"
         "#include <array>\n#include <cstdint>\n#include <string_view>\n\n";
    o << "namespace twilio_usage {\n";
    for (auto const& e : spec.enums) {
        o << "\n" << doc_comment(e.doc, "");
        o << "enum class " << e.name << " : std::uint8_t {";
        for (std::size_t i = 0; i < e.values.size(); ++i)
            o << (i ? ", " : " ") << e.identifiers[i];
        o << " };\n";
        o << "BOOST_DESCRIBE_ENUM(" << e.name;
        for (auto const& id : e.identifiers) o << ", " << id;
        o << ")\n\n";
        o << "template <>\nstruct enum_traits<" << e.name << "> {\n"
          << "    static constexpr std::string_view name = " << literal(e.name) << ";\n"
          << "    static constexpr std::array<std::string_view, " << e.values.size()
          << "> wire_names{";
        for (std::size_t i = 0; i < e.values.size(); ++i)
            o << (i ? ", " : "") << literal(e.values[i]);
        o << "};\n};\n";
        o << "/// " << e.name << " as it comes from the wire: known, or new and kept as sent.\n";
        o << "using Open" << e.name << " = OpenEnum<" << e.name << ">;\n";
    }
    o << "\n}  // namespace twilio_usage\n";
    return o.str();
}

}  // namespace codegen
