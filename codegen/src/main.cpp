// twilio-usage-codegen: reads spec/usage.yaml, validates it, and writes the
// generated headers. Nothing is written unless the whole spec is valid.
//
//   twilio-usage-codegen --spec spec/usage.yaml --out include/twilio_usage/generated
//   twilio-usage-codegen --spec spec/usage.yaml --out include/twilio_usage/generated --check
#include "diagnostics.hpp"
#include "emit.hpp"
#include "output.hpp"
#include "spec_loader.hpp"
#include "validate.hpp"

#include <exception>
#include <iostream>
#include <string>
#include <string_view>

namespace {

constexpr std::string_view usage =
    "usage: twilio-usage-codegen --spec FILE --out DIR [--check]\n"
    "  --spec FILE  the YAML spec (spec/usage.yaml)\n"
    "  --out DIR    folder of the generated headers (include/twilio_usage/generated)\n"
    "  --check      write nothing; exit 1 if the files in DIR differ from what FILE generates\n";

}  // namespace

int main(int argc, char** argv) {
    std::string spec_path, out_dir;
    bool check = false;
    for (int i = 1; i < argc; ++i) {
        std::string_view arg = argv[i];
        if (arg == "--spec" && i + 1 < argc) {
            spec_path = argv[++i];
        } else if (arg == "--out" && i + 1 < argc) {
            out_dir = argv[++i];
        } else if (arg == "--check") {
            check = true;
        } else if (arg == "--help" || arg == "-h") {
            std::cout << usage;
            return 0;
        } else {
            std::cerr << "twilio-usage-codegen: unknown argument '" << arg << "'\n" << usage;
            return 2;
        }
    }
    if (spec_path.empty() || out_dir.empty()) {
        std::cerr << "twilio-usage-codegen: --spec and --out are required\n" << usage;
        return 2;
    }
    try {
        auto spec = codegen::load_spec(spec_path);
        codegen::validate(spec);
        auto files = codegen::generate(spec);
        if (check) {
            if (!codegen::check_files(out_dir, files, std::cerr)) return 1;
            std::cout << "generated headers in " << out_dir << " are up to date with " << spec_path << "\n";
            return 0;
        }
        auto changed = codegen::write_files(out_dir, files);
        std::cout << "twilio-usage-codegen: " << spec.categories.size() << " categories, "
                  << files.size() << " headers in " << out_dir << " (" << changed << " changed)\n";
        return 0;
    } catch (codegen::SpecError const& e) {
        std::cerr << e.what() << "\n";
        return 1;
    } catch (std::exception const& e) {
        std::cerr << "twilio-usage-codegen: " << e.what() << "\n";
        return 1;
    }
}
