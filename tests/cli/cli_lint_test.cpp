// `pgc lint`, `pgc explain` and the platform catalog as users meet them: the formats on
// standard output, exit 1 when an error remains, the migration guide's failure caught with
// Azure's own words, every example clean, and a broken catalog reported, not crashed on.
#include <gtest/gtest.h>

#include <filesystem>

#include "pgc_process.h"

namespace pgc::tests {
namespace {

namespace fs = std::filesystem;

// The migration guide's deployment failure, as a pgc program.
const char* kCitusOnFlexible = R"(import "std/environments"
project "emergency-alerts" {}
param admin_password: secret
environment dev extends std.dev { location = "australiaeast" }
cluster main {
  kind     = flexible
  auth { admin_login = "pgadmin" admin_password = admin_password }
  settings = { shared_preload_libraries = "citus" }
}
)";

const char* kWarningOnly = R"(import "std/environments"
project "ingest" {}
param admin_password: secret
environment dev extends std.dev { location = "westeurope" }
cluster main {
  kind  = elastic
  nodes = 12
  auth { admin_login = "pgadmin" admin_password = admin_password }
}
)";

TEST(CliLintTest, CatchesCitusOnAFlexibleServerWithAzuresOwnWords) {
  TempDir dir;
  dir.write("main.pgc", kCitusOnFlexible);
  ProcessResult result = runPgc({"check", "main.pgc"}, dir.path());
  EXPECT_EQ(result.exitCode, 1);
  EXPECT_NE(result.err.find("main.pgc:8:43: error[PGC2201]: `shared_preload_libraries` lists "
                            "`citus` on flexible server `main`"),
            std::string::npos)
      << result.err;
  EXPECT_NE(result.err.find("Value 'citus' is invalid for server parameter "
                            "'shared_preload_libraries'. Allowed values are '"),
            std::string::npos)
      << result.err;
  EXPECT_NE(result.err.find("= help: use `kind = elastic`"), std::string::npos) << result.err;
}

TEST(CliLintTest, GithubFormatWritesWorkflowCommandsAndExitsOneOnErrors) {
  TempDir dir;
  dir.write("main.pgc", kCitusOnFlexible);
  ProcessResult result = runPgc({"lint", "main.pgc", "--format", "github"}, dir.path());
  EXPECT_EQ(result.exitCode, 1);
  EXPECT_EQ(result.out.rfind("::error file=main.pgc,line=8,col=43,", 0), 0u) << result.out;
  EXPECT_EQ(result.err, "");
}

TEST(CliLintTest, WarningsAloneExitZero) {
  TempDir dir;
  dir.write("main.pgc", kWarningOnly);
  ProcessResult result = runPgc({"lint", "main.pgc", "--format", "json"}, dir.path());
  EXPECT_EQ(result.exitCode, 0) << result.err;
  EXPECT_NE(result.out.find("\"code\": \"PGC2104\""), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("\"warnings\": 1"), std::string::npos) << result.out;
}

TEST(CliLintTest, SarifAndTextGoToStandardOutput) {
  TempDir dir;
  dir.write("main.pgc", kWarningOnly);
  ProcessResult sarif = runPgc({"lint", "main.pgc", "--format", "sarif"}, dir.path());
  EXPECT_EQ(sarif.exitCode, 0);
  EXPECT_NE(sarif.out.find("\"version\": \"2.1.0\""), std::string::npos);
  EXPECT_NE(sarif.out.find("\"ruleId\": \"PGC2104\""), std::string::npos);
  ProcessResult text = runPgc({"lint", "main.pgc"}, dir.path());
  EXPECT_NE(text.out.find("main.pgc:7:11: warning[PGC2104]"), std::string::npos) << text.out;
}

TEST(CliLintTest, UnknownFormatIsAUsageError) {
  TempDir dir;
  dir.write("main.pgc", kWarningOnly);
  ProcessResult result = runPgc({"lint", "main.pgc", "--format", "xml"}, dir.path());
  EXPECT_EQ(result.exitCode, 2);
}

TEST(CliLintTest, EveryExampleIsCleanInEveryEnvironment) {
  const fs::path root = PGC_SOURCE_DIR;
  for (const auto& entry : fs::directory_iterator(root / "examples")) {
    fs::path program = entry.path() / "main.pgc";
    if (!fs::exists(program)) continue;
    ProcessResult result = runPgc({"lint", fs::relative(program, root).string()}, root);
    EXPECT_EQ(result.exitCode, 0) << program << "\n" << result.out;
    EXPECT_EQ(result.out, "") << program;
  }
}

TEST(CliLintTest, ABrokenPlatformCatalogIsReportedWithExitTwo) {
  TempDir dir;
  dir.write("main.pgc", kWarningOnly);
  fs::path stdlib = dir.path() / "stdlib";
  fs::create_directories(stdlib / "std");
  fs::copy(fs::path(PGC_SOURCE_DIR) / "stdlib" / "std" / "environments.pgc", stdlib / "std");
  ProcessResult result = runPgc({"--stdlib", stdlib.string(), "check", "main.pgc"}, dir.path());
  EXPECT_EQ(result.exitCode, 2);
  EXPECT_NE(result.err.find("error[PGC2000]: the platform catalog `"), std::string::npos)
      << result.err;
  EXPECT_NE(result.err.find("flexible-server.json` is unusable: cannot be read"), std::string::npos)
      << result.err;
}

TEST(CliExplainTest, PrintsTheLongExplanation) {
  TempDir dir;
  ProcessResult result = runPgc({"explain", "PGC2201"}, dir.path());
  EXPECT_EQ(result.exitCode, 0) << result.err;
  EXPECT_EQ(result.out.rfind("# PGC2201 citus-preload-on-flexible\n", 0), 0u) << result.out;
  EXPECT_NE(result.out.find("## Example"), std::string::npos);
  EXPECT_NE(result.out.find("## Fix"), std::string::npos);
  EXPECT_EQ(runPgc({"explain", "2201"}, dir.path()).out, result.out);
  EXPECT_EQ(runPgc({"explain", "pgc2201"}, dir.path()).out, result.out);
}

TEST(CliExplainTest, AnUnknownCodeIsAUsageError) {
  TempDir dir;
  ProcessResult result = runPgc({"explain", "PGC9999"}, dir.path());
  EXPECT_EQ(result.exitCode, 2);
  EXPECT_NE(result.err.find("not a diagnostic code"), std::string::npos) << result.err;
}

}  // namespace
}  // namespace pgc::tests
