// Inputs built to break a recursive parser: they must end in a diagnostic, never a crash.
#include <gtest/gtest.h>

#include "pgc_process.h"

namespace pgc::tests {
namespace {

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(CliLimitsTest, TenThousandNestedBracketsAreTooDeep) {
  TempDir dir;
  dir.write("deep.pgc", "let x = " + std::string(10000, '[') + std::string(10000, ']') + "\n");
  ProcessResult result = runPgc({"check", "deep.pgc"}, dir.path());
  EXPECT_EQ(result.exitCode, 1) << result.err;
  EXPECT_TRUE(contains(result.err, "error[PGC0023]: this nests more than 200 levels deep"))
      << result.err;
  EXPECT_TRUE(contains(result.err, "1 error\n")) << result.err;
}

TEST(CliLimitsTest, TenThousandNestedBlocksAreTooDeep) {
  TempDir dir;
  std::string text = "cluster main ";
  for (int i = 0; i < 10000; ++i) text += "{ b ";
  text += std::string(10000, '}') + "\n";
  dir.write("blocks.pgc", text);
  ProcessResult result = runPgc({"check", "blocks.pgc"}, dir.path());
  EXPECT_EQ(result.exitCode, 1) << result.err;
  EXPECT_TRUE(contains(result.err, "error[PGC0023]")) << result.err;
}

TEST(CliLimitsTest, FiftyThousandTermSumEndsInADiagnostic) {
  TempDir dir;
  std::string text = "let x = 1";
  for (int i = 1; i < 50000; ++i) text += " + 1";
  dir.write("sum.pgc", text + "\n");
  ProcessResult result = runPgc({"check", "sum.pgc"}, dir.path());
  EXPECT_EQ(result.exitCode, 1) << result.err;
  EXPECT_TRUE(contains(result.err, "error[PGC0023]")) << result.err;
  // The snippet of a 200,000-character line is cut to a window around the caret.
  EXPECT_LT(result.err.size(), 2000u);
}

}  // namespace
}  // namespace pgc::tests
