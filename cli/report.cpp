#include <iostream>
#include <string>
#include <twilio_usage/core/error.hpp>

#include "cli.hpp"

namespace twilio_usage_cli {

namespace {

/// One line: no newline inside a message reaches the terminal.
std::string one_line(std::string s) {
    for (char& c : s)
        if (c == '\n' || c == '\r') c = ' ';
    return s;
}

}  // namespace

int run_reporting_failures(std::function<int()> const& command) {
    try {
        int const code = command();
        std::cout.flush();
        return code;
    } catch (UsageError const& e) {
        std::cout.flush();
        std::cerr << program << ": " << one_line(e.what()) << "\n";
        return exit_usage;
    } catch (twilio_usage::Exception const& e) {
        std::cout.flush();
        auto const& error = e.error();
        std::cerr << program << ": " << one_line(error.to_string()) << "\n";
        return error.kind == twilio_usage::ErrorKind::invalid_request ? exit_usage : exit_failure;
    } catch (std::exception const& e) {
        std::cout.flush();
        std::cerr << program << ": " << one_line(e.what()) << "\n";
        return exit_failure;
    }
}

}  // namespace twilio_usage_cli
