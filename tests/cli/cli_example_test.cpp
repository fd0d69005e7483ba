// The example users copy first must be clean: `pgc check` of it exits 0 and says nothing.
#include <gtest/gtest.h>

#include <filesystem>

#include "pgc_process.h"

namespace pgc::tests {
namespace {

TEST(CliExampleTest, EmergencyAlertsChecksClean) {
  const std::filesystem::path root = PGC_SOURCE_DIR;
  if (!std::filesystem::exists(root / "examples/emergency-alerts/main.pgc")) {
    GTEST_SKIP() << "examples/emergency-alerts/main.pgc is not written yet";
  }
  ProcessResult result = runPgc({"check", "examples/emergency-alerts/main.pgc"}, root);
  EXPECT_EQ(result.exitCode, 0) << result.err;
  EXPECT_EQ(result.err, "");
  EXPECT_EQ(result.out, "");
}

}  // namespace
}  // namespace pgc::tests
