#include "emit.hpp"

#include <sstream>

namespace codegen {

namespace {

std::string wire_mask(std::string const& wire_type) {
    std::string out;
    std::size_t start = 0;
    while (true) {
        auto bar = wire_type.find('|', start);
        out += (out.empty() ? "" : " | ") + std::string("wire::") + wire_type.substr(start, bar - start);
        if (bar == std::string::npos) break;
        start = bar + 1;
    }
    return out;
}

}  // namespace

std::string emit_models(Spec const& spec) {
    std::ostringstream o;
    o << banner(spec, "Typed records, triggers, paging envelope, error body and callback.");
    o << "#include \"twilio_usage/core/model_support.hpp\"\n"
         "#include \"twilio_usage/generated/enums.hpp\"\n\n"
         "#include <boost/describe/class.hpp>\n\n"
         "#include <array>\n#include <cstdint>\n#include <optional>\n#include <string>\n\n";
    o << "namespace twilio_usage {\n";
    for (auto const& m : spec.models) {
        o << "\n" << doc_comment(m.doc, "");
        o << "struct " << m.name << " {\n";
        for (auto const& f : m.fields) {
            auto type = cpp_type(spec, f.type);
            o << "    " << (f.nullable ? "std::optional<" + type + ">" : type) << " " << f.name
              << (f.nullable ? "" : "{}") << ";\n";
        }
        o << "\n    friend bool operator==(" << m.name << " const&, " << m.name
          << " const&) = default;\n};\n";
        o << "BOOST_DESCRIBE_STRUCT(" << m.name << ", (), (";
        for (std::size_t i = 0; i < m.fields.size(); ++i) o << (i ? ", " : "") << m.fields[i].name;
        o << "))\n\n";
        o << "template <>\nstruct model_traits<" << m.name << "> {\n";
        o << "    static constexpr std::string_view name = " << literal(m.name) << ";\n";
        o << "    // wire name, value type, wire types accepted, nullable; in member order\n";
        o << "    static constexpr std::array<FieldInfo, " << m.fields.size() << "> fields{{\n";
        for (auto const& f : m.fields)
            o << "        {" << literal(f.wire) << ", " << value_type(spec, f.type) << ", "
              << wire_mask(f.wire_type) << ", " << (f.nullable ? "true" : "false") << "},\n";
        o << "    }};\n};\n";
    }
    o << "\n}  // namespace twilio_usage\n";
    return o.str();
}

}  // namespace codegen
