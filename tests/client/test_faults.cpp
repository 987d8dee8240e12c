// Faults on the wire, over loopback: servers that cut a body off, send more
// than they declare, trickle headers or body past the deadline, answer too
// late, send gigabytes (chunked, with a huge Content-Length, until close, as
// headers), send what is not HTTP, invalid UTF-8 or 100k-deep JSON, loop
// their next_page_uri, or answer 429 forever. Each case checks the exact
// error, an upper bound on the time it took, and that no broken page was
// yielded as if it were whole. Then the emulator under a burst of concurrent
// clients, and the secrets: across every failure, neither the auth token nor
// an API key secret (nor the Authorization value) appears anywhere.
#include "fault_servers.hpp"
#include "twilio_usage/client/httplib_transport.hpp"
#include "twilio_usage/testing/emulator.hpp"

#include <doctest/doctest.h>

#include <malloc.h>

#include <cmath>
#include <set>

using namespace twilio_usage;
using namespace test_support;
using namespace std::chrono_literals;

namespace {

using ms = std::chrono::milliseconds;

ms since(Clock::time_point t) { return std::chrono::duration_cast<ms>(Clock::now() - t); }

/// Every string the client showed in the failure cases (errors, exception
/// texts, retry events, to_string()), for the secrets test.
struct Shown {
    std::vector<std::string> strings;
    void add(Error const& e) {
        strings.push_back(e.to_string());
        strings.push_back(e.message + "|" + e.field + "|" + e.found + "|" + e.more_info);
        std::ostringstream os;
        os << e;
        strings.push_back(os.str());
    }
    void add(std::string s) { strings.push_back(std::move(s)); }
};

Shown& shown() {
    static Shown s;
    return s;
}

/// The credentials a run uses: the test's own token, or recognisable ones.
struct Creds {
    std::string name;
    Credentials credentials;
};

Creds token_creds() { return {"auth token", Credentials::from_auth_token(account_sid, auth_token)}; }

Client make_client(std::string const& base_url, ClientOptions options, Credentials const& c) {
    options.base_url = base_url;
    return Client(c, std::move(options));
}

/// What iterating a listing with results() gave.
struct Outcome {
    std::vector<std::string> items;  // descriptions, in order
    std::optional<Error> error;      // the error element
    int after_error = 0;             // elements after the error (must be 0)
    ms took{};
};

Outcome read_results(Client const& client) {
    Outcome o;
    auto const start = Clock::now();
    for (Result<UsageRecord> const& r : client.records().today().results()) {
        if (o.error) ++o.after_error;
        else if (r) o.items.push_back(r->description.value_or("?"));
        else o.error = r.error();
    }
    o.took = since(start);
    if (o.error) shown().add(*o.error);
    return o;
}

/// pages(): the item counts of the whole pages, and the error, if any.
std::pair<std::vector<std::size_t>, std::optional<Error>> read_pages(Client const& client) {
    std::vector<std::size_t> sizes;
    std::optional<Error> error;
    for (Result<Page<UsageRecord>> const& p : client.records().today().pages()) {
        REQUIRE_FALSE(error);  // nothing after an error
        if (p) sizes.push_back(p->items.size());
        else error = p.error();
    }
    if (error) shown().add(*error);
    return {sizes, error};
}

/// The throwing form: items seen before the Exception, and its error.
std::pair<int, std::optional<Error>> read_throwing(Client const& client) {
    int items = 0;
    try {
        for (UsageRecord const& r : client.records().today()) {
            (void)r;
            ++items;
        }
    } catch (Exception const& e) {
        shown().add(e.what());
        shown().add(e.error());
        return {items, e.error()};
    }
    return {items, std::nullopt};
}

/// One fault and what it must give.
struct FaultCase {
    std::string name;
    std::function<Responder()> make;
    std::function<void(ClientOptions&)> tune;
    ErrorKind kind;
    TransportFailure transport = TransportFailure::none;
    int status = 0;
    std::string says;           // part of the message
    std::string field;          // decode errors: the field named (prefix)
    ms within{};                // upper bound on the time the failing request takes
    ms at_least{0};             // lower bound (the deadline cases: not failing early)
};

ClientOptions with_timeouts(ms read, ms request) {
    ClientOptions o;
    o.connect_timeout = 2s;
    o.read_timeout = read;
    o.request_timeout = request;
    return o;
}

std::vector<FaultCase> fault_cases() {
    auto timeouts = [](ms read, ms request) {
        return [read, request](ClientOptions& o) {
            o.read_timeout = read;
            o.request_timeout = request;
        };
    };
    auto small_limit = [](ClientOptions& o) {
        o.read_timeout = 2s;
        o.request_timeout = 3s;
        o.max_response_bytes = 1u << 20;
    };
    std::vector<FaultCase> all;
    all.push_back({"body shorter than its Content-Length, then close", [] { return faults::cut_off_body(); },
                   timeouts(2s, 3s), ErrorKind::transport, TransportFailure::connection, 0,
                   "connection closed or broken mid-exchange", "", 2s + 2s});
    all.push_back({"headers trickled past the whole-request deadline",
                   [] { return faults::trickled_headers(100ms); }, timeouts(1s, 1s), ErrorKind::transport,
                   TransportFailure::timeout, 0, "the whole-request timeout of 1000 ms was exceeded", "", 1s + 2s,
                   900ms});
    all.push_back({"body trickled past the whole-request deadline (each byte within the read timeout)",
                   [] { return faults::trickled_body(100ms); }, timeouts(1s, 1s), ErrorKind::transport,
                   TransportFailure::timeout, 0, "the whole-request timeout of 1000 ms was exceeded", "", 1s + 2s,
                   900ms});
    all.push_back({"an answer after the read timeout", [] { return faults::late(1500ms); }, timeouts(400ms, 10s),
                   ErrorKind::transport, TransportFailure::timeout, 0, "no answer within the read timeout of 400 ms",
                   "", 400ms + 2s, 350ms});
    all.push_back({"an answer after the whole-request timeout", [] { return faults::late(1500ms); },
                   timeouts(5s, 500ms), ErrorKind::transport, TransportFailure::timeout, 0,
                   "the whole-request timeout of 500 ms was exceeded", "", 500ms + 2s, 450ms});
    all.push_back({"an endless chunked body", [] { return faults::endless_chunked(); }, small_limit,
                   ErrorKind::transport, TransportFailure::other, 0,
                   "response body larger than the limit of 1048576 bytes", "", 3s + 2s});
    all.push_back({"a Content-Length of 5 GB, streamed", [] { return faults::huge_content_length("5000000000"); },
                   small_limit, ErrorKind::transport, TransportFailure::other, 0,
                   "response body larger than the limit of 1048576 bytes", "", 3s + 2s});
    all.push_back({"a Content-Length beyond 64 bits", [] { return faults::huge_content_length("99999999999999999999999"); },
                   small_limit, ErrorKind::transport, TransportFailure::other, 0,
                   "response body larger than the limit of 1048576 bytes", "", 3s + 2s});
    all.push_back({"a gzip bomb (gigabytes of spaces, compressed)", [] { return faults::gzip_bomb(); }, small_limit,
                   ErrorKind::transport, TransportFailure::other, 0,
                   "response body larger than the limit of 1048576 bytes", "", 3s + 2s});
    all.push_back({"a body without length that never ends", [] { return faults::until_close(); }, small_limit,
                   ErrorKind::transport, TransportFailure::other, 0,
                   "response body larger than the limit of 1048576 bytes", "", 3s + 2s});
    all.push_back({"endless headers", [] { return faults::endless_headers(false); }, small_limit,
                   ErrorKind::transport, TransportFailure::other, 0,
                   "response headers (or chunk framing) larger than the limit of 65536 bytes", "", 3s + 2s});
    all.push_back({"one endless header line", [] { return faults::endless_headers(true); }, small_limit,
                   ErrorKind::transport, TransportFailure::other, 0,
                   "response headers (or chunk framing) larger than the limit of 65536 bytes", "", 3s + 2s});
    all.push_back({"an answer that is not HTTP", [] { return faults::garbage(); }, timeouts(2s, 3s),
                   ErrorKind::transport, TransportFailure::connection, 0, "connection closed or broken mid-exchange",
                   "", 2s + 2s});
    all.push_back({"malformed JSON", [] { return faults::body(200, R"({"usage_records":[{"category":"sms",}]})"); },
                   timeouts(2s, 3s), ErrorKind::decode, TransportFailure::none, 0, "expected valid JSON",
                   "page.usage_records[0]", 3s});
    all.push_back({"a JSON document cut off (honest length)", [] { return faults::body(200, page_json(100, 3, "").substr(0, 300)); },
                   timeouts(2s, 3s), ErrorKind::decode, TransportFailure::none, 0, "a document cut off after 300 bytes",
                   "page.usage_records[0]", 3s});
    all.push_back({"invalid UTF-8 inside a JSON string", [] { return faults::body(200, faults::invalid_utf8_page()); },
                   timeouts(2s, 3s), ErrorKind::decode, TransportFailure::none, 0, "expected valid JSON",
                   "page.usage_records[1].description", 3s});
    all.push_back({"100k-deep nesting", [] { return faults::body(200, faults::deeply_nested_page(100'000)); },
                   timeouts(2s, 3s), ErrorKind::decode, TransportFailure::none, 0, "too deep",
                   "page.usage_records[0].nested", 3s});
    all.push_back({"100k-deep nesting as the whole document",
                   [] { return faults::body(200, std::string(100'000, '[') + std::string(100'000, ']')); },
                   timeouts(2s, 3s), ErrorKind::decode, TransportFailure::none, 0, "expected a JSON object", "page", 3s});
    all.push_back({"a page without its list", [] { return faults::body(200, R"({"next_page_uri":null,"page":1})"); },
                   timeouts(2s, 3s), ErrorKind::decode, TransportFailure::none, 0, "no such key",
                   "page.usage_records", 3s});
    all.push_back({"429, no retries", [] {
                       return faults::body(429, R"({"code":20429,"message":"Too Many Requests","status":429})",
                                           "Retry-After: 1\r\n");
                   },
                   timeouts(2s, 3s), ErrorKind::api, TransportFailure::none, 429, "Too Many Requests", "", 3s});
    all.push_back({"500 with an HTML body", [] { return faults::body(500, "<html><body>Oops</body></html>"); },
                   timeouts(2s, 3s), ErrorKind::api, TransportFailure::none, 500,
                   "HTTP 500 without a Twilio JSON error body: '<html><body>Oops</body></html>'", "", 3s});
    return all;
}

void check_error(FaultCase const& c, Error const& e) {
    CAPTURE(e.to_string());
    CHECK(e.kind == c.kind);
    CHECK(e.transport == c.transport);
    CHECK(e.http_status == c.status);
    CHECK_MESSAGE(e.message.find(c.says) != std::string::npos, "the message says '" << c.says << "'");
    if (!c.field.empty()) CHECK_MESSAGE(e.field.starts_with(c.field), "the field is " << c.field);
}

/// Runs every fault on the first page and on the second one, with these credentials.
void run_fault_matrix(Creds const& creds, bool all_forms) {
    for (auto const& c : fault_cases()) {
        CAPTURE(c.name);
        CAPTURE(creds.name);
        ClientOptions options = with_timeouts(2s, 3s);
        c.tune(options);
        {
            // The first page is broken: an error, and no page.
            FaultServer server(c.make(), /*break_first=*/true);
            auto client = make_client(server.base_url(), options, creds.credentials);
            shown().add(client.to_string());
            auto const start = Clock::now();
            auto page = client.records().today().try_fetch_page();
            auto const took = since(start);
            CAPTURE(took.count());
            REQUIRE_FALSE(page.has_value());
            shown().add(page.error());
            check_error(c, page.error());
            CHECK(took <= c.within);
            CHECK(took >= c.at_least);
            if (all_forms) {
                auto o = read_results(client);
                CHECK(o.items.empty());
                REQUIRE(o.error);
                check_error(c, *o.error);
                CHECK(o.after_error == 0);
                CHECK(o.took <= c.within);
            }
        }
        {
            // The second page is broken: the first page's items, then the error.
            FaultServer server(c.make());
            auto client = make_client(server.base_url(), options, creds.credentials);
            auto o = read_results(client);
            CAPTURE(o.took.count());
            CHECK(o.items == std::vector<std::string>{"SMS 0", "SMS 1", "SMS 2"});
            REQUIRE(o.error);
            check_error(c, *o.error);
            CHECK(o.after_error == 0);
            CHECK(o.took <= c.within + 2s);
            CHECK(o.took >= c.at_least);
            auto lines = server.lines();
            REQUIRE(lines.size() >= 2);
            CHECK(lines[1].find("PageToken=p2") != std::string::npos);
            if (all_forms) {
                auto [sizes, error] = read_pages(client);
                CHECK(sizes == std::vector<std::size_t>{3});  // one whole page, never a partial second one
                REQUIRE(error);
                check_error(c, *error);
                auto [items, thrown] = read_throwing(client);
                CHECK(items == 3);
                REQUIRE(thrown);
                check_error(c, *thrown);
                auto collected = client.records().today().try_collect();  // all or nothing
                REQUIRE_FALSE(collected.has_value());
                shown().add(collected.error());
                check_error(c, collected.error());
            }
        }
    }
}

}  // namespace

TEST_CASE("faults on the first and on the second page: the exact error, in time, never a partial page") {
    run_fault_matrix(token_creds(), /*all_forms=*/true);
}

TEST_CASE("a body longer than its Content-Length: the extra bytes never become the next response") {
    // The extra bytes are a complete, well-formed HTTP response with a page of
    // "SMS 666": were the kept-alive connection reused as is, the second
    // request would read it as its answer.
    std::string const smuggled = http_response(200, page_json(666, 2, ""));
    for (bool delayed : {false, true}) {
        CAPTURE(delayed);
        std::atomic<int> first_connection_requests{0};
        std::atomic<int> connections{0};
        RawServer server([&](int fd, std::atomic<bool> const& stop) {
            bool const first = ++connections == 1;
            for (;;) {
                std::string head = read_head(fd);
                if (head.empty() || stop) return;
                if (first) ++first_connection_requests;
                bool const second_page = head.find("PageToken=p2") != std::string::npos;
                std::string const body = second_page ? page_json(3, 3, "") : first_page();
                std::string const extra = first && !second_page ? smuggled : "";
                if (delayed) {
                    write_all(fd, http_response(200, body));
                    if (!idle(50ms, stop)) return;
                    write_all(fd, extra);
                } else {
                    write_all(fd, http_response(200, body) + extra);
                }
            }
        }, RawServer::Serving::concurrently);
        auto client = local_client(server.base_url(), with_timeouts(2s, 5s));
        auto first = client.records().today().try_fetch_page();
        REQUIRE(first.has_value());
        CHECK(first->items.size() == 3);
        std::this_thread::sleep_for(200ms);  // the delayed extra bytes have arrived
        auto second = client.records().try_fetch_page(second_page_uri());
        REQUIRE(second.has_value());
        std::vector<std::string> names;
        for (auto const& r : second->items) names.push_back(r.description.value_or(""));
        CHECK(names == std::vector<std::string>{"SMS 3", "SMS 4", "SMS 5"});
        // Whole listings too: never an item of the smuggled page.
        for (auto const& item : read_results(client).items) CHECK(item != "SMS 666");
        // Extra bytes that the client's reader took in with the body, and
        // those still on the socket afterwards, make it drop the connection:
        // it carries no second request.
        CHECK(first_connection_requests == 1);
    }
}

TEST_CASE("the whole-request deadline costs nothing on the fast path: one kept-alive connection for 200 requests") {
    FaultServer server(faults::body(200, page_json(3, 3, "")));
    auto client = local_client(server.base_url(), with_timeouts(5s, 5s));
    int ok = 0;
    auto const start = Clock::now();
    for (int i = 0; i < 200; ++i) ok += client.records().today().try_fetch_page().has_value();
    CHECK(ok == 200);
    CHECK(server.connections() == 1);
    CHECK(server.requests == 200);
    CHECK(since(start) < 30s);
    // No deadline (0), and one so far away it means "never": plain requests.
    for (ms never : {ms(0), ms(-1), ms::max()}) {
        ClientOptions o = with_timeouts(5s, never);
        CHECK(local_client(server.base_url(), o).records().today().try_fetch_page().has_value());
    }
}

TEST_CASE("a request queued behind a stuck one on the same client still returns within its own timeout") {
    FaultServer server(faults::trickled_headers(100ms), /*break_first=*/true);
    ClientOptions options = with_timeouts(1s, 1s);
    options.max_connections = 1;  // the second request waits for the first one's connection
    auto client = local_client(server.base_url(), options);
    std::optional<Error> a_error, b_error;
    ms a_took{}, b_took{};
    std::thread a([&] {
        auto const start = Clock::now();
        auto r = client.records().today().try_fetch_page();
        a_took = since(start);
        if (!r) a_error = r.error();
    });
    std::this_thread::sleep_for(300ms);
    auto const start = Clock::now();
    auto r = client.records().today().try_fetch_page();
    b_took = since(start);
    if (!r) b_error = r.error();
    a.join();
    REQUIRE(a_error);
    REQUIRE(b_error);
    CHECK(a_error->transport == TransportFailure::timeout);
    CHECK(b_error->transport == TransportFailure::timeout);
    CHECK(b_error->message.find("the whole-request timeout of 1000 ms was exceeded") != std::string::npos);
    CHECK(a_took < 1s + 2s);
    CHECK(b_took < 1s + 2s);
}

TEST_CASE("gigabytes on the wire: the client stops at max_response_bytes and its memory stays bounded") {
    std::size_t const limit = 1u << 20;
    struct Stream {
        std::string name;
        std::function<Responder(std::atomic<std::uint64_t>*)> make;
        std::string says;
        long bound_kib;           // peak resident growth allowed
        std::uint64_t min_sent;  // what the client read before it stopped, at least
    };
    std::vector<Stream> const streams{
        {"endless chunked body", [](auto* sent) { return faults::endless_chunked(sent); }, "response body larger",
         3 * 1024, limit},
        // Refused from its headers: the client reads none of it.
        {"5 GB Content-Length", [](auto* sent) { return faults::huge_content_length("5000000000", sent); },
         "response body larger", 3 * 1024, 0},
        {"body until close", [](auto* sent) { return faults::until_close(sent); }, "response body larger", 3 * 1024,
         limit},
        // Decompressed as it arrives: the limit applies to what it inflates to.
        {"gzip bomb", [](auto* sent) { return faults::gzip_bomb(sent); }, "response body larger", 3 * 1024, 512},
        // Header memory is bounded by a fixed allowance (64 KiB on the wire,
        // checked every 2 ms), not by max_response_bytes.
        {"endless headers", [](auto* sent) { return faults::endless_headers(false, sent); }, "response headers",
         32 * 1024, 64 * 1024},
        {"one endless header line", [](auto* sent) { return faults::endless_headers(true, sent); }, "response headers",
         32 * 1024, 64 * 1024},
    };
    ClientOptions options = with_timeouts(5s, 10s);
    options.max_response_bytes = limit;
    for (auto const& s : streams) {
        CAPTURE(s.name);
        std::atomic<std::uint64_t> sent{0};
        auto server = std::make_unique<FaultServer>(s.make(&sent));
        auto client = local_client(server->base_url(), options);
        // The first page is good: the connection, its server thread and the
        // client's watchdog exist before the measurement, which covers the
        // second page only.
        REQUIRE(client.records().today().try_fetch_page().has_value());
        // Free heap pages go back to the system, so that what the fault
        // makes the client allocate shows as growth even where an earlier
        // case left the heap large (glibc; a no-op under ASan).
        ::malloc_trim(0);
        bool const reset = PeakRss::reset();
        long const hwm_before = PeakRss::status_kib("VmHWM").value_or(0);
        long const max_before = PeakRss::ru_maxrss_kib();
        auto const start = Clock::now();
        auto r = client.records().try_fetch_page(second_page_uri());
        auto const took = since(start);
        long const hwm_growth = PeakRss::status_kib("VmHWM").value_or(0) - hwm_before;
        long const max_growth = PeakRss::ru_maxrss_kib() - max_before;
        CAPTURE(reset);
        CAPTURE(hwm_growth);
        CAPTURE(max_growth);
        CAPTURE(took.count());
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().transport == TransportFailure::other);
        CHECK(r.error().message.find(s.says) != std::string::npos);
        CHECK(took < 10s);
        CHECK(max_growth < s.bound_kib);
        if (reset) CHECK(hwm_growth < s.bound_kib);
        // The server saw the client hang up long before a gigabyte.
        server.reset();
        MESSAGE(s.name << ": " << took.count() << " ms, peak RSS growth " << max_growth << " KiB (ru_maxrss), "
                       << hwm_growth << " KiB (VmHWM" << std::string(reset ? " after reset" : ", not reset") << "), server sent "
                       << sent.load() / 1024 << " KiB");
        CHECK(sent.load() >= s.min_sent);
        CHECK(sent.load() < (std::uint64_t(256) << 20));
    }
}

TEST_CASE("a large honest page sent slowly, in pieces: no limit trips, every record arrives") {
    // 3000 records (about 1 MB), 32 KiB every 10 ms: the watchdog checks the
    // connection many times while the body is still arriving.
    std::string const big = page_json(0, 3000, "");
    REQUIRE(big.size() > (std::size_t(900) << 10));
    for (bool chunked : {false, true}) {
        CAPTURE(chunked);
        FaultServer server(
            [&](std::string const&, int fd, std::atomic<bool> const& stop) {
                std::uint64_t sent = 0;
                if (!chunked) write_all(fd, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
                                                std::to_string(big.size()) + "\r\n\r\n");
                else write_all(fd, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
                for (std::size_t at = 0; at < big.size(); at += 32 * 1024) {
                    std::string_view piece = std::string_view(big).substr(at, 32 * 1024);
                    if (chunked) {
                        char size[32];
                        std::snprintf(size, sizeof size, "%zx\r\n", piece.size());
                        if (!send_all(fd, std::string(size) + std::string(piece) + "\r\n", stop, sent)) return false;
                    } else if (!send_all(fd, piece, stop, sent)) {
                        return false;
                    }
                    if (!idle(10ms, stop)) return false;
                }
                if (chunked) send_all(fd, "0\r\n\r\n", stop, sent);
                return true;
            },
            /*break_first=*/true);
        ClientOptions options = with_timeouts(2s, 10s);
        options.max_response_bytes = 2u << 20;
        auto client = local_client(server.base_url(), options);
        auto const start = Clock::now();
        auto page = client.records().today().try_fetch_page();
        CAPTURE(since(start).count());
        REQUIRE(page.has_value());
        CHECK(page->items.size() == 3000);
        CHECK(page->items.back().description == "SMS 2999");
        CHECK(since(start) >= 200ms);  // it really came slowly
    }
}

namespace {
/// A BodySink that keeps what it is given, and can stop after `stop_after` pieces.
struct CollectingSink : BodySink {
    bool take = true;
    int stop_after = -1;
    int accepted_status = 0;
    int pieces = 0;
    std::string body;
    bool accept(int status, HttpHeaders const&) override {
        accepted_status = status;
        return take;
    }
    bool write(char const* data, std::size_t size) override {
        body.append(data, size);
        return ++pieces != stop_after;
    }
};

HttpRequest get_request(std::string const& base_url) {
    HttpRequest r;
    r.url = base_url + "/2010-04-01/Accounts/" + std::string(account_sid) + "/Usage/Records/Today.json";
    return r;
}
}  // namespace

TEST_CASE("HttplibTransport::send_to: the body as it is read, under the same deadline and limits as send()") {
    HttplibTransportOptions options;
    options.read_timeout = 1s;
    options.request_timeout = 1s;
    options.max_response_bytes = 1u << 20;
    {
        // A whole page, piece by piece; the response itself has no body.
        FaultServer server(faults::body(200, page_json(0, 500, "")), true);
        HttplibTransport transport(options);
        CollectingSink sink;
        auto r = transport.send_to(get_request(server.base_url()), sink);
        REQUIRE(r.has_value());
        CHECK(r->status == 200);
        CHECK(r->body.empty());
        CHECK(sink.accepted_status == 200);
        CHECK(sink.body == page_json(0, 500, ""));
        CHECK(r->header("Content-Type") == std::optional<std::string_view>("application/json"));
        // And the connection serves the next request.
        CollectingSink again;
        CHECK(transport.send_to(get_request(server.base_url()), again).has_value());
        CHECK(again.body == sink.body);
        CHECK(server.connections() == 1);
    }
    {
        // Declined (an error status): collected into the response as send() does.
        FaultServer server(faults::body(429, R"({"code":20429})"), true);
        HttplibTransport transport(options);
        CollectingSink sink;
        sink.take = false;
        auto r = transport.send_to(get_request(server.base_url()), sink);
        REQUIRE(r.has_value());
        CHECK(r->status == 429);
        CHECK(r->body == R"({"code":20429})");
        CHECK(sink.body.empty());
    }
    {
        // The sink stops after its first piece: the answer stands, no error.
        FaultServer server(faults::endless_chunked(), true);
        HttplibTransport transport(options);
        CollectingSink sink;
        sink.stop_after = 1;
        auto r = transport.send_to(get_request(server.base_url()), sink);
        REQUIRE(r.has_value());
        CHECK(r->status == 200);
        CHECK(sink.pieces == 1);
    }
    {
        // Endless: the size limit, whatever the sink was given.
        FaultServer server(faults::endless_chunked(), true);
        HttplibTransport transport(options);
        CollectingSink sink;
        auto r = transport.send_to(get_request(server.base_url()), sink);
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().transport == TransportFailure::other);
        CHECK(r.error().message.find("response body larger than the limit of 1048576 bytes") != std::string::npos);
        CHECK(sink.body.size() <= options.max_response_bytes);
    }
    for (auto fault : {faults::trickled_body(100ms), faults::trickled_headers(100ms)}) {
        // Trickled: the whole-request deadline.
        FaultServer server(fault, true);
        HttplibTransport transport(options);
        CollectingSink sink;
        auto const start = Clock::now();
        auto r = transport.send_to(get_request(server.base_url()), sink);
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().transport == TransportFailure::timeout);
        CHECK(r.error().message.find("the whole-request timeout of 1000 ms was exceeded") != std::string::npos);
        CHECK(since(start) < 1s + 2s);
    }
}

TEST_CASE("429 forever with RetryPolicy::exponential(3): exactly 3 requests, then the 429") {
    FaultServer server(faults::body(429, R"({"code":20429,"message":"Too Many Requests","status":429})",
                                    "Retry-After: 1\r\n"),
                       /*break_first=*/true);
    ClientOptions options = with_timeouts(2s, 3s);
    options.retry = RetryPolicy::exponential(3);
    std::vector<ms> slept;
    std::vector<std::pair<int, int>> events;
    options.retry.sleep = [&](ms d) { slept.push_back(d); };
    options.retry.on_retry = [&](RetryEvent const& e) {
        events.emplace_back(e.attempt, e.error.http_status);
        shown().add(e.error);
    };
    auto client = local_client(server.base_url(), options);
    auto const start = Clock::now();
    auto r = client.records().today().try_fetch_page();
    REQUIRE_FALSE(r.has_value());
    shown().add(r.error());
    CHECK(r.error().kind == ErrorKind::api);
    CHECK(r.error().http_status == 429);
    CHECK(r.error().code == 20429);
    CHECK(server.requests == 3);
    CHECK(events == std::vector<std::pair<int, int>>{{1, 429}, {2, 429}});
    CHECK(slept == std::vector<ms>{1000ms, 1000ms});  // Retry-After, through the fake sleep
    CHECK(since(start) < 3s);

    // Without Retry-After, the backoff is bounded by max_delay; the listing
    // yields the first page, then the 429 after 3 attempts at the second.
    FaultServer second(faults::body(429, R"({"code":20429,"message":"Too Many Requests"})"));
    slept.clear();
    events.clear();
    options.retry.max_delay = 700ms;
    auto o = read_results(local_client(second.base_url(), options));
    CHECK(o.items == std::vector<std::string>{"SMS 0", "SMS 1", "SMS 2"});
    REQUIRE(o.error);
    CHECK(o.error->http_status == 429);
    CHECK(second.requests == 1 + 3);
    REQUIRE(slept.size() == 2);
    for (auto d : slept) CHECK(d <= 700ms);

    // A backoff that makes no sense (a NaN or negative multiplier, an
    // endless max_delay) still gives exactly max_attempts requests.
    for (double multiplier : {std::nan(""), -3.0, 1e300}) {
        CAPTURE(multiplier);
        FaultServer busy(faults::body(429, R"({"code":20429})"), true);
        ClientOptions odd = options;
        odd.retry.multiplier = multiplier;
        odd.retry.max_delay = ms::max();
        slept.clear();
        auto r3 = local_client(busy.base_url(), odd).records().today().try_fetch_page();
        REQUIRE_FALSE(r3.has_value());
        CHECK(r3.error().http_status == 429);
        CHECK(busy.requests == 3);
        for (auto d : slept) CHECK(d >= ms(0));
    }

    // A Retry-After beyond max_retry_after is not waited for.
    FaultServer patient(faults::body(429, "{}", "Retry-After: 86400\r\n"), true);
    slept.clear();
    auto once = local_client(patient.base_url(), options).records().today().try_fetch_page();
    REQUIRE_FALSE(once.has_value());
    CHECK(once.error().http_status == 429);
    CHECK(patient.requests == 1);
    CHECK(slept.empty());
}

TEST_CASE("timeouts are retried too, each attempt within its own deadline: bounded in all") {
    FaultServer server(faults::trickled_headers(50ms), /*break_first=*/true);
    ClientOptions options = with_timeouts(1s, 500ms);
    options.retry = RetryPolicy::exponential(3);
    options.retry.sleep = [](ms) {};
    auto const start = Clock::now();
    auto r = local_client(server.base_url(), options).records().today().try_fetch_page();
    auto const took = since(start);
    REQUIRE_FALSE(r.has_value());
    shown().add(r.error());
    CHECK(r.error().transport == TransportFailure::timeout);
    CHECK(server.requests == 3);
    CHECK(took >= 3 * 450ms);
    CHECK(took < 3 * 500ms + 2s);
}

TEST_CASE("a next_page_uri that loops back to the first page as an absolute URL: an error, no item twice") {
    auto base = std::make_shared<std::string>();
    FaultServer server([base](std::string const&, int fd, auto const&) {
        // The second page names the first one, spelled as an absolute URL.
        write_all(fd, http_response(200, page_json(3, 3, *base + "/2010-04-01/Accounts/" + std::string(account_sid) +
                                                             "/Usage/Records/Today.json")));
        return true;
    });
    *base = server.base_url();
    auto o = read_results(local_client(server.base_url(), with_timeouts(2s, 3s)));
    CHECK(o.items == std::vector<std::string>{"SMS 0", "SMS 1", "SMS 2", "SMS 3", "SMS 4", "SMS 5"});
    REQUIRE(o.error);
    CHECK(o.error->kind == ErrorKind::decode);
    CHECK(o.error->field == "page.next_page_uri");
    CHECK(server.requests == 2);
}

TEST_CASE("the emulator under a burst of concurrent clients answers every request correctly") {
    testing::EmulatorOptions eo;
    eo.fixed_now = std::chrono::sys_days{2024y / 3 / 15} + 12h;
    testing::Emulator emu(eo);
    emu.start();
    auto const& account = emu.main_account();
    for (int day = 1; day <= 14; ++day)
        for (auto c : {Category::sms_outbound_longcode, Category::calls_inbound, Category::recordings})
            emu.add_usage({account.sid, c, std::chrono::sys_days{2024y / 3 / day} + 1h, Decimal(day), Decimal(day * 2),
                           Decimal::parse("0." + std::to_string(10 + day)).value()});
    ClientOptions options = with_timeouts(20s, 30s);
    options.base_url = emu.base_url();
    Client const reference(Credentials::from_auth_token(account.sid, account.auth_token), options);
    auto trigger = reference.triggers().create(TriggerCreate{}
                                                   .callback_url("http://127.0.0.1:9/t")
                                                   .trigger_value("1000")
                                                   .usage_category(Category::sms));

    // The second page of a daily listing, as the first one names it.
    auto const first_daily = reference.records()
                                 .daily(RecordsQuery{}.category(Category::calls).start_date(2024y / 3 / 1)
                                            .end_date(2024y / 3 / 14).page_size(5))
                                 .fetch_page();
    REQUIRE(first_daily.items.size() == 5);
    REQUIRE(first_daily.info.next_page_uri);
    std::string const second_uri = *first_daily.info.next_page_uri;

    // Each request: one HTTP exchange, and its answer as a canonical string.
    auto canon = [](Result<Page<UsageRecord>> const& p) {
        if (!p) return "error: " + p.error().to_string();
        std::string out = p->info.next_page_uri.value_or("-") + "\n";
        for (auto const& r : p->items)
            out += std::string(r.category ? r.category->wire_name() : "") + "|" +
                   (r.start_date ? format_date(*r.start_date) : "") + "|" + (r.count ? r.count->to_string() : "") + "|" +
                   (r.price ? r.price->to_string() : "") + "\n";
        return out;
    };
    std::vector<std::function<std::string(Client const&)>> const requests{
        [&](Client const& c) { return canon(c.records().today().try_fetch_page()); },
        [&](Client const& c) {
            return canon(c.records().daily(RecordsQuery{}.category(Category::sms).start_date(2024y / 3 / 1)
                                               .end_date(2024y / 3 / 14).page_size(5)).try_fetch_page());
        },
        [&](Client const& c) { return canon(c.records().try_fetch_page(second_uri)); },
        [&](Client const& c) { return canon(c.records().this_month(RecordsQuery{}.category(Category::recordings)).try_fetch_page()); },
        [&](Client const& c) { return canon(c.records().list(RecordsQuery{}.page_size(50)).try_fetch_page()); },
        [&, sid = *trigger.sid](Client const& c) {
            auto t = c.triggers().try_fetch(sid);
            return t ? *t->sid + "|" + t->trigger_value.value_or(Decimal{}).to_string() : "error: " + t.error().to_string();
        },
    };
    std::vector<std::string> expected;
    for (auto const& req : requests) {
        expected.push_back(req(reference));
        REQUIRE_FALSE(expected.back().starts_with("error"));
    }
    std::size_t const before = emu.request_count();

    constexpr int threads = 16;
    constexpr int per_thread = 20;
    std::atomic<int> right{0}, wrong{0}, refused_right{0};
    std::mutex first_wrong_mutex;
    std::string first_wrong;
    auto const start = Clock::now();
    {
        std::vector<std::thread> pool;
        for (int t = 0; t < threads; ++t)
            pool.emplace_back([&, t] {
                // Every fourth client has a wrong token: each answer must be a 401.
                bool const bad = t % 4 == 3;
                Client const client(Credentials::from_auth_token(account.sid, bad ? std::string(32, 'f') : account.auth_token),
                                    options);
                for (int i = 0; i < per_thread; ++i) {
                    std::size_t const k = static_cast<std::size_t>(t + i) % requests.size();
                    std::string got = requests[k](client);
                    if (bad) {
                        (got.find("API error (HTTP 401") != std::string::npos ? refused_right : wrong)++;
                    } else if (got == expected[k]) {
                        ++right;
                    } else {
                        ++wrong;
                        std::lock_guard lock(first_wrong_mutex);
                        if (first_wrong.empty()) first_wrong = "request " + std::to_string(k) + ": " + got;
                    }
                }
            });
        for (auto& th : pool) th.join();
    }
    auto const took = since(start);
    CAPTURE(first_wrong);
    CHECK(wrong == 0);
    CHECK(right == 12 * per_thread);
    CHECK(refused_right == 4 * per_thread);
    CHECK(emu.request_count() - before == threads * per_thread);
    CHECK(took < 60s);
    // Still serving afterwards.
    for (std::size_t k = 0; k < requests.size(); ++k) CHECK(requests[k](reference) == expected[k]);

    // One client shared by 8 threads (4 connections, the default, so some wait).
    std::atomic<int> shared_right{0};
    {
        std::vector<std::thread> pool;
        for (int t = 0; t < 8; ++t)
            pool.emplace_back([&, t] {
                for (int i = 0; i < 10; ++i) {
                    std::size_t const k = static_cast<std::size_t>(t + i) % requests.size();
                    if (requests[k](reference) == expected[k]) ++shared_right;
                }
            });
        for (auto& th : pool) th.join();
    }
    CHECK(shared_right == 80);
}

TEST_CASE("secrets: a secret that is part of \"[redacted]\" is still redacted, and redacting ends") {
    // Each replacement holds the secret again: the search must go on after it.
    for (std::string secret : {"redacted", "[redacted]", "edact"}) {
        CAPTURE(secret);
        auto t = std::make_shared<FakeTransport>([&](HttpRequest const&) {
            return Result<HttpResponse>(response(400, R"({"code":1,"message":"you sent )" + secret + " and " + secret +
                                                          R"(","more_info":")" + secret + R"("})"));
        });
        ClientOptions options;
        options.base_url = "https://api.example.test";
        Client client(Credentials::from_auth_token(account_sid, secret), options, t);
        auto r = client.records().today().try_fetch_page();
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().message == "you sent [redacted] and [redacted]");
        CHECK(r.error().more_info == "[redacted]");
    }
}

