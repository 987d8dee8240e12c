#include "output.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace codegen {

namespace {

bool read_file(std::filesystem::path const& path, std::string& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::ostringstream buf;
    buf << in.rdbuf();
    out = buf.str();
    return true;
}

int first_different_line(std::string const& a, std::string const& b) {
    int line = 1;
    for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) {
        if (a[i] != b[i]) return line;
        if (a[i] == '\n') ++line;
    }
    return line;
}

}  // namespace

int write_files(std::string const& dir, std::vector<GeneratedFile> const& files) {
    namespace fs = std::filesystem;
    fs::create_directories(dir);
    int changed = 0;
    for (auto const& f : files) {
        auto path = fs::path(dir) / f.name;
        std::string existing;
        if (read_file(path, existing) && existing == f.content) continue;
        auto tmp = path;
        tmp += ".tmp";
        {
            std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
            out << f.content;
            out.close();
            if (!out) throw std::runtime_error("cannot write " + tmp.string());
        }
        fs::rename(tmp, path);
        ++changed;
    }
    return changed;
}

bool check_files(std::string const& dir, std::vector<GeneratedFile> const& files, std::ostream& report) {
    bool same = true;
    for (auto const& f : files) {
        auto path = std::filesystem::path(dir) / f.name;
        std::string existing;
        if (!read_file(path, existing)) {
            report << path.string() << ": missing; run `meson compile -C build regenerate`\n";
            same = false;
        } else if (existing != f.content) {
            report << path.string() << ":" << first_different_line(existing, f.content)
                   << ": differs from what the spec generates; run `meson compile -C build regenerate`"
                      " (and do not edit generated files by hand)\n";
            same = false;
        }
    }
    return same;
}

}  // namespace codegen
