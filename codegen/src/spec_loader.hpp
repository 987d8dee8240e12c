// Reads spec/usage.yaml into a Spec: shape only (keys, scalar types). Meaning
// is checked afterwards by validate().
#pragma once

#include "spec_model.hpp"

#include <string>

namespace codegen {

// Throws SpecError naming file, line and column.
Spec load_spec(std::string const& path);
Spec load_spec_from_string(std::string const& text, std::string const& source_name);

}  // namespace codegen
