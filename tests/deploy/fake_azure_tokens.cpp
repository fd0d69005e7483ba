// Microsoft Entra's client-credentials token endpoint and the instance metadata service's
// managed identity endpoint, as platform.md §9 describes them, with their error answers.
#include <ctime>

#include "fake_azure_impl.h"

namespace pgc::tests {
namespace {

void sendOAuthError(httplib::Response& response, int status, const std::string& error, int code,
                    const std::string& description) {
  sendJson(response, status,
           {{"error", error},
            {"error_description",
             "AADSTS" + std::to_string(code) + ": " + description + " Trace ID: " + randomGuid() +
                 " Correlation ID: " + randomGuid() + " Timestamp: " + isoTimestamp()},
            {"error_codes", {code}},
            {"timestamp", isoTimestamp()},
            {"trace_id", randomGuid()},
            {"correlation_id", randomGuid()},
            {"error_uri", "https://login.microsoftonline.com/error?code=" + std::to_string(code)}});
}

}  // namespace

void FakeAzure::Impl::handleToken(const httplib::Request& request, httplib::Response& response,
                                  const std::string& tenant) {
  if (request.method != "POST") {
    sendOAuthError(
        response, 405, "invalid_request", 900561,
        "The endpoint only accepts POST requests. Received a " + request.method + " request.");
    return;
  }
  if (!equalsIgnoringCase(tenant, options.tenantId)) {
    sendOAuthError(response, 400, "invalid_request", 90002,
                   "Tenant '" + tenant +
                       "' not found. Check to make sure you have the correct tenant ID and are "
                       "signing into the correct cloud.");
    return;
  }
  httplib::Params form;
  httplib::detail::parse_query_text(request.body, form);
  auto field = [&](const std::string& name) {
    auto found = form.find(name);
    return found == form.end() ? std::string() : found->second;
  };
  if (field("grant_type") != "client_credentials") {
    sendOAuthError(response, 400, "unsupported_grant_type", 70003,
                   "The app requested an unsupported grant type '" + field("grant_type") + "'.");
    return;
  }
  if (field("client_id") != options.clientId) {
    sendOAuthError(response, 400, "unauthorized_client", 700016,
                   "Application with identifier '" + field("client_id") +
                       "' was not found in the directory '" + tenant + "'.");
    return;
  }
  const std::string scope = field("scope");
  if (scope.empty()) {
    sendOAuthError(response, 400, "invalid_request", 90014,
                   "The required field 'scope' is missing from the credential. Ensure that you "
                   "have all the necessary parameters for the login request.");
    return;
  }
  if (scope.size() < 9 || scope.substr(scope.size() - 9) != "/.default") {
    sendOAuthError(response, 400, "invalid_scope", 1002012,
                   "The provided value for scope " + scope +
                       " is not valid. Client credential flows must have a scope value with "
                       "/.default suffixed to the resource identifier (application ID URI).");
    return;
  }
  std::string via;
  if (form.count("client_secret")) {
    if (field("client_secret") != options.clientSecret) {
      sendOAuthError(response, 401, "invalid_client", 7000215,
                     "Invalid client secret provided. Ensure the secret being sent in the "
                     "request is the client secret value, not the client secret ID, for a "
                     "secret added to app '" +
                         options.clientId + "'.");
      return;
    }
    via = "client_secret";
  } else if (form.count("client_assertion")) {
    if (field("client_assertion_type") !=
        "urn:ietf:params:oauth:client-assertion-type:jwt-bearer") {
      sendOAuthError(response, 400, "invalid_request", 50027,
                     "The client_assertion_type must be "
                     "'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'.");
      return;
    }
    if (field("client_assertion") != options.federatedAssertion) {
      sendOAuthError(response, 400, "invalid_client", 700211,
                     "No matching federated identity record found for presented assertion "
                     "issuer.");
      return;
    }
    via = "client_assertion";
  } else {
    sendOAuthError(response, 401, "invalid_client", 7000218,
                   "The request body must contain the following parameter: 'client_assertion' "
                   "or 'client_secret'.");
    return;
  }
  IssuedToken issued{"fake-entra-" + randomHex(24), scope, via};
  tokens.push_back(issued);
  sendJson(response, 200,
           {{"token_type", "Bearer"},
            {"expires_in", 3599},
            {"ext_expires_in", 3599},
            {"access_token", issued.accessToken}});
}

void FakeAzure::Impl::handleImds(const httplib::Request& request, httplib::Response& response) {
  // IMDS refuses anything without the header, so that a redirected request cannot get a token.
  if (request.get_header_value("Metadata") != "true") {
    sendJson(response, 400,
             {{"error", "invalid_request"},
              {"error_description", "Required metadata header not specified"}});
    return;
  }
  if (request.get_param_value("api-version").empty()) {
    sendJson(response, 400,
             {{"error", "invalid_request"},
              {"error_description", "Required query variable 'api-version' is missing"}});
    return;
  }
  const std::string resource = request.get_param_value("resource");
  if (resource.empty()) {
    sendJson(response, 400,
             {{"error", "invalid_request"},
              {"error_description", "Required query variable 'resource' is missing"}});
    return;
  }
  IssuedToken issued{"fake-imds-" + randomHex(24), resource, "imds"};
  tokens.push_back(issued);
  const std::time_t now = std::time(nullptr);
  sendJson(response, 200,
           {{"access_token", issued.accessToken},
            {"refresh_token", ""},
            {"expires_in", "86399"},
            {"expires_on", std::to_string(now + 86399)},
            {"ext_expires_in", "86399"},
            {"not_before", std::to_string(now)},
            {"resource", resource},
            {"token_type", "Bearer"}});
}

}  // namespace pgc::tests
