// The generator's command line; main.cpp only forwards to run().
#include "diagnostics.hpp"
#include "emit.hpp"
#include "output.hpp"
#include "spec_loader.hpp"
#include "validate.hpp"
#include "cli.hpp"

#include <exception>
#include <iostream>
#include <string>
#include <string_view>

namespace codegen {

namespace {

constexpr std::string_view usage =
    "usage: twilio-usage-codegen --spec FILE --out DIR [--check]\n"
    "  --spec FILE  the YAML spec (spec/usage.yaml)\n"
    "  --out DIR    folder of the generated headers (include/twilio_usage/generated)\n"
    "  --check      write nothing; exit 1 if the files in DIR differ from what FILE generates\n";

}  // namespace

int run(std::vector<std::string> const& args, std::ostream& out, std::ostream& err) {
    std::string spec_path, out_dir;
    bool check = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string_view arg = args[i];
        if (arg == "--spec" && i + 1 < args.size()) {
            spec_path = args[++i];
        } else if (arg == "--out" && i + 1 < args.size()) {
            out_dir = args[++i];
        } else if (arg == "--check") {
            check = true;
        } else if (arg == "--help" || arg == "-h") {
            out << usage;
            return 0;
        } else {
            err << "twilio-usage-codegen: unknown argument '" << arg << "'\n" << usage;
            return 2;
        }
    }
    if (spec_path.empty() || out_dir.empty()) {
        err << "twilio-usage-codegen: --spec and --out are required\n" << usage;
        return 2;
    }
    try {
        auto spec = load_spec(spec_path);
        validate(spec);
        auto files = generate(spec);
        if (check) {
            if (!check_files(out_dir, files, err)) return 1;
            out << "generated headers in " << out_dir << " are up to date with " << spec_path << "\n";
            return 0;
        }
        auto changed = write_files(out_dir, files);
        out << "twilio-usage-codegen: " << spec.categories.size() << " categories, "
                  << files.size() << " headers in " << out_dir << " (" << changed << " changed)\n";
        return 0;
    } catch (SpecError const& e) {
        err << e.what() << "\n";
        return 1;
    } catch (std::exception const& e) {
        err << "twilio-usage-codegen: " << e.what() << "\n";
        return 1;
    }
}

}  // namespace codegen
