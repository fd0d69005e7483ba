// `pgc ast FILE`: the tree as JSON on stdout, nothing on stderr, for a valid file; the
// diagnostics and no JSON for an invalid one.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "pgc_process.h"

namespace pgc::tests {
namespace {

TEST(CliAstTest, PrintsJsonThatParses) {
  TempDir dir;
  dir.write("main.pgc",
            "project \"demo\" { description = \"a demo\" }\n"
            "cluster main {\n  kind = elastic\n  storage = 128GB\n}\n");
  ProcessResult result = runPgc({"ast", "main.pgc"}, dir.path());
  ASSERT_EQ(result.exitCode, 0) << result.err;
  EXPECT_EQ(result.err, "");
  nlohmann::json tree = nlohmann::json::parse(result.out);  // throws when it is not JSON
  EXPECT_EQ(tree["file"], "main.pgc");
  ASSERT_EQ(tree["items"].size(), 2u);
  EXPECT_EQ(tree["items"][0]["kind"], "project");
  EXPECT_EQ(tree["items"][0]["name"], "demo");
  EXPECT_EQ(tree["items"][1]["kind"], "cluster");
  EXPECT_EQ(tree["items"][1]["span"], "2:1-5:2");
  EXPECT_EQ(tree["items"][1]["body"][1]["value"]["kind"], "size");
  EXPECT_EQ(tree["items"][1]["body"][1]["value"]["amount"], 128);
}

TEST(CliAstTest, InvalidFilePrintsDiagnosticsAndNoTree) {
  TempDir dir;
  dir.write("main.pgc", "cluster main {\n");
  ProcessResult result = runPgc({"ast", "main.pgc"}, dir.path());
  EXPECT_EQ(result.exitCode, 1);
  EXPECT_EQ(result.out, "");
  EXPECT_NE(result.err.find("error[PGC0021]"), std::string::npos) << result.err;
}

}  // namespace
}  // namespace pgc::tests
