// The one rule that turns a wire name into a C++ identifier.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace codegen {

// Lower-case; '-', '.' and ' ' become '_'; a leading digit gets an 'n'
// prefix; a C++ keyword gets a trailing '_'. Returns nullopt when nothing
// identifier-like is left (empty, or characters outside [A-Za-z0-9_.- ]).
std::optional<std::string> to_identifier(std::string_view wire_name);

bool is_cpp_keyword(std::string_view word);

// True for a valid C++ identifier that is not a keyword and not reserved
// (no leading underscore, no double underscore).
bool is_plain_identifier(std::string_view word);

}  // namespace codegen
