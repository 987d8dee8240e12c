// The entry point: a Client made from credentials (or the environment) and
// options, handing out the records and triggers APIs.
//
//   auto client = twilio_usage::Client::from_environment().value();
//   for (auto const& r : client.records().today())
//       std::cout << r.description.value_or("") << ": " << r.price.value_or(Decimal{}) << "\n";
#pragma once

#include "twilio_usage/client/credentials.hpp"
#include "twilio_usage/client/executor.hpp"
#include "twilio_usage/client/options.hpp"
#include "twilio_usage/client/records.hpp"
#include "twilio_usage/client/transport.hpp"
#include "twilio_usage/client/triggers.hpp"
#include "twilio_usage/config.hpp"

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
    TWILIO_USAGE_DECL Client(Credentials credentials, ClientOptions options, std::shared_ptr<Transport> transport);

    /// Credentials from TWILIO_ACCOUNT_SID + TWILIO_AUTH_TOKEN, or
    /// TWILIO_API_KEY + TWILIO_API_SECRET (+ TWILIO_ACCOUNT_SID); where
    /// `options` leaves them unset, the base URL from TWILIO_USAGE_BASE_URL
    /// (what the emulator's banner exports) and the edge and region from
    /// TWILIO_EDGE and TWILIO_REGION, as Twilio's own libraries read them.
    /// An error when a variable is missing or malformed (a SID that is not
    /// AC..., a base URL with a path), before anything is sent. `getenv`
    /// replaces the process environment (for tests).
    TWILIO_USAGE_DECL static Result<Client> from_environment(ClientOptions options = {},
                                                             Credentials::Getenv getenv = {});

    /// `options` with what the environment adds (see from_environment).
    TWILIO_USAGE_DECL static ClientOptions options_from_environment(ClientOptions options = {},
                                                                    Credentials::Getenv getenv = {});

    /// The same credentials, options and connection, acting for another
    /// account (a subaccount of the credentials' account).
    TWILIO_USAGE_DECL Client for_account(std::string account_sid) const;

    RecordsApi records() const { return RecordsApi(executor_); }
    TriggersApi triggers() const { return TriggersApi(executor_); }

    /// The account in the request paths.
    std::string const& account_sid() const noexcept { return executor_->account_sid(); }
    std::string const& base_url() const noexcept { return executor_->base_url(); }
    Transport& transport() const noexcept { return *executor_->transport(); }

    /// "Client{https://api.twilio.com, account AC...1234, Credentials{...[redacted]}}"
    TWILIO_USAGE_DECL std::string to_string() const;
    friend std::ostream& operator<<(std::ostream& os, Client const& c) { return os << c.to_string(); }

    /// An HttplibTransport configured from `options` (client/httplib_transport.hpp).
    TWILIO_USAGE_DECL static std::shared_ptr<Transport> default_transport(ClientOptions const& options);

private:
    std::shared_ptr<detail::Executor const> executor_;
};

}  // namespace twilio_usage

#ifndef TWILIO_USAGE_SEPARATE_COMPILATION
#include "twilio_usage/client/impl/client.ipp"
#endif
