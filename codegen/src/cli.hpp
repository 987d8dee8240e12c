// The generator's command line, callable from tests.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace codegen {

// Exit status: 0 done, 1 spec invalid or output differs (--check), 2 usage error.
int run(std::vector<std::string> const& args, std::ostream& out, std::ostream& err);

}  // namespace codegen
