// Errors about the spec, reported as "file:line:column: error: what; fix".
#pragma once

#include "spec_model.hpp"

#include <stdexcept>
#include <string>

namespace codegen {

class SpecError : public std::runtime_error {
public:
    SpecError(std::string const& file, Location where, std::string const& what)
        : std::runtime_error(file + ":" + std::to_string(where.line) + ":" +
                             std::to_string(where.column) + ": error: " + what) {}
};

}  // namespace codegen
