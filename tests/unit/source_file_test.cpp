// Span and column arithmetic of SourceFile: what every caret and `line:col` is built on.
// Columns count code points, so a tab and a multi-byte character are one column each.
#include <gtest/gtest.h>

#include "pgc/source.h"

namespace pgc {
namespace {

Position at(const SourceFile& file, uint32_t offset) { return file.position(offset); }

void expectPosition(Position actual, uint32_t line, uint32_t column) {
  EXPECT_EQ(actual.line, line);
  EXPECT_EQ(actual.column, column);
}

TEST(SourceFileTest, CountsLinesAndColumnsFromOne) {
  SourceFile file("f.pgc", "ab\ncd\n");
  expectPosition(at(file, 0), 1, 1);
  expectPosition(at(file, 1), 1, 2);
  expectPosition(at(file, 2), 1, 3);  // the line break itself
  expectPosition(at(file, 3), 2, 1);
  expectPosition(at(file, 4), 2, 2);
  EXPECT_EQ(file.lineCount(), 3u);  // the final line break starts an empty third line
}

TEST(SourceFileTest, TabIsOneColumn) {
  SourceFile file("f.pgc", "\t\tx = 1");
  expectPosition(at(file, 1), 1, 2);
  expectPosition(at(file, 2), 1, 3);
  expectPosition(at(file, 3), 1, 4);
}

TEST(SourceFileTest, MultiByteCharacterIsOneColumn) {
  // é (2 bytes), 名 (3 bytes), 😀 (4 bytes), then `x`.
  SourceFile file("f.pgc", "\xC3\xA9\xE5\x90\x8D\xF0\x9F\x98\x80x");
  expectPosition(at(file, 2), 1, 2);
  expectPosition(at(file, 5), 1, 3);
  expectPosition(at(file, 9), 1, 4);
  expectPosition(at(file, 10), 1, 5);
}

TEST(SourceFileTest, CrlfLinesEndBeforeTheCarriageReturn) {
  SourceFile file("f.pgc", "let a = 1\r\nlet b = 2\r\n");
  EXPECT_EQ(file.lineCount(), 3u);
  EXPECT_EQ(file.line(1), "let a = 1");
  EXPECT_EQ(file.line(2), "let b = 2");
  EXPECT_EQ(file.lineStart(2), 11u);
  expectPosition(at(file, 11), 2, 1);
  expectPosition(at(file, 19), 2, 9);
}

TEST(SourceFileTest, LoneCarriageReturnDoesNotBreakTheLine) {
  SourceFile file("f.pgc", "a\rb\nc");
  EXPECT_EQ(file.lineCount(), 2u);
  expectPosition(at(file, 2), 1, 3);
  expectPosition(at(file, 4), 2, 1);
}

TEST(SourceFileTest, PositionPastTheEndClampsToTheEnd) {
  SourceFile file("f.pgc", "ab\ncd");
  expectPosition(at(file, 5), 2, 3);
  expectPosition(at(file, 6), 2, 3);
  expectPosition(at(file, 1000000), 2, 3);
}

TEST(SourceFileTest, EmptyFileHasOneEmptyLine) {
  SourceFile file("f.pgc", "");
  EXPECT_EQ(file.lineCount(), 1u);
  EXPECT_EQ(file.line(1), "");
  expectPosition(at(file, 0), 1, 1);
}

TEST(SourceFileTest, LineOutsideTheFileIsEmpty) {
  SourceFile file("f.pgc", "only\n");
  EXPECT_EQ(file.line(0), "");
  EXPECT_EQ(file.line(2), "");
  EXPECT_EQ(file.line(3), "");
}

TEST(SourceFileTest, SpanCarriesStartAndStop) {
  SourceFile file("f.pgc", "cluster main {\n  nodes = 3\n}\n");
  Span span = file.span(17, 22);  // `nodes`
  EXPECT_TRUE(span.valid());
  EXPECT_EQ(span.file, &file);
  EXPECT_EQ(span.begin, 17u);
  EXPECT_EQ(span.end, 22u);
  expectPosition(span.start, 2, 3);
  expectPosition(span.stop, 2, 8);
  EXPECT_EQ(span.str(), "2:3-2:8");
}

TEST(SourceFileTest, SpanAcrossLines) {
  SourceFile file("f.pgc", "cluster main {\n  nodes = 3\n}\n");
  EXPECT_EQ(file.span(13, 28).str(), "1:14-3:2");
}

TEST(SourceFileTest, ReversedSpanIsEmptyAtItsBegin) {
  SourceFile file("f.pgc", "abcdef");
  Span span = file.span(4, 2);
  EXPECT_EQ(span.begin, 4u);
  EXPECT_EQ(span.end, 4u);
  EXPECT_EQ(span.str(), "1:5-1:5");
}

TEST(SourceFileTest, DefaultSpanIsInvalid) { EXPECT_FALSE(Span{}.valid()); }

TEST(SourceFileTest, KeepsPathAndText) {
  SourceFile file("dir/main.pgc", "let a = 1\n");
  EXPECT_EQ(file.path(), "dir/main.pgc");
  EXPECT_EQ(file.text(), "let a = 1\n");
}

}  // namespace
}  // namespace pgc
