// Pages decoded as their bodies arrive (Transport::send_to, PageDecoder):
// the same pages as a whole-body decode, nothing yielded from a page that
// fails part-way, retries from a fresh decoder, limits and error statuses as
// before, and transports that implement only send() unchanged.
#include "servers.hpp"

#include "twilio_usage/core/json_decode.hpp"
#include "twilio_usage/testing/emulator.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <cstdio>
#include <memory>
#include <string>
#include <thread>
#include <vector>

using namespace twilio_usage;
using namespace test_support;
using namespace std::chrono_literals;

namespace {

/// Forwards send() only: the base class's send_to() hands over whole bodies.
class SendOnly : public Transport {
public:
    explicit SendOnly(std::shared_ptr<Transport> next) : next_(std::move(next)) {}
    Result<HttpResponse> send(HttpRequest const& request) override {
        ++calls;
        return next_->send(request);
    }
    int calls = 0;

private:
    std::shared_ptr<Transport> next_;
};

/// Counts the pieces a streaming transport delivers.
class CountingTransport : public Transport {
public:
    explicit CountingTransport(std::shared_ptr<Transport> next) : next_(std::move(next)) {}
    Result<HttpResponse> send(HttpRequest const& request) override { return next_->send(request); }
    Result<HttpResponse> send_to(HttpRequest const& request, BodySink& sink) override {
        struct Counting : BodySink {
            BodySink& inner;
            std::size_t& pieces;
            Counting(BodySink& i, std::size_t& p) : inner(i), pieces(p) {}
            bool accept(int status, HttpHeaders const& headers) override { return inner.accept(status, headers); }
            bool write(char const* data, std::size_t size) override {
                ++pieces;
                return inner.write(data, size);
            }
        } counting(sink, pieces);
        return next_->send_to(request, counting);
    }
    std::size_t pieces = 0;

private:
    std::shared_ptr<Transport> next_;
};

ClientOptions quick(ClientOptions o = {}) {
    o.connect_timeout = 2s;
    o.read_timeout = 3s;
    o.request_timeout = 10s;
    return o;
}

/// Demo data on a frozen clock: the records' as_of is the emulator's "now",
/// and listings compared across requests must not differ by a second that
/// ticked between them.
testing::EmulatorOptions frozen_demo() {
    return {.demo_data = true, .fixed_now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now())};
}

ClientOptions quick_at(testing::Emulator const& emu) {
    ClientOptions o = quick();
    o.base_url = emu.base_url();
    return o;
}

}  // namespace

TEST_CASE("streaming: emulator pages decode as they arrive, as they decode whole") {
    testing::Emulator emu(frozen_demo());
    emu.start();
    ClientOptions const options = quick_at(emu);
    auto const& account = emu.main_account();
    auto credentials = Credentials::from_auth_token(account.sid, account.auth_token);
    auto query = RecordsQuery{}.start_date(DayOffset{-5}).page_size(1000);

    auto counting = std::make_shared<CountingTransport>(Client::default_transport(options));
    Client streaming(credentials, options, counting);
    auto const streamed = streaming.records().daily(query).try_collect();
    REQUIRE(streamed.has_value());
    REQUIRE(streamed->size() >= 6 * category_count);
    std::size_t const pages = (streamed->size() + 999) / 1000;
    CHECK(counting->pieces > pages * 10);  // many pieces per page, not one body each

    auto send_only = std::make_shared<SendOnly>(Client::default_transport(options));
    Client whole(credentials, options, send_only);
    auto const collected = whole.records().daily(query).try_collect();
    REQUIRE(collected.has_value());
    CHECK(send_only->calls == static_cast<int>(pages));
    CHECK(*collected == *streamed);

    // And byte for byte what decode_page makes of each body.
    httplib::Client plain(emu.base_url());
    plain.set_basic_auth(account.sid, account.auth_token);
    auto uri = streaming.records().daily(query).first_page_uri().value();
    auto body = plain.Get(uri);
    REQUIRE(body);
    auto page = decode_page<UsageRecord>(body->body, "usage_records");
    REQUIRE(page.has_value());
    auto fetched = streaming.records().try_fetch_page(uri);
    REQUIRE(fetched.has_value());
    CHECK(fetched->info == page->info);
    CHECK(fetched->items == page->items);
}

