// The command line itself: version, help, and what a mistyped command gets.
#include <gtest/gtest.h>

#include "pgc_process.h"

namespace pgc::tests {
namespace {

TEST(CliUsageTest, VersionPrintsTheVersionAndExitsZero) {
  TempDir dir;
  ProcessResult result = runPgc({"--version"}, dir.path());
  EXPECT_EQ(result.exitCode, 0) << result.err;
  EXPECT_EQ(result.out, std::string("pgc ") + PGC_VERSION + "\n");
}

TEST(CliUsageTest, HelpNamesTheCommandsAndShowsExamples) {
  TempDir dir;
  ProcessResult result = runPgc({"--help"}, dir.path());
  EXPECT_EQ(result.exitCode, 0) << result.err;
  EXPECT_NE(result.out.find("check"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("ast"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("Examples:"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("pgc check main.pgc"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("Exit codes"), std::string::npos) << result.out;
}

TEST(CliUsageTest, UnknownSubcommandIsAUsageError) {
  TempDir dir;
  ProcessResult result = runPgc({"frobnicate", "main.pgc"}, dir.path());
  EXPECT_EQ(result.exitCode, 2);
  EXPECT_EQ(result.out, "");
  EXPECT_NE(result.err.find("--help"), std::string::npos) << result.err;
}

TEST(CliUsageTest, NoSubcommandIsAUsageError) {
  TempDir dir;
  ProcessResult result = runPgc({}, dir.path());
  EXPECT_EQ(result.exitCode, 2);
  EXPECT_NE(result.err.find("--help"), std::string::npos) << result.err;
}

TEST(CliUsageTest, CheckWithoutAFileIsAUsageError) {
  TempDir dir;
  ProcessResult result = runPgc({"check"}, dir.path());
  EXPECT_EQ(result.exitCode, 2);
  EXPECT_FALSE(result.err.empty());
}

}  // namespace
}  // namespace pgc::tests
