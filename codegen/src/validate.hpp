// Checks the meaning of a loaded spec and derives the C++ identifiers.
// Nothing is written unless this passes.
#pragma once

#include "spec_model.hpp"

namespace codegen {

// Throws SpecError at the first problem, naming where it is and what to fix.
void validate(Spec& spec);

// Types a parameter or field may name besides enums and models.
bool is_builtin_type(std::string const& type);

}  // namespace codegen
