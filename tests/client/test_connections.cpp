// Threads sharing one client: up to ClientOptions::max_connections requests
// run at once, each on a kept-alive connection of its own, and no more; a
// failed exchange does not leave a broken connection in the pool.
#include "servers.hpp"
#include "twilio_usage/client/httplib_transport.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdint>
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
                write_all(fd, http_response(200, body));
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

// What a server's idle timeout does when it fires just as a request goes
// out, after the client looked at the connection: the request arrives on a
// kept-alive connection, which is then closed unanswered. Here every
// connection's second request meets that.
TEST_CASE("a GET that a kept-alive connection drops unanswered is sent once more, on a new connection") {
    std::atomic<int> requests{0};
    std::atomic<int> posts{0};
    std::atomic<bool> answer_only_the_first{false};  // of all, not of each connection
    RawServer raw(
        [&](int fd, std::atomic<bool> const& stop) {
            for (int on_this_connection = 0;; ++on_this_connection) {
                std::string const head = read_head(fd);
                if (head.empty() || stop) return;
                int const n = ++requests;
                if (head.starts_with("POST ")) ++posts;
                if (on_this_connection == 1 || (answer_only_the_first && n > 1))
                    return;  // and close, unanswered
                std::string const body = page_json(1, 1, "");
                write_all(fd, http_response(200, body));
            }
        },
        RawServer::Serving::concurrently);
    Client const client = local_client(raw.base_url());
    auto const& transport = dynamic_cast<HttplibTransport const&>(client.transport());
    // Requests the server read, connections it accepted, GETs the transport sent again.
    auto check_counts = [&](int want_requests, int want_connections, std::uint64_t want_resent) {
        CHECK(requests == want_requests);
        CHECK(raw.connections == want_connections);
        CHECK(transport.resent_requests() == want_resent);
    };

    SUBCASE("GET: answered") {
        for (int i = 0; i < 3; ++i) {
            CAPTURE(i);
            auto page = client.records().today().try_fetch_page();
            REQUIRE(page.has_value());
            CHECK(page->items.size() == 1);
        }
        check_counts(5, 3, 2);  // the second and third sent twice, each time on a new connection
    }
    SUBCASE("GET: sent twice at most") {
        // The second sending goes out on a new connection, where a failure
        // is the server's answer: it stands.
        answer_only_the_first = true;
        REQUIRE(client.records().today().try_fetch_page().has_value());
        auto page = client.records().today().try_fetch_page();
        REQUIRE_FALSE(page.has_value());
        CHECK(page.error().kind == ErrorKind::transport);
        check_counts(3, 2, 1);
    }
    SUBCASE("GET on a new connection: not sent again") {
        // Dropped on a connection made for it: that is the server's answer.
        answer_only_the_first = true;
        requests = 1;  // so that the first request is dropped too
        auto page = client.records().today().try_fetch_page();
        REQUIRE_FALSE(page.has_value());
        CHECK(page.error().kind == ErrorKind::transport);
        check_counts(2, 1, 0);
    }
    SUBCASE("POST: not sent again") {
        REQUIRE(client.records().today().try_fetch_page().has_value());
        auto created = client.triggers().try_create(TriggerCreate{}
                                                        .callback_url("http://example.com/hook")
                                                        .trigger_value("+1000")
                                                        .usage_category(Category::sms));
        REQUIRE_FALSE(created.has_value());
        CHECK(created.error().kind == ErrorKind::transport);
        CHECK(posts == 1);
        check_counts(2, 1, 0);
    }
}
