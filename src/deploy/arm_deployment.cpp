// The steps of one deployment, in the order ARM wants them: resource group, validate,
// what-if (and the user's yes), PUT, follow to a terminal state, outputs or the nested error.
#include "pgc/deploy/arm_deployment.h"

#include <fmt/format.h>

#include <optional>
#include <variant>

#include "arm_polling.h"
#include "deployment_progress.h"
#include "what_if_report.h"

namespace pgc::deploy {

namespace {

struct Run {
  ArmClient& arm;
  const DeploymentPlan& plan;
  const Waiter& waiter;
  DeployConsole& console;

  // Why the run stopped, when a step could not finish: interrupted, past the deadline, or
  // a request that failed.
  DeployOutcome stopped(const ArmReply& reply, const std::string& step) {
    if (waiter.interrupted()) return DeployOutcome::Interrupted;
    if (waiter.expired()) return DeployOutcome::TimedOut;
    console.problem(fmt::format("pgc: {} failed: {}", step, reply.describe()));
    return reply.failure.empty() && reply.status >= 400 && reply.status < 500
               ? DeployOutcome::Failed
               : DeployOutcome::RequestFailed;
  }

  std::optional<DeployOutcome> ensureResourceGroup() {
    ArmReply found = arm.call("GET", plan.resourceGroupPath());
    if (found.ok()) {
      console.say(fmt::format("resource group {} exists", plan.resourceGroup));
      return std::nullopt;
    }
    if (found.status != 404) {
      return stopped(found, fmt::format("looking up resource group {}", plan.resourceGroup));
    }
    nlohmann::json tags = nlohmann::json::object();
    for (const auto& [key, value] : plan.tags) tags[key] = value;
    nlohmann::json body = {{"location", plan.location}, {"tags", tags}};
    ArmReply created = arm.call("PUT", plan.resourceGroupPath(), &body);
    if (!created.ok()) {
      return stopped(created, fmt::format("creating resource group {}", plan.resourceGroup));
    }
    console.say(fmt::format("created resource group {} in {}", plan.resourceGroup, plan.location));
    return std::nullopt;
  }

  // POST validate; a 200 may still carry an error (DeploymentValidateResult.error).
  std::optional<DeployOutcome> validate(const nlohmann::json& body) {
    console.say(fmt::format("validating deployment {}", plan.name));
    ArmReply reply = arm.call("POST", plan.deploymentPath() + "/validate", &body);
    reply = followLocation(arm, reply, waiter);
    if (!reply.ok() || reply.status == 202) return stopped(reply, "validation");
    ArmError error = parseArmError(reply.body);
    if (!error.code.empty()) {
      console.problem("pgc: Azure rejected the deployment in validation:\n" +
                      renderArmError(error, 1));
      return DeployOutcome::Failed;
    }
    return std::nullopt;
  }

  std::optional<DeployOutcome> whatIf(const nlohmann::json& body, const DeploySteps& steps) {
    nlohmann::json request = body;
    request["properties"]["whatIfSettings"] = {{"resultFormat", "FullResourcePayloads"}};
    console.say("asking Azure what the deployment would change");
    ArmReply reply = arm.call("POST", plan.deploymentPath() + "/whatIf", &request);
    reply = followLocation(arm, reply, waiter);
    if (!reply.ok() || reply.status == 202) return stopped(reply, "what-if");
    ArmError error = parseArmError(reply.body);
    if (!error.code.empty()) {
      console.problem("pgc: what-if failed:\n" + renderArmError(error, 1));
      return DeployOutcome::Failed;
    }
    console.say(renderWhatIf(reply.body));
    if (steps.confirm && !steps.confirm()) {
      console.say("nothing deployed");
      return DeployOutcome::Declined;
    }
    return std::nullopt;
  }

  // PUT, then poll the async operation (or the deployment) to a terminal state.
  std::variant<std::string, DeployOutcome> submit(const nlohmann::json& body) {
    console.say(fmt::format("deploying {}", plan.name));
    ArmReply reply = arm.call("PUT", plan.deploymentPath(), &body);
    if (!reply.ok()) return stopped(reply, "submitting the deployment");
    std::string statusUrl = reply.response.header("azure-asyncoperation");
    std::chrono::milliseconds delay = pollDelay(reply.response, std::chrono::seconds(5));
    DeploymentProgress progress;
    std::string state = "Accepted";
    while (state != "Succeeded" && state != "Failed" && state != "Canceled") {
      console.status(fmt::format("{}: {}", plan.name, progress.summary()));
      if (!waiter.wait(delay)) return stopped(reply, "following the deployment");
      reply = arm.call("GET", statusUrl.empty() ? plan.deploymentPath() : statusUrl);
      if (!reply.ok()) return stopped(reply, "following the deployment");
      delay = pollDelay(reply.response, std::chrono::seconds(5));
      state = statusUrl.empty() ? reply.body["properties"].value("provisioningState", "")
                                : reply.body.value("status", "");
      progress.update(listOperations(arm, plan.deploymentPath()), console);
    }
    console.settle();
    failures_ = progress.failures();
    return state;
  }

  void reportFailure(const nlohmann::json& deployment) {
    console.problem(fmt::format("pgc: deployment {} failed:", plan.name));
    ArmError error = parseArmError(deployment.value("properties", nlohmann::json::object()));
    if (!error.code.empty()) console.problem(renderArmError(error, 1));
    // The operations name the resource; their errors add what the summary may leave out.
    if (error.details.empty()) {
      for (const auto& [resource, failure] : failures_) {
        console.problem(fmt::format("  {}:\n{}", resource, renderArmError(failure, 2)));
      }
    }
  }

  std::vector<std::pair<std::string, ArmError>> failures_;
};

}  // namespace

DeployResult runDeployment(ArmClient& arm, const DeploymentPlan& plan, const DeploySteps& steps,
                           const Waiter& waiter, DeployConsole& console) {
  Run run{arm, plan, waiter, console, {}};
  DeployResult result;
  if (!plan.subscriptionScope) {
    if (auto outcome = run.ensureResourceGroup()) return {*outcome, {}};
  }
  nlohmann::json body = plan.body(false);
  if (auto outcome = run.validate(body)) return {*outcome, {}};
  if (steps.whatIf) {
    if (auto outcome = run.whatIf(body, steps)) return {*outcome, {}};
  }
  auto submitted = run.submit(body);
  if (auto* outcome = std::get_if<DeployOutcome>(&submitted)) return {*outcome, {}};
  ArmReply final = arm.call("GET", plan.deploymentPath());
  if (!final.ok()) return {run.stopped(final, "reading the deployment"), {}};
  if (std::get<std::string>(submitted) != "Succeeded") {
    run.reportFailure(final.body);
    return {DeployOutcome::Failed, {}};
  }
  console.say(fmt::format("deployment {} succeeded", plan.name));
  result.outcome = DeployOutcome::Succeeded;
  result.outputs = final.body["properties"].value("outputs", nlohmann::json::object());
  return result;
}

}  // namespace pgc::deploy
