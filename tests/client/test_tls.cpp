// HTTPS: certificates and host names are verified by default. A throw-away
// self-signed certificate is made for a local httplib::SSLServer.
#include "servers.hpp"

#include <doctest/doctest.h>

#include <openssl/pem.h>
#include <openssl/x509v3.h>

#include <cstdio>
#include <filesystem>

using namespace twilio_usage;
using namespace test_support;
using namespace std::chrono_literals;

namespace {

struct Pem {
    std::string cert;
    std::string key;
};

// A self-signed certificate for CN=localhost with the given subjectAltName.
Pem make_certificate(std::string const& stem, char const* san) {
    EVP_PKEY* pkey = EVP_RSA_gen(2048);
    X509* x = X509_new();
    X509_set_version(x, 2);
    ASN1_INTEGER_set(X509_get_serialNumber(x), 1);
    X509_gmtime_adj(X509_getm_notBefore(x), -60);
    X509_gmtime_adj(X509_getm_notAfter(x), 3600);
    X509_set_pubkey(x, pkey);
    X509_NAME* name = X509_get_subject_name(x);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<unsigned char const*>("localhost"), -1, -1, 0);
    X509_set_issuer_name(x, name);
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, x, x, nullptr, nullptr, 0);
    for (auto [nid, value] : {std::pair{NID_subject_alt_name, san}, std::pair{NID_basic_constraints, "critical,CA:TRUE"}}) {
        X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
        X509_add_ext(x, ext, -1);
        X509_EXTENSION_free(ext);
    }
    X509_sign(x, pkey, EVP_sha256());
    auto dir = std::filesystem::temp_directory_path();
    Pem out{(dir / (stem + "-cert.pem")).string(), (dir / (stem + "-key.pem")).string()};
    FILE* f = std::fopen(out.cert.c_str(), "w");
    PEM_write_X509(f, x);
    std::fclose(f);
    f = std::fopen(out.key.c_str(), "w");
    PEM_write_PrivateKey(f, pkey, nullptr, nullptr, 0, nullptr, nullptr);
    std::fclose(f);
    X509_free(x);
    EVP_PKEY_free(pkey);
    return out;
}

class TlsServer {
public:
    explicit TlsServer(Pem const& pem) : server(pem.cert.c_str(), pem.key.c_str()) {
        server.Get(".*", [](httplib::Request const&, httplib::Response& res) {
            res.set_content(page_json(0, 1, ""), "application/json");
        });
        port = server.bind_to_any_port("127.0.0.1");
        thread = std::thread([this] { server.listen_after_bind(); });
        while (!server.is_running()) std::this_thread::sleep_for(1ms);
    }
    ~TlsServer() {
        server.stop();
        thread.join();
    }
    httplib::SSLServer server;
    int port = 0;
    std::thread thread;
};

Result<Page<UsageRecord>> fetch(int port, std::string const& ca) {
    ClientOptions options;
    options.connect_timeout = 2s;
    options.read_timeout = 2s;
    if (!ca.empty()) options.ca_cert_path = ca;
    return local_client("https://127.0.0.1:" + std::to_string(port), options).records().today().try_fetch_page();
}

}  // namespace

TEST_CASE("TLS: an untrusted certificate and a wrong host name are refused; a trusted one works") {
    auto const pid = std::to_string(::getpid());
    auto good = make_certificate("twilio-usage-ip-" + pid, "IP:127.0.0.1");
    auto wrong_host = make_certificate("twilio-usage-dns-" + pid, "DNS:not-this-host.example");
    {
        TlsServer server(good);
        // The system CA store does not know it.
        auto untrusted = fetch(server.port, "");
        REQUIRE_FALSE(untrusted.has_value());
        CHECK(untrusted.error().transport == TransportFailure::tls);
        // Trusted, and issued for 127.0.0.1: accepted.
        auto trusted = fetch(server.port, good.cert);
        CHECK(trusted.has_value());
    }
    {
        TlsServer server(wrong_host);
        // Trusted, but issued for another host name.
        auto mismatch = fetch(server.port, wrong_host.cert);
        REQUIRE_FALSE(mismatch.has_value());
        CHECK(mismatch.error().transport == TransportFailure::tls);
    }
    for (auto const& p : {good, wrong_host}) {
        std::filesystem::remove(p.cert);
        std::filesystem::remove(p.key);
    }
}
