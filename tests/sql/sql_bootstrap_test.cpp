// The acceptance case and the script's contract beyond the catalog: the example's
// prod script places `areas`, `alerts` and `deliveries` in that order and way; a missing
// password stops the script before it creates the role; the output is byte-identical on every
// build; flexible servers get no Citus call.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>

#include "pgc/emit/sql.h"
#include "pgc/sema.h"
#include "postgres_server.h"
#include "sql_cases.h"

namespace pgc::tests {
namespace {

std::string examplePath(const std::string& name) {
  return std::string(PGC_SOURCE_DIR) + "/examples/" + name + "/main.pgc";
}

const model::Model* modelFor(const std::string& path, const std::string& environment) {
  for (const model::Model& m : modelsOf(path)) {
    if (m.environment.name == environment) return &m;
  }
  return nullptr;
}

std::string writeScript(const PostgresServer& server, const std::string& name,
                        const std::string& script) {
  std::string file = server.scratchDir() + "/" + name + ".sql";
  std::ofstream(file, std::ios::binary) << script;
  chmod(file.c_str(), 0644);
  return file;
}

class SqlBootstrapTest : public ::testing::Test {
 protected:
  void TearDown() override {
    if (PostgresServer::shared().running()) PostgresServer::shared().cleanUp();
  }
};

TEST_F(SqlBootstrapTest, EmergencyAlertsProdPlacesAreasThenAlertsThenDeliveries) {
  PostgresServer& server = PostgresServer::shared();
  ASSERT_TRUE(server.running()) << server.failure();
  const model::Model* prod = modelFor(examplePath("emergency-alerts"), "prod");
  ASSERT_NE(prod, nullptr);
  std::string file = writeScript(server, "alerts", emit::sqlBootstrap(*prod, prod->clusters[0]));
  server.createDatabase("alerts");
  for (int run = 1; run <= 2; ++run) {
    ProcessResult result = server.psql("alerts", {"-f", file});
    ASSERT_EQ(result.exitCode, 0) << "run " << run << "\n" << result.err;
  }
  EXPECT_EQ(server.query("alerts", "SELECT call FROM pgc_test.calls ORDER BY seq"),
            "pgaadauth_create_principal_with_oid('alerts-api', "
            "'00000000-0000-0000-0000-0000000000a1', 'service', f, f)\n"
            "create_reference_table('emergency_alerts.areas')\n"
            "create_distributed_table('emergency_alerts.alerts', 'area_id', 'hash', 'default', "
            "NULL)\n"
            "create_distributed_table('emergency_alerts.deliveries', 'area_id', 'hash', "
            "'emergency_alerts.alerts', NULL)\n");
  EXPECT_EQ(server.query("alerts",
                         "SELECT logicalrelid::text, partmethod, coalesce(partkey, '-'), "
                         "colocationid FROM pg_dist_partition ORDER BY 1"),
            "emergency_alerts.alerts|h|area_id|2\n"
            "emergency_alerts.areas|n|-|1\n"
            "emergency_alerts.deliveries|h|area_id|2\n");
}

TEST_F(SqlBootstrapTest, AMissingPasswordStopsTheScriptBeforeTheRole) {
  PostgresServer& server = PostgresServer::shared();
  ASSERT_TRUE(server.running()) << server.failure();
  const model::Model* prod = modelFor(examplePath("multi-tenant-saas"), "prod");
  ASSERT_NE(prod, nullptr);
  std::string file = writeScript(server, "tasks", emit::sqlBootstrap(*prod, prod->clusters[0]));
  server.createDatabase("tasks");
  ProcessResult result = server.psql("tasks", {"-f", file});
  EXPECT_NE(result.exitCode, 0);
  EXPECT_NE(result.err.find("psql variable reporting_password is not set"), std::string::npos)
      << result.err;
  EXPECT_EQ(server.query("tasks", "SELECT count(*) FROM pg_roles WHERE rolname = 'reporting'"),
            "0\n");
  EXPECT_EQ(server.query("tasks", "SELECT count(*) FROM pg_namespace WHERE nspname = 'app'"),
            "0\n");
}

TEST_F(SqlBootstrapTest, APasswordRoleKeepsItsPasswordOnTheSecondRun) {
  PostgresServer& server = PostgresServer::shared();
  ASSERT_TRUE(server.running()) << server.failure();
  const model::Model* prod = modelFor(examplePath("multi-tenant-saas"), "prod");
  ASSERT_NE(prod, nullptr);
  std::string file = writeScript(server, "tasks", emit::sqlBootstrap(*prod, prod->clusters[0]));
  server.createDatabase("tasks");
  std::string hash = "SELECT rolpassword FROM pg_authid WHERE rolname = 'reporting'";
  ASSERT_EQ(server.psql("tasks", {"-f", file, "-v", "reporting_password=first'one"}).exitCode, 0);
  std::string first = server.query("tasks", hash);
  EXPECT_EQ(first.rfind("SCRAM-SHA-256$", 0), 0u) << first;
  ASSERT_EQ(server.psql("tasks", {"-f", file, "-v", "reporting_password=first'one"}).exitCode, 0);
  EXPECT_EQ(server.query("tasks", hash), first);
}

TEST(SqlBootstrap, IsByteIdenticalOnEveryBuild) {
  for (const SqlCase& c : sqlCases()) {
    std::string first = emit::sqlBootstrap(modelOf(c), clusterOf(c));
    sema::AnalysisOptions options;
    options.stdlibDir = PGC_SOURCE_STDLIB;
    options.environment = c.environment;
    sema::AnalysisResult again = sema::analyzeFile(c.path, options);
    ASSERT_EQ(again.models.size(), 1u) << c.name;
    const model::Cluster* cluster = again.models[0].cluster(c.cluster);
    ASSERT_NE(cluster, nullptr);
    EXPECT_EQ(first, emit::sqlBootstrap(again.models[0], *cluster)) << c.name;
    EXPECT_EQ(first.find('\r'), std::string::npos) << c.name;
    EXPECT_EQ(first.back(), '\n') << c.name;
  }
}

TEST(SqlBootstrap, FlexibleServersGetNoCitusCall) {
  for (const SqlCase& c : sqlCases()) {
    if (clusterOf(c).kind.value != model::ClusterKind::Flexible) continue;
    std::string script = emit::sqlBootstrap(modelOf(c), clusterOf(c));
    for (const char* citus :
         {"citus", "create_distributed_table", "create_reference_table", "pg_dist_"}) {
      EXPECT_EQ(script.find(citus), std::string::npos) << c.name << ": " << citus;
    }
  }
}

}  // namespace
}  // namespace pgc::tests
