// The fake's deployments API against the real template pgc builds for the emergency-alerts
// example: validate's checks, the PUT → poll → GET sequence with operations and outputs, a
// failed deployment's nested error, and subscription-scope deployments.
#include <gtest/gtest.h>

#include <fstream>

#include "fake_azure_client.h"

namespace pgc::tests {
namespace {

const char* kGroup = "alerts-rg";
const char* kServer = "emergency-alerts-prod-main";

class FakeAzureDeployments : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { prod_ = new json(exampleTemplate("prod")); }
  static void TearDownTestSuite() { delete prod_; }

  void SetUp() override { azure_.addResourceGroup(kGroup, "australiaeast"); }

  std::string path(const std::string& suffix = "") {
    return arm_.deploymentPath(kGroup, "alerts-1") + suffix + kApi;
  }
  json prodBody() { return deploymentBody(*prod_, {{"admin_password", "s3cret!"}}); }
  std::string serverId() {
    return "/subscriptions/" + azure_.options().subscriptionId + "/resourceGroups/" + kGroup +
           "/providers/Microsoft.DBforPostgreSQL/flexibleServers/" + kServer;
  }
  // PUTs `body` and polls its Azure-AsyncOperation URL to the end; returns the last status.
  json deployToTheEnd(const json& body) {
    auto put = arm_.put(path(), body);
    if (!put || put->status != 201) throw std::runtime_error("the PUT was refused");
    std::string status = put->get_header_value("Azure-AsyncOperation");
    for (int poll = 0; poll < 20; ++poll) {
      json answer = json::parse(arm_.follow(status)->body);
      if (answer["status"] != "Running") return answer;
    }
    throw std::runtime_error("the deployment never ended");
  }

  static json* prod_;
  FakeAzure azure_;
  ArmTestClient arm_{azure_};
};

json* FakeAzureDeployments::prod_ = nullptr;

std::string errorCode(const httplib::Result& result) {
  return json::parse(result->body)["error"]["code"];
}

TEST_F(FakeAzureDeployments, ValidateAcceptsTheBuiltTemplateAndListsItsResources) {
  auto result = arm_.post(path("/validate"), prodBody());
  ASSERT_TRUE(result);
  ASSERT_EQ(result->status, 200) << result->body;
  json body = json::parse(result->body);
  EXPECT_EQ(body["properties"]["provisioningState"], "Succeeded");
  json validated = body["properties"]["validatedResources"];
  ASSERT_EQ(validated.size(), 6u);
  EXPECT_EQ(validated[0]["id"], serverId());
  EXPECT_EQ(validated[2]["id"], serverId() + "/firewallRules/office");
  // ARM never echoes a secure value back.
  EXPECT_FALSE(body["properties"]["parameters"]["admin_password"].contains("value"));
  EXPECT_EQ(body["properties"]["parameters"]["admin_password"]["type"], "SecureString");
}

TEST_F(FakeAzureDeployments, ValidateRefusesAMissingSecurePassword) {
  auto result = arm_.post(path("/validate"), deploymentBody(*prod_, json::object()));
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 400);
  EXPECT_EQ(errorCode(result), "InvalidTemplate");
  EXPECT_EQ(json::parse(result->body)["error"]["message"],
            "Deployment template validation failed: 'The value for the template parameter "
            "'admin_password' at line '1' and column '1' is not provided. Please see "
            "https://aka.ms/arm-create-parameter-file for usage details.'.");

  auto empty = arm_.post(path("/validate"), deploymentBody(*prod_, {{"admin_password", ""}}));
  ASSERT_TRUE(empty);
  EXPECT_EQ(empty->status, 400);
}

TEST_F(FakeAzureDeployments, ValidateRefusesUndeclaredParametersBadModesAndBrokenTemplates) {
  auto undeclared = arm_.post(path("/validate"),
                              deploymentBody(*prod_, {{"admin_password", "x"}, {"colour", "red"}}));
  ASSERT_TRUE(undeclared);
  EXPECT_EQ(undeclared->status, 400);
  EXPECT_NE(json::parse(undeclared->body)["error"]["message"].get<std::string>().find(
                "The template parameters 'colour' in the parameters file are not valid"),
            std::string::npos);

  auto badMode =
      arm_.post(path("/validate"), deploymentBody(*prod_, {{"admin_password", "x"}}, "Replace"));
  ASSERT_TRUE(badMode);
  EXPECT_EQ(badMode->status, 400);

  json noSchema = *prod_;
  noSchema.erase("$schema");
  auto broken = arm_.post(path("/validate"), deploymentBody(noSchema, {{"admin_password", "x"}}));
  ASSERT_TRUE(broken);
  EXPECT_EQ(errorCode(broken), "InvalidTemplate");

  json unknownFunction = *prod_;
  unknownFunction["resources"][0]["name"] = "[toUpper('x')]";
  auto unknown =
      arm_.post(path("/validate"), deploymentBody(unknownFunction, {{"admin_password", "x"}}));
  ASSERT_TRUE(unknown);
  EXPECT_EQ(errorCode(unknown), "InvalidTemplate");
  EXPECT_NE(unknown->body.find("toUpper"), std::string::npos);
}

