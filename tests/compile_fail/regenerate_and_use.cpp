// The workflow the README promises: Twilio adds a category, you add it to the
// spec, regenerate with one command, and use it. Done on a copy of include/
// and of the spec, with the real generator and the real compiler.
//
//   regenerate-and-use CODEGEN "COMPILER" SOURCE_ROOT
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

namespace fs = std::filesystem;

namespace {

int sh(std::string const& command) {
    std::cout << "$ " << command << "\n" << std::flush;
    int status = std::system(command.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}

int fail(std::string const& why) {
    std::cout << "FAIL: " << why << "\n0 passed, 1 failed\n";
    return 1;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 4) return fail("usage: regenerate-and-use CODEGEN COMPILER SOURCE_ROOT");
    std::string const codegen = argv[1], compiler = argv[2];
    fs::path const root = argv[3];
    auto const work = fs::temp_directory_path() / ("regenerate-and-use-" + std::to_string(::getpid()));
    fs::remove_all(work);
    fs::create_directories(work / "spec");
    fs::copy(root / "include", work / "include", fs::copy_options::recursive);

    std::ifstream in(root / "spec" / "usage.yaml");
    std::stringstream spec;
    spec << in.rdbuf();
    std::ofstream(work / "spec" / "usage.yaml")
        << spec.str()
        << "  - name: quantum-calls-outbound\n    parent: calls-outbound\n    group: voice\n"
           "    description: \"Outbound calls over the quantum network.\"\n";

    // The categories are the spec's last list, one "  - " entry each; the
    // generated count must be theirs plus the new one.
    std::string const text = spec.str();
    auto const list = text.find("\ncategories:\n");
    if (list == std::string::npos) return fail("no 'categories:' list in the spec");
    std::size_t before = 0;
    for (auto at = text.find("\n  - ", list); at != std::string::npos; at = text.find("\n  - ", at + 1)) ++before;

    auto generated = (work / "include" / "twilio_usage" / "generated").string();
    if (sh("'" + codegen + "' --spec '" + (work / "spec" / "usage.yaml").string() + "' --out '" + generated + "'"))
        return fail("the generator refused the edited spec");

    std::ofstream(work / "use.cpp") << R"(#include "twilio_usage/types.hpp"
using namespace twilio_usage::literals;
static_assert("quantum-calls-outbound"_category == twilio_usage::Category::quantum_calls_outbound);
static_assert(twilio_usage::category_count == )" << before + 1 << R"();
static_assert(twilio_usage::rolls_up_to(twilio_usage::Category::quantum_calls_outbound, twilio_usage::Category::calls));
int main() {
    return twilio_usage::description(twilio_usage::Category::quantum_calls_outbound) ==
                   "Outbound calls over the quantum network."
               ? 0 : 1;
}
)";
    auto exe = (work / "use").string();
    if (sh(compiler + " -std=c++20 -I'" + (work / "include").string() + "' '" + (work / "use.cpp").string() +
           "' -o '" + exe + "'"))
        return fail("a program using the new category did not compile");
    if (sh("'" + exe + "'")) return fail("the new category's description is wrong");
    fs::remove_all(work);
    std::cout << "1 passed, 0 failed\n";
    return 0;
}
