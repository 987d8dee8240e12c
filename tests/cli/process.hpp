// Runs the twilio-usage executable as a child process with an explicit
// environment, capturing stdout and stderr, with a timeout.
#pragma once

#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <vector>

namespace cli_test {

struct Output {
    int exit_code = -1;  // -1: killed or timed out
    std::string out;
    std::string err;
};

class Child {
public:
    /// With `stderr_is_terminal`, the child's stderr is a pseudo-terminal.
    Child(std::string const& exe, std::vector<std::string> const& args, std::vector<std::string> const& env,
          bool stderr_is_terminal = false) {
        int out_pipe[2], err_pipe[2];
        if (::pipe(out_pipe) != 0) throw std::runtime_error("pipe failed");
        if (stderr_is_terminal ? ::openpty(&err_pipe[0], &err_pipe[1], nullptr, nullptr, nullptr) != 0
                               : ::pipe(err_pipe) != 0)
            throw std::runtime_error("pipe/openpty failed");
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, out_pipe[1], 1);
        posix_spawn_file_actions_adddup2(&actions, err_pipe[1], 2);
        posix_spawn_file_actions_addclose(&actions, out_pipe[0]);
        posix_spawn_file_actions_addclose(&actions, err_pipe[0]);
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
        std::vector<std::string> argv_s{exe};
        argv_s.insert(argv_s.end(), args.begin(), args.end());
        std::vector<char*> argv, envp;
        for (auto& a : argv_s) argv.push_back(a.data());
        argv.push_back(nullptr);
        std::vector<std::string> env_s = env;
        for (auto& e : env_s) envp.push_back(e.data());
        envp.push_back(nullptr);
        int const rc = ::posix_spawn(&pid_, exe.c_str(), &actions, nullptr, argv.data(), envp.data());
        posix_spawn_file_actions_destroy(&actions);
        ::close(out_pipe[1]);
        ::close(err_pipe[1]);
        out_fd_ = out_pipe[0];
        err_fd_ = err_pipe[0];
        if (rc != 0) {
            ::close(out_fd_);
            ::close(err_fd_);
            throw std::runtime_error("cannot start " + exe);
        }
    }
    ~Child() {
        if (pid_ > 0) {
            ::kill(pid_, SIGKILL);
            int status = 0;
            ::waitpid(pid_, &status, 0);
        }
        if (out_fd_ >= 0) ::close(out_fd_);
        if (err_fd_ >= 0) ::close(err_fd_);
    }
    Child(Child const&) = delete;
    Child& operator=(Child const&) = delete;

    /// Reads until stdout contains `marker` (true) or EOF/timeout (false).
    bool read_until(std::string const& marker, std::chrono::milliseconds timeout) {
        auto const deadline = std::chrono::steady_clock::now() + timeout;
        while (output_.out.find(marker) == std::string::npos) {
            if (!pump(deadline)) return output_.out.find(marker) != std::string::npos;
        }
        return true;
    }

    std::string const& out() const noexcept { return output_.out; }
    void signal(int sig) { ::kill(pid_, sig); }

    /// Reads both pipes to EOF and waits; kills the child after `timeout`.
    Output finish(std::chrono::milliseconds timeout) {
        auto const deadline = std::chrono::steady_clock::now() + timeout;
        while (pump(deadline)) {
        }
        if (out_fd_ >= 0 || err_fd_ >= 0) ::kill(pid_, SIGKILL);  // timed out
        int status = 0;
        ::waitpid(pid_, &status, 0);
        pid_ = -1;
        output_.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        return output_;
    }

private:
    /// One poll round; false at EOF of both pipes or at the deadline.
    bool pump(std::chrono::steady_clock::time_point deadline) {
        if (out_fd_ < 0 && err_fd_ < 0) return false;
        auto const left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) return false;
        pollfd fds[2] = {{out_fd_, POLLIN, 0}, {err_fd_, POLLIN, 0}};
        int const n = ::poll(fds, 2, static_cast<int>(left.count()));
        if (n <= 0) return n == 0 ? false : true;
        for (int i = 0; i < 2; ++i) {
            if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
            char buf[65536];
            ssize_t const got = ::read(fds[i].fd, buf, sizeof buf);
            if (got <= 0) {
                ::close(fds[i].fd);
                (i == 0 ? out_fd_ : err_fd_) = -1;
            } else {
                (i == 0 ? output_.out : output_.err).append(buf, static_cast<std::size_t>(got));
            }
        }
        return true;
    }

    pid_t pid_ = -1;
    int out_fd_ = -1;
    int err_fd_ = -1;
    Output output_;
};

inline Output run(std::string const& exe, std::vector<std::string> const& args,
                  std::vector<std::string> const& env,
                  std::chrono::milliseconds timeout = std::chrono::seconds(20)) {
    Child child(exe, args, env);
    return child.finish(timeout);
}

}  // namespace cli_test
