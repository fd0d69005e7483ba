// applySqlScript against the tests' real PostgreSQL: every generated bootstrap script applies
// twice and leaves the catalog psql leaves; passwords arrive and never show; errors stop the
// script and say where, connection failures say where to without the password.
#include "pgc/deploy/sql_apply.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <regex>
#include <sstream>

#include "../sql/catalog_checks.h"
#include "../sql/postgres_server.h"
#include "../sql/sql_cases.h"
#include "pgc/emit/sql.h"

namespace pgc::tests {
namespace {

using deploy::applySqlScript;
using deploy::SqlApplyOptions;
using deploy::SqlApplyResult;
using deploy::SqlConnection;
using deploy::SqlStep;

// The server trusts loopback connections, so this password only has to stay out of messages.
const char* kConnectionPassword = "conn-secret-7f3a";

SqlConnection connectionTo(const std::string& database) {
  SqlConnection c;
  c.host = "127.0.0.1";
  c.port = PostgresServer::shared().port();
  c.database = database;
  c.user = "postgres";
  c.password = kConnectionPassword;
  c.sslMode = "disable";
  return c;
}

// A password with the characters that break naive quoting.
std::string testPassword(const std::string& param) { return "pw'" + param + "\\\"$1"; }

std::map<std::string, std::string> passwordsOf(const model::Model& model) {
  std::map<std::string, std::string> out;
  for (const model::Param& param : model.params) {
    if (param.type == model::ParamType::Secret) out[param.name] = testPassword(param.name);
  }
  return out;
}

// The snapshot with what differs between two equal runs made equal: SCRAM hashes are salted
// afresh for each role made, and the call log's sequence keeps counting after TRUNCATE.
std::string comparable(const std::string& snapshot) {
  static const std::regex kPassword("password=([0-9a-f]{32})");
  std::istringstream in(snapshot);
  std::vector<std::pair<long, std::string>> calls;
  std::string out;
  for (std::string line; std::getline(in, line);) {
    std::smatch m;
    if (std::regex_search(line, m, kPassword) && m[1] != "d41d8cd98f00b204e9800998ecf8427e") {
      line = m.prefix().str() + "password=(set)" + m.suffix().str();
    }
    if (line.rfind("call ", 0) == 0) {
      size_t space = line.find(' ', 5);
      calls.emplace_back(std::stol(line.substr(5, space - 5)), line.substr(space + 1));
    } else {
      out += line + "\n";
    }
  }
  std::sort(calls.begin(), calls.end());
  for (const auto& [seq, call] : calls) out += "call " + call + "\n";
  return out;
}

std::string snapshotOf(const std::string& database) {
  PostgresServer& server = PostgresServer::shared();
  return comparable(catalogSnapshot(server, database) + catalogSnapshot(server, "postgres"));
}

std::string databaseFor(const SqlCase& c) {
  const std::string& database = clusterOf(c).database.value;
  return database == "postgres" ? "pgc_" + c.name : database;
}

class SqlApplyScriptTest : public ::testing::TestWithParam<SqlCase> {
 protected:
  void SetUp() override {
    ASSERT_TRUE(PostgresServer::shared().running()) << PostgresServer::shared().failure();
  }
  void TearDown() override { PostgresServer::shared().cleanUp(); }
};

TEST_P(SqlApplyScriptTest, AppliesTwiceAndLeavesTheCatalogPsqlLeaves) {
  PostgresServer& server = PostgresServer::shared();
  const model::Model& model = modelOf(GetParam());
  std::string script = emit::sqlBootstrap(model, clusterOf(GetParam()));
  std::string database = databaseFor(GetParam());
  std::map<std::string, std::string> passwords = passwordsOf(model);

  server.createDatabase(database);
  std::string file = server.scratchDir() + "/" + GetParam().name + ".deploy.sql";
  std::ofstream(file, std::ios::binary) << script;
  std::vector<std::string> args = {"-f", file};
  for (const auto& [name, value] : passwords) args.insert(args.end(), {"-v", name + "=" + value});
  ProcessResult psql = server.psql(database, args);
  ASSERT_EQ(psql.exitCode, 0) << psql.err;
  std::string byPsql = snapshotOf(database);
  server.cleanUp();

  server.createDatabase(database);
  SqlApplyOptions options;
  options.variables = passwords;
  std::vector<SqlStep> steps;
  options.onStatement = [&](const SqlStep& step) { steps.push_back(step); };
  for (int run = 1; run <= 2; ++run) {
    steps.clear();
    SqlApplyResult result = applySqlScript(connectionTo(database), "boot.sql", script, options);
    ASSERT_TRUE(result.ok) << "run " << run << ": " << result.error;
    EXPECT_EQ(result.statements, static_cast<int>(steps.size()));
    EXPECT_EQ(snapshotOf(database), byPsql) << "run " << run;
    for (const SqlStep& step : steps) {
      for (const auto& [name, value] : passwords)
        EXPECT_EQ(step.summary.find(value), std::string::npos);
    }
  }
  for (const model::Role& role : model.roles) {
    if (role.cluster != clusterOf(GetParam()).name || role.principal || !role.password) continue;
    EXPECT_EQ(server.query("postgres",
                           "SELECT rolpassword LIKE 'SCRAM-SHA-256$%' FROM pg_authid "
                           "WHERE rolname = '" +
                               role.name + "'"),
              "t\n")
        << role.name;
  }
}

INSTANTIATE_TEST_SUITE_P(Scripts, SqlApplyScriptTest, ::testing::ValuesIn(sqlCases()),
                         [](const ::testing::TestParamInfo<SqlCase>& info) {
                           return info.param.name;
                         });

}  // namespace
}  // namespace pgc::tests
