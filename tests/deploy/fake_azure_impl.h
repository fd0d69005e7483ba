// The fake's insides, shared by its files: state behind one mutex, the template planner that
// validate, what-if and deploy all use, and the expression evaluator under it.
#pragma once

#include <httplib.h>

#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>

#include "fake_azure.h"

namespace pgc::tests {

using json = nlohmann::json;

// A request Azure refuses: thrown inside a handler, turned into ARM's error body at its top,
// which keeps the many checks of a deployment request flat.
struct ArmError : std::runtime_error {
  ArmError(int status, std::string code, const std::string& message)
      : std::runtime_error(message), status(status), code(std::move(code)) {}
  int status;
  std::string code;
};

// "Deployment template validation failed: '<detail>'." as ARM words it, status 400.
ArmError invalidTemplate(const std::string& detail);

std::string lowerCase(std::string text);
bool equalsIgnoringCase(const std::string& a, const std::string& b);
std::string randomHex(size_t bytes);
std::string randomGuid();
std::string isoTimestamp();
// ARM's spelling of a parameter or output type in responses: "String", "SecureString", …
std::string armTypeName(const std::string& templateType);

// What expressions can see while a template is evaluated.
struct EvaluationScope {
  std::string subscriptionId;
  std::string tenantId;
  std::string resourceGroup;  // "" at subscription scope
  json parameters = json::object();
  std::set<std::string> secureParameters;
  // The runtime state `reference()` reads; unset before the deployment runs, and then
  // expressions that need it stay as written (as ARM's what-if shows them).
  std::function<json(const std::string& resourceId)> reference;
};

// Evaluates a template value: strings that are expressions become their value, `[[` escapes
// lose one bracket, objects and arrays are walked. With `dropSecure`, members whose value
// came from a secure parameter are left out (write-only, never shown back).
std::optional<json> evaluateValue(const json& value, const EvaluationScope& scope, bool dropSecure);

// The resource id of `type` with `names` in a scope: ARM's `resourceId()` shape.
std::string resourceIdOf(const std::string& subscriptionId, const std::string& resourceGroup,
                         const std::string& type, const std::vector<std::string>& names);

struct PlannedDeployment;

// One template resource, evaluated.
struct PlannedResource {
  std::string id;
  std::string type;
  std::string name;
  json body;  // type, name, apiVersion, location, tags, sku, properties, as far as given
  std::shared_ptr<PlannedDeployment> nested;  // for Microsoft.Resources/deployments
};

// A deployment request checked and evaluated, ready for what-if or to run.
struct PlannedDeployment {
  std::string id;
  std::string name;
  std::string resourceGroup;  // "" at subscription scope
  std::string location;       // subscription scope only
  std::string mode;
  json tmpl;
  EvaluationScope scope;
  std::vector<PlannedResource> resources;
};

// Checks a deployment body (`{location?, properties:{mode, template, parameters}}`) as ARM's
// validation does and evaluates its resources; throws ArmError when ARM would refuse it.
std::shared_ptr<PlannedDeployment> planDeployment(const json& body, const std::string& subscription,
                                                  const std::string& tenant,
                                                  const std::string& resourceGroup,
                                                  const std::string& name);

// The parameters as ARM echoes them: `{name: {type, value}}`, secure values left out.
json echoedParameters(const PlannedDeployment& plan);

// A request's target under /subscriptions/{s}/…, taken apart.
struct ArmPath {
  std::string subscription;
  std::string resourceGroup;
  std::string deployment;
  std::string action;  // "", validate, whatIf, operations, operationStatuses, cancel
  std::string operationId;
  std::string whatIfResultId;
};

// One step of a running deployment: a resource, or a nested deployment spanning its inner
// steps. Steps finish in template order as the deployment's status is polled.
struct DeploymentStep {
  const PlannedResource* resource;
  size_t first = 0;  // the first leaf step this one covers
  size_t last = 0;   // its own position in the leaf order
  std::string operationId;
};

struct DeploymentRecord {
  std::string key;  // lower-case id
  std::shared_ptr<PlannedDeployment> plan;
  std::string rootKey;  // the top-level deployment this one runs inside (itself at the top)
  std::vector<DeploymentStep> steps;
  size_t first = 0, last = 0;  // for nested ones: the span they cover in the root's order
  std::string statusId;
  std::string correlationId = randomGuid();
  std::string timestamp = isoTimestamp();
  json outputs;
  json error;
  // root only
  std::vector<std::string> family;  // its records' keys, parents before children
  std::vector<const PlannedResource*> leaves;
  int polls = 0;
  std::optional<size_t> failingLeaf;
  json providerError;
  std::string terminal;  // "", Succeeded, Failed, Canceled
  size_t canceledAt = 0;
};

struct PendingWhatIf {
  json result;
  int pollsLeft = 0;
  std::string location;  // the URL to poll, repeated on every 202
};

struct PendingFault {
  FakeRoute route;
  Fault fault;
};

struct FakeAzure::Impl {
  explicit Impl(FakeAzureOptions options);

  FakeAzureOptions options;
  httplib::Server server;
  int port = 0;
  std::thread serving;

  mutable std::mutex mutex;
  mutable std::condition_variable changed;
  std::vector<RecordedRequest> recorded;
  std::vector<IssuedToken> tokens;
  std::vector<PendingFault> faults;
  std::map<std::string, json> resourceGroups;           // by lower-case name
  std::map<std::string, DeployedResource> deployed;     // by lower-case id
  std::map<std::string, DeploymentRecord> deployments;  // by lower-case id
  std::map<std::string, std::string> statusToDeployment;
  std::map<std::string, PendingWhatIf> whatIfs;
  std::string serverFqdn;
  json failWith;
  bool hold = false;

  std::string url() const { return "http://127.0.0.1:" + std::to_string(port); }
  void dispatch(const httplib::Request& request, httplib::Response& response);
  void handleArm(const httplib::Request& request, httplib::Response& response,
                 const std::optional<ArmPath>& arm);

  // fake_azure_tokens.cpp
  void handleToken(const httplib::Request& request, httplib::Response& response,
                   const std::string& tenant);
  void handleImds(const httplib::Request& request, httplib::Response& response);
  // fake_azure_resource_groups.cpp
  void handleResourceGroup(const httplib::Request& request, httplib::Response& response,
                           const ArmPath& path);
  // fake_azure_deployments.cpp
  void handleDeployment(const httplib::Request& request, httplib::Response& response,
                        const ArmPath& path);
  DeploymentRecord& recordFor(const ArmPath& path);
  // fake_azure_progress.cpp
  DeploymentRecord& registerDeployment(const std::shared_ptr<PlannedDeployment>& plan);
  void advance(DeploymentRecord& root);
  size_t doneSteps(const DeploymentRecord& root) const;
  std::string spanState(const DeploymentRecord& root, size_t first, size_t last) const;
  std::string stateOf(const DeploymentRecord& record) const;
  json extended(const DeploymentRecord& record) const;
  json operationsOf(const DeploymentRecord& record) const;
  json runtimeView(const std::string& resourceId) const;
  void finish(DeploymentRecord& root);
  // fake_azure_what_if.cpp
  json whatIf(const PlannedDeployment& plan) const;
  void handleWhatIfResult(httplib::Response& response, const std::string& id);
};

// Writes ARM's error body `{error:{code, message}}`.
void sendArmError(httplib::Response& response, int status, const std::string& code,
                  const std::string& message);
void sendJson(httplib::Response& response, int status, const json& body);

}  // namespace pgc::tests
