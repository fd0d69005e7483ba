// A loopback stand-in for Entra ID, the instance metadata service and Azure Resource Manager's
// deployments API, so that `pgc deploy` can be tested end to end without ever leaving 127.0.0.1.
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace pgc::tests {

struct FakeAzureOptions {
  std::string tenantId = "8d3e6f41-2c57-4b1a-9e0d-7a6b5c4d3e21";
  std::string clientId = "1f2e3d4c-5b6a-4789-8a9b-0c1d2e3f4a5b";
  std::string clientSecret = "fake~client.secret-for-loopback-tests";
  // What a workload identity's token file holds: accepted as `client_assertion`.
  std::string federatedAssertion = "eyJhbGciOiJSUzI1NiJ9.fake-federated-assertion.c2lnbmF0dXJl";
  std::string subscriptionId = "3c5a8f0e-6b2d-4e71-9c84-1d2f3a4b5c6d";
  int whatIfPolls = 1;          // 202 answers to a what-if result before its 200
  int deploymentPolls = 2;      // "Running" answers to a deployment's status before it ends
  int operationsPageSize = 50;  // operations per page before `nextLink`
  int pollRetryAfterSeconds = 0;
};

// What a request is for, to aim faults at it.
enum class FakeRoute {
  Token,
  Imds,
  ResourceGroup,
  Validate,
  WhatIf,
  WhatIfResult,
  DeploymentPut,
  DeploymentStatus,
  DeploymentGet,
  Operations,
  Any
};

enum class FaultKind {
  Throttle,            // 429 with Retry-After and ARM's "excessive volume of traffic" error
  InternalError,       // 500
  ServiceUnavailable,  // 503 with Retry-After
  Conflict,            // 409 RetryableErrorDueToAnotherOperation
  DropConnection,      // headers, then the connection closes before the body
  Slow,                // the normal answer, `delayMs` late
};

struct Fault {
  FaultKind kind = FaultKind::Throttle;
  int count = 1;  // how many of the next matching requests it hits
  int delayMs = 0;
  int retryAfterSeconds = 0;
};

struct RecordedRequest {
  std::string method;
  std::string path;
  std::multimap<std::string, std::string> query;
  std::map<std::string, std::string> headers;  // names in lower case
  std::string body;
  FakeRoute route = FakeRoute::Any;
  std::string queryValue(const std::string& name) const;
};

struct IssuedToken {
  std::string accessToken;
  std::string scope;  // the scope asked for, or IMDS's `resource`
  std::string via;    // "client_secret", "client_assertion" or "imds"
};

// A resource as ARM holds it after a deployment: id in ARM's form, body with type, name,
// location, tags, sku and properties (write-only secrets left out, as Azure does).
struct DeployedResource {
  std::string id;
  nlohmann::json body;
};

class FakeAzure {
 public:
  explicit FakeAzure(FakeAzureOptions options = {});
  ~FakeAzure();
  FakeAzure(const FakeAzure&) = delete;
  FakeAzure& operator=(const FakeAzure&) = delete;

  // "http://127.0.0.1:PORT"
  std::string url() const;
  const FakeAzureOptions& options() const;
  // The variables that point pgc's credentials and ARM client here.
  std::map<std::string, std::string> environment() const;

  // The host name flexible servers report (`fullyQualifiedDomainName`); default
  // `<name>.postgres.database.azure.com`. "127.0.0.1" sends the SQL step to a local server.
  void setServerFqdn(const std::string& fqdn);
  // Deployments started from now on fail at their first flexible server with this resource
  // provider error ({code, message}), wrapped as ARM wraps it; the default is the real
  // shared_preload_libraries rejection. An empty object turns failing off again.
  void failDeployment(nlohmann::json providerError = sharedPreloadLibrariesRejection());
  static nlohmann::json sharedPreloadLibrariesRejection();
  // While on, deployments stay Running however often they are polled.
  void holdDeployments(bool hold);
  void setPollRetryAfter(int seconds);
  void injectFault(FakeRoute route, Fault fault);

  // State a test can seed or inspect.
  void addResourceGroup(const std::string& name, const std::string& location);
  bool hasResourceGroup(const std::string& name) const;
  void addDeployedResource(const DeployedResource& resource);
  std::vector<DeployedResource> deployedResources() const;
  // "Accepted", "Running", "Succeeded", "Failed", "Canceled"; "" when there is none.
  std::string deploymentState(const std::string& deploymentName) const;

  std::vector<RecordedRequest> requests() const;
  std::vector<IssuedToken> issuedTokens() const;
  // Re-checks `predicate` after every request until it holds (true) or `timeout` passes.
  bool waitFor(const std::function<bool()>& predicate, std::chrono::milliseconds timeout) const;

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace pgc::tests
