// `pgc deploy` end to end, as users and CI run it: the real binary against a loopback fake of
// Entra and Azure Resource Manager (tests/deploy/fake_azure.h), and the SQL step against the
// real PostgreSQL the suite starts. Faults are injected on the way; no secret may surface.
#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "../cli/pgc_process.h"
#include "../sql/postgres_server.h"
#include "fake_azure.h"

namespace pgc::tests {
namespace {

const std::filesystem::path kRoot = PGC_SOURCE_DIR;
const char* const kExample = "examples/emergency-alerts/main.pgc";
const char* const kAdminPassword = "Adm1n'Pa$$word\"from-the-vault";

size_t count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// The deployment name pgc printed: `<project>-<env>-<8 hex digits>`.
std::string deploymentNameIn(const std::string& text, const std::string& env) {
  std::smatch match;
  std::regex name("emergency-alerts-" + env + "-[0-9a-f]{8}");
  return std::regex_search(text, match, name) ? match.str() : "";
}

int countRequests(const FakeAzure& azure, const std::string& method, FakeRoute route) {
  int n = 0;
  for (const RecordedRequest& request : azure.requests()) {
    n += request.method == method && request.route == route;
  }
  return n;
}

class DeployCommandTest : public ::testing::Test {
 protected:
  // The example's environment variables, with the admin password as a secret param.
  std::map<std::string, std::string> environment() const {
    std::map<std::string, std::string> env = azure_.environment();
    env["PGC_PARAM_ADMIN_PASSWORD"] = kAdminPassword;
    return env;
  }

  ProcessResult deploy(std::vector<std::string> args,
                       std::map<std::string, std::string> extraEnv = {}) {
    std::map<std::string, std::string> env = environment();
    for (auto& [key, value] : extraEnv) env[key] = value;
    args.insert(args.begin(), {"deploy", kExample});
    return runPgc(PgcRun{args, kRoot, env, ""});
  }

  // Nothing the user must keep secret appears in what pgc printed.
  void expectNoSecretIn(const ProcessResult& result) const {
    std::vector<std::string> secrets = {kAdminPassword, azure_.options().clientSecret};
    for (const IssuedToken& token : azure_.issuedTokens()) secrets.push_back(token.accessToken);
    for (const std::string& secret : secrets) {
      EXPECT_EQ(result.out.find(secret), std::string::npos) << "stdout shows a secret";
      EXPECT_EQ(result.err.find(secret), std::string::npos) << "stderr shows a secret";
    }
  }

  void TearDown() override {
    PostgresServer& server = PostgresServer::shared();
    if (server.running()) server.cleanUp();
  }

