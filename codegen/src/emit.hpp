// Turns a validated Spec into the text of each generated header.
#pragma once

#include "spec_model.hpp"

#include <string>
#include <vector>

namespace codegen {

struct GeneratedFile {
    std::string name;     // file name inside the output folder
    std::string content;  // full text, banner included
};

std::vector<GeneratedFile> generate(Spec const& spec);

// Pieces shared by the emitters.
std::string banner(Spec const& spec, std::string const& what);
std::string literal(std::string const& text);          // a C++ string literal, escaped
std::string cpp_type(Spec const& spec, std::string const& type);  // spec type -> C++ type
std::string value_type(Spec const& spec, std::string const& type);  // spec type -> ValueType::x
std::string doc_comment(std::string const& text, std::string const& indent);

std::string emit_categories(Spec const& spec);
std::string emit_enums(Spec const& spec);
std::string emit_parameters(Spec const& spec);
std::string emit_queries(Spec const& spec);
std::string emit_models(Spec const& spec);
std::string emit_operations(Spec const& spec);

}  // namespace codegen
