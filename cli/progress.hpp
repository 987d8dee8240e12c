// Progress of a long listing on stderr ("twilio-usage: page 3, 150 records"),
// redrawn in place, only when stderr is a terminal; silent otherwise.
#pragma once

#include <cstddef>

namespace twilio_usage_cli {

class Progress {
public:
    Progress();
    ~Progress();  // clears the line
    Progress(Progress const&) = delete;
    Progress& operator=(Progress const&) = delete;

    void update(std::size_t pages, std::size_t records);
    /// Clears the progress line (before printing anything else to the terminal).
    void clear();
    bool enabled() const noexcept { return enabled_; }

private:
    bool enabled_;
    bool shown_ = false;
};

}  // namespace twilio_usage_cli