  FakeAzure azure_;
};

TEST_F(DeployCommandTest, DeploysProdThroughThrottlingAndBootstrapsTheDatabase) {
  PostgresServer& server = PostgresServer::shared();
  ASSERT_TRUE(server.running()) << server.failure();
  azure_.setServerFqdn("127.0.0.1");
  // The Entra administrators' group, as Azure creates it for the cluster's entra_admins.
  server.query("postgres", "CREATE ROLE \"pg-admins\" LOGIN SUPERUSER");
  azure_.injectFault(FakeRoute::Token, Fault{FaultKind::ServiceUnavailable, 1, 0, 0});
  azure_.injectFault(FakeRoute::Validate, Fault{FaultKind::Throttle, 2, 0, 1});
  azure_.injectFault(FakeRoute::DeploymentPut, Fault{FaultKind::InternalError, 1, 0, 0});
  azure_.injectFault(FakeRoute::DeploymentStatus, Fault{FaultKind::DropConnection, 1, 0, 0});
  azure_.injectFault(FakeRoute::Operations, Fault{FaultKind::Conflict, 1, 0, 0});
  azure_.injectFault(FakeRoute::DeploymentStatus, Fault{FaultKind::Slow, 2, 700, 0});

  ProcessResult result = deploy({"--env", "prod", "--yes", "--sql-user", "pg-admins", "--sslmode",
                                 "disable", "--sql-port", std::to_string(server.port())});
  ASSERT_EQ(result.exitCode, 0) << result.out << result.err;

  // The token came from the service-principal variables, and the ARM calls carried it.
  std::vector<IssuedToken> tokens = azure_.issuedTokens();
  ASSERT_FALSE(tokens.empty());
  EXPECT_EQ(tokens.front().via, "client_secret");
  // Every fault was met by a retry, said in words.
  EXPECT_NE(result.out.find("429"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("trying again"), std::string::npos);
  // Progress per resource, and the outputs at the end.
  EXPECT_NE(result.out.find("flexibleServers emergency-alerts-prod-main"), std::string::npos)
      << result.out;
  EXPECT_TRUE(std::regex_search(result.out, std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ )")))
      << "CI gets timestamped lines";
  EXPECT_NE(result.out.find("outputs:\n  "), std::string::npos);
  EXPECT_NE(result.out.find("host = 127.0.0.1"), std::string::npos) << result.out;
  EXPECT_EQ(azure_.deploymentState(deploymentNameIn(result.out, "prod")), "Succeeded");

  // The prod template went in as pgc build writes it: 3 nodes, zone-redundant HA.
  bool sawServer = false;
  for (const DeployedResource& resource : azure_.deployedResources()) {
    if (resource.body.value("type", "") != "Microsoft.DBforPostgreSQL/flexibleServers") continue;
    sawServer = true;
    EXPECT_EQ(resource.body["properties"]["cluster"]["clusterSize"], 3);
    EXPECT_EQ(resource.body["properties"]["highAvailability"]["mode"], "ZoneRedundant");
  }
  EXPECT_TRUE(sawServer);

  // The SQL step signed in with an Entra token for PostgreSQL and placed the tables.
  bool postgresToken = false;
  for (const IssuedToken& token : azure_.issuedTokens()) {
    postgresToken |= token.scope == "https://ossrdbms-aad.database.windows.net/.default";
  }
  EXPECT_TRUE(postgresToken);
  EXPECT_NE(result.out.find("applied emergency-alerts.main.sql"), std::string::npos);
  std::string calls = server.query("postgres", "SELECT call FROM pgc_test.calls ORDER BY seq");
  size_t areas = calls.find("create_reference_table('emergency_alerts.areas')");
  size_t alerts = calls.find(
      "create_distributed_table('emergency_alerts.alerts', 'area_id', "
      "'hash', 'default'");
  size_t deliveries = calls.find(
      "create_distributed_table('emergency_alerts.deliveries', "
      "'area_id', 'hash', 'emergency_alerts.alerts'");
  ASSERT_NE(areas, std::string::npos) << calls;
  ASSERT_NE(alerts, std::string::npos) << calls;
  ASSERT_NE(deliveries, std::string::npos) << calls;
  EXPECT_LT(areas, alerts);
  EXPECT_LT(alerts, deliveries);
  EXPECT_EQ(server.query("postgres",
                         "SELECT count(*) FROM pg_tables WHERE schemaname = "
                         "'emergency_alerts'"),
            "3\n");
  expectNoSecretIn(result);
}

TEST_F(DeployCommandTest, AFailedDeploymentShowsAzuresNestedErrorAndExits3) {
  azure_.failDeployment();
  ProcessResult result = deploy({"--env", "prod", "--no-sql"});
  EXPECT_EQ(result.exitCode, 3) << result.out << result.err;
  EXPECT_NE(result.err.find("DeploymentFailed"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("ResourceDeploymentFailure"), std::string::npos);
  EXPECT_NE(result.err.find("ServerParameterToCMSUnAllowedParameterValue"), std::string::npos);
  EXPECT_NE(result.err.find("shared_preload_libraries"), std::string::npos);
  EXPECT_EQ(result.out.find("outputs:"), std::string::npos);
  expectNoSecretIn(result);
}

TEST_F(DeployCommandTest, DryRunSendsNothingAndMasksSecrets) {
  ProcessResult result =
      deploy({"--env", "prod", "--dry-run", "--what-if", "--sql-user", "pg-admins"});
  ASSERT_EQ(result.exitCode, 0) << result.out << result.err;
  EXPECT_TRUE(azure_.requests().empty()) << "a dry run sent a request";
  EXPECT_NE(result.out.find("POST " + azure_.url() + "/" + azure_.options().tenantId +
                            "/oauth2/v2.0/token"),
            std::string::npos)
      << result.out;
  EXPECT_NE(result.out.find("client_secret=***"), std::string::npos);
  EXPECT_NE(result.out.find("/validate?api-version=2025-04-01"), std::string::npos);
  EXPECT_NE(result.out.find("/whatIf?api-version=2025-04-01"), std::string::npos);
  EXPECT_NE(
      result.out.find("PUT " + azure_.url() + "/subscriptions/" + azure_.options().subscriptionId +
                      "/resourcegroups/emergency-alerts-prod-rg/providers/"
                      "Microsoft.Resources/deployments/emergency-alerts-prod-"),
      std::string::npos)
      << result.out;
  EXPECT_GE(count(result.out, "\"value\": \"***\""), 3u) << "the password in each body";
  expectNoSecretIn(result);
}

TEST_F(DeployCommandTest, ARedeployOfTheSameProgramChangesNothing) {
  ProcessResult first = deploy({"--env", "dev", "--what-if", "--yes", "--no-sql"});
  ASSERT_EQ(first.exitCode, 0) << first.out << first.err;
  EXPECT_NE(first.out.find("to create"), std::string::npos) << first.out;
  EXPECT_TRUE(azure_.hasResourceGroup("emergency-alerts-dev-rg"));

  ProcessResult second = deploy({"--env", "dev", "--what-if", "--yes", "--no-sql"});
  ASSERT_EQ(second.exitCode, 0) << second.out << second.err;
  EXPECT_EQ(second.out.find("to create"), std::string::npos) << second.out;
  EXPECT_EQ(second.out.find("to modify"), std::string::npos) << second.out;
  EXPECT_NE(second.out.find("unchanged"), std::string::npos);
  EXPECT_NE(second.out.find("resource group emergency-alerts-dev-rg exists"), std::string::npos);

  // The same deployment name both times: the history entry is replaced, not piled up.
  std::set<std::string> names;
  for (const RecordedRequest& request : azure_.requests()) {
    if (request.route == FakeRoute::DeploymentPut) names.insert(request.path);
  }
  EXPECT_EQ(names.size(), 1u);
  EXPECT_EQ(countRequests(azure_, "PUT", FakeRoute::DeploymentPut), 2);
}

TEST_F(DeployCommandTest, ASubscriptionScopeTemplateCreatesItsOwnResourceGroup) {
  const char* program = "tests/golden/pass-arm-subscription-scope/input.pgc";
  std::map<std::string, std::string> env = environment();
  ProcessResult result = runPgc(PgcRun{{"deploy", program, "--env", "prod", "--no-sql",
                                        "--subscription", azure_.options().subscriptionId},
                                       kRoot,
                                       env,
                                       ""});
  ASSERT_EQ(result.exitCode, 0) << result.out << result.err;
  EXPECT_EQ(countRequests(azure_, "GET", FakeRoute::ResourceGroup) +
                countRequests(azure_, "PUT", FakeRoute::ResourceGroup),
            0)
      << "the template creates the group, not pgc";
  EXPECT_TRUE(azure_.hasResourceGroup("platform-db-prod-rg"));
  for (const RecordedRequest& request : azure_.requests()) {
    if (request.route != FakeRoute::DeploymentPut) continue;
    EXPECT_EQ(request.path.rfind("/subscriptions/" + azure_.options().subscriptionId +
                                     "/providers/Microsoft.Resources/deployments/platform-db-prod-",
                                 0),
              0u)
        << request.path;
    EXPECT_EQ(nlohmann::json::parse(request.body)["location"], "australiaeast");
  }
  EXPECT_NE(result.out.find("outputs:"), std::string::npos) << result.out;
}

TEST_F(DeployCommandTest, StopsFollowingAtTheDeadlineAndSaysWhereTheDeploymentIs) {
  azure_.holdDeployments(true);
  ProcessResult result = deploy({"--env", "dev", "--no-sql", "--timeout", "2s"});
  EXPECT_EQ(result.exitCode, 3) << result.out << result.err;
  EXPECT_NE(result.err.find("did not finish within --timeout"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("az deployment group show --resource-group emergency-alerts-dev-rg"),
            std::string::npos);
}

TEST_F(DeployCommandTest, CtrlCStopsFollowingAndSaysTheDeploymentContinues) {
  azure_.holdDeployments(true);
  std::map<std::string, std::string> env = environment();
  PgcProcess process(PgcRun{{"deploy", kExample, "--env", "dev", "--no-sql"}, kRoot, env, ""});
  ASSERT_TRUE(
      azure_.waitFor([&] { return countRequests(azure_, "GET", FakeRoute::DeploymentStatus) >= 1; },
                     std::chrono::seconds(30)));
  process.interrupt();
  ProcessResult result = process.wait();
  EXPECT_EQ(result.exitCode, 130) << result.out << result.err;
  EXPECT_NE(result.err.find("continues in Azure"), std::string::npos) << result.err;
  EXPECT_EQ(azure_.deploymentState(deploymentNameIn(result.err, "dev")), "Running");
}

TEST_F(DeployCommandTest, WhatIfAsksOnATerminalAndDeploysOnlyOnYes) {
  // `script` gives pgc a terminal, as a user's shell would: the prompt and the live status.
  std::map<std::string, std::string> env = environment();
  env["CI"] = "";
  auto onTerminal = [&](const std::string& answer) {
    std::string command =
        std::string(PGC_BINARY) + " deploy " + kExample + " --env dev --what-if --no-sql";
    return runProgram("/usr/bin/script",
                      PgcRun{{"-q", "-e", "-c", command, "/dev/null"}, kRoot, env, answer + "\n"});
  };
  ProcessResult declined = onTerminal("n");
  EXPECT_EQ(declined.exitCode, 3) << declined.out << declined.err;
  EXPECT_NE(declined.out.find("What-if: "), std::string::npos) << declined.out;
  EXPECT_NE(declined.out.find("Deploy these changes? [y/N]"), std::string::npos);
  EXPECT_NE(declined.out.find("nothing deployed"), std::string::npos);
  EXPECT_EQ(countRequests(azure_, "PUT", FakeRoute::DeploymentPut), 0);

  ProcessResult accepted = onTerminal("y");
  EXPECT_EQ(accepted.exitCode, 0) << accepted.out << accepted.err;
  EXPECT_EQ(countRequests(azure_, "PUT", FakeRoute::DeploymentPut), 1);
  EXPECT_NE(accepted.out.find("\r\033[K"), std::string::npos) << "a live status line";
  EXPECT_FALSE(std::regex_search(accepted.out, std::regex(R"(\d{4}-\d\d-\d\dT)")))
      << "no timestamps on a terminal";
  expectNoSecretIn(accepted);
}

TEST_F(DeployCommandTest, RefusesBeforeSendingAnything) {
  // A missing secret.
  ProcessResult missing = runPgc(
      PgcRun{{"deploy", kExample, "--env", "prod", "--no-sql"}, kRoot, azure_.environment(), ""});
  EXPECT_EQ(missing.exitCode, 2);
  EXPECT_NE(missing.err.find("PGC_PARAM_ADMIN_PASSWORD"), std::string::npos) << missing.err;
  // Plain http to anything but loopback.
  ProcessResult http = deploy({"--env", "prod", "--arm-endpoint", "http://management.example"});
  EXPECT_EQ(http.exitCode, 2);
  EXPECT_NE(http.err.find("--arm-endpoint"), std::string::npos) << http.err;
  // --what-if with no terminal to confirm on and no --yes.
  ProcessResult unconfirmed = deploy({"--env", "prod", "--what-if"});
  EXPECT_EQ(unconfirmed.exitCode, 2);
  EXPECT_NE(unconfirmed.err.find("--yes"), std::string::npos) << unconfirmed.err;
  // The Entra token needs a user name to sign in with.
  ProcessResult noUser = deploy({"--env", "prod"});
  EXPECT_EQ(noUser.exitCode, 2);
  EXPECT_NE(noUser.err.find("--sql-user"), std::string::npos) << noUser.err;
  EXPECT_TRUE(azure_.requests().empty());
}

TEST_F(DeployCommandTest, AWrongClientSecretIsReportedWithoutTheSecret) {
  ProcessResult result = deploy({"--env", "prod", "--no-sql"},
                                {{"AZURE_CLIENT_SECRET", "not-the-right-secret-value"}});
  EXPECT_EQ(result.exitCode, 3) << result.out << result.err;
  EXPECT_NE(result.err.find("AADSTS7000215"), std::string::npos) << result.err;
  EXPECT_EQ(result.err.find("not-the-right-secret-value"), std::string::npos);
  EXPECT_EQ(countRequests(azure_, "PUT", FakeRoute::DeploymentPut), 0);
}

TEST_F(DeployCommandTest, DeploysWithWorkloadIdentityOrManagedIdentity) {
  TempDir dir;
  std::filesystem::path tokenFile = dir.write("token", azure_.options().federatedAssertion);
  ProcessResult federated =
      deploy({"--env", "dev", "--no-sql", "--auth", "workload-identity"},
             {{"AZURE_CLIENT_SECRET", ""}, {"AZURE_FEDERATED_TOKEN_FILE", tokenFile.string()}});
  ASSERT_EQ(federated.exitCode, 0) << federated.out << federated.err;
  EXPECT_EQ(azure_.issuedTokens().back().via, "client_assertion");
  EXPECT_EQ(federated.out.find(azure_.options().federatedAssertion), std::string::npos);

  ProcessResult managed = deploy({"--env", "dev", "--no-sql", "--auth", "managed-identity"});
  ASSERT_EQ(managed.exitCode, 0) << managed.out << managed.err;
  EXPECT_EQ(azure_.issuedTokens().back().via, "imds");
  expectNoSecretIn(managed);
}

TEST_F(DeployCommandTest, TargetAppliesOnlyTheSqlBootstrapToAnyPostgres) {
  PostgresServer& server = PostgresServer::shared();
  ASSERT_TRUE(server.running()) << server.failure();
  server.createDatabase("pgc_local_dev");
  std::string url =
      "postgres://postgres@127.0.0.1:" + std::to_string(server.port()) + "/pgc_local_dev";
  ProcessResult result =
      runPgc(PgcRun{{"deploy", kExample, "--env", "dev"}, kRoot, {{"PGC_DATABASE_URL", url}}, ""});
  ASSERT_EQ(result.exitCode, 0) << result.out << result.err;
  EXPECT_NE(result.out.find("applied emergency-alerts.main.sql"), std::string::npos);
  EXPECT_EQ(server.query("pgc_local_dev",
                         "SELECT count(*) FROM pg_tables WHERE schemaname = "
                         "'emergency_alerts'"),
            "3\n");
  EXPECT_TRUE(azure_.requests().empty());
}

}  // namespace
}  // namespace pgc::tests
