// The README's code blocks are real programs: each block between
// `<!-- NAME: begin ... -->` and `<!-- NAME: end -->` must equal its file in
// examples/, which the build compiles and the tests run.
//
//   readme-sync README.md NAME=examples/FILE.cpp ...
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

namespace {

std::string read(std::string const& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string block(std::string const& readme, std::string const& name) {
    auto begin = readme.find("<!-- " + name + ": begin");
    if (begin == std::string::npos) return {};
    begin = readme.find("```cpp\n", begin);
    auto end = readme.find("```\n<!-- " + name + ": end -->", begin);
    if (begin == std::string::npos || end == std::string::npos) return {};
    begin += 7;
    return readme.substr(begin, end - begin);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) return 2;
    auto const readme = read(argv[1]);
    int passed = 0, failed = 0;
    for (int i = 2; i < argc; ++i) {
        std::string arg = argv[i];
        auto eq = arg.find('=');
        auto name = arg.substr(0, eq), file = arg.substr(eq + 1);
        auto text = block(readme, name);
        if (!text.empty() && text == read(file)) {
            ++passed;
            std::cout << "ok   " << name << " == " << file << "\n";
        } else {
            ++failed;
            std::cout << "FAIL " << name << ": the README block " << (text.empty() ? "is missing" : "differs from")
                      << " " << file << "; edit both together\n";
        }
    }
    std::cout << passed << " passed, " << failed << " failed\n";
    return failed == 0 ? 0 : 1;
}