TEST_CASE("streaming: a page that fails part-way gives the decode error, and no page") {
    LocalServer server;
    server.server.Get(".*", [&](httplib::Request const&, httplib::Response& res) {
        res.set_chunked_content_provider("application/json", [n = 0](std::size_t, httplib::DataSink& sink) mutable {
            std::string piece;
            if (n == 0) piece = R"({"page":0,"usage_records":[)" + record_json(0) + ",";
            else if (n == 1) piece = record_json(1, "true") + ",";
            else if (n < 200) piece = record_json(n) + ",";
            else piece = record_json(n) + "]}";
            if (!sink.write(piece.data(), piece.size())) return false;
            if (++n > 200) sink.done();
            return true;
        });
    });
    server.start();
    auto client = local_client(server.base_url(), quick());
    for (int round = 0; round < 2; ++round) {  // the connection is read to its end and reused
        auto page = client.records().today().try_fetch_page();
        REQUIRE_FALSE(page.has_value());
        CHECK(page.error().kind == ErrorKind::decode);
        CHECK(page.error().field == "page.usage_records[1].price");
        CHECK(page.error().found == "true");
    }

    std::size_t items = 0;
    bool failed = false;
    for (auto const& r : client.records().today().results()) {
        if (r) ++items;
        else failed = true;
    }
    CHECK(items == 0);  // nothing of the page that failed
    CHECK(failed);

    // An endless body that is wrong from its first byte still ends at the size limit, as before.
    LocalServer endless;
    endless.server.Get(".*", [](httplib::Request const&, httplib::Response& res) {
        res.set_chunked_content_provider("application/json", [](std::size_t, httplib::DataSink& sink) {
            std::string const junk(4096, '[');
            return sink.write(junk.data(), junk.size());
        });
    });
    endless.start();
    ClientOptions small = quick();
    small.max_response_bytes = 1 << 20;
    auto e = local_client(endless.base_url(), small).records().today().try_fetch_page();
    REQUIRE_FALSE(e.has_value());
    CHECK(e.error().kind == ErrorKind::transport);
    CHECK(e.error().message.find("larger than the limit") != std::string::npos);
}

TEST_CASE("streaming: a connection cut mid-body is retried from a fresh decoder") {
    std::string const body = page_json(0, 300, "");
    RawServer server([&](int fd, std::atomic<bool> const&) {
        read_head(fd);
        std::string const head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
                                 std::to_string(body.size()) + "\r\n\r\n";
        if (server.connections == 1) {
            write_all(fd, head + body.substr(0, body.size() / 2));  // then close
        } else {
            write_all(fd, head + body);
        }
    });
    ClientOptions options = quick();
    options.retry = RetryPolicy::exponential(3);
    options.retry.sleep = [](std::chrono::milliseconds) {};
    int retries = 0;
    options.retry.on_retry = [&](RetryEvent const& e) {
        ++retries;
        CHECK(e.error.kind == ErrorKind::transport);
    };
    auto client = local_client(server.base_url(), options);
    auto page = client.records().today().try_fetch_page();
    REQUIRE(page.has_value());
    CHECK(retries == 1);
    REQUIRE(page->items.size() == 300);
    for (int i = 0; i < 300; ++i) CHECK(page->items[static_cast<std::size_t>(i)].count == Decimal(i));
    // The second attempt decoded over what the first left: still the page.
    auto const whole = decode_page<UsageRecord>(body, "usage_records");
    REQUIRE(whole.has_value());
    CHECK(page->items == whole->items);
}

TEST_CASE("streaming: item by item, each page decoded over the one before, equals each page fetched alone") {
    // Pages of 700 over 646 categories a day: each page starts at another
    // category, so a recycled record meets other units, totalprice's null
    // count, and the last page is shorter than the one before.
    testing::Emulator emu(frozen_demo());
    emu.start();
    auto const& account = emu.main_account();
    Client client(Credentials::from_auth_token(account.sid, account.auth_token), quick_at(emu));
    auto listing = client.records().daily(RecordsQuery{}.start_date(DayOffset{-3}).page_size(700));

    std::vector<UsageRecord> iterated;
    std::vector<std::string> page_uris{listing.first_page_uri().value()};
    for (UsageRecord const& r : listing) {
        iterated.push_back(r);
        if (auto at = listing.resume_point(); at && at->skip == 0 && at->page_uri != page_uris.back())
            page_uris.push_back(at->page_uri);
    }
    REQUIRE(iterated.size() > 3 * category_count);
    REQUIRE(page_uris.size() >= 4);
    CHECK(iterated.size() % 700 != 0);

    std::vector<UsageRecord> alone;
    for (auto const& uri : page_uris) {
        auto page = client.records().try_fetch_page(uri);  // a fresh decoder, nothing recycled
        REQUIRE(page.has_value());
        alone.insert(alone.end(), page->items.begin(), page->items.end());
    }
    REQUIRE(alone.size() == iterated.size());
    for (std::size_t i = 0; i < alone.size(); ++i) {
        CAPTURE(i);
        CHECK(iterated[i] == alone[i]);
    }
}

