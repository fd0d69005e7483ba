// What pgc deploy prints from ARM's answers: nested errors at every level, what-if changes
// with their property deltas, and progress per resource from the deployment operations.
#include <gtest/gtest.h>

#include <sstream>

#include "../../src/deploy/deployment_progress.h"
#include "../../src/deploy/what_if_report.h"
#include "pgc/deploy/arm_client.h"

namespace pgc::tests {
namespace {

using Json = nlohmann::json;

TEST(ArmError, RendersEveryLevelWithTargets) {
  Json body = Json::parse(
      R"({"error": {"code": "DeploymentFailed", "message": "At least one resource deployment operation failed.",
    "details": [{"code": "ResourceDeploymentFailure", "target": "/subscriptions/s/x", "message": "terminal provisioning state 'Failed'.",
      "details": [{"code": "ServerParameterToCMSUnAllowedParameterValue", "message": "Value 'citus' is invalid for server parameter 'shared_preload_libraries'."}]}]}})");
  deploy::ArmError error = deploy::parseArmError(body);
  ASSERT_EQ(error.details.size(), 1u);
  EXPECT_EQ(deploy::renderArmError(error, 1),
            "  DeploymentFailed: At least one resource deployment operation failed.\n"
            "    ResourceDeploymentFailure: terminal provisioning state 'Failed'. (target: "
            "/subscriptions/s/x)\n"
            "      ServerParameterToCMSUnAllowedParameterValue: Value 'citus' is invalid for "
            "server parameter 'shared_preload_libraries'.\n");
}

TEST(ArmError, ReadsTheUnwrappedShapeAndNothingFromOtherBodies) {
  EXPECT_EQ(deploy::parseArmError(Json{{"code", "X"}, {"message", "m"}}).code, "X");
  EXPECT_TRUE(deploy::parseArmError(Json{{"status", "Running"}}).code.empty());
  EXPECT_TRUE(deploy::parseArmError(Json()).code.empty());
  deploy::ArmReply reply;
  reply.status = 429;
  reply.body = Json{{"error", {{"code", "TooManyRequests"}, {"message", "slow down"}}}};
  EXPECT_EQ(reply.describe(), "ARM answered 429:\n  TooManyRequests: slow down\n");
}

TEST(WhatIfReport, ListsChangesWithSymbolsAndDeltas) {
  Json result = Json::parse(R"({"status": "Succeeded", "properties": {"changes": [
    {"resourceId": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.DBforPostgreSQL/flexibleServers/demo", "changeType": "Modify",
     "delta": [{"path": "properties.cluster.clusterSize", "propertyChangeType": "Modify", "before": 2, "after": 3},
               {"path": "tags.owner", "propertyChangeType": "Create", "after": "alerts"}]},
    {"resourceId": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.DBforPostgreSQL/flexibleServers/demo/firewallRules/office", "changeType": "Create"},
    {"resourceId": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.DBforPostgreSQL/flexibleServers/demo/configurations/work_mem", "changeType": "NoChange"}]}})");
  EXPECT_EQ(deploy::renderWhatIf(result),
            "What-if: 1 to create, 1 to modify, 1 unchanged\n"
            "  ~ Microsoft.DBforPostgreSQL/flexibleServers/demo\n"
            "    ~ properties.cluster.clusterSize: 2 => 3\n"
            "    + tags.owner: \"alerts\"\n"
            "  + Microsoft.DBforPostgreSQL/flexibleServers/demo/firewallRules/office\n"
            "  = Microsoft.DBforPostgreSQL/flexibleServers/demo/configurations/work_mem\n");
  EXPECT_EQ(deploy::renderWhatIf(Json::parse(R"({"properties": {"changes": []}})")),
            "What-if: no changes\n");
}

Json operation(const std::string& name, const std::string& state) {
  Json operation = {{"properties",
                     {{"provisioningState", state},
                      {"duration", "PT1M2.5S"},
                      {"targetResource",
                       {{"id", "/x/" + name},
                        {"resourceType", "Microsoft.DBforPostgreSQL/flexibleServers"},
                        {"resourceName", name}}}}}};
  if (state == "Failed") {
    operation["properties"]["statusMessage"] = {
        {"status", "Failed"}, {"error", {{"code", "Conflict"}, {"message", "busy"}}}};
  }
  return operation;
}

TEST(DeploymentProgress, SaysEachChangeOnceAndSummarises) {
  std::ostringstream out;
  std::ostringstream err;
  deploy::DeployConsole console(out, err, /*live=*/true);
  deploy::DeploymentProgress progress;
  progress.update(Json::array({operation("a", "Running")}), console);
  progress.update(Json::array({operation("a", "Running")}), console);
  EXPECT_EQ(progress.summary(), "0 of 1 resources done; running: flexibleServers a");
  progress.update(Json::array({operation("a", "Succeeded"), operation("b", "Failed")}), console);
  EXPECT_EQ(progress.summary(), "2 of 2 resources done");
  EXPECT_EQ(out.str(),
            "  flexibleServers a … Running\n"
            "  ✓ flexibleServers a Succeeded (1m2s)\n"
            "  ✗ flexibleServers b Failed (1m2s)\n");
  ASSERT_EQ(progress.failures().size(), 1u);
  EXPECT_EQ(progress.failures()[0].second.code, "Conflict");
}

TEST(DeployConsole, StampsLinesOutsideATerminalAndPrintsStatusOnlyWhenItChanges) {
  std::ostringstream out;
  std::ostringstream err;
  deploy::DeployConsole console(out, err, /*live=*/false);
  console.status("1 of 2");
  console.status("1 of 2");
  console.say("done");
  console.problem("pgc: failed");
  std::string text = out.str();
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 2);
  EXPECT_NE(text.find("Z 1 of 2\n"), std::string::npos) << text;
  EXPECT_NE(text.find("Z done\n"), std::string::npos);
  EXPECT_EQ(text.find('\r'), std::string::npos);
  EXPECT_EQ(err.str(), "pgc: failed\n");
}

}  // namespace
}  // namespace pgc::tests
