// The fake's front door: it records every request, answers the injected faults, enforces
// ARM's authentication, api-version and subscription checks, and routes what passes on.
#include <algorithm>
#include <chrono>
#include <thread>

#include "fake_azure_impl.h"

namespace pgc::tests {
namespace {

std::vector<std::string> pathSegments(const std::string& path) {
  std::vector<std::string> segments;
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    if (end > start) segments.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  return segments;
}

// Takes apart /subscriptions/{s}/[resourcegroups/{rg}/][providers/Microsoft.Resources/
// deployments/{name}/[action[/id]]] and /subscriptions/{s}/operationresults/{id}.
std::optional<ArmPath> parseArmPath(const std::string& path) {
  std::vector<std::string> s = pathSegments(path);
  if (s.size() < 2 || !equalsIgnoringCase(s[0], "subscriptions")) return std::nullopt;
  ArmPath parsed;
  parsed.subscription = s[1];
  size_t i = 2;
  if (s.size() == 4 && equalsIgnoringCase(s[2], "operationresults")) {
    parsed.whatIfResultId = s[3];
    return parsed;
  }
  if (i + 1 < s.size() && equalsIgnoringCase(s[i], "resourcegroups")) {
    parsed.resourceGroup = s[i + 1];
    i += 2;
  }
  if (i == s.size()) return parsed.resourceGroup.empty() ? std::nullopt : std::optional(parsed);
  if (s.size() < i + 4 || !equalsIgnoringCase(s[i], "providers") ||
      !equalsIgnoringCase(s[i + 1], "Microsoft.Resources") ||
      !equalsIgnoringCase(s[i + 2], "deployments")) {
    return std::nullopt;
  }
  parsed.deployment = s[i + 3];
  i += 4;
  if (i < s.size()) parsed.action = s[i++];
  if (equalsIgnoringCase(parsed.action, "operationStatuses") && i < s.size()) {
    parsed.operationId = s[i++];
  }
  if (i != s.size()) return std::nullopt;
  return parsed;
}

FakeRoute routeOf(const httplib::Request& request, const std::optional<ArmPath>& arm) {
  if (request.path == "/metadata/identity/oauth2/token") return FakeRoute::Imds;
  std::vector<std::string> s = pathSegments(request.path);
  if (s.size() == 4 && s[1] == "oauth2" && s[2] == "v2.0" && s[3] == "token") {
    return FakeRoute::Token;
  }
  if (!arm) return FakeRoute::Any;
  if (!arm->whatIfResultId.empty()) return FakeRoute::WhatIfResult;
  if (arm->deployment.empty()) return FakeRoute::ResourceGroup;
  const std::string action = lowerCase(arm->action);
  if (action.empty()) {
    return request.method == "PUT" ? FakeRoute::DeploymentPut : FakeRoute::DeploymentGet;
  }
  if (action == "validate") return FakeRoute::Validate;
  if (action == "whatif") return FakeRoute::WhatIf;
  if (action == "operations") return FakeRoute::Operations;
  if (action == "operationstatuses") return FakeRoute::DeploymentStatus;
  return FakeRoute::Any;
}

bool isTokenRoute(FakeRoute route) { return route == FakeRoute::Token || route == FakeRoute::Imds; }

// Entra and IMDS answer in OAuth's shape, ARM in its own.
void sendFault(httplib::Response& response, const Fault& fault, FakeRoute route,
               const std::string& subscription) {
  const bool oauth = isTokenRoute(route);
  auto oauthError = [&](int status, const std::string& error, const std::string& description,
                        int code) {
    sendJson(response, status,
             {{"error", error},
              {"error_description", description},
              {"error_codes", {code}},
              {"timestamp", isoTimestamp()},
              {"trace_id", randomGuid()},
              {"correlation_id", randomGuid()}});
  };
  switch (fault.kind) {
    case FaultKind::Throttle:
      response.set_header("Retry-After", std::to_string(fault.retryAfterSeconds));
      if (oauth) {
        oauthError(429, "temporarily_unavailable",
                   "AADSTS90055: TenantThrottlingThreshold - The number of requests has "
                   "exceeded the throttling threshold. Please try again later.",
                   90055);
      } else {
        sendArmError(response, 429, "SubscriptionRequestsThrottled",
                     "The request for subscription '" + subscription +
                         "' could not be processed due to an excessive volume of traffic. "
                         "Please try again later.");
      }
      return;
    case FaultKind::InternalError:
      if (oauth) {
        oauthError(500, "server_error",
                   "AADSTS50000: There was an error issuing a token or an issue with our "
                   "sign-in service.",
                   50000);
      } else {
        sendArmError(response, 500, "InternalServerError",
                     "Encountered internal server error. Diagnostic information: timestamp '" +
                         isoTimestamp() + "', tracking id '" + randomGuid() + "'.");
      }
      return;
    case FaultKind::ServiceUnavailable:
      response.set_header("Retry-After", std::to_string(fault.retryAfterSeconds));
      if (oauth) {
        oauthError(503, "temporarily_unavailable",
                   "AADSTS90006: The service is temporarily unavailable. Please try again.", 90006);
      } else {
        sendArmError(response, 503, "ServiceUnavailable",
                     "The server is currently unable to handle the request due to a temporary "
                     "overloading or maintenance of the server. Please try again later.");
      }
      return;
    case FaultKind::Conflict:
      sendArmError(response, 409, "RetryableErrorDueToAnotherOperation",
                   "Operation cannot be performed now because another operation is in "
                   "progress on the resource. Please retry the operation later.");
      return;
    case FaultKind::DropConnection:
      // Promises a body, then gives up: the client sees the headers and a closed socket.
      response.status = 200;
      response.set_content_provider(64, "application/json",
                                    [](size_t, size_t, httplib::DataSink&) { return false; });
      return;
    case FaultKind::Slow: return;
  }
}

}  // namespace

std::string RecordedRequest::queryValue(const std::string& name) const {
  auto found = query.find(name);
  return found == query.end() ? "" : found->second;
}

FakeAzure::Impl::Impl(FakeAzureOptions givenOptions) : options(std::move(givenOptions)) {}

void FakeAzure::Impl::dispatch(const httplib::Request& request, httplib::Response& response) {
  std::optional<ArmPath> arm = parseArmPath(request.path);
  FakeRoute route = routeOf(request, arm);
  std::optional<Fault> fault;
  {
    std::lock_guard<std::mutex> lock(mutex);
    RecordedRequest record{request.method, request.path, {}, {}, request.body, route};
    for (const auto& [name, value] : request.params) record.query.emplace(name, value);
    for (const auto& [name, value] : request.headers) record.headers[lowerCase(name)] = value;
    recorded.push_back(std::move(record));
    for (auto it = faults.begin(); it != faults.end(); ++it) {
      if (it->route != FakeRoute::Any && it->route != route) continue;
      fault = it->fault;
      if (--it->fault.count <= 0) faults.erase(it);
      break;
    }
  }
  changed.notify_all();
  response.set_header("x-ms-request-id", randomGuid());
  response.set_header("x-ms-correlation-request-id", randomGuid());
  if (fault && fault->kind == FaultKind::Slow) {
    std::this_thread::sleep_for(std::chrono::milliseconds(fault->delayMs));
  } else if (fault) {
    sendFault(response, *fault, route, options.subscriptionId);
    return;
  }
  {
    std::lock_guard<std::mutex> lock(mutex);
    try {
      if (route == FakeRoute::Imds) {
        handleImds(request, response);
      } else if (route == FakeRoute::Token) {
        handleToken(request, response, pathSegments(request.path)[0]);
      } else {
        handleArm(request, response, arm);
      }
    } catch (const ArmError& error) {
      sendArmError(response, error.status, error.code, error.what());
    }
  }
  changed.notify_all();
}

void FakeAzure::Impl::handleArm(const httplib::Request& request, httplib::Response& response,
                                const std::optional<ArmPath>& arm) {
  const std::string authorization = request.get_header_value("Authorization");
  const std::string challenge = "Bearer authorization_uri=\"" + url() + "/" + options.tenantId +
                                "\", error=\"invalid_token\"";
  if (authorization.empty()) {
    response.set_header("WWW-Authenticate", challenge);
    throw ArmError(401, "AuthenticationFailed",
                   "Authentication failed. The 'Authorization' header is missing.");
  }
  if (authorization.rfind("Bearer ", 0) != 0) {
    response.set_header("WWW-Authenticate", challenge);
    throw ArmError(401, "AuthenticationFailed",
                   "Authentication failed. The 'Authorization' header is provided in an invalid "
                   "format.");
  }
  const std::string token = authorization.substr(7);
  auto issued = std::find_if(tokens.begin(), tokens.end(),
                             [&](const IssuedToken& t) { return t.accessToken == token; });
  if (issued == tokens.end()) {
    response.set_header("WWW-Authenticate", challenge);
    throw ArmError(401, "InvalidAuthenticationToken", "The access token is invalid.");
  }
  if (issued->scope.find("ossrdbms-aad.database.windows.net") != std::string::npos) {
    throw ArmError(401, "InvalidAuthenticationTokenAudience",
                   "The access token has been obtained for wrong audience or resource '" +
                       issued->scope +
                       "'. It should exactly match with one of the allowed audiences "
                       "'https://management.core.windows.net/','https://management.core."
                       "windows.net','https://management.azure.com/','https://"
                       "management.azure.com'.");
  }
  if (!request.has_param("api-version")) {
    throw ArmError(400, "MissingApiVersionParameter",
                   "The api-version query parameter (?api-version=) is required for all "
                   "requests.");
  }
  if (!arm) {
    throw ArmError(404, "InvalidResourceType",
                   "The resource type could not be found in the namespace for api version '" +
                       request.get_param_value("api-version") + "'.");
  }
  if (!equalsIgnoringCase(arm->subscription, options.subscriptionId)) {
    throw ArmError(404, "SubscriptionNotFound",
                   "The subscription '" + arm->subscription + "' could not be found.");
  }
  if (!arm->whatIfResultId.empty()) {
    handleWhatIfResult(response, arm->whatIfResultId);
  } else if (arm->deployment.empty()) {
    handleResourceGroup(request, response, *arm);
  } else {
    handleDeployment(request, response, *arm);
  }
}

}  // namespace pgc::tests