TEST_F(FakeAzureDeployments, NamesAndGroupsAreChecked) {
  auto longName =
      arm_.post(arm_.deploymentPath(kGroup, std::string(65, 'a')) + "/validate" + kApi, prodBody());
  ASSERT_TRUE(longName);
  EXPECT_EQ(errorCode(longName), "DeploymentNameLengthLimitExceeded");
  auto badName = arm_.post(arm_.deploymentPath(kGroup, "a%20b") + "/validate" + kApi, prodBody());
  ASSERT_TRUE(badName);
  EXPECT_EQ(errorCode(badName), "DeploymentNameInvalidCharacters");
  auto noGroup = arm_.put(arm_.deploymentPath("nowhere-rg", "d") + kApi, prodBody());
  ASSERT_TRUE(noGroup);
  EXPECT_EQ(noGroup->status, 404);
  EXPECT_EQ(errorCode(noGroup), "ResourceGroupNotFound");
}

TEST_F(FakeAzureDeployments, PutIsAcceptedThenRunsResourceByResourceToItsOutputs) {
  azure_.setServerFqdn("127.0.0.1");
  auto put = arm_.put(path(), prodBody());
  ASSERT_TRUE(put);
  ASSERT_EQ(put->status, 201) << put->body;
  EXPECT_EQ(json::parse(put->body)["properties"]["provisioningState"], "Accepted");
  EXPECT_EQ(put->get_header_value("Retry-After"), "0");
  const std::string status = put->get_header_value("Azure-AsyncOperation");
  EXPECT_NE(status.find("/deployments/alerts-1/operationStatuses/"), std::string::npos);
  EXPECT_NE(status.find("api-version=2025-04-01"), std::string::npos);

  auto before = arm_.get(path("/operations"));
  ASSERT_TRUE(before);
  json operations = json::parse(before->body)["value"];
  ASSERT_EQ(operations.size(), 1u);
  EXPECT_EQ(operations[0]["properties"]["provisioningState"], "Running");
  EXPECT_EQ(operations[0]["properties"]["targetResource"]["id"], serverId());

  EXPECT_EQ(json::parse(arm_.follow(status)->body)["status"], "Running");
  operations = json::parse(arm_.get(path("/operations"))->body)["value"];
  ASSERT_EQ(operations.size(), 2u);
  EXPECT_EQ(operations[0]["properties"]["provisioningState"], "Succeeded");
  EXPECT_EQ(operations[1]["properties"]["provisioningState"], "Running");
  EXPECT_EQ(json::parse(arm_.get(path())->body)["properties"]["provisioningState"], "Running");

  EXPECT_EQ(json::parse(arm_.follow(status)->body)["status"], "Running");
  EXPECT_EQ(json::parse(arm_.follow(status)->body)["status"], "Succeeded");
  EXPECT_EQ(azure_.deploymentState("alerts-1"), "Succeeded");

  json deployment = json::parse(arm_.get(path())->body);
  EXPECT_EQ(deployment["properties"]["provisioningState"], "Succeeded");
  json outputs = deployment["properties"]["outputs"];
  EXPECT_EQ(outputs["main_fqdn"], json({{"type", "String"}, {"value", "127.0.0.1"}}));
  EXPECT_EQ(outputs["main_id"]["value"], serverId());
  EXPECT_EQ(outputs["cluster_name"]["value"], kServer);
  EXPECT_EQ(azure_.deployedResources().size(), 6u);
}

TEST_F(FakeAzureDeployments, OperationsArePagedWithNextLink) {
  FakeAzureOptions options;
  options.operationsPageSize = 4;
  FakeAzure azure(options);
  azure.addResourceGroup(kGroup, "australiaeast");
  ArmTestClient arm(azure);
  const std::string deployment = arm.deploymentPath(kGroup, "paged");
  auto put = arm.put(deployment + kApi, prodBody());
  ASSERT_TRUE(put);
  for (int poll = 0; poll < 3; ++poll) arm.follow(put->get_header_value("Azure-AsyncOperation"));

  json first = json::parse(arm.get(deployment + "/operations" + kApi)->body);
  ASSERT_EQ(first["value"].size(), 4u);
  ASSERT_TRUE(first.contains("nextLink"));
  json second = json::parse(arm.follow(first["nextLink"])->body);
  EXPECT_EQ(second["value"].size(), 2u);
  EXPECT_FALSE(second.contains("nextLink"));
}

