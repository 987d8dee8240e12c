// Compiles each snippet with the project's compiler and checks the outcome:
// a snippet with `// expect-error: TEXT` lines must fail to compile with
// every TEXT in the diagnostics; a snippet without them must compile.
//
//   compile-fail-runner "<compiler command>" <include dir> <snippet>...
#include <array>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

namespace {

struct Outcome {
    int status = -1;
    std::string output;
};

Outcome compile(std::string const& compiler, std::string const& include, std::string const& file) {
    auto command = compiler + " -std=c++20 -fsyntax-only -I'" + include + "' '" + file + "' 2>&1";
    Outcome o;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe) return o;
    std::array<char, 4096> buf;
    while (auto n = std::fread(buf.data(), 1, buf.size(), pipe)) o.output.append(buf.data(), n);
    o.status = ::pclose(pipe);
    return o;
}

std::vector<std::string> expectations(std::string const& file) {
    std::vector<std::string> out;
    std::ifstream in(file);
    std::string line;
    std::string const tag = "// expect-error: ";
    while (std::getline(in, line))
        if (auto pos = line.find(tag); pos != std::string::npos) out.push_back(line.substr(pos + tag.size()));
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 4) {
        std::cerr << "usage: compile-fail-runner COMPILER INCLUDE_DIR SNIPPET...\n";
        return 2;
    }
    std::string const compiler = argv[1], include = argv[2];
    int passed = 0, failed = 0;
    for (int i = 3; i < argc; ++i) {
        std::string const file = argv[i];
        auto const expected = expectations(file);
        auto const result = compile(compiler, include, file);
        bool ok = true;
        std::string why;
        if (expected.empty()) {
            ok = result.status == 0;
            why = "must compile, but did not";
        } else if (result.status == 0) {
            ok = false;
            why = "must not compile, but did";
        } else {
            for (auto const& text : expected)
                if (result.output.find(text) == std::string::npos) {
                    ok = false;
                    why = "failed without the expected message: " + text;
                }
        }
        if (ok) {
            ++passed;
            std::cout << "ok   " << file << "\n";
        } else {
            ++failed;
            std::cout << "FAIL " << file << ": " << why << "\n" << result.output.substr(0, 3000) << "\n";
        }
    }
    std::cout << passed << " passed, " << failed << " failed\n";
    return failed == 0 ? 0 : 1;
}
