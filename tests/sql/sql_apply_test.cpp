// Every bootstrap script of every example and golden case, applied with psql to a real
// PostgreSQL server twice: both runs succeed, the second changes nothing in the catalog, and
// the catalog then holds what the Model declares, with each Citus and pgaadauth call made once
// in an order Citus accepts.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>

#include "catalog_checks.h"
#include "pgc/emit/sql.h"
#include "postgres_server.h"
#include "sql_cases.h"

namespace pgc::tests {
namespace {

// A password with the characters that break naive quoting.
std::string testPassword(const std::string& param) { return "pw'" + param + "\\\"$1"; }

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

class SqlApplyTest : public ::testing::TestWithParam<SqlCase> {
 protected:
  void TearDown() override { PostgresServer::shared().cleanUp(); }
};

TEST_P(SqlApplyTest, AppliesTwiceAndTheCatalogHoldsTheModel) {
  PostgresServer& server = PostgresServer::shared();
  ASSERT_TRUE(server.running()) << server.failure();
  const model::Model& model = modelOf(GetParam());
  const model::Cluster& cluster = clusterOf(GetParam());
  std::string script = emit::sqlBootstrap(model, cluster);

  std::string file = server.scratchDir() + "/" + GetParam().name + ".sql";
  std::ofstream(file, std::ios::binary) << script;
  chmod(file.c_str(), 0644);
  const std::string& clusterDatabase = cluster.database.value;
  std::string database = clusterDatabase == "postgres" ? "pgc_" + GetParam().name : clusterDatabase;
  server.createDatabase(database);

  std::vector<std::string> args = {"-f", file};
  for (const model::Param& param : model.params) {
    if (param.type != model::ParamType::Secret) continue;
    EXPECT_EQ(script.find(testPassword(param.name)), std::string::npos);
    args.insert(args.end(), {"-v", param.name + "=" + testPassword(param.name)});
  }
  EXPECT_EQ(script.find("PASSWORD '"), std::string::npos) << "a password written into the file";

  ProcessResult first = server.psql(database, args);
  ASSERT_EQ(first.exitCode, 0) << "first run\n" << first.err;
  std::string afterFirst = catalogSnapshot(server, database) + catalogSnapshot(server, "postgres");
  ProcessResult second = server.psql(database, args);
  ASSERT_EQ(second.exitCode, 0) << "second run\n" << second.err;
  std::string afterSecond = catalogSnapshot(server, database) + catalogSnapshot(server, "postgres");
  EXPECT_EQ(afterFirst, afterSecond) << "the second run changed the catalog";

  expectCatalogMatchesModel(server, database, model, cluster);
  expectDefaultNames(server, database, model, cluster);
  std::vector<std::string> calls =
      lines(server.query("postgres", "SELECT call FROM pgc_test.calls ORDER BY seq"));
  for (const std::string& call :
       lines(server.query(database, "SELECT call FROM pgc_test.calls ORDER BY seq"))) {
    calls.push_back(call);
  }
  expectRecordedCalls(calls, model, cluster, server.majorVersion());
}

INSTANTIATE_TEST_SUITE_P(Scripts, SqlApplyTest, ::testing::ValuesIn(sqlCases()),
                         [](const ::testing::TestParamInfo<SqlCase>& info) {
                           return info.param.name;
                         });

}  // namespace
}  // namespace pgc::tests
