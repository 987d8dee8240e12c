// The definitions of client/client.hpp (see config.hpp for when this is
// included).
#pragma once

#include "twilio_usage/client/client.hpp"
#include "twilio_usage/client/executor.hpp"
#include "twilio_usage/client/httplib_transport.hpp"

#include <memory>
#include <string>
#include <utility>

namespace twilio_usage {

TWILIO_USAGE_DECL Client::Client(Credentials credentials, ClientOptions options, std::shared_ptr<Transport> transport)
    : executor_(std::make_shared<detail::Executor const>(std::move(credentials), std::move(options),
                                                         std::move(transport))) {}

TWILIO_USAGE_DECL ClientOptions Client::options_from_environment(ClientOptions options, Credentials::Getenv getenv) {
    if (!getenv) getenv = detail::process_getenv;
    if (options.base_url.empty())
        if (auto url = getenv("TWILIO_USAGE_BASE_URL")) options.base_url = std::move(*url);
    if (!options.edge) options.edge = getenv("TWILIO_EDGE");
    if (!options.region) options.region = getenv("TWILIO_REGION");
    return options;
}

TWILIO_USAGE_DECL Result<Client> Client::from_environment(ClientOptions options, Credentials::Getenv getenv) {
    auto credentials = Credentials::from_environment(getenv);
    if (!credentials) return credentials.error();
    Client client(std::move(*credentials), options_from_environment(std::move(options), std::move(getenv)));
    if (auto const& error = client.executor_->setup_error()) return *error;
    return client;
}

TWILIO_USAGE_DECL Client Client::for_account(std::string account_sid) const {
    ClientOptions options = executor_->options();
    options.account_sid = std::move(account_sid);
    return Client(executor_->credentials(), std::move(options), executor_->transport());
}

TWILIO_USAGE_DECL std::string Client::to_string() const {
    return "Client{" + base_url() + ", account " + detail::redact_sid(account_sid()) + ", " +
           executor_->credentials().to_string() + "}";
}

TWILIO_USAGE_DECL std::shared_ptr<Transport> Client::default_transport(ClientOptions const& options) {
    HttplibTransportOptions t;
    t.connect_timeout = options.connect_timeout;
    t.read_timeout = options.read_timeout;
    t.request_timeout = options.request_timeout;
    t.max_response_bytes = options.max_response_bytes;
    t.max_connections = options.max_connections;
    t.verify_tls = options.verify_tls;
    t.ca_cert_path = options.ca_cert_path;
    return std::make_shared<HttplibTransport>(std::move(t));
}

}  // namespace twilio_usage