TEST_CASE("streaming: the size limit, error statuses and a cut-off document, as before") {
    LocalServer server;
    server.server.Get(".*/Today.json", [](httplib::Request const&, httplib::Response& res) {
        res.set_chunked_content_provider("application/json", [](std::size_t, httplib::DataSink& sink) {
            std::string const big = page_json(0, 400, "");
            sink.write(big.data(), big.size());
            sink.done();
            return true;
        });
    });
    server.server.Get(".*/Yesterday.json", [](httplib::Request const&, httplib::Response& res) {
        res.status = 404;
        res.set_content(R"({"code":20404,"message":"The requested resource was not found","status":404})",
                        "application/json");
    });
    server.server.Get(".*/ThisMonth.json", [](httplib::Request const&, httplib::Response& res) {
        res.set_content(page_json(0, 3, "").substr(0, 300), "application/json");
    });
    server.start();

    ClientOptions options = quick();
    options.max_response_bytes = 100'000;
    auto client = local_client(server.base_url(), options);
    auto big = client.records().today().try_fetch_page();
    REQUIRE_FALSE(big.has_value());
    CHECK(big.error().kind == ErrorKind::transport);
    CHECK(big.error().transport == TransportFailure::other);
    CHECK(big.error().message.find("larger than the limit") != std::string::npos);

    auto missing = client.records().yesterday().try_fetch_page();
    REQUIRE_FALSE(missing.has_value());
    CHECK(missing.error().kind == ErrorKind::api);
    CHECK(missing.error().http_status == 404);
    CHECK(missing.error().code == 20404);
    CHECK(missing.error().message == "The requested resource was not found");

    auto cut = client.records().this_month().try_fetch_page();
    REQUIRE_FALSE(cut.has_value());
    CHECK(cut.error().kind == ErrorKind::decode);
    CHECK(cut.error().found == "a document cut off after 300 bytes");
}

TEST_CASE("a secret echoed with an escape in it is not quoted either, in a trigger or in a page") {
    // The raw body never holds the token ("t" is sent as \u0074); the
    // decoded value does, and an excerpt of it would show most of it.
    std::string const token = auth_token;
    char escape[8];
    std::snprintf(escape, sizeof escape, "\\u%04x", static_cast<unsigned char>(token[0]));
    std::string const value = std::string(40, 'x') + escape + token.substr(1);
    LocalServer server;
    server.server.Get(".*", [value](httplib::Request const& req, httplib::Response& res) {
        if (req.path.find("/Triggers/") != std::string::npos)
            res.set_content(R"({"trigger_value":")" + value + R"("})", "application/json");
        else
            res.set_content(R"({"usage_records":[{"price":")" + value + R"("}]})", "application/json");
    });
    server.start();
    auto client = local_client(server.base_url(), quick());
    auto trigger = client.triggers().try_fetch("UT" + std::string(32, 'a'));
    auto page = client.records().today().try_fetch_page();
    REQUIRE_FALSE(trigger.has_value());
    REQUIRE_FALSE(page.has_value());
    CHECK(trigger.error().field == "UsageTrigger.trigger_value");
    CHECK(page.error().field == "page.usage_records[0].price");
    for (Error const& e : {trigger.error(), page.error()}) {
        CAPTURE(e.to_string());
        CHECK(e.kind == ErrorKind::decode);
        CHECK(e.found == "[redacted]");
        std::string const shown = e.to_string();
        for (std::size_t i = 0; i + 6 <= token.size(); ++i) CHECK(shown.find(token.substr(i, 6)) == std::string::npos);
    }
}

TEST_CASE("streaming: a value holding the credentials is not quoted, even cut by the excerpt") {
    LocalServer server;
    server.server.Get(".*", [](httplib::Request const&, httplib::Response& res) {
        std::string const body = R"({"usage_records":[{"price":")" + std::string(60, 'z') + auth_token + R"("}]})";
        res.set_chunked_content_provider("application/json", [body](std::size_t, httplib::DataSink& sink) {
            for (std::size_t i = 0; i < body.size(); i += 7) sink.write(body.data() + i, std::min<std::size_t>(7, body.size() - i));
            sink.done();
            return true;
        });
    });
    server.start();
    auto client = local_client(server.base_url(), quick());
    auto page = client.records().today().try_fetch_page();
    REQUIRE_FALSE(page.has_value());
    CHECK(page.error().kind == ErrorKind::decode);
    CHECK(page.error().field == "page.usage_records[0].price");
    CHECK(page.error().found == "[redacted]");
    std::string const shown = page.error().to_string();
    std::string const token = auth_token;
    for (std::size_t i = 0; i + 6 <= token.size(); ++i) CHECK(shown.find(token.substr(i, 6)) == std::string::npos);
}
