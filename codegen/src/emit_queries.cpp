#include "emit.hpp"

#include <map>
#include <sstream>

namespace codegen {

namespace {

std::string bit_of(Spec const& spec, std::string const& param) {
    for (std::size_t i = 0; i < spec.params.size(); ++i)
        if (spec.params[i].name == param) return "(1u << " + std::to_string(i) + ")";
    return "0u";
}

std::string mask_of(Spec const& spec, QuerySpec const& q, bool required_only) {
    std::string out;
    for (auto const& r : q.params) {
        if (required_only && !r.required) continue;
        out += (out.empty() ? "" : " | ") + bit_of(spec, r.param);
    }
    return out.empty() ? "0u" : out;
}

}  // namespace

std::string emit_queries(Spec const& spec) {
    std::ostringstream o;
    o << banner(spec, "Typed query builders and the compile-time rules of each query.");
    o << "#include \"twilio_usage/core/query_builder.hpp\"\n"
         "#include \"twilio_usage/generated/parameters.hpp\"\n\n"
         "#include <array>\n#include <cstdint>\n#include <string_view>\n\n";
    o << "namespace twilio_usage {\n\nnamespace detail {\n";
    for (auto const& q : spec.queries) {
        std::string takes;
        for (auto const& r : q.params) takes += (takes.empty() ? "" : ", ") + r.param + "()";
        std::map<std::string, std::string> hints;
        for (auto const& h : q.hints) hints[h.param] = h.text;

        o << "\nstruct " << q.name << "Rules {\n";
        o << "    static constexpr std::string_view name = " << literal(q.name) << ";\n";
        o << "    static constexpr QueryEncoding encoding = QueryEncoding::" << q.encoding << ";\n";
        o << "    static constexpr std::array<Param, " << q.params.size() << "> params{";
        for (std::size_t i = 0; i < q.params.size(); ++i)
            o << (i ? ", " : "") << "Param::" << q.params[i].param;
        o << "};\n";
        o << "    static constexpr std::uint32_t accepted = " << mask_of(spec, q, false) << ";\n";
        o << "    static constexpr std::uint32_t required = " << mask_of(spec, q, true) << ";\n\n";

        o << "    template <Param P>\n    static constexpr void check_accepts() {\n";
        bool first = true;
        for (auto const& p : spec.params) {
            bool accepted = false;
            for (auto const& r : q.params) accepted = accepted || r.param == p.name;
            if (accepted) continue;
            auto it = hints.find(p.name);
            auto message = q.name + " does not take " + p.name + "(): " +
                           (it != hints.end() ? it->second : "it takes " + takes);
            o << "        " << (first ? "if" : "else if") << " constexpr (P == Param::" << p.name
              << ")\n            static_assert(always_false<P>, " << literal(message) << ");\n";
            first = false;
        }
        o << "    }\n\n";

        o << "    template <std::uint32_t Mask>\n    static constexpr void check_complete() {\n";
        for (auto const& r : q.params) {
            if (!r.required) continue;
            o << "        static_assert((Mask & " << bit_of(spec, r.param) << ") != 0, "
              << literal(q.name + " needs " + r.param + "(): add ." + r.param +
                         "(...) before sending it")
              << ");\n";
        }
        o << "    }\n};\n";
    }
    o << "\n}  // namespace detail\n\n";
    for (auto const& q : spec.queries) {
        o << doc_comment(q.doc, "");
        o << "using " << q.name << " = QueryBuilder<detail::" << q.name << "Rules>;\n";
    }
    o << "\n}  // namespace twilio_usage\n";
    return o.str();
}

}  // namespace codegen