TEST_CASE("secrets: no failure shows the auth token, the API secret or the Authorization value") {
    std::string const token = "AUTHTOKEN-faults-7c1e5b9a0d3f42";
    std::string const key_sid = "SK0123456789abcdef0123456789abcdef";
    std::string const secret = "APISECRET-faults-e4d2a8c6b0f157";
    std::vector<Creds> const creds{
        {"auth token", Credentials::from_auth_token(account_sid, token)},
        {"API key", Credentials::from_api_key(key_sid, secret, account_sid)},
    };
    auto b64 = [](std::string const& s) {
        return webhook::detail::base64(reinterpret_cast<unsigned char const*>(s.data()), s.size());
    };
    struct Needle {
        std::string what;
        std::string text;
        std::size_t window;  // any piece this long counts as a leak
    };
    std::vector<Needle> const needles{
        {"the tests' auth token", auth_token, 12},
        {"base64 of the tests' sid:token", b64(std::string(account_sid) + ":" + auth_token), 16},
        {"the auth token", token, 12},
        {"the API secret", secret, 12},
        {"base64 of sid:token", b64(std::string(account_sid) + ":" + token), 16},
        {"base64 of key:secret", b64(key_sid + ":" + secret), 16},
    };

    for (auto const& c : creds) {
        run_fault_matrix(c, /*all_forms=*/false);

        // Servers that echo what they were sent, in every place an error quotes.
        std::string const mine = c.credentials.secret();
        std::string const auth = "Basic " + b64(c.credentials.username() + ":" + mine);
        std::vector<Responder> echoes{
            // Twilio-shaped JSON error with the secret and the header in message and more_info.
            faults::body(401, R"({"code":20003,"message":"you sent )" + auth + " i.e. " + mine +
                                  R"(","more_info":"https://x.test/)" + mine + R"(","status":401})"),
            // Plain text: the secret and the header straddle the 120-byte excerpt.
            faults::body(400, std::string(100, 'x') + mine + " " + auth),
            faults::body(503, std::string(110, 'y') + auth, "Retry-After: 0\r\n"),
            // In a value that fails to decode: straddling the 64-byte excerpt.
            faults::body(200, R"({"usage_records":[{"price":")" + std::string(50, 'z') + mine + R"("}]})"),
            faults::body(200, R"({"usage_records":[{"count":true,")" + mine + R"(":")" + auth + R"("}]})"),
            faults::body(200, R"({"usage_records":[],")" + mine + R"(":)" + std::string(70, '[')),
            // In a next_page_uri to another host: straddling the 200-byte excerpt.
            faults::body(200, page_json(0, 1, "http://evil.test/" + std::string(190, 'p') + mine + "?" + auth)),
            faults::body(200, page_json(0, 1, "/" + mine + " " + auth)),
        };
        for (auto& echo : echoes) {
            FaultServer server(echo, /*break_first=*/true);
            ClientOptions options = with_timeouts(2s, 3s);
            options.retry = RetryPolicy::exponential(2);
            options.retry.sleep = [](ms) {};
            options.retry.on_retry = [](RetryEvent const& e) { shown().add(e.error); };
            options.base_url = server.base_url();
            auto recorder = std::make_shared<RecordingTransport>(Client::default_transport(options));
            Client client(c.credentials, options, recorder);
            auto page = client.records().today().try_fetch_page();
            if (!page) shown().add(page.error());
            auto o = read_results(client);
            CHECK(o.error.has_value());
            auto [items, thrown] = read_throwing(client);
            CHECK(thrown.has_value());
            auto created = client.triggers().try_create(
                TriggerCreate{}.callback_url("https://example.com/x").trigger_value("5").usage_category(Category::sms));
            if (!created) shown().add(created.error());
            else shown().add(created->sid.value_or("") + created->friendly_name.value_or(""));
            shown().add(client.to_string());
            {
                std::lock_guard lock(recorder->mutex);
                CHECK_FALSE(recorder->requests.empty());
                for (auto const& request : recorder->requests) {
                    std::ostringstream os;
                    os << request;  // what a logging transport would print
                    shown().add(os.str());
                }
            }
            // The server did receive the Authorization header (the echo is real).
            auto heads = server.heads();
            REQUIRE_FALSE(heads.empty());
            CHECK(heads[0].find(auth) != std::string::npos);
        }
    }

    REQUIRE(shown().strings.size() > 300);
    bool any_redacted = false;
    for (auto const& s : shown().strings) {
        any_redacted = any_redacted || s.find("[redacted]") != std::string::npos;
        for (auto const& n : needles)
            for (std::size_t i = 0; i + n.window <= n.text.size(); ++i) {
                if (s.find(std::string_view(n.text).substr(i, n.window)) == std::string::npos) continue;
                FAIL_CHECK("a piece of " << n.what << " ('" << n.text.substr(i, n.window) << "') appears in: " << s);
                break;
            }
    }
    CHECK(any_redacted);  // the echoes were seen, and redacted
}
