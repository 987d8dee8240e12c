#include "identifiers.hpp"

#include <algorithm>
#include <iterator>

namespace codegen {

namespace {
constexpr std::string_view keywords[] = {
    "alignas", "alignof", "and", "and_eq", "asm", "atomic_cancel", "atomic_commit",
    "atomic_noexcept", "auto", "bitand", "bitor", "bool", "break", "case", "catch", "char",
    "char8_t", "char16_t", "char32_t", "class", "compl", "concept", "const", "consteval",
    "constexpr", "constinit", "const_cast", "continue", "co_await", "co_return", "co_yield",
    "decltype", "default", "delete", "do", "double", "dynamic_cast", "else", "enum",
    "explicit", "export", "extern", "false", "float", "for", "friend", "goto", "if", "inline",
    "int", "long", "mutable", "namespace", "new", "noexcept", "not", "not_eq", "nullptr",
    "operator", "or", "or_eq", "private", "protected", "public", "reflexpr", "register",
    "reinterpret_cast", "requires", "return", "short", "signed", "sizeof", "static",
    "static_assert", "static_cast", "struct", "switch", "synchronized", "template", "this",
    "thread_local", "throw", "true", "try", "typedef", "typeid", "typename", "union",
    "unsigned", "using", "virtual", "void", "volatile", "wchar_t", "while", "xor", "xor_eq",
};
}  // namespace

bool is_cpp_keyword(std::string_view word) {
    return std::find(std::begin(keywords), std::end(keywords), word) != std::end(keywords);
}

std::optional<std::string> to_identifier(std::string_view wire_name) {
    std::string out;
    out.reserve(wire_name.size() + 2);
    for (char c : wire_name) {
        if (c >= 'A' && c <= 'Z') {
            out += static_cast<char>(c - 'A' + 'a');
        } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_') {
            out += c;
        } else if (c == '-' || c == '.' || c == ' ') {
            out += '_';
        } else {
            return std::nullopt;
        }
    }
    if (out.empty() || std::all_of(out.begin(), out.end(), [](char c) { return c == '_'; }))
        return std::nullopt;
    if (out.front() >= '0' && out.front() <= '9') out.insert(out.begin(), 'n');
    // Reserved forms (leading underscore, double underscore) are folded away.
    while (!out.empty() && out.front() == '_') out.erase(out.begin());
    for (auto pos = out.find("__"); pos != std::string::npos; pos = out.find("__"))
        out.erase(pos, 1);
    if (is_cpp_keyword(out)) out += '_';
    return out;
}

bool is_plain_identifier(std::string_view word) {
    if (word.empty() || is_cpp_keyword(word)) return false;
    if (word.front() == '_' || (word.front() >= '0' && word.front() <= '9')) return false;
    if (word.find("__") != std::string_view::npos) return false;
    return std::all_of(word.begin(), word.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '_';
    });
}

}  // namespace codegen