TEST_F(FakeAzureDeployments, AFailedDeploymentNestsTheProviderErrorAsArmDoes) {
  azure_.failDeployment();
  json last = deployToTheEnd(prodBody());
  EXPECT_EQ(last["status"], "Failed");
  json error = last["error"];
  EXPECT_EQ(error["code"], "DeploymentFailed");
  EXPECT_EQ(error["message"],
            "At least one resource deployment operation failed. Please list deployment "
            "operations for details. Please see https://aka.ms/arm-deployment-operations for "
            "usage details.");
  ASSERT_EQ(error["details"].size(), 1u);
  EXPECT_EQ(error["details"][0]["code"], "ResourceDeploymentFailure");
  EXPECT_EQ(error["details"][0]["target"], serverId());
  json inner = error["details"][0]["details"][0];
  EXPECT_EQ(inner["code"], "ServerParameterToCMSUnAllowedParameterValue");
  EXPECT_EQ(inner["message"].get<std::string>().rfind(
                "Value 'vector' is invalid for server parameter 'shared_preload_libraries'.", 0),
            0u);

  json deployment = json::parse(arm_.get(path())->body);
  EXPECT_EQ(deployment["properties"]["error"], error);
  EXPECT_FALSE(deployment["properties"].contains("outputs"));
  json operations = json::parse(arm_.get(path("/operations"))->body)["value"];
  ASSERT_EQ(operations.size(), 1u);
  EXPECT_EQ(operations[0]["properties"]["provisioningState"], "Failed");
  EXPECT_EQ(operations[0]["properties"]["statusCode"], "BadRequest");
  EXPECT_EQ(operations[0]["properties"]["statusMessage"]["error"], inner);
  EXPECT_TRUE(azure_.deployedResources().empty());
}

TEST_F(FakeAzureDeployments, HeldDeploymentsStayRunningUntilReleased) {
  azure_.holdDeployments(true);
  auto put = arm_.put(path(), prodBody());
  ASSERT_TRUE(put);
  const std::string status = put->get_header_value("Azure-AsyncOperation");
  for (int poll = 0; poll < 10; ++poll) {
    EXPECT_EQ(json::parse(arm_.follow(status)->body)["status"], "Running");
  }
  azure_.holdDeployments(false);
  EXPECT_EQ(json::parse(arm_.follow(status)->body)["status"], "Succeeded");
}

TEST_F(FakeAzureDeployments, SubscriptionScopeDeploysTheGroupAndTheNestedTemplate) {
  std::ifstream in(std::string(PGC_SOURCE_DIR) +
                   "/tests/golden/pass-arm-subscription-scope/expected.arm.json");
  json tmpl = json::parse(in);
  const std::string deployment = "/subscriptions/" + azure_.options().subscriptionId +
                                 "/providers/Microsoft.Resources/deployments/platform";
  json body = deploymentBody(tmpl, {{"admin_password", "s3cret!"}});
  auto noLocation = arm_.put(deployment + kApi, body);
  ASSERT_TRUE(noLocation);
  EXPECT_EQ(errorCode(noLocation), "LocationRequired");

  body["location"] = "australiaeast";
  azure_.setServerFqdn("127.0.0.1");
  auto put = arm_.put(deployment + kApi, body);
  ASSERT_TRUE(put);
  ASSERT_EQ(put->status, 201) << put->body;
  std::string status = put->get_header_value("Azure-AsyncOperation");
  for (int poll = 0; poll < 3; ++poll) arm_.follow(status);
  EXPECT_EQ(json::parse(arm_.follow(status)->body)["status"], "Succeeded");
  json outputs = json::parse(arm_.get(deployment + kApi)->body)["properties"]["outputs"];
  EXPECT_EQ(outputs["main_fqdn"]["value"], "127.0.0.1");
  EXPECT_TRUE(azure_.hasResourceGroup("platform-db-prod-rg"));
  EXPECT_EQ(json::parse(arm_.get(deployment + "/operations" + kApi)->body)["value"].size(), 2u);
  auto nested = arm_.get(arm_.deploymentPath("platform-db-prod-rg", "platform-db-prod") + kApi);
  ASSERT_TRUE(nested);
  EXPECT_EQ(json::parse(nested->body)["properties"]["provisioningState"], "Succeeded");
}

}  // namespace
}  // namespace pgc::tests
