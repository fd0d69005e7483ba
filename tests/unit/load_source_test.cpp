// checkSource and loadSource refuse what is not pgc source before parsing: binary content,
// invalid UTF-8, oversized text, and paths that are not readable files.
#include <gtest/gtest.h>

#include "pgc/parse.h"
#include "pgc/render.h"

namespace pgc::syntax {
namespace {

TEST(LoadSourceTest, AcceptsUtf8Text) {
  LoadResult result = checkSource("ok.pgc",
                                  "let name = \"Gr\xC3\xBC\xC3\x9F"
                                  "e\"\n");
  ASSERT_NE(result.file, nullptr);
  EXPECT_TRUE(result.diagnostics.empty());
  EXPECT_FALSE(result.ioError);
  EXPECT_EQ(result.file->path(), "ok.pgc");
}

TEST(LoadSourceTest, RefusesANulBytePointingAtIt) {
  LoadResult result = checkSource("bin.pgc", std::string("let a = 1\nab\0c\n", 15));
  EXPECT_EQ(result.file, nullptr);
  EXPECT_FALSE(result.ioError);
  ASSERT_EQ(result.diagnostics.all().size(), 1u);
  const Diagnostic& d = result.diagnostics.all()[0];
  EXPECT_EQ(d.code, DiagCode::BinaryFile);
  EXPECT_EQ(d.span.str(), "2:3-2:4");
}

TEST(LoadSourceTest, RefusesInvalidUtf8NamingTheByte) {
  LoadResult result = checkSource("latin1.pgc", "let a = \"caf\xE9\"\n");
  EXPECT_EQ(result.file, nullptr);
  ASSERT_EQ(result.diagnostics.all().size(), 1u);
  const Diagnostic& d = result.diagnostics.all()[0];
  EXPECT_EQ(d.code, DiagCode::InvalidUtf8);
  EXPECT_EQ(d.message, "invalid UTF-8: byte 0xE9 cannot start or continue a character");
  EXPECT_EQ(d.span.str(), "1:13-1:14");
}

TEST(LoadSourceTest, RefusedFileStaysReadableThroughItsDiagnostics) {
  // The file is not returned; rendering its diagnostics must still show the line.
  Diagnostics kept;
  kept.append(checkSource("bin.pgc", std::string("x\0", 2)).diagnostics);
  EXPECT_EQ(renderText(kept, RenderOptions{false}),
            "bin.pgc:1:2: error[PGC0004]: `bin.pgc` is a binary file, not pgc source\n"
            "  |\n"
            "1 | x\xEF\xBF\xBD\n"
            "  |  ^\n"
            "  = note: it contains a NUL byte here; pgc source is UTF-8 text\n"
            "1 error\n");
}

TEST(LoadSourceTest, RefusesTextOverTheLimit) {
  LoadResult result = checkSource("big.pgc", std::string(kMaxSourceBytes + 1, ' '));
  EXPECT_EQ(result.file, nullptr);
  ASSERT_EQ(result.diagnostics.all().size(), 1u);
  EXPECT_EQ(result.diagnostics.all()[0].code, DiagCode::FileTooLarge);
  EXPECT_EQ(result.diagnostics.all()[0].message,
            "`big.pgc` is 4.0 MiB; pgc reads source files of at most 4.0 MiB");
}

TEST(LoadSourceTest, AcceptsTextAtTheLimit) {
  EXPECT_NE(checkSource("big.pgc", std::string(kMaxSourceBytes, ' ')).file, nullptr);
}

TEST(LoadSourceTest, MissingFileIsAnIoError) {
  LoadResult result = loadSource("/nonexistent/pgc/main.pgc", "main.pgc");
  EXPECT_EQ(result.file, nullptr);
  EXPECT_TRUE(result.ioError);
  ASSERT_EQ(result.diagnostics.all().size(), 1u);
  EXPECT_EQ(result.diagnostics.all()[0].code, DiagCode::CannotReadFile);
  EXPECT_EQ(result.diagnostics.all()[0].message,
            "cannot read `main.pgc`: No such file or directory");
}

TEST(LoadSourceTest, DirectoryIsAnIoError) {
  LoadResult result = loadSource(PGC_SOURCE_DIR, "src");
  EXPECT_TRUE(result.ioError);
  ASSERT_EQ(result.diagnostics.all().size(), 1u);
  EXPECT_EQ(result.diagnostics.all()[0].code, DiagCode::NotAFile);
}

}  // namespace
}  // namespace pgc::syntax
