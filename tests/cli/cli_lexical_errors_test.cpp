// Lexical mistakes seen from the command line: each is one diagnostic at the right place,
// and what follows it still parses.
#include <gtest/gtest.h>

#include "pgc_process.h"

namespace pgc::tests {
namespace {

TEST(CliLexicalErrorsTest, UnterminatedString) {
  TempDir dir;
  dir.write("main.pgc", "project \"alerts {\n}\n");
  ProcessResult result = runPgc({"check", "main.pgc"}, dir.path());
  EXPECT_EQ(result.exitCode, 1);
  EXPECT_EQ(result.err,
            "main.pgc:1:9: error[PGC0011]: unterminated string\n"
            "  |\n"
            "1 | project \"alerts {\n"
            "  |         ^\n"
            "  = note: the line ends before the closing `\"`\n"
            "  = help: close the string on the same line; write `\\n` for a line break inside "
            "it\n"
            "1 error\n");
}

TEST(CliLexicalErrorsTest, UnterminatedComment) {
  TempDir dir;
  dir.write("main.pgc", "let a = 1\n  /* to be continued\nlet b = 2\n");
  ProcessResult result = runPgc({"check", "main.pgc"}, dir.path());
  EXPECT_EQ(result.exitCode, 1);
  EXPECT_EQ(result.err,
            "main.pgc:2:3: error[PGC0012]: unterminated block comment\n"
            "  |\n"
            "2 |   /* to be continued\n"
            "  |   ^^\n"
            "  = help: close the comment with `*/`\n"
            "1 error\n");
}

TEST(CliLexicalErrorsTest, StrayClosingBrace) {
  TempDir dir;
  dir.write("main.pgc", "cluster main {\n  kind = elastic\n}\n}\n");
  ProcessResult result = runPgc({"check", "main.pgc"}, dir.path());
  EXPECT_EQ(result.exitCode, 1);
  EXPECT_EQ(result.err,
            "main.pgc:4:1: error[PGC0022]: unexpected `}`\n"
            "  |\n"
            "4 | }\n"
            "  | ^\n"
            "  = help: remove it: nothing is open for it to close\n"
            "1 error\n");
}

TEST(CliLexicalErrorsTest, ColourOnlyWhenAskedFor) {
  TempDir dir;
  dir.write("main.pgc", "}\n");
  ProcessResult plain = runPgc({"check", "main.pgc"}, dir.path());
  EXPECT_EQ(plain.err.find('\x1b'), std::string::npos) << "stderr is not a terminal";
  ProcessResult coloured = runPgc({"--color", "always", "check", "main.pgc"}, dir.path());
  EXPECT_EQ(coloured.exitCode, 1);
  EXPECT_NE(coloured.err.find("\x1b[1;31merror[PGC0022]"), std::string::npos) << coloured.err;
}

}  // namespace
}  // namespace pgc::tests
