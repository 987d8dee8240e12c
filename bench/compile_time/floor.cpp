// Compile-time benchmark, the floor: exactly the dependency headers that
// include/twilio_usage/ includes (Boost.JSON, Boost.URL, cpp-httplib,
// Boost.Describe, and what comes with them: Mp11, System, OpenSSL), and a
// program doing the same work without our headers: one GET of a page, parsed
// into a boost::json::value (bench/run compiles this with -c).
#include <boost/assert/source_location.hpp>
#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>
#include <boost/describe/members.hpp>
#include <boost/json/basic_parser_impl.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>
#include <boost/mp11/algorithm.hpp>
#include <boost/system/result.hpp>
#include <boost/url/encode.hpp>
#include <boost/url/parse.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>
#include <boost/url/url.hpp>
#include <httplib.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <cstdio>
#include <cstdlib>
#include <string>

int main(int argc, char** argv) {
    auto base = boost::urls::parse_absolute_uri(argc > 1 ? argv[1] : "http://127.0.0.1:8080");
    if (!base) return 2;
    char const* sid = std::getenv("TWILIO_ACCOUNT_SID");
    char const* token = std::getenv("TWILIO_AUTH_TOKEN");
    if (!sid || !token) return 2;
    httplib::Client cli(std::string(base->scheme()) + "://" + std::string(base->encoded_host_and_port()));
    cli.set_basic_auth(sid, token);
    auto res = cli.Get(std::string("/2010-04-01/Accounts/") + sid + "/Usage/Records/Daily.json?PageSize=1000");
    if (!res || res->status != 200) return 1;
    boost::json::value page = boost::json::parse(res->body);
    for (auto const& r : page.at("usage_records").as_array())
        std::printf("%s %s\n", r.at("category").as_string().c_str(), boost::json::serialize(r.at("price")).c_str());
    return 0;
}
