// Threads sharing one client: up to ClientOptions::max_connections requests
// run at once, each on a kept-alive connection of its own, and no more; a
// failed exchange does not leave a broken connection in the pool.
#include "servers.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

using namespace twilio_usage;
using namespace test_support;
using namespace std::chrono_literals;

namespace {

/// A server that counts the requests it holds at once and the connections
/// they came on. Each request is held until as many are in flight as the
/// client may run (or all that are left), and then a little longer, so that
/// one more than the limit would be seen.
struct CountingServer {
    explicit CountingServer(std::size_t limit, int total) : limit(limit), total(total) {
        local.server.set_keep_alive_max_count(1000);  // httplib closes after 5 requests by default
        local.server.Get(".*", [this](httplib::Request const& req, httplib::Response& res) {
            {
                std::unique_lock lock(mutex);
                most = std::max(most, ++in_flight);
                ports.insert(req.remote_port);
                arrived.notify_all();
                arrived.wait_for(lock, 5s, [&] {
                    int const left = this->total - served;
                    return in_flight >= std::min(static_cast<int>(this->limit), left);
                });
            }
            std::this_thread::sleep_for(50ms);
            {
                std::lock_guard lock(mutex);
                --in_flight;
                ++served;
            }
            res.set_content(page_json(1, 1, ""), "application/json");
        });
        local.start();
    }

    std::size_t limit;
    int total;
    LocalServer local;
    std::mutex mutex;
    std::condition_variable arrived;
    int in_flight = 0, most = 0, served = 0;
    std::set<int> ports;  // the client side of each connection
};

}  // namespace

TEST_CASE("threads sharing a client run max_connections requests at once, each on a kept-alive connection") {
    constexpr int threads = 4, each = 3;
    for (std::size_t limit : {std::size_t{1}, std::size_t{3}, std::size_t{4}}) {
        CAPTURE(limit);
        CountingServer server(limit, threads * each);
        ClientOptions options;
        options.max_connections = limit;
        options.request_timeout = 20s;
        Client const client = local_client(server.local.base_url(), options);
        std::atomic<int> ok{0};
        {
            std::vector<std::thread> pool;
            for (int t = 0; t < threads; ++t)
                pool.emplace_back([&] {
                    for (int i = 0; i < each; ++i) ok += client.records().today().try_fetch_page().has_value();
                });
            for (auto& th : pool) th.join();
        }
        std::lock_guard lock(server.mutex);
        CHECK(ok == threads * each);
        CHECK(server.served == threads * each);
        CHECK(server.most == static_cast<int>(limit));          // the limit reached, never passed
        CHECK(server.ports.size() == limit);                    // and its connections reused
    }
}

TEST_CASE("max_connections 0 counts as 1; clients made by for_account share the connections") {
    CountingServer server(1, 6);
    ClientOptions options;
    options.max_connections = 0;
    Client const client = local_client(server.local.base_url(), options);
    Client const other = client.for_account("AC00000000000000000000000000000001");
    std::atomic<int> ok{0};
    {
        std::vector<std::thread> pool;
        for (Client const* c : {&client, &other, &client})
            pool.emplace_back([&ok, c] {
                for (int i = 0; i < 2; ++i) ok += c->records().today().try_fetch_page().has_value();
            });
        for (auto& th : pool) th.join();
    }
    std::lock_guard lock(server.mutex);
    CHECK(ok == 6);
    CHECK(server.most == 1);
    CHECK(server.ports.size() == 1);
}

TEST_CASE("after a failed exchange the next request gets a fresh connection and succeeds") {
    // Every other request gets a body cut short of its Content-Length.
    std::atomic<int> requests{0};
    RawServer raw(
        [&](int fd, std::atomic<bool> const& stop) {
            for (;;) {
                std::string head = read_head(fd);
                if (head.empty() || stop) return;
                std::string const body = page_json(1, 1, "");
                if (requests++ % 2 == 1) {
                    write_all(fd, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
                                      std::to_string(body.size()) + "\r\n\r\n" + body.substr(0, body.size() / 2));
                    return;  // and close
                }
                write_all(fd, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
                                  std::to_string(body.size()) + "\r\n\r\n" + body);
            }
        },
        RawServer::Serving::concurrently);
    ClientOptions options;
    options.max_connections = 2;
    Client const client = local_client(raw.base_url(), options);
    int good = 0, failed = 0;
    for (int i = 0; i < 6; ++i) (client.records().today().try_fetch_page() ? good : failed)++;
    CHECK(good == 3);
    CHECK(failed == 3);
    CHECK(requests == 6);
    CHECK(raw.connections == 3);  // a new connection after each failure, and only then
}
