// The seed's documented responses in tests/fixtures, read whole.
#pragma once

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>

namespace test_support {

inline std::string fixture(char const* name) {
    std::ifstream in(std::string(FIXTURE_DIR) + "/" + name, std::ios::binary);
    REQUIRE_MESSAGE(in, name);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace test_support
