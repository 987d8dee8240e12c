#include "progress.hpp"

#include <unistd.h>

#include <cstdio>

#include "cli.hpp"

namespace twilio_usage_cli {

Progress::Progress() : enabled_(::isatty(STDERR_FILENO) == 1) {}

Progress::~Progress() { clear(); }

void Progress::update(std::size_t pages, std::size_t records) {
    if (!enabled_) return;
    std::fprintf(stderr, "\r\033[K%s: page %zu, %zu records so far", program, pages, records);
    std::fflush(stderr);
    shown_ = true;
}

void Progress::clear() {
    if (!shown_) return;
    std::fputs("\r\033[K", stderr);
    std::fflush(stderr);
    shown_ = false;
}

}  // namespace twilio_usage_cli
