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

// A database of its own for a hand-written script, dropped by cleanUp().
class LibpqApplyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(PostgresServer::shared().running()) << PostgresServer::shared().failure();
    PostgresServer::shared().createDatabase(database_);
  }
  void TearDown() override { PostgresServer::shared().cleanUp(); }
  SqlApplyResult apply(const std::string& script, SqlApplyOptions options = {}) {
    return applySqlScript(connectionTo(database_), "boot.sql", script, options);
  }
  std::string database_ = "pgc_deploy_apply";
};

TEST_F(LibpqApplyTest, StopsAtTheFirstErrorAndSaysWhereInTheScript) {
  SqlApplyOptions options;
  options.variables["v"] = "é, a value longer than its reference";
  SqlApplyResult result = apply(
      "CREATE TABLE first_t (a int);\n"
      "SELECT :'v' AS v, nosuch\n"
      "  FROM first_t;\n"
      "CREATE TABLE later_t (b int);\n",
      options);
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(result.statements, 1);
  EXPECT_EQ(result.line, 2);
  EXPECT_EQ(result.column, 19);
  EXPECT_EQ(result.sqlState, "42703");
  EXPECT_EQ(result.error.rfind("boot.sql:2:19: column \"nosuch\" does not exist", 0), 0u)
      << result.error;
  EXPECT_EQ(PostgresServer::shared().query(database_, "SELECT to_regclass('later_t') IS NULL"),
            "t\n");
}

TEST_F(LibpqApplyTest, AnErrorWithoutAPositionPointsAtItsStatement) {
  SqlApplyResult result = apply("SELECT 1;\n\n  DO $$ BEGIN RAISE EXCEPTION 'no'; END $$;\n");
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(result.line, 3);
  EXPECT_EQ(result.column, 3);
  EXPECT_EQ(result.sqlState, "P0001");
}

TEST_F(LibpqApplyTest, PasswordsNeverShowInMessages) {
  SqlApplyOptions options;
  options.variables["pw"] = "hunter2-secret";
  SqlApplyResult result = apply("SELECT :'pw'::int;\n", options);
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(result.sqlState, "22P02");
  EXPECT_EQ(result.error.find("hunter2-secret"), std::string::npos) << result.error;
  EXPECT_NE(result.error.find("***"), std::string::npos) << result.error;
  EXPECT_EQ(result.error.find(kConnectionPassword), std::string::npos);
}

TEST_F(LibpqApplyTest, AMissingPasswordRaisesTheScriptsOwnException) {
  for (const SqlCase& c : sqlCases()) {
    std::string script = emit::sqlBootstrap(modelOf(c), clusterOf(c));
    size_t raise = script.find("DO $pgc$ BEGIN RAISE EXCEPTION");
    if (raise == std::string::npos) continue;
    SqlApplyResult result = apply(script);
    EXPECT_FALSE(result.ok) << c.name;
    EXPECT_NE(result.error.find("is not set: pass the password of role"), std::string::npos)
        << result.error;
    EXPECT_EQ(result.sqlState, "P0001");
    EXPECT_EQ(result.line, 1 + std::count(script.begin(), script.begin() + raise, '\n'));
    return;
  }
  FAIL() << "no generated script has a password role";
}

TEST_F(LibpqApplyTest, ReportsEachStatementOnceInOrderWithItsLine) {
  std::vector<SqlStep> steps;
  SqlApplyOptions options;
  options.onStatement = [&](const SqlStep& step) { steps.push_back(step); };
  SqlApplyResult result = apply(
      "-- a comment\n"
      "CREATE TABLE IF NOT EXISTS public.t (a int);\n"
      "SELECT false AS run \\gset\n"
      "\\if :run\n"
      "SELECT 1/0;\n"
      "\\endif\n"
      "SELECT pg_catalog.now(); DO $x$ BEGIN RAISE NOTICE 'swallowed'; END $x$;\n",
      options);
  ASSERT_TRUE(result.ok) << result.error;
  EXPECT_EQ(result.statements, 4);
  ASSERT_EQ(steps.size(), 4u);
  const std::pair<int, const char*> expected[] = {
      {2, "CREATE TABLE IF NOT EXISTS public.t"},
      {3, "SELECT false AS run"},
      {7, "SELECT pg_catalog.now"},
      {7, "DO $x$"},
  };
  for (size_t i = 0; i < steps.size(); ++i) {
    EXPECT_EQ(steps[i].index, static_cast<int>(i + 1));
    EXPECT_EQ(steps[i].line, expected[i].first);
    EXPECT_EQ(steps[i].summary, expected[i].second);
  }
}

TEST_F(LibpqApplyTest, GsetAndIfFollowPsql) {
  SqlApplyResult result = apply(
      "\\set maybe of\n"
      "SELECT NULL AS gone, 'Ye' AS yes, 'it''s' AS name \\gset p_\n"
      "\\if :{?p_gone}\n SELECT 1/0;\n"
      "\\elif :p_yes\n CREATE TABLE :\"p_name\" (v text DEFAULT :'p_name');\n"
      "\\else\n SELECT 1/0;\n\\endif\n"
      "\\if :maybe\n SELECT 1/0;\n\\endif\n"
      "\\if :undefined_var\n\\endif\n");
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(result.error,
            "boot.sql:13:1: unrecognized value \":undefined_var\" for \"\\if expression\": "
            "Boolean expected");
  EXPECT_EQ(PostgresServer::shared().query(database_,
                                           "SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef "
                                           "WHERE adrelid = '\"it''s\"'::regclass"),
            "'it''s'::text\n");

  result = apply("SELECT 1 WHERE false \\gset\n");
  EXPECT_EQ(result.error, "boot.sql:1:1: no rows returned for \\gset");
  result = apply("SELECT 1 AS a FROM generate_series(1, 2) \\gset\n");
  EXPECT_EQ(result.error, "boot.sql:1:1: more than one row returned for \\gset");
}

TEST_F(LibpqApplyTest, ConnectsWithAUriAndSwitchesDatabases) {
  SqlConnection uri;
  uri.uri = "postgresql://postgres:uri-secret@127.0.0.1:" +
            std::to_string(PostgresServer::shared().port()) + "/" + database_ + "?sslmode=disable";
  SqlApplyResult result = applySqlScript(
      uri, "boot.sql",
      "CREATE TABLE via_uri (a int);\n"
      "\\connect postgres\n"
      "SELECT current_database() = 'postgres' AS switched \\gset\n"
      "\\connect " +
          database_ +
          "\n"
          "SELECT :'switched'::boolean AND to_regclass('via_uri') IS NOT NULL AS back \\gset\n"
          "\\if :back\n CREATE TABLE via_uri_too (a int);\n\\endif\n",
      {});
  ASSERT_TRUE(result.ok) << result.error;
  EXPECT_EQ(
      PostgresServer::shared().query(database_, "SELECT to_regclass('via_uri_too') IS NOT NULL"),
      "t\n");
}

}  // namespace
}  // namespace pgc::tests
