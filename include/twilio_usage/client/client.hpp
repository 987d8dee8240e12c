// The entry point: a Client made from credentials (or the environment) and
// options, handing out the records and triggers APIs.
//
//   auto client = twilio_usage::Client::from_environment().value();
//   for (auto const& r : client.records().today())
//       std::cout << r.description.value_or("") << ": " << r.price.value_or(Decimal{}) << "\n";
#pragma once

#include "twilio_usage/client/credentials.hpp"
#include "twilio_usage/client/executor.hpp"
#include "twilio_usage/client/httplib_transport.hpp"
#include "twilio_usage/client/options.hpp"
#include "twilio_usage/client/records.hpp"
#include "twilio_usage/client/transport.hpp"
#include "twilio_usage/client/triggers.hpp"

#include <memory>
#include <ostream>
#include <string>
#include <utility>

namespace twilio_usage {

class Client {
public:
    /// With the default (httplib) transport configured from `options`.
    explicit Client(Credentials credentials, ClientOptions options = {})
        : Client(credentials, options, default_transport(options)) {}

    /// With a transport of your own.
    Client(Credentials credentials, ClientOptions options, std::shared_ptr<Transport> transport)
        : executor_(std::make_shared<detail::Executor const>(std::move(credentials), std::move(options),
                                                             std::move(transport))) {}

    /// Credentials from TWILIO_ACCOUNT_SID + TWILIO_AUTH_TOKEN, or
    /// TWILIO_API_KEY + TWILIO_API_SECRET (+ TWILIO_ACCOUNT_SID).
    static Result<Client> from_environment(ClientOptions options = {}) {
        auto credentials = Credentials::from_environment();
        if (!credentials) return credentials.error();
        return Client(std::move(*credentials), std::move(options));
    }

    /// The same credentials, options and connection, acting for another
    /// account (a subaccount of the credentials' account).
    Client for_account(std::string account_sid) const {
        ClientOptions options = executor_->options();
        options.account_sid = std::move(account_sid);
        return Client(executor_->credentials(), std::move(options), executor_->transport());
    }

    RecordsApi records() const { return RecordsApi(executor_); }
    TriggersApi triggers() const { return TriggersApi(executor_); }

    /// The account in the request paths.
    std::string const& account_sid() const noexcept { return executor_->account_sid(); }
    std::string const& base_url() const noexcept { return executor_->base_url(); }
    Transport& transport() const noexcept { return *executor_->transport(); }

    /// "Client{https://api.twilio.com, account AC...1234, Credentials{...[redacted]}}"
    std::string to_string() const {
        return "Client{" + base_url() + ", account " + detail::redact_sid(account_sid()) + ", " +
               executor_->credentials().to_string() + "}";
    }
    friend std::ostream& operator<<(std::ostream& os, Client const& c) { return os << c.to_string(); }

    static std::shared_ptr<Transport> default_transport(ClientOptions const& options) {
        HttplibTransportOptions t;
        t.connect_timeout = options.connect_timeout;
        t.read_timeout = options.read_timeout;
        t.request_timeout = options.request_timeout;
        t.max_response_bytes = options.max_response_bytes;
        t.verify_tls = options.verify_tls;
        t.ca_cert_path = options.ca_cert_path;
        return std::make_shared<HttplibTransport>(std::move(t));
    }

private:
    std::shared_ptr<detail::Executor const> executor_;
};

}  // namespace twilio_usage
