// Puts generated files on disk only when every one of them was produced,
// and compares them against what is on disk for the up-to-date check.
#pragma once

#include "emit.hpp"

#include <ostream>
#include <string>
#include <vector>

namespace codegen {

// Writes each file through a temporary and a rename, and leaves files whose
// content is already identical untouched (so builds do not redo work).
// Returns the number of files that changed.
int write_files(std::string const& dir, std::vector<GeneratedFile> const& files);

// True when every file on disk equals the generated text; otherwise tells
// `report` which files differ and where.
bool check_files(std::string const& dir, std::vector<GeneratedFile> const& files, std::ostream& report);

}  // namespace codegen
