// The parser recovers after a syntax error: three mistakes on three lines are three
// diagnostics, each at its own line and column, each with a caret under the mistake.
#include <gtest/gtest.h>

#include "pgc/parse.h"
#include "pgc/render.h"

namespace pgc::syntax {
namespace {

ParseResult parseText(const std::string& text) {
  LoadResult loaded = checkSource("main.pgc", text);
  EXPECT_NE(loaded.file, nullptr);
  return parse(loaded.file);
}

TEST(SyntaxRecoveryTest, ReportsThreeErrorsOnThreeLines) {
  ParseResult result = parseText(
      "cluster main {\n"
      "  nodes: 3\n"
      "}\n"
      "let storage = 128GB +* 2\n"
      "output host = main.fqdn)\n");
  const auto& all = result.diagnostics.all();
  ASSERT_EQ(all.size(), 3u) << renderText(result.diagnostics, RenderOptions{false});
  EXPECT_EQ(all[0].code, DiagCode::ExpectedToken);
  EXPECT_EQ(all[0].span.str(), "2:8-2:9");
  EXPECT_EQ(all[1].code, DiagCode::UnexpectedToken);
  EXPECT_EQ(all[1].span.str(), "4:22-4:23");
  EXPECT_EQ(all[2].code, DiagCode::UnexpectedToken);
  EXPECT_EQ(all[2].span.str(), "5:24-5:25");

  std::string text = renderText(result.diagnostics, RenderOptions{false});
  EXPECT_NE(text.find("main.pgc:2:8: error[PGC0020]"), std::string::npos) << text;
  EXPECT_NE(text.find("2 |   nodes: 3\n  |        ^\n"), std::string::npos) << text;
  EXPECT_NE(text.find("main.pgc:4:22: error[PGC0022]"), std::string::npos) << text;
  EXPECT_NE(text.find("4 | let storage = 128GB +* 2\n  |                      ^\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("main.pgc:5:24: error[PGC0022]"), std::string::npos) << text;
  EXPECT_NE(text.find("5 | output host = main.fqdn)\n  |                        ^\n"),
            std::string::npos)
      << text;
  EXPECT_EQ(text.substr(text.size() - 9), "3 errors\n");
}

TEST(SyntaxRecoveryTest, ModuleIsPartialButSetAfterErrors) {
  ParseResult result = parseText("let a = \nlet b = 2\n");
  ASSERT_NE(result.module, nullptr);
  EXPECT_TRUE(result.diagnostics.hasErrors());
}

TEST(SyntaxRecoveryTest, CleanInputHasNoDiagnosticsAndAllItems) {
  ParseResult result = parseText("project \"p\" {}\ncluster main { kind = elastic }\n");
  EXPECT_TRUE(result.diagnostics.empty());
  EXPECT_EQ(result.module->items.size(), 2u);
}

TEST(SyntaxRecoveryTest, ErrorsAreCappedPerFile) {
  std::string text;
  for (int i = 0; i < 25; ++i) text += "let x" + std::to_string(i) + " = = 1\n";
  ParseResult result = parseText(text);
  const auto& all = result.diagnostics.all();
  ASSERT_EQ(all.size(), kMaxSyntaxErrors + 1);
  EXPECT_EQ(all.back().code, DiagCode::TooManySyntaxErrors);
  EXPECT_EQ(all.back().message, "15 more syntax errors in `main.pgc` are not shown");
  EXPECT_EQ(result.diagnostics.errorCount(), kMaxSyntaxErrors);
}

TEST(SyntaxRecoveryTest, DeepNestingIsRefusedAndShallowIsNot) {
  // Each bracket is two levels of the tree (an expression and a list): 50 fit, 500 do not.
  std::string shallow = "let x = " + std::string(50, '[') + std::string(50, ']') + "\n";
  EXPECT_TRUE(parseText(shallow).diagnostics.empty());
  std::string deep = "let x = " + std::string(500, '[') + std::string(500, ']') + "\n";
  ParseResult result = parseText(deep);
  ASSERT_EQ(result.diagnostics.all().size(), 1u);
  EXPECT_EQ(result.diagnostics.all()[0].code, DiagCode::NestingTooDeep);
}

}  // namespace
}  // namespace pgc::syntax
